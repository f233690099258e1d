package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

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
//     the window in memory (~70 bytes each, measured, in this process's
//     heap since the server is embedded): at 3,000 articles/s the default
//     windows would add ~0.25 GB over a 10-minute run, still rising at
//     its end, to the curve of newsflow's own memory. The soak publishes
//     every article once and redelivers none, so the window has nothing
//     to catch.
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
	// about the whole corpus, joined to --article-bytes.
	soakBases = 1000
	// soakPoolSize bounds each pool of replacement words.
	soakPoolSize = 1 << 12
)

// Registry metrics the soak reads.
const (
	metricIndexed     = "newsflow_dedup_indexed_articles"
	metricDuplicates  = "newsflow_duplicates_total"
	metricProcessed   = "newsflow_articles_processed_total"
	metricStoreErrors = "newsflow_dedup_store_errors_total"
	metricLatency     = "newsflow_end_to_end_latency_seconds"
)

// soakOptions are the bench flags the soak uses.
type soakOptions struct {
	duration     time.Duration
	interval     time.Duration
	corpusDir    string
	articleBytes int
	dedup        bool
	asJSON       bool
	cpuProfile   string
	memProfile   string
}

// runSoak runs the pipeline for o.duration on a backlog of new stories
// that a feeder keeps topped up, and reports throughput and memory every
// o.interval. cfg is the bench's, validated and resolved.
func runSoak(ctx context.Context, e *env, cfg config.Config, log *slog.Logger, o soakOptions) (err error) {
	stories, corpusName, err := newSoakStories(o.corpusDir, o.articleBytes)
	if err != nil {
		return err
	}
	cfg.Streams.Articles.DuplicateWindow = pipeline.Duration(soakDuplicateWindow)
	cfg.Streams.Events.DuplicateWindow = pipeline.Duration(soakDuplicateWindow)
	cfg.Consumer.Durable = "bench-soak"
	srv, err := startBenchServer(ctx, cfg, "newsflow-soak-", log)
	if err != nil {
		return err
	}
	defer srv.close()
	conn, reg, m := srv.conn, srv.reg, srv.m
	streams := []string{cfg.Streams.Articles.Name, cfg.Streams.Events.Name}
	for _, name := range streams {
		if err := natsjs.LimitStream(ctx, conn.JetStream(), name, -1, soakStreamBytes); err != nil {
			return err
		}
	}
	cfg.Stages.Dedup.Enabled = o.dedup
	if o.dedup {
		streams = append(streams, "KV_"+cfg.DedupStore.Bucket) // bounded to max_entries when created
	}
	handler, err := benchHandler(ctx, cfg, conn, reg, m, log)
	if err != nil {
		return err
	}

	report := soakReport{
		DurationSeconds: o.duration.Seconds(), IntervalSeconds: o.interval.Seconds(),
		ArticleBytes: stories.meanSize, Corpus: corpusName,
		Workers: cfg.Runner.Workers, GOMAXPROCS: runtime.GOMAXPROCS(0),
		Dedup: o.dedup, DedupMaxEntries: cfg.Stages.Dedup.MaxEntries, Backlog: soakBacklog,
		Version: build().Version,
	}
	progress := func(format string, args ...any) {
		if !o.asJSON {
			fmt.Fprintf(e.stderr, format+"\n", args...)
		}
	}

	// The same consumer, runner and publisher as drain's; the soak ends
	// by time, so the counting source's target is never reached.
	inner, err := conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return err
	}
	src := &countingSource{Source: inner, target: math.MaxInt64, done: make(chan struct{})}
	runner, err := pipeline.NewRunner(cfg.Runner, src, conn.Publisher(), handler, m, log)
	if err != nil {
		return err
	}
	// The feeder is another client, as publishers are: its asynchronous
	// publishes do not take the runner's window of pending acknowledgements.
	fnc, err := nats.Connect(conn.URL(), nats.Name("newsflow-bench-feeder"))
	if err != nil {
		return fmt.Errorf("connect feeder: %w", err)
	}
	defer fnc.Close()
	fjs, err := jetstream.New(fnc)
	if err != nil {
		return fmt.Errorf("feeder jetstream: %w", err)
	}
	feeder := newSoakFeeder(fjs, stories, soakBacklog, src.finished.Load)
	progress("soak: publishing a backlog of %d new stories of ~%d bytes (%s)...", soakBacklog, report.ArticleBytes, corpusName)
	if err := feeder.topUp(ctx); err != nil {
		return err
	}
	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- runner.Run(runCtx) }()
	fed := make(chan error, 1)
	go func() { fed <- feeder.run(runCtx) }()
	defer func() {
		stop()
		if ferr := <-fed; ferr != nil && err == nil {
			err = ferr
		}
		<-stopped // ends by runCtx: its drain's outcome says nothing here
	}()

	progress("soak: running the pipeline for %v, a row every %v", o.duration, o.interval)
	start := time.Now()
	sampler := &soakSampler{reg: reg, src: src, feeder: feeder, js: conn.JetStream(), streams: streams}
	prev, err := sampler.take(ctx)
	if err != nil {
		return err
	}
	first := prev
	if !o.asJSON {
		printSoakHeader(e, report)
	}
	var interrupted error
	for k := 1; ; k++ {
		from := time.Duration(k-1) * o.interval
		to := min(time.Duration(k)*o.interval, o.duration)
		t := time.NewTimer(time.Until(start.Add(to)))
		select {
		case <-t.C:
		case err := <-stopped:
			t.Stop()
			stopped <- err // for the deferred wait
			if err == nil {
				err = errors.New("its source closed")
			}
			return fmt.Errorf("soak: runner stopped early: %w", err)
		case err := <-fed:
			t.Stop()
			fed <- err // for the deferred wait
			return err
		case <-ctx.Done():
			t.Stop()
			interrupted = ctx.Err()
		}
		cur, err := sampler.take(ctx)
		if err != nil {
			return err
		}
		row := soakRowOf(prev, cur, start)
		row.Partial = interrupted != nil || to-from < o.interval
		report.Rows = append(report.Rows, row)
		if !o.asJSON {
			printSoakRow(e, row)
		}
		prev = cur
		if interrupted != nil || to == o.duration {
			break
		}
	}
	report.Summary = summarizeSoak(report.Rows, first, prev)
	if o.memProfile != "" {
		if err := writeHeapProfile(o.memProfile); err != nil {
			return err
		}
	}

	if o.asJSON {
		out, err := json.Marshal(report)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
	} else {
		printSoakSummary(e, report.Summary)
	}
	if interrupted != nil {
		return fmt.Errorf("soak interrupted after %v: %w", time.Since(start).Round(time.Second), interrupted)
	}
	return nil
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
