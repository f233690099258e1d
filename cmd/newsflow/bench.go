package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
)

const benchExamples = `  newsflow bench                          # 20,000 articles of ~3 KB
  newsflow bench --articles 50000 --json
  newsflow bench --corpus ../shared/corpora/reuters21578 --article-bytes 0   # stories as they are
  newsflow bench --duration 10m --interval 30s --json   # soak: throughput and memory over time
  newsflow bench --duration 10m --dedup-max-entries 200000   # soak up to the dedup index's capacity
  newsflow bench --nats-url nats://127.0.0.1:4222   # on a server of its own; its CPU reported apart
  newsflow bench --nats-url nats://127.0.0.1:4222 --duration 10m   # soak newsflow alone
`

// benchFlags are the flags of newsflow bench.
type benchFlags struct {
	articles, articleBytes, workers, latencyArticles, dedupMax int
	latencyLoad                                                float64
	corpus, logLevel, cpuProfile, memProfile, natsURL          string
	json, dedup                                                bool
	duration, interval                                         time.Duration
}

// register defines the flags in fs, with their defaults and help.
func (f *benchFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.articles, "articles", 20000, "articles in the backlog each phase drains")
	fs.IntVar(&f.articleBytes, "article-bytes", 3072, "join consecutive corpus stories into articles of at least this many bytes (0: one story per article)")
	fs.StringVar(&f.corpus, "corpus", defaultReutersDir(), "Reuters-21578 `directory`; generated text when it does not exist")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "processing goroutines")
	fs.IntVar(&f.latencyArticles, "latency-articles", 5000, "articles published at a steady rate to measure latency")
	fs.Float64Var(&f.latencyLoad, "latency-load", 0.5, "steady rate for the latency phase, as a fraction of the pipeline's measured throughput")
	fs.BoolVar(&f.json, "json", false, "print one JSON object")
	fs.StringVar(&f.logLevel, "log-level", "warn", "log `level`")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the measured phases to `file`")
	fs.StringVar(&f.memProfile, "memprofile", "", "soak: write a profile of the live heap at the end to `file`")
	fs.BoolVar(&f.dedup, "dedup", true, "run the dedup stage, on a KV bucket of the server")
	fs.IntVar(&f.dedupMax, "dedup-max-entries", 0, "capacity of the dedup index in articles (0: the configuration's default)")
	fs.StringVar(&f.natsURL, "nats-url", "", "run on the external server at `url` instead of an embedded one: the bench creates its streams and bucket there and deletes them at the end, and reports the server's CPU apart when it runs on this machine")
	fs.DurationVar(&f.duration, "duration", 0, "soak: run the pipeline this long on new stories kept topped up, instead of the relay, backlog and latency phases (0: no soak)")
	fs.DurationVar(&f.interval, "interval", 30*time.Second, "soak: report every `interval`")
}

// valid reports whether the flags are in range.
func (f *benchFlags) valid() bool {
	return !(f.articles < 1 || f.latencyArticles < 0 || f.latencyLoad <= 0 || f.latencyLoad > 1 ||
		f.duration < 0 || f.interval <= 0 || f.dedupMax < 0)
}

// options builds the bench's options: the default configuration with the
// flags' workers, log level and dedup capacity.
func (f *benchFlags) options(e *env) (bench.Options, error) {
	cfg := config.Default()
	cfg.Runner.Workers = f.workers
	cfg.Log.Level = f.logLevel
	if f.dedupMax > 0 {
		cfg.Stages.Dedup.MaxEntries = f.dedupMax
		cfg.DedupStore.MaxEntries = int64(f.dedupMax)
	}
	if err := cfg.Validate(); err != nil {
		return bench.Options{}, err
	}
	cfg = cfg.Resolved()
	o := bench.Options{
		Config: cfg, NATSURL: f.natsURL, Articles: f.articles, ArticleBytes: f.articleBytes, CorpusDir: f.corpus,
		LatencyArticles: f.latencyArticles, LatencyLoad: f.latencyLoad, Dedup: f.dedup,
		CPUProfile: f.cpuProfile, MemProfile: f.memProfile, Duration: f.duration, Interval: f.interval,
		Version: build().Version, NewRegistry: newRegistry, Logger: newLogger(e.stderr, cfg.Log),
	}
	if !f.json {
		o.Progress = e.stderr
	}
	return o, nil
}

// cmdBench is newsflow bench: a drain of a backlog through a relay and
// the pipeline and a latency phase, or with --duration a soak.
func cmdBench(ctx context.Context, e *env, args []string) error {
	var f benchFlags
	fs := newFlagSet(e, "bench", "[flags]", benchExamples)
	f.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !f.valid() {
		fs.Usage()
		return errUsage
	}
	o, err := f.options(e)
	if err != nil {
		return err
	}
	if f.duration > 0 {
		return benchSoak(ctx, e, o, f.json)
	}
	r, err := bench.Run(ctx, o)
	if err != nil {
		return err
	}
	if f.json {
		return writeReport(e.stdout, r)
	}
	r.Print(e.stdout)
	return nil
}

// benchSoak runs the soak and prints its report: as a table as it goes, or
// as one JSON object at the end, an interrupted soak's included.
func benchSoak(ctx context.Context, e *env, o bench.Options, asJSON bool) error {
	var table io.Writer = e.stdout
	if asJSON {
		table = nil
	}
	r, err := bench.Soak(ctx, o, table)
	if err != nil && !errors.Is(err, bench.ErrInterrupted) {
		return err
	}
	if asJSON {
		if err := writeReport(e.stdout, r); err != nil {
			return err
		}
	}
	return err
}

// defaultReutersDir is ../shared/corpora/reuters21578 seen from the
// repository root, where make runs.
func defaultReutersDir() string {
	return filepath.Join("..", "shared", "corpora", "reuters21578")
}
