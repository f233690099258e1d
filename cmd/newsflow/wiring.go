package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages/clean"
	"github.com/newsflow/newsflow/stages/dedup"
	"github.com/newsflow/newsflow/stages/extract"
)

// natsConn is a connection to NATS, with the embedded server it runs on
// when there is one.
type natsConn struct {
	server *natsjs.Server // nil for an external server
	nc     *nats.Conn
	js     jetstream.JetStream
	log    *slog.Logger
}

// openNATS starts the embedded server when cfg asks for one, connects, and
// ensures the streams exist. A server that cannot be reached is retried
// until ctx ends, so that newsflow may start before its server.
func openNATS(ctx context.Context, cfg Config, m *pipeline.Metrics, log *slog.Logger) (*natsConn, error) {
	c := &natsConn{log: log}
	if cfg.NATS.Embedded() {
		srv, err := natsjs.StartServer(cfg.NATS, log)
		if err != nil {
			return nil, err
		}
		c.server = srv
	}
	var connected = m.NATSConnected
	nc, err := natsjs.Connect(cfg.NATS, natsjs.ConnectOptions{Embedded: c.server, Connected: connected, Log: log})
	if err != nil {
		c.close(ctx)
		return nil, err
	}
	c.nc = nc
	// A PubAck that never comes (the server dropped the message) frees
	// its slot after the runner has given up on it.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(max(4096, 4*cfg.Runner.MaxInFlight)),
		jetstream.WithPublishAsyncTimeout(time.Duration(cfg.Runner.PublishTimeout)))
	if err != nil {
		c.close(ctx)
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	c.js = js
	err = retry(ctx, log, "ensure streams", func(ctx context.Context) error {
		return natsjs.EnsureStreams(ctx, js, cfg.Streams, int(nc.MaxPayload()), log)
	})
	if err != nil {
		c.close(ctx)
		return nil, err
	}
	return c, nil
}

// close drains the connection, so that pending acknowledgements reach the
// server, then stops the embedded server.
func (c *natsConn) close(ctx context.Context) {
	if c.nc != nil {
		closed := make(chan struct{})
		c.nc.SetClosedHandler(func(*nats.Conn) { close(closed) })
		if err := c.nc.Drain(); err != nil {
			c.nc.Close()
		} else {
			select {
			case <-closed:
			case <-ctx.Done():
				c.nc.Close()
			}
		}
	}
	if c.server != nil {
		c.server.Shutdown(ctx)
	}
}

// url is where clients reach the server.
func (c *natsConn) url() string {
	if c.server != nil {
		return c.server.ClientURL()
	}
	return c.nc.ConnectedUrlRedacted()
}

// newSource returns a Source on the durable consumer of cfg, created or
// updated as needed, again whenever it disappears.
func newSource(ctx context.Context, c *natsConn, cfg Config, log *slog.Logger) (*natsjs.Source, error) {
	open := func(ctx context.Context) (jetstream.Consumer, error) {
		return natsjs.EnsureConsumer(ctx, c.js, cfg.Streams.Articles.Name, cfg.Consumer)
	}
	var src *natsjs.Source
	err := retry(ctx, log, "open consumer", func(ctx context.Context) error {
		var err error
		src, err = natsjs.NewSource(ctx, open, cfg.Consumer)
		return err
	})
	return src, err
}

// newDedupStage opens the dedup store on the KV bucket of cfg, retrying
// until ctx ends, and returns the dedup stage on it.
func newDedupStage(ctx context.Context, c *natsConn, cfg Config, reg prometheus.Registerer, log *slog.Logger) (*dedup.Stage, error) {
	var kv *natsjs.KVStore
	err := retry(ctx, log, "open dedup store", func(ctx context.Context) error {
		var err error
		kv, err = natsjs.OpenKVStore(ctx, c.js, cfg.DedupStore, log)
		return err
	})
	if err != nil {
		return nil, err
	}
	return dedup.New(cfg.Stages.Dedup, kv, reg, log)
}

// watchDedup runs st's watch of the store in a goroutine until the
// returned stop is called; stop returns once the goroutine has ended.
func watchDedup(ctx context.Context, st *dedup.Stage) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		st.Run(ctx) // returns ctx's error: nothing to report
	}()
	return func() {
		cancel()
		<-done
	}
}

// newArticleHandler builds the chain of stages and the handler around it;
// extra stages run after the built-in ones.
func newArticleHandler(cfg Config, m *pipeline.Metrics, log *slog.Logger, extra ...pipeline.Stage) (*pipeline.ArticleHandler, error) {
	cleaner, err := clean.New(cfg.Stages.Clean)
	if err != nil {
		return nil, err
	}
	extractor, err := extract.New(cfg.Stages.Extract)
	if err != nil {
		return nil, err
	}
	stages := append([]pipeline.Stage{cleaner, extractor}, extra...)
	chain, err := pipeline.NewChain(stages, time.Duration(cfg.Runner.StageTimeout), m, log)
	if err != nil {
		return nil, err
	}
	return pipeline.NewArticleHandler(pipeline.ArticleHandlerConfig{
		Limits:        cfg.Limits,
		SubjectPrefix: "events.article",
		Version:       build().Version,
	}, chain)
}

// retry calls f until it succeeds or ctx ends, waiting longer after each
// failure; each failure is logged, as it is acted on here.
func retry(ctx context.Context, log *slog.Logger, what string, f func(context.Context) error) error {
	const callTimeout = 10 * time.Second
	wait := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, callTimeout)
		err := f(callCtx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", what, errors.Join(ctx.Err(), err))
		}
		log.Warn(what+" failed; retrying", "attempt", attempt, "in", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %w", what, errors.Join(ctx.Err(), err))
		}
		wait = min(2*wait, 30*time.Second)
	}
}
