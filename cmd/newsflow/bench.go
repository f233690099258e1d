package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

const benchExamples = `  newsflow bench                          # 20,000 articles of ~3 KB
  newsflow bench --articles 50000 --json
  newsflow bench --corpus ../shared/corpora/reuters21578 --article-bytes 0   # stories as they are
  newsflow bench --duration 10m --interval 30s --json   # soak: throughput and memory over time
  newsflow bench --duration 10m --dedup-max-entries 200000   # soak up to the dedup index's capacity
`

// benchReport is what bench measures; --json prints it as one object.
type benchReport struct {
	Articles     int    `json:"articles"`
	ArticleBytes int    `json:"article_bytes"`
	Corpus       string `json:"corpus"`
	Workers      int    `json:"workers"`
	GOMAXPROCS   int    `json:"gomaxprocs"`
	Version      string `json:"version"`

	Relay    phaseReport `json:"relay"`
	Pipeline phaseReport `json:"pipeline"`
	// Ratio is the pipeline's throughput over the relay's.
	Ratio   float64       `json:"ratio"`
	Latency latencyReport `json:"latency"`
	// PeakRSSBytes is the process's peak resident set, embedded server
	// included.
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
}

// phaseReport is one drain of the backlog.
type phaseReport struct {
	Seconds             float64 `json:"seconds"`
	ArticlesPerSec      float64 `json:"articles_per_sec"`
	CPUMicrosPerArticle float64 `json:"cpu_us_per_article"`
	AllocsPerArticle    float64 `json:"allocs_per_article"`
	BytesPerArticle     float64 `json:"bytes_per_article"`
}

// latencyReport is end-to-end latency at a steady rate under capacity.
type latencyReport struct {
	Articles int     `json:"articles"`
	Rate     float64 `json:"rate_per_sec"`
	P50Ms    float64 `json:"p50_ms"`
	P99Ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
}

func cmdBench(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench", "[flags]", benchExamples)
	n := fs.Int("articles", 20000, "articles in the backlog each phase drains")
	size := fs.Int("article-bytes", 3072, "join consecutive corpus stories into articles of at least this many bytes (0: one story per article)")
	corpusDir := fs.String("corpus", defaultReutersDir(), "Reuters-21578 `directory`; generated text when it does not exist")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "processing goroutines")
	latencyN := fs.Int("latency-articles", 5000, "articles published at a steady rate to measure latency")
	rateFraction := fs.Float64("latency-load", 0.5, "steady rate for the latency phase, as a fraction of the pipeline's measured throughput")
	asJSON := fs.Bool("json", false, "print one JSON object")
	logLevel := fs.String("log-level", "warn", "log `level`")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured phases to `file`")
	memProfile := fs.String("memprofile", "", "soak: write a profile of the live heap at the end to `file`")
	withDedup := fs.Bool("dedup", true, "run the dedup stage, on a KV bucket of the embedded server")
	dedupMax := fs.Int("dedup-max-entries", 0, "capacity of the dedup index in articles (0: the configuration's default)")
	duration := fs.Duration("duration", 0, "soak: run the pipeline this long on new stories kept topped up, instead of the relay, backlog and latency phases (0: no soak)")
	interval := fs.Duration("interval", 30*time.Second, "soak: report every `interval`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 1 || *latencyN < 0 || *rateFraction <= 0 || *rateFraction > 1 || *duration < 0 || *interval <= 0 || *dedupMax < 0 {
		fs.Usage()
		return errUsage
	}
	cfg := config.Default()
	cfg.Runner.Workers = *workers
	cfg.Log.Level = *logLevel
	if *dedupMax > 0 {
		cfg.Stages.Dedup.MaxEntries = *dedupMax
		cfg.DedupStore.MaxEntries = int64(*dedupMax)
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg = cfg.Resolved()
	log := newLogger(e.stderr, cfg.Log)
	if *duration > 0 {
		return runSoak(ctx, e, cfg, log, soakOptions{
			duration: *duration, interval: *interval, corpusDir: *corpusDir, articleBytes: *size,
			dedup: *withDedup, asJSON: *asJSON, cpuProfile: *cpuProfile, memProfile: *memProfile,
		})
	}

	articles, corpusName, err := benchArticles(*corpusDir, *n+*latencyN, *size)
	if err != nil {
		return err
	}
	srv, err := startBenchServer(ctx, cfg, "newsflow-bench-", log)
	if err != nil {
		return err
	}
	defer srv.close()
	conn, reg, m := srv.conn, srv.reg, srv.m
	if _, err := conn.JetStream().CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: "RELAY", Subjects: []string{"relay.>"}, Storage: jetstream.FileStorage, Duplicates: 15 * time.Minute,
	}); err != nil {
		return fmt.Errorf("create relay stream: %w", err)
	}

	report := benchReport{
		Articles: *n, ArticleBytes: meanSize(articles[:*n]), Corpus: corpusName,
		Workers: *workers, GOMAXPROCS: runtime.GOMAXPROCS(0), Version: build().Version,
	}
	progress := func(format string, args ...any) {
		if !*asJSON {
			fmt.Fprintf(e.stderr, format+"\n", args...)
		}
	}
	progress("publishing %d articles of ~%d bytes (%s)...", *n, report.ArticleBytes, corpusName)
	if err := publishBacklog(ctx, conn.JetStream(), articles[:*n]); err != nil {
		return err
	}

	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	relay := pipeline.HandlerFunc(func(_ context.Context, msg pipeline.Message) ([]pipeline.Output, error) {
		seq := msg.Info().Sequence
		return []pipeline.Output{{Subject: "relay." + msg.Subject(), ID: fmt.Sprint(seq, ":relay"), Data: msg.Data(), Kind: "relay"}}, nil
	})
	progress("relay: draining...")
	if report.Relay, err = drain(ctx, conn, cfg, "bench-relay", relay, *n, m, log); err != nil {
		return err
	}
	cfg.Stages.Dedup.Enabled = *withDedup
	handler, err := benchHandler(ctx, cfg, conn, reg, m, log)
	if err != nil {
		return err
	}
	progress("pipeline: draining...")
	if report.Pipeline, err = drain(ctx, conn, cfg, "bench-pipeline", handler, *n, m, log); err != nil {
		return err
	}
	report.Ratio = report.Pipeline.ArticlesPerSec / report.Relay.ArticlesPerSec

	if *latencyN > 0 {
		rate := report.Pipeline.ArticlesPerSec * *rateFraction
		progress("latency: %d articles at %.0f/s...", *latencyN, rate)
		if report.Latency, err = measureLatency(ctx, conn, cfg, handler, articles[*n:], rate, m, log); err != nil {
			return err
		}
	}
	report.PeakRSSBytes = procstat.PeakRSS()

	if *asJSON {
		out, err := json.Marshal(report)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	printBench(e, report)
	return nil
}

