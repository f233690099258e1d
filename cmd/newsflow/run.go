package main

import (
	"context"
)

const runExamples = `  newsflow run                                   # embedded NATS on 127.0.0.1:4222, data in ./data
  newsflow run --nats-url nats://nats-1:4222,nats://nats-2:4222
  newsflow run --config /etc/newsflow/newsflow.yaml --workers 8
  NEWSFLOW_RUNNER_MAX_IN_FLIGHT=512 newsflow run
`

func cmdRun(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "run", "[flags]", runExamples)
	var cf configFlags
	cf.register(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := cf.load(fs, e.environ)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.Log)
	p, err := startProcessor(ctx, cfg, log)
	if err != nil {
		return err
	}
	attrs := []any{"version", build().Version, "nats", p.conn.URL(), "embedded", cfg.NATS.Embedded(),
		"stream", cfg.Streams.Articles.Name, "consumer", cfg.Consumer.Durable, "workers", cfg.Runner.Workers}
	if p.http != nil {
		attrs = append(attrs, "http", "http://"+p.http.Addr())
	}
	log.Info("newsflow running", attrs...)
	if err := p.run(ctx); err != nil {
		return err
	}
	log.Info("newsflow stopped")
	return nil
}
