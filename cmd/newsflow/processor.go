package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// processor is a running newsflow: NATS (embedded or not), streams,
// consumer, runner and HTTP endpoints, wired from a Config.
type processor struct {
	cfg    Config
	log    *slog.Logger
	reg    *prometheus.Registry
	m      *pipeline.Metrics
	conn   *natsConn
	src    *natsjs.Source
	runner *pipeline.Runner
	http   *httpServer
}

// startProcessor connects (starting the embedded server when configured),
// ensures streams and consumer, and starts the HTTP endpoints. extra stages
// run after the built-in ones. Run starts the processing.
func startProcessor(ctx context.Context, cfg Config, log *slog.Logger, extra ...pipeline.Stage) (*processor, error) {
	p := &processor{cfg: cfg, log: log, reg: prometheus.NewRegistry()}
	p.m = pipeline.NewMetrics(p.reg, build())
	handler, err := newArticleHandler(cfg, p.m, log, extra...)
	if err != nil {
		return nil, err
	}
	if p.conn, err = openNATS(ctx, cfg, p.m, log); err != nil {
		return nil, err
	}
	if p.src, err = newSource(ctx, p.conn, cfg, log); err != nil {
		p.close()
		return nil, err
	}
	p.runner, err = pipeline.NewRunner(cfg.Runner, p.src, natsjs.NewPublisher(p.conn.js), handler, p.m, log)
	if err != nil {
		p.close()
		return nil, err
	}
	if cfg.HTTP.Addr != "" {
		if p.http, err = startHTTP(cfg.HTTP.Addr, p.reg, p.ready, log); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

// ready reports nil while the processor can do its work.
func (p *processor) ready() error {
	switch {
	case !p.conn.nc.IsConnected():
		return errors.New("nats disconnected")
	case !p.src.Live():
		return errors.New("consumer not live")
	}
	return nil
}

// run processes until ctx ends, drains, and closes everything.
func (p *processor) run(ctx context.Context) error {
	defer p.close()
	if err := p.runner.Run(ctx); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	return nil
}

// close stops the HTTP endpoints and NATS, each within its own deadline:
// the caller's context is usually done by then.
func (p *processor) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if p.http != nil {
		p.http.Shutdown(ctx)
	}
	if p.conn != nil {
		p.conn.close(ctx)
	}
}
