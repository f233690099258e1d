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
	"github.com/newsflow/newsflow/stages/dedup"
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
	dedup  *dedup.Stage // nil when off
}

// startProcessor connects (starting the embedded server when configured),
// ensures streams and consumer, and starts the HTTP endpoints. extra stages
// run after the built-in ones. Run starts the processing.
func startProcessor(ctx context.Context, cfg Config, log *slog.Logger, extra ...pipeline.Stage) (*processor, error) {
	p := &processor{cfg: cfg, log: log, reg: prometheus.NewRegistry()}
	p.m = pipeline.NewMetrics(p.reg, build())
	var err error
	if p.conn, err = openNATS(ctx, cfg, p.m, log); err != nil {
		return nil, err
	}
	if cfg.Stages.Dedup.Enabled {
		if p.dedup, err = newDedupStage(ctx, p.conn, cfg, p.reg, log); err != nil {
			p.close()
			return nil, err
		}
		extra = append([]pipeline.Stage{p.dedup}, extra...)
	}
	handler, err := newArticleHandler(cfg, p.m, log, extra...)
	if err != nil {
		p.close()
		return nil, err
	}
	if p.src, err = newSource(ctx, p.conn, cfg, log); err != nil {
		p.close()
		return nil, err
	}
	var src pipeline.Source = p.src
	if wrapSource != nil {
		src = wrapSource(src)
	}
	p.runner, err = pipeline.NewRunner(cfg.Runner, src, natsjs.NewPublisher(p.conn.js), handler, p.m, log)
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

// wrapSource, when set, wraps the runner's source. It is the fault tests'
// hook for crashing at a chosen point of a message's life; nil in newsflow.
var wrapSource func(pipeline.Source) pipeline.Source

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

// run processes until ctx ends, drains, and closes everything. The dedup
// index is warmed from the store before the first article is taken.
func (p *processor) run(ctx context.Context) error {
	defer p.close()
	if p.dedup != nil {
		defer watchDedup(ctx, p.dedup)()
		warmUp := time.NewTimer(dedupWarmUp)
		select {
		case <-p.dedup.Synced():
		case <-warmUp.C:
			p.log.Warn("dedup index not warmed from the store in time; starting with what has arrived", "after", dedupWarmUp)
		case <-ctx.Done():
		}
		warmUp.Stop()
	}
	if err := p.runner.Run(ctx); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	return nil
}

// dedupWarmUp bounds the wait for the dedup index to load at start: a
// store that does not answer must not keep the pipeline from running.
const dedupWarmUp = 30 * time.Second

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
