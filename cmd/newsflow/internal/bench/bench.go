// Package bench measures the newsflow pipeline on a NATS server, embedded
// or external, for "newsflow bench". Run drains a backlog of articles twice, once
// through a no-op relay and once through the stages, and then measures
// end-to-end latency at a steady rate under capacity. Soak runs the
// pipeline for a while on new stories kept topped up, and reports
// throughput and memory over time.
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
)

// Options are the settings of a bench.
type Options struct {
	// Config is the configuration of the pipeline under test, validated
	// and resolved. The bench runs its own embedded server, with a listen
	// address and data directory of its own, unless NATSURL is set.
	Config config.Config
	// NATSURL, when set, is an external server to run Run's phases on,
	// the production shape, where the server's work is not newsflow's:
	// the bench creates its streams and bucket there, refusing to start
	// when one exists already, and deletes them at the end.
	NATSURL string
	// Articles is the size of the backlog each of Run's phases drains.
	Articles int
	// ArticleBytes is the least body size of an article: consecutive
	// corpus stories are joined up to it (0: one story per article).
	ArticleBytes int
	// CorpusDir is the Reuters-21578 directory; generated text stands in
	// when it does not hold the corpus.
	CorpusDir string
	// LatencyArticles is how many articles Run's latency phase publishes
	// (0: no latency phase); LatencyLoad is their rate, as a fraction of
	// the pipeline's measured throughput.
	LatencyArticles int
	LatencyLoad     float64
	// Dedup runs the dedup stage, on a KV bucket of the embedded server.
	Dedup bool
	// CPUProfile, when set, is the file to write a CPU profile of the
	// measured phases to; MemProfile, a profile of the live heap at the
	// end of a soak.
	CPUProfile string
	MemProfile string
	// Duration is how long Soak runs; Interval, how often it reports.
	Duration time.Duration
	Interval time.Duration
	// Version is the newsflow version the reports name.
	Version string
	// NewRegistry returns the registry of the run's metrics; nil means
	// prometheus.NewRegistry.
	NewRegistry func() *prometheus.Registry
	// Logger logs the pipeline; nil discards.
	Logger *slog.Logger
	// Progress, when not nil, receives a line as each step begins.
	Progress io.Writer
}

// progress prints a progress line, when o asks for them.
func (o Options) progress(format string, args ...any) {
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, format+"\n", args...)
	}
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

func (o Options) registry() *prometheus.Registry {
	if o.NewRegistry == nil {
		return prometheus.NewRegistry()
	}
	return o.NewRegistry()
}

// Run publishes a backlog of o.Articles articles, drains it through a
// relay that republishes each message as it is and then through the
// pipeline, and measures the pipeline's latency at a steady rate.
func Run(ctx context.Context, o Options) (Report, error) {
	srv, err := startServer(ctx, o, o.Config, "newsflow-bench-")
	if err != nil {
		return Report{}, err
	}
	defer srv.close()
	if err := srv.createRelayStream(ctx); err != nil {
		return Report{}, err
	}
	cfg := o.Config
	cfg.Stages.Dedup.Enabled = o.Dedup
	debug.FreeOSMemory()
	baseHeap := liveHeap()
	stages, err := srv.handler(ctx, cfg, o.Version, o.logger())
	if err != nil {
		return Report{}, err
	}
	// What a replica holds at rest, before any article, as newsflow run
	// leaves it once started.
	debug.FreeOSMemory()
	idleRSS := procstat.RSS()
	rest := Rest{FileBytes: procstat.FileRSS(), HeapBytes: liveHeap()}
	rest.StagesHeapBytes = rest.HeapBytes - baseHeap
	articles, corpusName, err := makeArticles(o.CorpusDir, o.Articles+o.LatencyArticles, o.ArticleBytes)
	if err != nil {
		return Report{}, err
	}

	r := Report{
		IdleRSSBytes: idleRSS, Rest: rest, Server: "embedded", Articles: o.Articles, ArticleBytes: meanSize(articles[:o.Articles]), Corpus: corpusName,
		Workers: o.Config.Runner.Workers, GOMAXPROCS: runtime.GOMAXPROCS(0), Version: o.Version,
	}
	if o.NATSURL != "" {
		// The address connected to, without the credentials the URL may
		// carry.
		r.Server = "external " + srv.conn.URL()
	}
	o.progress("publishing %d articles of ~%d bytes (%s)...", o.Articles, r.ArticleBytes, corpusName)
	if err := publishBacklog(ctx, srv.conn.JetStream(), articles[:o.Articles]); err != nil {
		return Report{}, err
	}
	if o.CPUProfile != "" {
		stop, err := startCPUProfile(o.CPUProfile)
		if err != nil {
			return Report{}, err
		}
		defer stop()
	}
	if err := runPhases(ctx, o, srv, stages, articles[o.Articles:], &r); err != nil {
		return Report{}, err
	}
	r.PeakRSSBytes = procstat.PeakRSS()
	return r, nil
}

// runPhases drains the backlog through the relay and the pipeline of
// stages, and measures latency on the articles of latency, filling r in.
func runPhases(ctx context.Context, o Options, srv *server, stages *pipeline.ArticleHandler, latency [][]byte, r *Report) error {
	cfg, log := o.Config, o.logger()
	var err error
	o.progress("relay: draining...")
	if r.Relay, err = drain(ctx, srv, cfg, "bench-relay", relayHandler, o.Articles, log); err != nil {
		return err
	}
	// The stages' background work (dedup's watch of its store) spans both
	// pipeline phases, as in one long run of newsflow: started here once
	// and hidden from the phases' runners, which would each start it anew.
	if err := stages.Start(ctx); err != nil {
		return err
	}
	defer stages.Stop(context.WithoutCancel(ctx))
	select {
	case <-stages.Ready():
	case <-ctx.Done():
		return ctx.Err()
	}
	handler := pipeline.HandlerFunc(stages.Handle)
	o.progress("pipeline: draining...")
	if r.Pipeline, err = drain(ctx, srv, cfg, "bench-pipeline", handler, o.Articles, log); err != nil {
		return err
	}
	r.Ratio = r.Pipeline.ArticlesPerSec / r.Relay.ArticlesPerSec
	if o.LatencyArticles == 0 {
		return nil
	}
	rate := r.Pipeline.ArticlesPerSec * o.LatencyLoad
	o.progress("latency: %d articles at %.0f/s...", o.LatencyArticles, rate)
	r.Latency, err = measureLatency(ctx, srv, cfg, handler, latency, rate, log)
	return err
}

// relayHandler republishes each message as it is: the least a handler
// does, the yardstick of the pipeline's throughput.
var relayHandler = pipeline.HandlerFunc(func(_ context.Context, msg pipeline.Message) ([]pipeline.Output, error) {
	seq := msg.Info().Sequence
	return []pipeline.Output{{Subject: "relay." + msg.Subject(), ID: fmt.Sprint(seq, ":relay"), Data: msg.Data(), Kind: "relay"}}, nil
})
