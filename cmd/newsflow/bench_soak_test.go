package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"
)

// TestBenchSoak runs a short soak on generated stories, and on Reuters
// stories when the corpus is there, and checks its report: a row per
// interval, each with articles processed and a resident set, and new
// stories that dedup keeps as originals.
func TestBenchSoak(t *testing.T) {
	for name, dir := range soakCorpora(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("no corpus: %v", err)
			}
			var stdout, stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
			args := []string{"bench", "--duration", "3s", "--interval", "1s", "--json", "--corpus", dir, "--dedup-max-entries", "5000"}
			if code := runMain(t.Context(), e, args); code != 0 {
				t.Fatalf("newsflow %v exit = %d:\n%s", args, code, stderr.String())
			}
			var r soakReport
			if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
				t.Fatalf("report: %v\n%s", err, stdout.String())
			}
			if len(r.Rows) < 2 {
				t.Fatalf("%d rows; want at least 2:\n%s", len(r.Rows), stdout.String())
			}
			var last int64
			for i, row := range r.Rows {
				if !row.Partial && (row.ArticlesPerSec <= 0 || row.Articles <= last) {
					t.Errorf("row %d: %.0f articles/s, %d articles in all (%d before); want some processed", i, row.ArticlesPerSec, row.Articles, last)
				}
				if row.RSSBytes <= 0 || row.HeapInuseBytes == 0 || row.Goroutines == 0 {
					t.Errorf("row %d: RSS %d, heap %d, %d goroutines; want them measured", i, row.RSSBytes, row.HeapInuseBytes, row.Goroutines)
				}
				last = row.Articles
			}
			s := r.Summary
			if s.Articles <= 0 || s.DedupIndexed <= 0 {
				t.Errorf("summary: %d articles, %d indexed; want both > 0", s.Articles, s.DedupIndexed)
			}
			if s.DuplicateShare > 0.01 {
				t.Errorf("duplicate share %.4f (%d of %d); want new stories, under 0.01", s.DuplicateShare, s.Duplicates, s.Articles)
			}
			// Store timeouts are allowed: on a loaded machine the store may
			// miss its 2 s deadline, and the stage then goes on locally.
			if s.DeadLetters != 0 {
				t.Errorf("%d dead letters; want none", s.DeadLetters)
			}
			if r.DedupMaxEntries != 5000 {
				t.Errorf("dedup_max_entries = %d; want the flag's 5000", r.DedupMaxEntries)
			}
		})
	}
}

// TestBenchSoakFlags checks that soak flags out of range are usage errors.
func TestBenchSoakFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--duration", "-1s"},
		{"bench", "--duration", "1s", "--interval", "0s"},
		{"bench", "--duration", "1s", "--interval", "-5s"},
		{"bench", "--dedup-max-entries", "-1"},
	} {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		if code := runMain(context.Background(), e, args); code != 2 {
			t.Errorf("newsflow %v exit = %d; want 2 (usage)", args, code)
		}
	}
}

// TestSoakStoriesAreNew checks that the soak's stories are new to the
// words dedup compares: consecutive stories of one base share almost no
// word 3-shingle.
func TestSoakStoriesAreNew(t *testing.T) {
	for name, dir := range soakCorpora(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("no corpus: %v", err)
			}
			s, _, err := newSoakStories(dir, 3072)
			if err != nil {
				t.Fatal(err)
			}
			checkNewStories(t, s)
		})
	}
}

// checkNewStories compares stories of s that share a base.
func checkNewStories(t *testing.T, s *soakStories) {
	t.Helper()
	shingles := func(text string) map[string]bool {
		var w []string
		eachWord(strings.ToLower(text), func(word string) { w = append(w, word) })
		set := make(map[string]bool)
		for i := 2; i < len(w); i++ {
			set[w[i-2]+" "+w[i-1]+" "+w[i]] = true
		}
		return set
	}
	n := len(s.bases)
	// Stories n apart share their base; 3n apart, the words replaced too.
	for _, pair := range [][2]int{{0, n}, {1, 1 + 3*n}, {5, 5 + 6*n}, {7, 8}} {
		a, b := s.article(pair[0]), s.article(pair[1])
		if a.ID == b.ID || a.Body == b.Body {
			t.Fatalf("stories %d and %d: same id or body", pair[0], pair[1])
		}
		sa, sb := shingles(a.Body), shingles(b.Body)
		shared := 0
		for k := range sa {
			if sb[k] {
				shared++
			}
		}
		j := float64(shared) / float64(len(sa)+len(sb)-shared)
		t.Logf("stories %d and %d: shingle Jaccard %.3f", pair[0], pair[1], j)
		if j > 0.25 {
			t.Errorf("stories %d and %d of one base: shingle Jaccard %.2f; want well under dedup's 0.5", pair[0], pair[1], j)
		}
	}
}

// soakCorpora names the soak's base texts: generated, from an empty
// directory, and Reuters-21578 read in place, which may be missing.
func soakCorpora(t *testing.T) map[string]string {
	return map[string]string{
		"generated": t.TempDir(),
		"reuters":   filepath.Join("..", "..", "..", "shared", "corpora", "reuters21578"),
	}
}

// BenchmarkSoakStory is the feeder's work per article: making a new story
// and encoding it.
func BenchmarkSoakStory(b *testing.B) {
	s, _, err := newSoakStories(filepath.Join("..", "..", "..", "shared", "corpora", "reuters21578"), 3072)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		if _, err := json.Marshal(s.article(n)); err != nil {
			b.Fatal(err)
		}
		n++
	}
}
