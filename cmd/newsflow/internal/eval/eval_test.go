package eval

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The corpora are read in place from ../shared/corpora seen from the
// repository root (their texts are never copied into the repository); a
// test that needs one it cannot find skips.

// corpusPath is ../shared/corpora/elem... seen from this package's
// directory, where tests run.
func corpusPath(elem ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "..", "..", "shared", "corpora"}, elem...)...)
}

// needCorpus returns corpusPath(elem...), skipping t unless every file in
// files is there.
func needCorpus(t *testing.T, name string, files []string, elem ...string) string {
	t.Helper()
	dir := corpusPath(elem...)
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Skipf("%s corpus not available at %s: %v", name, dir, err)
		}
	}
	return dir
}

// extractionDir is the article-extraction-benchmark corpus.
func extractionDir(t *testing.T) string {
	t.Helper()
	return needCorpus(t, "article-extraction-benchmark", []string{"ground-truth.json"}, "article-extraction-benchmark")
}

// gumDir is the GUM news corpus.
func gumDir(t *testing.T) string {
	t.Helper()
	return needCorpus(t, "GUM news", []string{"ner-gold.jsonl"}, "gum-news")
}

// corporaDir holds Reuters-21578 and GUM news, for the dedup stream.
func corporaDir(t *testing.T) string {
	t.Helper()
	return needCorpus(t, "Reuters-21578 and GUM news", []string{"reuters21578", filepath.Join("gum-news", "ner-gold.jsonl")})
}

func TestNewPRF(t *testing.T) {
	tests := []struct {
		correct, predicted, gold int
		want                     PRF
	}{
		{3, 4, 6, PRF{Precision: 0.75, Recall: 0.5, F1: 0.6, Gold: 6, Predicted: 4, Correct: 3}},
		{0, 0, 5, PRF{Gold: 5}},
		{0, 2, 0, PRF{Predicted: 2}},
		{0, 0, 0, PRF{}},
		{2, 2, 2, PRF{Precision: 1, Recall: 1, F1: 1, Gold: 2, Predicted: 2, Correct: 2}},
	}
	for _, tt := range tests {
		got := NewPRF(tt.correct, tt.predicted, tt.gold)
		if got != tt.want {
			t.Errorf("NewPRF(%d, %d, %d) = %+v; want %+v", tt.correct, tt.predicted, tt.gold, got, tt.want)
		}
	}
}

func TestSummarizeTimes(t *testing.T) {
	var ds []time.Duration
	for i := 10; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	// Nearest rank: p50 of 10 values is the 5th, p90 the 9th.
	want := timingStats{Mean: 5.5, P50: 5, P90: 9, Max: 10}
	if got := summarizeTimes(ds); got != want {
		t.Errorf("summarizeTimes(10..1 ms) = %+v; want %+v", got, want)
	}
	if ds[0] != 10*time.Millisecond {
		t.Errorf("summarizeTimes(10..1 ms) left ds[0] = %v; want 10ms (unsorted)", ds[0])
	}
	if got := summarizeTimes([]time.Duration{3 * time.Millisecond}); got != (timingStats{3, 3, 3, 3}) {
		t.Errorf("summarizeTimes(3 ms) = %+v; want all 3", got)
	}
	if got := summarizeTimes(nil); got != (timingStats{}) {
		t.Errorf("summarizeTimes(nil) = %+v; want zero", got)
	}
}