func printBench(e *env, r benchReport) {
	w := e.stdout
	fmt.Fprintf(w, "newsflow bench %s: %d articles of ~%d bytes (%s), %d workers, GOMAXPROCS %d\n\n",
		r.Version, r.Articles, r.ArticleBytes, r.Corpus, r.Workers, r.GOMAXPROCS)
	fmt.Fprintf(w, "%-9s %12s %14s %14s %14s\n", "", "articles/s", "CPU µs/article", "allocs/article", "bytes/article")
	for _, p := range []struct {
		name string
		r    phaseReport
	}{{"relay", r.Relay}, {"pipeline", r.Pipeline}} {
		fmt.Fprintf(w, "%-9s %12.0f %14.1f %14.1f %14.0f\n", p.name, p.r.ArticlesPerSec, p.r.CPUMicrosPerArticle, p.r.AllocsPerArticle, p.r.BytesPerArticle)
	}
	fmt.Fprintf(w, "\nratio (pipeline / relay): %.2f\n", r.Ratio)
	if r.Latency.Articles > 0 {
		fmt.Fprintf(w, "end-to-end latency at %.0f articles/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
			r.Latency.Rate, r.Latency.P50Ms, r.Latency.P99Ms, r.Latency.MaxMs)
	}
	fmt.Fprintf(w, "peak RSS: %.1f MB (embedded server included)\n", float64(r.PeakRSSBytes)/(1<<20))
}

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

// defaultReutersDir is ../shared/corpora/reuters21578 seen from the
// repository root, where make runs.
func defaultReutersDir() string {
	return filepath.Join("..", "shared", "corpora", "reuters21578")
}

// benchHandler returns the article handler of cfg's stages, the dedup
// stage's state in a KV bucket on conn, as newsflow run builds it.
func benchHandler(ctx context.Context, cfg config.Config, conn *natsjs.Conn, reg *prometheus.Registry, m *pipeline.Metrics, log *slog.Logger) (*pipeline.ArticleHandler, error) {
	stgs, err := cfg.NewStages(ctx, conn, reg, log)
	if err != nil {
		return nil, err
	}
	return pipeline.NewArticleHandler(cfg.Processor().Handler(build().Version), stgs, m, log)
}

// benchServer is the embedded server a bench runs on, storing in a
// temporary directory, with the registry and metrics of the run.
type benchServer struct {
	conn *natsjs.Conn
	reg  *prometheus.Registry
	m    *pipeline.Metrics
	dir  string
}

// startBenchServer starts an embedded server for cfg on a random port,
// storing in a new temporary directory named from prefix.
func startBenchServer(ctx context.Context, cfg config.Config, prefix string, log *slog.Logger) (*benchServer, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, err
	}
	cfg.NATS.DataDir = dir
	cfg.NATS.Listen = "127.0.0.1:0"
	b := &benchServer{reg: newRegistry(), dir: dir}
	if b.m, err = pipeline.NewMetrics(b.reg); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	b.conn, err = natsjs.Open(ctx, cfg.NATS, natsjs.Options{
		Logger: log, Registerer: b.reg,
		PublishTimeout: time.Duration(cfg.Runner.PublishTimeout), MaxPending: max(4096, 4*cfg.Runner.MaxInFlight),
	})
	if err == nil {
		if err = b.conn.EnsureStreams(ctx, cfg.Streams); err != nil {
			b.conn.Close(ctx)
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return b, nil
}

// close stops the server and removes its storage.
func (b *benchServer) close() {
	b.conn.Close(context.Background())
	os.RemoveAll(b.dir)
}
