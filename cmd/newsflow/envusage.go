package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
)

// addEnvUsage adds the environment newsflow reads to the usage of fs: every
// NEWSFLOW_* variable with its field and default, and the nats CLI's.
func addEnvUsage(fs *flag.FlagSet, e *env) {
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		w := tabwriter.NewWriter(e.stderr, 2, 8, 2, ' ', 0)
		fmt.Fprintln(w, "\nEnvironment (file < NEWSFLOW_* < flags; see deploy/README.md#configuration):")
		fmt.Fprintf(w, "  %s\tthe configuration file, when --config is not given\n", config.EnvConfig)
		for _, v := range config.EnvVars() {
			fmt.Fprintf(w, "  %s\t%s\t(default %s)\n", v.Name, v.Path, v.Default)
		}
		fmt.Fprintln(w, "\nThe nats CLI's connection settings, under all of the above, when they name a server:")
		fmt.Fprintln(w, "  NATS_CONTEXT\ta nats CLI context, as --context")
		fmt.Fprintln(w, "  NATS_URL\tserver URLs, over the context's")
		fmt.Fprintln(w, "  NATS_CREDS NATS_NKEY NATS_USER NATS_PASSWORD NATS_TOKEN\tcredentials, over the context's")
		fmt.Fprintln(w, "  NATS_CA NATS_CERT NATS_KEY\tTLS files, over the context's")
		fmt.Fprintln(w, "\nAnd GOMEMLIMIT (unset: 90% of the container's memory limit; AUTOMEMLIMIT=off leaves it unset).")
		w.Flush()
	}
}
