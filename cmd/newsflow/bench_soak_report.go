package main

import (
	"context"
	"fmt"
	"math"
	rtmetrics "runtime/metrics"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
)

// soakReport is what the soak measures; --json prints it as one object.
type soakReport struct {
	DurationSeconds float64 `json:"duration_s"`
	IntervalSeconds float64 `json:"interval_s"`
	ArticleBytes    int     `json:"article_bytes"`
	Corpus          string  `json:"corpus"`
	Workers         int     `json:"workers"`
	GOMAXPROCS      int     `json:"gomaxprocs"`
	Dedup           bool    `json:"dedup"`
	DedupMaxEntries int     `json:"dedup_max_entries"`
	Backlog         int     `json:"backlog"`
	Version         string  `json:"version"`

	Rows    []soakRow   `json:"rows"`
	Summary soakSummary `json:"summary"`
}

// soakRow is one reporting interval.
type soakRow struct {
	// ElapsedSeconds is the time since the soak started, at the row's end.
	ElapsedSeconds float64 `json:"elapsed_s"`
	// Seconds is the length of the interval.
	Seconds float64 `json:"seconds"`
	// Partial marks an interval shorter than --interval: the last one,
	// when the duration is not a multiple of it, or one cut by a signal.
	Partial        bool    `json:"partial,omitempty"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// CPUMicrosPerArticle is the process's CPU time in the interval (all
	// of it: feeder and embedded server included) per article finished;
	// CPUs is that time over the interval's, the share of the machine the
	// process had. Throughput falling at a steady CPU per article means
	// the machine was busy elsewhere.
	CPUMicrosPerArticle float64 `json:"cpu_us_per_article"`
	CPUs                float64 `json:"cpus"`
	// GCShare is the part of that CPU time the garbage collector took
	// (the runtime's estimate), which grows with the live heap.
	GCShare float64 `json:"gc_share"`
	// Articles counts the articles finished since the start.
	Articles int64 `json:"articles"`
	// RSSBytes is the resident set now (VmRSS), embedded server included.
	RSSBytes int64 `json:"rss_bytes"`
	// HeapInuseBytes is the Go heap in use now (MemStats.HeapInuse);
	// HeapLiveBytes what the last GC found live, the better leak signal.
	HeapInuseBytes uint64 `json:"heap_inuse_bytes"`
	HeapLiveBytes  uint64 `json:"heap_live_bytes"`
	Goroutines     int    `json:"goroutines"`
	// StreamBytes is what ARTICLES, EVENTS and the dedup bucket hold now,
	// in bytes: bounded, see soakStreamBytes.
	StreamBytes int64 `json:"stream_bytes"`
	// DedupIndexed is newsflow_dedup_indexed_articles now.
	DedupIndexed int64 `json:"dedup_indexed"`
	// Duplicates counts the articles dedup found copies, since the start.
	Duplicates int64 `json:"duplicates"`
	// BacklogMin is the fewest articles published and unfinished the
	// feeder saw in the interval: above the pull batch, the input never
	// ran dry.
	BacklogMin int64 `json:"backlog_min"`
	// End-to-end latency of the interval's articles, from their
	// histogram: mostly the time spent behind the backlog.
	LatencyP50Ms float64 `json:"latency_p50_ms"`
	LatencyP99Ms float64 `json:"latency_p99_ms"`
}

// soakSummary sums the rows up. Throughputs are of full rows (all rows
// when none is full).
type soakSummary struct {
	Seconds        float64 `json:"seconds"`
	Articles       int64   `json:"articles"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	FirstPerSec    float64 `json:"first_per_sec"`
	LastPerSec     float64 `json:"last_per_sec"`
	MinPerSec      float64 `json:"min_per_sec"`
	MaxPerSec      float64 `json:"max_per_sec"`
	// Drift is the last full row's throughput over the first's.
	Drift float64 `json:"drift"`
	// RSSStartBytes is the resident set when the soak started (server up,
	// backlog published), RSSEndBytes at the last row.
	RSSStartBytes  int64   `json:"rss_start_bytes"`
	RSSEndBytes    int64   `json:"rss_end_bytes"`
	HeapStartBytes uint64  `json:"heap_live_start_bytes"`
	HeapEndBytes   uint64  `json:"heap_live_end_bytes"`
	PeakRSSBytes   int64   `json:"peak_rss_bytes"`
	DedupIndexed   int64   `json:"dedup_indexed"`
	Duplicates     int64   `json:"duplicates"`
	DuplicateShare float64 `json:"duplicate_share"`
	DeadLetters    int64   `json:"dead_letters"`
	Retries        int64   `json:"retries"`
	StoreErrors    int64   `json:"store_errors"`
}

