package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// The soak's bounds. A 10-minute soak at ~3,000 articles/s publishes
// ~1.8 million articles and as many events and dedup records, ~8 GB, so
// nothing it writes may be kept for good:
//
//   - ARTICLES and EVENTS are limited to soakStreamBytes each, the oldest
//     message discarded first (limits, not purges: the server enforces
//     them as it stores, with no extra client round trip). The feeder keeps
//     at most soakBacklog articles unfinished, ~20 MB, so ARTICLES only
//     ever discards articles the consumer has finished with.
//   - The dedup KV bucket is limited to the dedup index's capacity
//     (stages.dedup.max_entries records, oldest first): the store then
//     remembers what the index can hold, and no more.
//   - The duplicate windows of ARTICLES and EVENTS are soakDuplicateWindow
//     instead of 10 and 15 minutes. The server keeps every message id of
//     the window in memory (~80 bytes each, measured, in this process's
//     heap since the server is embedded), about nine per article (the
//     article, its article event, ~7 coded events on Reuters): at 1,500
//     articles/s the default windows would add ~1 GB over a 10-minute
//     run, still rising at its end, to the curve of newsflow's own
//     memory. The soak publishes every article once and redelivers none,
//     so the window has nothing to catch.
const (
	soakStreamBytes     = 256 << 20
	soakDuplicateWindow = 2 * time.Minute
	// soakBacklog is how many articles the feeder keeps published and not
	// yet finished: several pull batches, so the input never runs dry,
	// and the reason the end-to-end latency is about soakBacklog divided
	// by the throughput.
	soakBacklog = 4096
	// soakPublishBatch is how many articles the feeder publishes before it
	// waits for their acknowledgements.
	soakPublishBatch = 256
	// soakTopUpEvery is how often the feeder checks the backlog.
	soakTopUpEvery = 5 * time.Millisecond
	// soakBases is how many base articles the new stories are made from:
	// about the whole corpus, joined to Options.ArticleBytes.
	soakBases = 1000
	// soakPoolSize bounds each pool of replacement words.
	soakPoolSize = 1 << 12
)

// ErrInterrupted is the error of a soak that ctx ended before its
// duration; Soak returns it with the report of the rows until then.
var ErrInterrupted = errors.New("soak interrupted")

// Soak runs the pipeline for o.Duration on a backlog of new stories that
// a feeder keeps topped up, and reports throughput and memory every
// o.Interval. When table is not nil, Soak prints the report to it as text
// as it goes: the header as the pipeline starts, a row per interval, and
// the summary at the end. When ctx ends first, Soak returns the rows until
// then and their summary, with an error wrapping ErrInterrupted and
// ctx.Err(). Any other error leaves the report incomplete.
func Soak(ctx context.Context, o Options, table io.Writer) (SoakReport, error) {
	stories, corpusName, err := newStoryMaker(o.CorpusDir, o.ArticleBytes)
	if err != nil {
		return SoakReport{}, err
	}
	cfg := soakConfig(o)
	srv, err := startServer(ctx, o, cfg, "newsflow-soak-")
	if err != nil {
		return SoakReport{}, err
	}
	defer srv.close()
	s, err := newSoak(ctx, o, cfg, srv, stories)
	if err != nil {
		return SoakReport{}, err
	}
	defer s.close()
	s.table = table

	r := SoakReport{
		DurationSeconds: o.Duration.Seconds(), IntervalSeconds: o.Interval.Seconds(),
		ArticleBytes: stories.meanSize, Corpus: corpusName,
		Workers: cfg.Runner.Workers, GOMAXPROCS: runtime.GOMAXPROCS(0),
		Dedup: o.Dedup, DedupMaxEntries: cfg.Stages.Dedup.MaxEntries, Backlog: soakBacklog,
		Version: o.Version, Server: "embedded",
	}
	if o.NATSURL != "" {
		r.Server = "external " + srv.conn.URL()
	}
	o.progress("soak: publishing a backlog of %d new stories of ~%d bytes (%s)...", soakBacklog, r.ArticleBytes, corpusName)
	if err := s.feeder.topUp(ctx); err != nil {
		return SoakReport{}, err
	}
	if o.CPUProfile != "" {
		stop, err := startCPUProfile(o.CPUProfile)
		if err != nil {
			return SoakReport{}, err
		}
		defer stop()
	}
	err = s.run(ctx, &r)
	return r, err
}

