package bench

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
)

// SoakReport is what Soak measures; "newsflow bench --duration --json"
// prints it as one object.
type SoakReport struct {
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
	// Server is "embedded", or "external" and the address of the server.
	Server string `json:"server"`

	Rows    []SoakRow   `json:"rows"`
	Summary SoakSummary `json:"summary"`
}

// SoakRow is one reporting interval.
type SoakRow struct {
	// ElapsedSeconds is the time since the soak started, at the row's end.
	ElapsedSeconds float64 `json:"elapsed_s"`
	// Seconds is the length of the interval.
	Seconds float64 `json:"seconds"`
	// Partial marks an interval shorter than Options.Interval: the last one,
	// when the duration is not a multiple of it, or one cut short by the
	// end of the soak's context (a signal, for newsflow bench).
	Partial        bool    `json:"partial,omitempty"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// CPUMicrosPerArticle is the process's CPU time in the interval (all
	// of it: feeder and an embedded server included) per article finished;
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
	// RSSBytes is the resident set now (VmRSS), an embedded server's
	// included.
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

// SoakSummary sums the rows up. Throughputs are of full rows (all rows
// when none is full).
type SoakSummary struct {
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

// rowOf is the row of the interval from prev to cur; start is when the
// soak started.
func rowOf(prev, cur sample, start time.Time) SoakRow {
	secs := cur.at.Sub(prev.at).Seconds()
	cpu := (cur.cpu - prev.cpu).Seconds()
	return SoakRow{
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

// summarize sums rows up; first and last are the samples at the start
// and at the last row.
func summarize(rows []SoakRow, first, last sample) SoakSummary {
	s := SoakSummary{
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
	var full []SoakRow
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

// PrintHeader prints to w what the soak runs and the header of its
// table, which SoakRow.Print prints the rows of.
func (r SoakReport) PrintHeader(w io.Writer) {
	dedup := "off"
	if r.Dedup {
		dedup = fmt.Sprintf("on, index of at most %d articles", r.DedupMaxEntries)
	}
	fmt.Fprintf(w, "newsflow bench %s soak: %v of new stories of ~%d bytes (%s), %d workers, GOMAXPROCS %d, dedup %s, backlog %d, %s server\n\n",
		r.Version, time.Duration(r.DurationSeconds*float64(time.Second)), r.ArticleBytes, r.Corpus, r.Workers, r.GOMAXPROCS, dedup, r.Backlog, r.Server)
	fmt.Fprintf(w, "%8s %10s %8s %5s %5s %10s %8s %8s %8s %6s %9s %6s %8s %9s %8s %8s\n",
		"elapsed", "articles/s", "CPU µs", "CPUs", "GC", "articles", "RSS MB", "heap MB", "live MB", "gorout", "indexed", "dups", "backlog", "stored MB", "p50 ms", "p99 ms")
}

// Print prints r to w as a row of the table under SoakReport.PrintHeader.
func (r SoakRow) Print(w io.Writer) {
	elapsed := time.Duration(r.ElapsedSeconds * float64(time.Second)).Round(time.Second).String()
	if r.Partial {
		elapsed += "*"
	}
	fmt.Fprintf(w, "%8s %10.0f %8.0f %5.2f %5.2f %10d %8.1f %8.1f %8.1f %6d %9d %6d %8d %9.1f %8.0f %8.0f\n",
		elapsed, r.ArticlesPerSec, r.CPUMicrosPerArticle, r.CPUs, r.GCShare, r.Articles, mb(r.RSSBytes), mb(int64(r.HeapInuseBytes)), mb(int64(r.HeapLiveBytes)),
		r.Goroutines, r.DedupIndexed, r.Duplicates, r.BacklogMin, mb(r.StreamBytes), r.LatencyP50Ms, r.LatencyP99Ms)
}

// Print prints s to w, under the table of rows.
func (s SoakSummary) Print(w io.Writer) {
	fmt.Fprintf(w, "\n%d articles in %.0f s: %.0f articles/s; full intervals first %.0f, last %.0f, min %.0f, max %.0f; drift (last / first) %.2f\n",
		s.Articles, s.Seconds, s.ArticlesPerSec, s.FirstPerSec, s.LastPerSec, s.MinPerSec, s.MaxPerSec, s.Drift)
	fmt.Fprintf(w, "RSS %.1f MB at the start, %.1f MB at the end, peak %.1f MB; live heap %.1f MB to %.1f MB (an embedded server's included)\n",
		mb(s.RSSStartBytes), mb(s.RSSEndBytes), mb(s.PeakRSSBytes), mb(int64(s.HeapStartBytes)), mb(int64(s.HeapEndBytes)))
	fmt.Fprintf(w, "dedup: %d indexed, %d duplicates (share %.4f); dead letters %d, retries %d, store errors %d\n",
		s.DedupIndexed, s.Duplicates, s.DuplicateShare, s.DeadLetters, s.Retries, s.StoreErrors)
	fmt.Fprintln(w, "(* a partial interval; CPU µs: the process's CPU per article, CPUs: its share of the machine, GC: the collector's part of it; backlog: the fewest articles published and unfinished in the interval;")
	fmt.Fprintln(w, " stored: ARTICLES, EVENTS and the dedup bucket; p50, p99: end-to-end latency, mostly time behind the backlog)")
}