// soakSample is the state of the process at one instant of the soak.
type soakSample struct {
	at         time.Time
	cpu        time.Duration
	gcCPU      float64
	articles   int64
	rss        int64
	heapInuse  uint64
	heapLive   uint64
	goroutines int
	backlogMin int64
	streams    int64
	reg        registryValues
}

// registryValues are the values the soak reads from the registry.
type registryValues struct {
	indexed, duplicates, deadLetters, retries, storeErrors float64
	latency                                                histogramSnapshot
}

// histogramSnapshot is a histogram's cumulative bucket counts at one
// instant.
type histogramSnapshot struct {
	bounds []float64
	counts []uint64
	total  uint64
}

// soakSampler takes the soak's samples.
type soakSampler struct {
	reg     prometheus.Gatherer
	src     *countingSource
	feeder  *soakFeeder
	js      jetstream.JetStream
	streams []string
}

// take reads the process, the source's count, the feeder's backlog low,
// the streams' sizes and the registry. It works on after ctx ends, for
// the last row of an interrupted soak.
func (sp *soakSampler) take(ctx context.Context) (soakSample, error) {
	s := soakSample{at: time.Now(), cpu: procstat.CPUTime(), articles: sp.src.finished.Load(), rss: procstat.RSS(), backlogMin: sp.feeder.takeLow()}
	samples := []rtmetrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/sched/goroutines:goroutines"},
		{Name: "/cpu/classes/gc/total:cpu-seconds"},
	}
	rtmetrics.Read(samples)
	value := func(i int) uint64 {
		if samples[i].Value.Kind() != rtmetrics.KindUint64 {
			return 0
		}
		return samples[i].Value.Uint64()
	}
	s.heapInuse, s.heapLive, s.goroutines = value(0)+value(1), value(2), int(value(3))
	if samples[4].Value.Kind() == rtmetrics.KindFloat64 {
		s.gcCPU = samples[4].Value.Float64()
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for _, name := range sp.streams {
		st, err := sp.js.Stream(ctx, name)
		if err != nil {
			return s, fmt.Errorf("sample stream %s: %w", name, err)
		}
		s.streams += int64(st.CachedInfo().State.Bytes)
	}
	var err error
	s.reg, err = readRegistry(sp.reg)
	return s, err
}

// readRegistry gathers reg and picks the soak's values from it.
func readRegistry(reg prometheus.Gatherer) (registryValues, error) {
	var v registryValues
	mfs, err := reg.Gather()
	if err != nil {
		return v, fmt.Errorf("gather metrics: %w", err)
	}
	for _, mf := range mfs {
		for _, mt := range mf.GetMetric() {
			value := mt.GetCounter().GetValue() + mt.GetGauge().GetValue()
			switch mf.GetName() {
			case metricIndexed:
				v.indexed += value
			case metricDuplicates:
				v.duplicates += value
			case metricStoreErrors:
				v.storeErrors += value
			case metricProcessed:
				for _, l := range mt.GetLabel() {
					switch {
					case l.GetName() != "outcome":
					case l.GetValue() == pipeline.OutcomeDLQ:
						v.deadLetters += value
					case l.GetValue() == pipeline.OutcomeRetry:
						v.retries += value
					}
				}
			case metricLatency:
				h := mt.GetHistogram()
				v.latency.total = h.GetSampleCount()
				for _, b := range h.GetBucket() {
					v.latency.bounds = append(v.latency.bounds, b.GetUpperBound())
					v.latency.counts = append(v.latency.counts, b.GetCumulativeCount())
				}
			}
		}
	}
	return v, nil
}