// soakConfig is o's configuration with the soak's bounds, its consumer and
// dedup as o asks.
func soakConfig(o Options) config.Config {
	cfg := o.Config
	cfg.Streams.Articles.DuplicateWindow = pipeline.Duration(soakDuplicateWindow)
	cfg.Streams.Events.DuplicateWindow = pipeline.Duration(soakDuplicateWindow)
	cfg.Consumer.Durable = "bench-soak"
	cfg.Stages.Dedup.Enabled = o.Dedup
	return cfg
}

// soak is what a soak runs: the pipeline's runner on the articles stream,
// the feeder keeping that topped up from a connection of its own, and the
// sampler reading them both.
type soak struct {
	o        Options
	runner   *pipeline.Runner
	feeder   *feeder
	feedConn *nats.Conn
	sampler  *sampler
	// table, when not nil, receives the report as text as it goes.
	table io.Writer
}

// newSoak bounds the streams of srv and sets up the soak's runner, feeder
// and sampler on them.
func newSoak(ctx context.Context, o Options, cfg config.Config, srv *server, stories *storyMaker) (*soak, error) {
	streams, err := limitStreams(ctx, srv, cfg)
	if err != nil {
		return nil, err
	}
	handler, err := srv.handler(ctx, cfg, o.Version, o.logger())
	if err != nil {
		return nil, err
	}
	// The same consumer, runner and publisher as drain's; the soak ends
	// by time, so the counting source's target is never reached.
	inner, err := srv.conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return nil, err
	}
	src := newCountingSource(inner, math.MaxInt64)
	runner, err := pipeline.NewRunner(cfg.Runner, src, srv.conn.Publisher(), handler, srv.m, o.logger())
	if err != nil {
		return nil, err
	}
	// The feeder is another client, as publishers are: its asynchronous
	// publishes do not take the runner's window of pending acknowledgements.
	url := srv.conn.URL() // the embedded server's
	if o.NATSURL != "" {
		url = o.NATSURL // with the credentials it may carry
	}
	fnc, err := nats.Connect(url, nats.Name("newsflow-bench-feeder"))
	if err != nil {
		return nil, fmt.Errorf("connect feeder: %w", err)
	}
	fjs, err := jetstream.New(fnc)
	if err != nil {
		fnc.Close()
		return nil, fmt.Errorf("feeder jetstream: %w", err)
	}
	f := newFeeder(fjs, stories, soakBacklog, src.finished.Load)
	return &soak{
		o: o, runner: runner, feeder: f, feedConn: fnc,
		sampler: &sampler{reg: srv.reg, src: src, feeder: f, js: srv.conn.JetStream(), streams: streams},
	}, nil
}

// limitStreams bounds ARTICLES and EVENTS to soakStreamBytes each, and
// returns the names of the streams the soak stores in: those two, and the
// dedup bucket's when dedup runs.
func limitStreams(ctx context.Context, srv *server, cfg config.Config) ([]string, error) {
	streams := []string{cfg.Streams.Articles.Name, cfg.Streams.Events.Name}
	for _, name := range streams {
		if err := natsjs.LimitStream(ctx, srv.conn.JetStream(), name, -1, soakStreamBytes); err != nil {
			return nil, err
		}
	}
	if cfg.Stages.Dedup.Enabled {
		streams = append(streams, "KV_"+cfg.DedupStore.Bucket) // bounded to max_entries when created
	}
	return streams, nil
}

// close closes the feeder's connection.
func (s *soak) close() { s.feedConn.Close() }
