package dates

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// testdata/article.txt is a made-up 3 KB wire story with the date
// expressions news is full of, and some look-alikes ("may", "march",
// "7-2", "9:30", "2,300", "the 1970s"); testdata/article.golden.json holds
// what Find must find in it. Run with -update to rewrite the golden file
// after a deliberate change, and review the diff.

var update = flag.Bool("update", false, "rewrite testdata/article.golden.json")

// benchPub is the publication time of testdata/article.txt, a Thursday.
var benchPub = time.Date(2025, 3, 6, 10, 0, 0, 0, time.UTC)

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestArticleGolden(t *testing.T) {
	const golden = "testdata/article.golden.json"
	text := readArticle(t)
	got := Find(nil, text, benchPub)
	checkRefs(t, text, got)
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(want) {
		t.Errorf("dates differ from %s (run with -update to rewrite it):\n%s", golden, data)
	}
}

// BenchmarkFind3KB finds the dates of the 3 KB article with a reused
// Finder and slice, as a stage does.
func BenchmarkFind3KB(b *testing.B) {
	text := readArticle(b)
	var f Finder
	var dst []event.DateRef
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = f.Find(dst[:0], text, benchPub)
	}
	if len(dst) == 0 {
		b.Fatal("no dates")
	}
}

// BenchmarkFindPooled is BenchmarkFind3KB through the package function
// with a new slice each time.
func BenchmarkFindPooled(b *testing.B) {
	text := readArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(nil, text, benchPub)
	}
}

// BenchmarkFindFlat1MB runs over 1 MB of lower-case words without
// punctuation, the article's words over and over, date words among them:
// the time per byte must match the 3 KB article's or better.
func BenchmarkFindFlat1MB(b *testing.B) {
	words := strings.Fields(strings.ToLower(readArticle(b)))
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		if w := strings.Trim(words[i%len(words)], `.,:;"'$%`); w != "" {
			sb.WriteString(w)
			sb.WriteByte(' ')
		}
	}
	text := sb.String()
	var f Finder
	var dst []event.DateRef
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = f.Find(dst[:0], text, benchPub)
	}
}
