package natsjs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
)

// Options are what Open needs besides the configuration.
type Options struct {
	// Logger logs the connection's changes of state; nil discards them.
	Logger *slog.Logger
	// Registerer takes newsflow_nats_connected, 1 while the connection is
	// up; nil registers it nowhere.
	Registerer prometheus.Registerer
	// PublishTimeout bounds the wait for the server's confirmation of an
	// asynchronous publish, after which its slot is freed (default 10 s).
	PublishTimeout time.Duration
	// MaxPending bounds the asynchronous publishes awaiting confirmation
	// (default 4096).
	MaxPending int
}

// Conn is newsflow's connection to NATS and JetStream, with the embedded
// server it runs on when the configuration asks for one.
type Conn struct {
	server *Server // nil for an external server
	nc     *nats.Conn
	js     jetstream.JetStream
	log    *slog.Logger
	// denials are the subjects the server refused newsflow lately.
	denials *denials
}

// Open starts the embedded server when cfg asks for one (cfg.URL empty)
// and connects. An external server that is not up yet is retried in the
// background (see Connect); a server that refuses newsflow's credentials
// is an error at once. Close releases what Open made.
func Open(ctx context.Context, cfg Config, opts Options) (*Conn, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("open nats: %w", err)
	}
	c := &Conn{log: opts.Logger, denials: &denials{}}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	connected := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "newsflow_nats_connected",
		Help: "1 while the NATS connection is up, else 0.",
	})
	if opts.Registerer != nil {
		if err := opts.Registerer.Register(connected); err != nil {
			return nil, fmt.Errorf("open nats: register metrics: %w", err)
		}
	}
	if cfg.Embedded() {
		srv, err := StartServer(cfg, c.log)
		if err != nil {
			return nil, err
		}
		c.server = srv
	}
	nc, err := Connect(cfg, ConnectOptions{Embedded: c.server, Connected: connected, Log: c.log, denials: c.denials})
	if err != nil {
		c.Close(ctx)
		return nil, err
	}
	c.nc = nc
	if opts.PublishTimeout <= 0 {
		opts.PublishTimeout = 10 * time.Second
	}
	if opts.MaxPending <= 0 {
		opts.MaxPending = 4096
	}
	// A PubAck that never comes (the server dropped the message) frees
	// its slot once the publisher has given up on it.
	c.js, err = jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(opts.MaxPending),
		jetstream.WithPublishAsyncTimeout(opts.PublishTimeout))
	if err != nil {
		c.Close(ctx)
		return nil, fmt.Errorf("open nats: jetstream: %w", err)
	}
	return c, nil
}

// NATS returns the connection.
func (c *Conn) NATS() *nats.Conn { return c.nc }

// JetStream returns the connection's JetStream context.
func (c *Conn) JetStream() jetstream.JetStream { return c.js }

// Server returns the embedded server, or nil when the server is external.
func (c *Conn) Server() *Server { return c.server }

// URL is where clients reach the server: the embedded server's client
// URL, or the server connected to, credentials redacted.
func (c *Conn) URL() string {
	if c.server != nil {
		return c.server.ClientURL()
	}
	return c.nc.ConnectedUrlRedacted()
}

// Connected reports whether the connection is up.
func (c *Conn) Connected() bool { return c.nc.IsConnected() }

// Publisher returns a pipeline.Publisher on the connection.
func (c *Conn) Publisher() *Publisher { return &Publisher{js: c.js, denials: c.denials} }

// EnsureStreams ensures the streams of cfg, as the package function does,
// retrying until the server answers or ctx ends.
func (c *Conn) EnsureStreams(ctx context.Context, cfg StreamsConfig) error {
	return retry(ctx, c.log, "ensure streams", func(ctx context.Context) error {
		return EnsureStreams(ctx, c.js, cfg, int(c.nc.MaxPayload()), c.log)
	})
}

// OpenKVStore opens the KV store of cfg, as the package function does,
// retrying until the server answers or ctx ends.
func (c *Conn) OpenKVStore(ctx context.Context, cfg KVStoreConfig) (*KVStore, error) {
	var kv *KVStore
	err := retry(ctx, c.log, "open kv store "+cfg.Bucket, func(ctx context.Context) error {
		var err error
		kv, err = OpenKVStore(ctx, c.js, cfg, c.log)
		return err
	})
	return kv, err
}

// NewSource returns a Source on the durable consumer of cfg on stream,
// created or brought up to date as EnsureConsumer does, and found again
// whenever it disappears. The first opening is retried until the server
// answers or ctx ends.
func (c *Conn) NewSource(ctx context.Context, stream string, cfg ConsumerConfig) (*Source, error) {
	open := func(ctx context.Context) (jetstream.Consumer, error) {
		return EnsureConsumer(ctx, c.js, stream, cfg)
	}
	var src *Source
	err := retry(ctx, c.log, "open consumer "+cfg.Durable, func(ctx context.Context) error {
		var err error
		src, err = NewSource(ctx, open, cfg)
		return err
	})
	return src, err
}

// Close drains the connection, so that pending acknowledgements reach the
// server, then stops the embedded server; each waits until ctx ends at
// most.
func (c *Conn) Close(ctx context.Context) {
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
