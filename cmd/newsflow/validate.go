package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsflow/newsflow/pipeline"
)

const validateExamples = `  newsflow validate --config deploy/systemd/newsflow.yaml
  NEWSFLOW_RUNNER_WORKERS=8 newsflow validate --config newsflow.yaml
  newsflow validate                      # the environment and flags alone, as on Kubernetes
  newsflow validate --print --workers 4  # the configuration in effect, as YAML, secrets redacted
`

func cmdValidate(_ context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "validate", "[--config FILE] [--print] [flags of run]", validateExamples)
	var cf configFlags
	cf.register(fs, true)
	printCfg := fs.Bool("print", false, "print the configuration in effect as YAML (secrets redacted); it loads back with --config")
	addEnvUsage(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := cf.load(fs, e.environ)
	if err == nil {
		if !*printCfg {
			fmt.Fprintln(e.stdout, "configuration is valid")
			return nil
		}
		out, err := cfg.YAML()
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(out)
		return err
	}
	var fes pipeline.FieldErrors
	if !errors.As(err, &fes) {
		return err // not the values: a file that cannot be read, a context that cannot be found
	}
	for _, f := range fes {
		fmt.Fprintf(e.stdout, "%s: %v: %s\n", f.Field, f.Value, f.Reason)
	}
	return fmt.Errorf("%d problem(s) in the configuration", len(fes))
}
