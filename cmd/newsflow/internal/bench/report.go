package bench

import (
	"fmt"
	"io"
	"runtime/metrics"
)

// Report is what Run measures; "newsflow bench --json" prints it as one
// object.
type Report struct {
	// Server is "embedded", or "external" and the address of the server.
	Server       string `json:"server"`
	Articles     int    `json:"articles"`
	ArticleBytes int    `json:"article_bytes"`
	Corpus       string `json:"corpus"`
	Workers      int    `json:"workers"`
	GOMAXPROCS   int    `json:"gomaxprocs"`
	Version      string `json:"version"`

	Relay    PhaseReport `json:"relay"`
	Pipeline PhaseReport `json:"pipeline"`
	// Ratio is the pipeline's throughput over the relay's.
	Ratio   float64       `json:"ratio"`
	Latency LatencyReport `json:"latency"`
	// IdleRSSBytes is the process's resident set with the stages built
	// (gazetteers and dictionaries loaded) before any article, and
	// PeakRSSBytes its peak; the embedded server's included.
	IdleRSSBytes int64 `json:"idle_rss_bytes"`
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
	// Rest says what the resident set at rest is made of.
	Rest Rest `json:"rest"`
}

// Rest is what the resident set at rest (Report.IdleRSSBytes) is made of.
type Rest struct {
	// FileBytes are the resident pages mapped from files: the executable's.
	FileBytes int64 `json:"file_bytes"`
	// HeapBytes is the live heap; StagesHeapBytes the part of it the stages
	// added when they were built (gazetteers, dictionaries, patterns; the
	// first build in the process, as in newsflow bench, loads the ones
	// shared between builds). The rest was there before: the libraries'
	// tables (go-dateparser's compiled patterns the largest), the metrics
	// and, when embedded, the server.
	HeapBytes       int64 `json:"heap_bytes"`
	StagesHeapBytes int64 `json:"stages_heap_bytes"`
}

// liveHeap returns the heap's live bytes as of the last collection.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// PhaseReport is one drain of the backlog.
type PhaseReport struct {
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	// CPUMicrosPerArticle is the process's CPU time per article, the
	// embedded server's included.
	CPUMicrosPerArticle float64 `json:"cpu_us_per_article"`
	// ServerCPUMicrosPerArticle is an external server's, when it runs on
	// this machine and its process could be read.
	ServerCPUMicrosPerArticle *float64 `json:"server_cpu_us_per_article,omitempty"`
	AllocsPerArticle          float64  `json:"allocs_per_article"`
	BytesPerArticle           float64  `json:"bytes_per_article"`
}

// LatencyReport is end-to-end latency at a steady rate under capacity.
type LatencyReport struct {
	Articles int     `json:"articles"`
	Rate     float64 `json:"rate_per_sec"`
	P50Ms    float64 `json:"p50_ms"`
	P99Ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
}

// Print prints r to w as a table of the two phases, with the ratio, the
// latency and the peak resident set under it.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "newsflow bench %s: %d articles of ~%d bytes (%s), %d workers, GOMAXPROCS %d, %s server\n\n",
		r.Version, r.Articles, r.ArticleBytes, r.Corpus, r.Workers, r.GOMAXPROCS, r.Server)
	phases := []struct {
		name string
		r    PhaseReport
	}{{"relay", r.Relay}, {"pipeline", r.Pipeline}}
	external := r.Relay.ServerCPUMicrosPerArticle != nil && r.Pipeline.ServerCPUMicrosPerArticle != nil
	fmt.Fprintf(w, "%-9s %12s %14s %14s %14s", "", "articles/s", "CPU µs/article", "allocs/article", "bytes/article")
	if external {
		fmt.Fprintf(w, " %14s", "server CPU µs")
	}
	fmt.Fprintln(w)
	for _, p := range phases {
		fmt.Fprintf(w, "%-9s %12.0f %14.1f %14.1f %14.0f", p.name, p.r.ArticlesPerSec, p.r.CPUMicrosPerArticle, p.r.AllocsPerArticle, p.r.BytesPerArticle)
		if external {
			fmt.Fprintf(w, " %14.1f", *p.r.ServerCPUMicrosPerArticle)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nratio (pipeline / relay): %.2f\n", r.Ratio)
	if r.Latency.Articles > 0 {
		fmt.Fprintf(w, "end-to-end latency at %.0f articles/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
			r.Latency.Rate, r.Latency.P50Ms, r.Latency.P99Ms, r.Latency.MaxMs)
	}
	whose := "newsflow alone"
	if r.Server == "embedded" {
		whose = "embedded server included"
	}
	fmt.Fprintf(w, "RSS: %.1f MB at rest, stages loaded; peak %.1f MB (%s)\n", mb(r.IdleRSSBytes), mb(r.PeakRSSBytes), whose)
	if rest := r.Rest; rest.HeapBytes > 0 {
		fmt.Fprintf(w, "at rest: live heap %.1f MB, of which the stages' %.1f MB; the executable's pages %.1f MB\n",
			mb(rest.HeapBytes), mb(rest.StagesHeapBytes), mb(rest.FileBytes))
	}
}

// mb is b in MiB.
func mb(b int64) float64 { return float64(b) / (1 << 20) }