// quantile estimates the q-quantile of the observations h holds beyond
// those of h0, an earlier snapshot of the same histogram, interpolating
// within a bucket as Prometheus's histogram_quantile does. It is 0 when
// there are none, and the highest bound when the rank lies beyond it.
func (h histogramSnapshot) quantile(h0 histogramSnapshot, q float64) float64 {
	total := h.total - h0.total
	if total == 0 {
		return 0
	}
	rank := q * float64(total)
	lower, below := 0.0, uint64(0)
	for i, upper := range h.bounds {
		c := h.counts[i]
		if i < len(h0.counts) {
			c -= h0.counts[i]
		}
		if float64(c) >= rank {
			if c == below {
				return upper
			}
			return lower + (upper-lower)*(rank-float64(below))/float64(c-below)
		}
		lower, below = upper, c
	}
	return lower
}

// soakRowOf is the row of the interval from prev to cur; start is when the
// soak started.
func soakRowOf(prev, cur soakSample, start time.Time) soakRow {
	secs := cur.at.Sub(prev.at).Seconds()
	cpu := (cur.cpu - prev.cpu).Seconds()
	return soakRow{
		CPUMicrosPerArticle: 1e6 * cpu / float64(max(1, cur.articles-prev.articles)),
		CPUs:                cpu / secs,
		GCShare:             (cur.gcCPU - prev.gcCPU) / max(cpu, 1e-9),
		ElapsedSeconds:      cur.at.Sub(start).Seconds(),
		Seconds:             secs,
		ArticlesPerSec:      float64(cur.articles-prev.articles) / secs,
		Articles:            cur.articles,
		RSSBytes:            cur.rss,
		HeapInuseBytes:      cur.heapInuse,
		HeapLiveBytes:       cur.heapLive,
		Goroutines:          cur.goroutines,
		StreamBytes:         cur.streams,
		DedupIndexed:        int64(cur.reg.indexed),
		Duplicates:          int64(cur.reg.duplicates),
		BacklogMin:          cur.backlogMin,
		LatencyP50Ms:        1000 * cur.reg.latency.quantile(prev.reg.latency, 0.5),
		LatencyP99Ms:        1000 * cur.reg.latency.quantile(prev.reg.latency, 0.99),
	}
}

// summarizeSoak sums rows up; first and last are the samples at the start
// and at the last row.
func summarizeSoak(rows []soakRow, first, last soakSample) soakSummary {
	s := soakSummary{
		Seconds:        last.at.Sub(first.at).Seconds(),
		Articles:       last.articles - first.articles,
		RSSStartBytes:  first.rss,
		RSSEndBytes:    last.rss,
		HeapStartBytes: first.heapLive,
		HeapEndBytes:   last.heapLive,
		PeakRSSBytes:   procstat.PeakRSS(),
		DedupIndexed:   int64(last.reg.indexed),
		Duplicates:     int64(last.reg.duplicates - first.reg.duplicates),
		DeadLetters:    int64(last.reg.deadLetters - first.reg.deadLetters),
		Retries:        int64(last.reg.retries - first.reg.retries),
		StoreErrors:    int64(last.reg.storeErrors - first.reg.storeErrors),
	}
	if s.Seconds > 0 {
		s.ArticlesPerSec = float64(s.Articles) / s.Seconds
	}
	if s.Articles > 0 {
		s.DuplicateShare = float64(s.Duplicates) / float64(s.Articles)
	}
	var full []soakRow
	for _, r := range rows {
		if !r.Partial {
			full = append(full, r)
		}
	}
	if len(full) == 0 {
		full = rows
	}
	if len(full) == 0 {
		return s
	}
	s.FirstPerSec, s.LastPerSec = full[0].ArticlesPerSec, full[len(full)-1].ArticlesPerSec
	s.MinPerSec, s.MaxPerSec = math.Inf(1), math.Inf(-1)
	for _, r := range full {
		s.MinPerSec, s.MaxPerSec = min(s.MinPerSec, r.ArticlesPerSec), max(s.MaxPerSec, r.ArticlesPerSec)
	}
	if s.FirstPerSec > 0 {
		s.Drift = s.LastPerSec / s.FirstPerSec
	}
	return s
}

