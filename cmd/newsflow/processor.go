package main

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// processor is a running newsflow: NATS (embedded or not), the stages, the
// natsjs.Processor running them and the HTTP endpoints, wired from a
// Config.
type processor struct {
	cfg  config.Config
	reg  *prometheus.Registry
	log  *slog.Logger
	conn *natsjs.Conn
	proc *natsjs.Processor
	svc  *natsjs.Service
	http *httpServer
}

// startProcessor connects (starting the embedded server when configured),
// builds the stages, ensures streams and consumer, and starts the HTTP
// endpoints. extra stages run after the configured ones (tests add failing
// ones). Run starts the processing.
func startProcessor(ctx context.Context, cfg config.Config, log *slog.Logger, extra ...pipeline.Stage) (*processor, error) {
	reg := newRegistry()
	p := &processor{cfg: cfg, reg: reg, log: log}
	var err error
	p.conn, err = natsjs.Open(ctx, cfg.NATS, natsjs.Options{
		Logger:         log,
		Registerer:     reg,
		PublishTimeout: time.Duration(cfg.Runner.PublishTimeout),
		MaxPending:     max(4096, 4*cfg.Runner.MaxInFlight),
	})
	if err != nil {
		return nil, err
	}
	stgs, err := cfg.NewStages(ctx, p.conn, reg, log)
	if err != nil {
		p.close()
		return nil, err
	}
	// Reading the gazetteers and dictionaries leaves about as much garbage
	// as what they keep; returned to the system now, it is not resident
	// for as long as the collector, at rest, would take to get to it.
	debug.FreeOSMemory()
	p.proc, err = natsjs.NewProcessor(ctx, p.conn, cfg.Processor(), append(stgs, extra...), natsjs.ProcessorOptions{
		Version:    build().Version,
		Registerer: reg,
		Logger:     log,
		WrapSource: wrapSource,
	})
	if err != nil {
		p.close()
		return nil, err
	}
	if err := p.startService(); err != nil {
		p.close()
		return nil, err
	}
	if cfg.HTTP.Addr != "" {
		if p.http, err = startHTTP(cfg.HTTP.Addr, reg, p.proc.Ready, log); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

// wrapSource, when set, wraps the runner's source. It is the fault tests'
// hook for crashing at a chosen point of a message's life; nil in newsflow.
var wrapSource func(pipeline.Source) pipeline.Source

// run processes until ctx ends, drains, and closes everything.
func (p *processor) run(ctx context.Context) error {
	defer p.close()
	return p.proc.Run(ctx)
}

// close stops the HTTP endpoints and NATS, each within its own deadline:
// the caller's context is usually done by then.
func (p *processor) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p.stopService(ctx)
	if p.http != nil {
		p.http.Shutdown(ctx)
	}
	if p.conn != nil {
		p.conn.Close(ctx)
	}
}

// newRegistry returns the registry of a newsflow process, with what
// belongs to the process: the Go and process collectors and
// newsflow_build_info.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	b := build()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name:        "newsflow_build_info",
			Help:        "Always 1; labels carry the newsflow version, VCS revision and Go version.",
			ConstLabels: prometheus.Labels{"version": b.Version, "revision": b.Revision, "goversion": b.GoVersion},
		}, func() float64 { return 1 }),
	)
	return reg
}
