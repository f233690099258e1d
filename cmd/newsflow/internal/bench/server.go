package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// server is the embedded server a bench runs on, storing in a temporary
// directory, with the registry and metrics of the run.
type server struct {
	conn *natsjs.Conn
	reg  *prometheus.Registry
	m    *pipeline.Metrics
	dir  string
}

// startServer starts an embedded server for cfg on a random port, storing
// in a new temporary directory named from prefix, with a registry from o.
func startServer(ctx context.Context, o Options, cfg config.Config, prefix string) (*server, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, err
	}
	cfg.NATS.DataDir = dir
	cfg.NATS.Listen = "127.0.0.1:0"
	s := &server{reg: o.registry(), dir: dir}
	if s.m, err = pipeline.NewMetrics(s.reg); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.conn, err = natsjs.Open(ctx, cfg.NATS, natsjs.Options{
		Logger: o.logger(), Registerer: s.reg,
		PublishTimeout: time.Duration(cfg.Runner.PublishTimeout), MaxPending: max(4096, 4*cfg.Runner.MaxInFlight),
	})
	if err == nil {
		if err = s.conn.EnsureStreams(ctx, cfg.Streams); err != nil {
			s.conn.Close(ctx)
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// close stops the server and removes its storage.
func (s *server) close() {
	s.conn.Close(context.Background())
	os.RemoveAll(s.dir)
}

// createRelayStream creates the stream the relay publishes to.
func (s *server) createRelayStream(ctx context.Context) error {
	_, err := s.conn.JetStream().CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: "RELAY", Subjects: []string{"relay.>"}, Storage: jetstream.FileStorage, Duplicates: 15 * time.Minute,
	})
	if err != nil {
		return fmt.Errorf("create relay stream: %w", err)
	}
	return nil
}

// handler returns the article handler of cfg's stages, the dedup stage's
// state in a KV bucket of the server, as newsflow run builds it.
func (s *server) handler(ctx context.Context, cfg config.Config, version string, log *slog.Logger) (*pipeline.ArticleHandler, error) {
	stgs, err := cfg.NewStages(ctx, s.conn, s.reg, log)
	if err != nil {
		return nil, err
	}
	return pipeline.NewArticleHandler(cfg.Processor().Handler(version), stgs, s.m, log)
}

// startCPUProfile starts writing a CPU profile to path; stop ends it.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a profile of the live heap to path, after a
// collection: what the soak's memory is made of at its end.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
