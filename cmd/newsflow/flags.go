package main

import (
	"flag"
	"io"
	"log/slog"
	"runtime"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// configFlags are the flags that override the configuration.
type configFlags struct {
	path            string
	natsContext     string
	natsURL         string
	natsListen      string
	dataDir         string
	httpAddr        string
	workers         int
	shutdownTimeout time.Duration
	logLevel        string
	logFormat       string
}

// register adds the flags; server says whether the command runs the
// processor (and so takes the listener and worker flags).
func (cf *configFlags) register(fs *flag.FlagSet, server bool) {
	d := config.Default()
	fs.StringVar(&cf.path, "config", "", "configuration `file` (YAML or JSON); also NEWSFLOW_CONFIG")
	fs.StringVar(&cf.natsURL, "nats-url", "", "external NATS server `URL`s, comma-separated (default: NATS_URL or the --context's; none of them runs an embedded server)")
	fs.StringVar(&cf.logLevel, "log-level", d.Log.Level, "log `level`: debug, info, warn or error")
	fs.StringVar(&cf.logFormat, "log-format", d.Log.Format, "log `format`: text or json")
	if !server {
		return
	}
	fs.StringVar(&cf.natsContext, "context", "", "nats CLI context `name` to connect with (server URLs, credentials, TLS); also NATS_CONTEXT")
	fs.StringVar(&cf.natsListen, "nats-listen", d.NATS.Listen, "embedded server listen `address`")
	fs.StringVar(&cf.dataDir, "data-dir", d.NATS.DataDir, "embedded server JetStream storage `directory`")
	fs.StringVar(&cf.httpAddr, "http-addr", d.HTTP.Addr, "`address` for /metrics, /livez and /readyz; empty turns it off")
	fs.IntVar(&cf.workers, "workers", runtime.GOMAXPROCS(0), "processing goroutines")
	fs.DurationVar(&cf.shutdownTimeout, "shutdown-timeout", time.Duration(d.Runner.ShutdownTimeout), "time to finish in-flight articles after SIGTERM, SIGINT or SIGHUP")
}

// load builds the configuration: defaults, then the nats CLI's connection
// settings (a context named by --context or NATS_CONTEXT, then NATS_URL
// and the other NATS_* variables) when they name a server, then the file,
// then NEWSFLOW_* variables, then the flags set on the command line; then
// validates it.
func (cf *configFlags) load(fs *flag.FlagSet, environ []string) (config.Config, error) {
	base := config.Default()
	if fs.Lookup("context") != nil {
		cli, err := natsjs.LoadCLISettings(func(k string) string { return config.LookupEnv(environ, k) }, cf.natsContext)
		if err != nil {
			return base, err
		}
		// Without a server named, credentials in the environment are
		// for the nats CLI alone: newsflow runs its embedded server.
		if cli.URL != "" {
			cli.Apply(&base.NATS)
		}
	}
	cfg, err := config.LoadOver(base, cf.path, environ)
	if err != nil {
		return cfg, err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "nats-url":
			cfg.NATS.URL = cf.natsURL
		case "nats-listen":
			cfg.NATS.Listen = cf.natsListen
		case "data-dir":
			cfg.NATS.DataDir = cf.dataDir
		case "http-addr":
			cfg.HTTP.Addr = cf.httpAddr
		case "workers":
			cfg.Runner.Workers = cf.workers
		case "shutdown-timeout":
			cfg.Runner.ShutdownTimeout = pipeline.Duration(cf.shutdownTimeout)
		case "log-level":
			cfg.Log.Level = cf.logLevel
		case "log-format":
			cfg.Log.Format = cf.logFormat
		}
	})
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg.Resolved(), nil
}

// newLogger returns the logger cfg asks for, writing to w.
func newLogger(w io.Writer, cfg config.LogConfig) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Level)) // validated before
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
