package bench

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

// TestRun runs a small bench on generated text and checks that each of
// its phases measured something, and that its text shows them.
func TestRun(t *testing.T) {
	o := testOptions(t, t.TempDir())
	o.Articles, o.LatencyArticles, o.LatencyLoad = 300, 100, 0.5
	var progress bytes.Buffer
	o.Progress = &progress
	r, err := Run(t.Context(), o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if r.Articles != 300 || r.Corpus != "generated" || r.ArticleBytes < 3072 || r.Version != "test" {
		t.Errorf("Run: %d articles of %d bytes (%s), version %q; want 300 of at least 3072 (generated), test", r.Articles, r.ArticleBytes, r.Corpus, r.Version)
	}
	for name, p := range map[string]PhaseReport{"relay": r.Relay, "pipeline": r.Pipeline} {
		if p.ArticlesPerSec <= 0 || p.AllocsPerArticle <= 0 || p.BytesPerArticle <= 0 {
			t.Errorf("Run: %s %+v; want every figure measured", name, p)
		}
	}
	if r.Ratio <= 0 || r.IdleRSSBytes <= 0 || r.PeakRSSBytes < r.IdleRSSBytes {
		t.Errorf("Run: ratio %v, RSS at rest %d, peak %d; want ratio > 0, 0 < at rest <= peak", r.Ratio, r.IdleRSSBytes, r.PeakRSSBytes)
	}
	// Every build of the stages compiles patterns of its own (the
	// gazetteer and dictionaries are loaded once per process), and all
	// of the heap is resident.
	if rest := r.Rest; rest.StagesHeapBytes <= 0 || rest.HeapBytes <= rest.StagesHeapBytes ||
		rest.FileBytes <= 0 || rest.HeapBytes+rest.FileBytes > r.IdleRSSBytes {
		t.Errorf("Run: at rest %+v, RSS %d; want 0 < the stages' heap < the live heap, and heap + file pages <= RSS", rest, r.IdleRSSBytes)
	}
	if l := r.Latency; l.Articles != 100 || l.P50Ms <= 0 || l.P50Ms > l.P99Ms || l.P99Ms > l.MaxMs {
		t.Errorf("Run: latency %+v; want 100 articles, 0 < p50 <= p99 <= max", l)
	}
	if got := strings.Count(progress.String(), "\n"); got != 4 {
		t.Errorf("Run printed %d progress lines; want 4 (publish, relay, pipeline, latency):\n%s", got, progress.String())
	}
	var text bytes.Buffer
	r.Print(&text)
	for _, want := range []string{"\nrelay ", "\npipeline ", "ratio (pipeline / relay)", "end-to-end latency at", "RSS: "} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("Report.Print wrote no %q:\n%s", want, text.String())
		}
	}
}

func TestMakeArticles(t *testing.T) {
	for _, tt := range []struct {
		count, size int
	}{
		{1, 0},
		{10, 0},
		{10, 3072},
		{3, 20000},
	} {
		articles, name, err := makeArticles(t.TempDir(), tt.count, tt.size)
		if err != nil {
			t.Fatalf("makeArticles(%d, %d): %v", tt.count, tt.size, err)
		}
		if name != "generated" || len(articles) != tt.count {
			t.Fatalf("makeArticles(%d, %d) = %d articles (%s); want %d (generated)", tt.count, tt.size, len(articles), name, tt.count)
		}
		for i, data := range articles {
			var a event.Article
			if err := json.Unmarshal(data, &a); err != nil {
				t.Fatalf("makeArticles(%d, %d)[%d]: %v", tt.count, tt.size, i, err)
			}
			if want := "bench-" + strconv.Itoa(i); a.ID != want || a.Body == "" || len(a.Body) < tt.size {
				t.Errorf("makeArticles(%d, %d)[%d] = id %q, %d bytes of body; want id %q, at least %d bytes", tt.count, tt.size, i, a.ID, len(a.Body), want, max(1, tt.size))
			}
		}
	}
}

func TestFirstID(t *testing.T) {
	for _, tt := range []struct {
		in   [][]byte
		want int
	}{
		{nil, 0},
		{[][]byte{[]byte(`{"id":"bench-42"}`), []byte(`{"id":"bench-43"}`)}, 42},
		{[][]byte{[]byte(`{"id":"other"}`)}, 0},
		{[][]byte{[]byte(`not json`)}, 0},
	} {
		if got := firstID(tt.in); got != tt.want {
			t.Errorf("firstID(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}
