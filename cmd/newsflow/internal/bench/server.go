package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	neturl "net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// server is the server a bench runs on, with the registry and metrics of
// the run: an embedded one storing in a temporary directory, or an
// external one (Options.NATSURL) on which the bench creates the streams
// and the bucket it uses, and deletes them when it is done.
type server struct {
	conn *natsjs.Conn
	reg  *prometheus.Registry
	m    *pipeline.Metrics
	dir  string // the embedded server's storage, "" for an external one
	// streams are those the bench created on an external server, the
	// bucket's included; pid is that server's process, 0 if it is not
	// found on this machine.
	streams []string
	pid     int
}

// relayStream is the stream the relay publishes to.
const relayStream = "RELAY"

// startServer starts an embedded server for cfg on a random port, storing
// in a new temporary directory named from prefix, or connects to the
// external server of o.NATSURL; with a registry from o.
func startServer(ctx context.Context, o Options, cfg config.Config, prefix string) (*server, error) {
	s := &server{reg: o.registry()}
	if o.NATSURL != "" {
		cfg.NATS.URL = o.NATSURL
	} else {
		dir, err := os.MkdirTemp("", prefix)
		if err != nil {
			return nil, err
		}
		cfg.NATS.DataDir, cfg.NATS.Listen, s.dir = dir, "127.0.0.1:0", dir
	}
	var err error
	if s.m, err = pipeline.NewMetrics(s.reg); err == nil {
		s.conn, err = natsjs.Open(ctx, cfg.NATS, natsjs.Options{
			Logger: o.logger(), Registerer: s.reg,
			PublishTimeout: time.Duration(cfg.Runner.PublishTimeout), MaxPending: max(4096, 4*cfg.Runner.MaxInFlight),
		})
	}
	if err == nil && o.NATSURL != "" {
		err = s.claimStreams(ctx, cfg)
	}
	if err == nil {
		err = s.conn.EnsureStreams(ctx, cfg.Streams)
	}
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// claimStreams checks that an external server holds none of the streams
// the bench would use, whose messages it would otherwise mix with its
// own, and notes them for close to delete; and finds the server's
// process when it runs on this machine.
func (s *server) claimStreams(ctx context.Context, cfg config.Config) error {
	names := []string{cfg.Streams.Articles.Name, cfg.Streams.Events.Name, cfg.Streams.DLQ.Name, relayStream, "KV_" + cfg.DedupStore.Bucket}
	for _, name := range names {
		_, err := s.conn.JetStream().Stream(ctx, name)
		if err == nil {
			return fmt.Errorf("the server at %s has a stream %s already: bench on a server of its own, or delete the stream first", s.conn.URL(), name)
		}
		if !errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("look up stream %s: %w", name, err)
		}
	}
	s.streams = names
	s.pid = localServerPID(s.conn.URL())
	return nil
}

// localServerPID returns the process of the server at url when it listens
// on this machine, else 0.
func localServerPID(url string) int {
	u, err := neturl.Parse(url)
	if err != nil {
		return 0
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return 0
	}
	port, err := strconv.Atoi(u.Port())
	if err != nil {
		return 0
	}
	pid, err := procstat.ListenerPID(port)
	if err != nil {
		return 0
	}
	return pid
}

// serverCPU returns the CPU time the external server has used, and
// whether it is known: not for an embedded server, whose time is the
// process's own, nor for one on another machine.
func (s *server) serverCPU() (time.Duration, bool) {
	if s.pid == 0 {
		return 0, false
	}
	d, err := procstat.CPUTimeOf(s.pid)
	return d, err == nil
}

// close deletes what the bench created on an external server, or stops
// the embedded one and removes its storage.
func (s *server) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if s.conn != nil {
		for _, name := range s.streams {
			// Gone already or never made: either way not the bench's to keep.
			_ = s.conn.JetStream().DeleteStream(ctx, name)
		}
		s.conn.Close(ctx)
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// createRelayStream creates the stream the relay publishes to.
func (s *server) createRelayStream(ctx context.Context) error {
	_, err := s.conn.JetStream().CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: relayStream, Subjects: []string{"relay.>"}, Storage: jetstream.FileStorage, Duplicates: 15 * time.Minute,
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