// printSoakHeader prints what the soak runs and the table's header.
func printSoakHeader(e *env, r soakReport) {
	dedup := "off"
	if r.Dedup {
		dedup = fmt.Sprintf("on, index of at most %d articles", r.DedupMaxEntries)
	}
	fmt.Fprintf(e.stdout, "newsflow bench %s soak: %v of new stories of ~%d bytes (%s), %d workers, GOMAXPROCS %d, dedup %s, backlog %d\n\n",
		r.Version, time.Duration(r.DurationSeconds*float64(time.Second)), r.ArticleBytes, r.Corpus, r.Workers, r.GOMAXPROCS, dedup, r.Backlog)
	fmt.Fprintf(e.stdout, "%8s %10s %8s %5s %5s %10s %8s %8s %8s %6s %9s %6s %8s %9s %8s %8s\n",
		"elapsed", "articles/s", "CPU µs", "CPUs", "GC", "articles", "RSS MB", "heap MB", "live MB", "gorout", "indexed", "dups", "backlog", "stored MB", "p50 ms", "p99 ms")
}

// printSoakRow prints one row of the table.
func printSoakRow(e *env, r soakRow) {
	elapsed := time.Duration(r.ElapsedSeconds * float64(time.Second)).Round(time.Second).String()
	if r.Partial {
		elapsed += "*"
	}
	fmt.Fprintf(e.stdout, "%8s %10.0f %8.0f %5.2f %5.2f %10d %8.1f %8.1f %8.1f %6d %9d %6d %8d %9.1f %8.0f %8.0f\n",
		elapsed, r.ArticlesPerSec, r.CPUMicrosPerArticle, r.CPUs, r.GCShare, r.Articles, mb(r.RSSBytes), mb(int64(r.HeapInuseBytes)), mb(int64(r.HeapLiveBytes)),
		r.Goroutines, r.DedupIndexed, r.Duplicates, r.BacklogMin, mb(r.StreamBytes), r.LatencyP50Ms, r.LatencyP99Ms)
}

// printSoakSummary prints the summary under the table.
func printSoakSummary(e *env, s soakSummary) {
	w := e.stdout
	fmt.Fprintf(w, "\n%d articles in %.0f s: %.0f articles/s; full intervals first %.0f, last %.0f, min %.0f, max %.0f; drift (last / first) %.2f\n",
		s.Articles, s.Seconds, s.ArticlesPerSec, s.FirstPerSec, s.LastPerSec, s.MinPerSec, s.MaxPerSec, s.Drift)
	fmt.Fprintf(w, "RSS %.1f MB at the start, %.1f MB at the end, peak %.1f MB; live heap %.1f MB to %.1f MB (embedded server included)\n",
		mb(s.RSSStartBytes), mb(s.RSSEndBytes), mb(s.PeakRSSBytes), mb(int64(s.HeapStartBytes)), mb(int64(s.HeapEndBytes)))
	fmt.Fprintf(w, "dedup: %d indexed, %d duplicates (share %.4f); dead letters %d, retries %d, store errors %d\n",
		s.DedupIndexed, s.Duplicates, s.DuplicateShare, s.DeadLetters, s.Retries, s.StoreErrors)
	fmt.Fprintln(w, "(* a partial interval; CPU µs: the process's CPU per article, CPUs: its share of the machine, GC: the collector's part of it; backlog: the fewest articles published and unfinished in the interval;")
	fmt.Fprintln(w, " stored: ARTICLES, EVENTS and the dedup bucket; p50, p99: end-to-end latency, mostly time behind the backlog)")
}

// mb is b in MiB.
func mb(b int64) float64 { return float64(b) / (1 << 20) }
