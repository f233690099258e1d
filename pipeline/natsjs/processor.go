package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
)

// ProcessorOptions are what NewProcessor needs besides the configuration.
type ProcessorOptions struct {
	// Version is the newsflow version recorded in every event.
	Version string
	// Registerer takes the runtime's metrics (pipeline.NewMetrics); nil
	// registers them nowhere.
	Registerer prometheus.Registerer
	// Logger logs what the processor acts on; nil discards it.
	Logger *slog.Logger
	// WrapSource, when set, wraps the source the runner reads, to observe
	// or perturb deliveries (the fault tests crash a process with it).
	WrapSource func(pipeline.Source) pipeline.Source
}

// Processor runs newsflow's stages on the articles of a JetStream stream:
// the durable consumer shared by every replica feeds a pipeline.Runner,
// whose outputs go to the events and dead-letter streams.
type Processor struct {
	conn   *Conn
	src    *Source
	runner *pipeline.Runner
	// What StartService builds its own handler from.
	cfg     ProcessorConfig
	opts    ProcessorOptions
	stages  []pipeline.Stage
	metrics *pipeline.Metrics
	handler *pipeline.ArticleHandler
}

// NewProcessor ensures the streams and the consumer of cfg on conn (retried
// until the server answers or ctx ends) and returns the Processor that
// runs stages on them. Run starts the processing.
func NewProcessor(ctx context.Context, conn *Conn, cfg ProcessorConfig, stages []pipeline.Stage, opts ProcessorOptions) (*Processor, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("new processor: %w", err)
	}
	cfg = cfg.Resolved()
	if opts.Registerer == nil {
		opts.Registerer = prometheus.NewRegistry()
	}
	m, err := pipeline.NewMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("new processor: %w", err)
	}
	handler, err := pipeline.NewArticleHandler(cfg.Handler(opts.Version), stages, m, opts.Logger)
	if err != nil {
		return nil, fmt.Errorf("new processor: %w", err)
	}
	if err := conn.EnsureStreams(ctx, cfg.Streams); err != nil {
		return nil, err
	}
	p := &Processor{conn: conn, cfg: cfg, opts: opts, stages: stages, metrics: m, handler: handler}
	if p.src, err = conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer); err != nil {
		return nil, err
	}
	var src pipeline.Source = p.src
	if opts.WrapSource != nil {
		src = opts.WrapSource(src)
	}
	if p.runner, err = pipeline.NewRunner(cfg.Runner, src, conn.Publisher(), handler, m, opts.Logger); err != nil {
		return nil, fmt.Errorf("new processor: %w", err)
	}
	return p, nil
}

// Run processes articles until ctx ends, then drains, as
// pipeline.Runner.Run does. Meanwhile it reports the state of the
// connection and of the consumer to the runner's Outage. It does not close
// the connection.
func (p *Processor) Run(ctx context.Context) error {
	watchCtx, stopWatch := context.WithCancel(context.WithoutCancel(ctx))
	var watch sync.WaitGroup
	watch.Go(func() { p.watch(watchCtx) })
	err := p.runner.Run(ctx)
	stopWatch()
	watch.Wait()
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	return nil
}

// watchInterval is how often the connection and the consumer are looked
// at: a small part of the time their own checks take to notice a fault.
const watchInterval = 250 * time.Millisecond

// watch reports to the Outage, until ctx ends, whether the connection is
// up and whether the consumer's heartbeats come.
func (p *Processor) watch(ctx context.Context) {
	tick := time.NewTicker(watchInterval)
	defer tick.Stop()
	outage := p.runner.Outage()
	for {
		if p.conn.Connected() {
			outage.Unblock(pipeline.BlockedDisconnected)
		} else {
			err := p.conn.NATS().LastError()
			if err == nil {
				err = errNotConnected
			}
			outage.Block(pipeline.BlockedDisconnected, err)
		}
		if p.src.Stalled() {
			outage.Block(pipeline.BlockedNoHeartbeat, jetstream.ErrNoHeartbeat)
		} else {
			outage.Unblock(pipeline.BlockedNoHeartbeat)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

var errNotConnected = errors.New("nats disconnected")

// Ready reports nil while the processor can do its work: connected,
// pulling from its consumer, and nothing blocking its output; else why
// not.
func (p *Processor) Ready() error {
	switch {
	case !p.conn.Connected():
		return errNotConnected
	case !p.src.Live():
		return errors.New("consumer not live")
	}
	return p.runner.Outage().Err()
}
