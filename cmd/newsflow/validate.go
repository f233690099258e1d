package main

import (
	"context"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
)

func cmdValidate(_ context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "validate", "--config FILE", `  newsflow validate --config deploy/systemd/newsflow.yaml
  NEWSFLOW_RUNNER_WORKERS=8 newsflow validate --config newsflow.yaml
`)
	var cf configFlags
	cf.register(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if cf.path == "" && config.LookupEnv(e.environ, config.EnvConfig) == "" {
		fmt.Fprintln(e.stderr, "newsflow validate: --config is required")
		return errUsage
	}
	_, err := cf.load(fs, e.environ)
	if err == nil {
		fmt.Fprintln(e.stdout, "configuration is valid")
		return nil
	}
	var fes pipeline.FieldErrors
	fes.Merge("", err)
	for _, f := range fes {
		fmt.Fprintf(e.stdout, "%s: %v: %s\n", f.Field, f.Value, f.Reason)
	}
	return fmt.Errorf("%d problem(s) in the configuration", len(fes))
}
