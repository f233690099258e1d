package events

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// testdata/*.txt are made-up news articles, written for these tests; each
// *.golden beside one lists the events coded in it, one a line. Run with
// -update to rewrite them after a deliberate change, and review the diff.

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenPub is the publication time of the articles in testdata, a
// Wednesday.
var goldenPub = time.Date(2025, 4, 16, 9, 0, 0, 0, time.UTC)

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in testdata: %v", err)
	}
	s := newStage(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := extracted(t, string(text))
			d.PublishedAt = goldenPub
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, e := range d.Events {
				fmt.Fprintf(&b, "%s\n    CAMEO %s, trigger %q in sentence %d, confidence %.2f\n",
					e.Summary(), e.CAMEO.Code, e.Evidence.Trigger.Text, e.Evidence.Sentence, e.Confidence)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("events of %s differ from %s (run with -update to rewrite it):\n%s", f, golden, b.String())
			}
		})
	}
}

// TestGUMNews codes the 24 GUM news documents (read in place; CC BY): no
// panic, and every span lies in its text and says what it quotes, as
// FuzzProcess checks of any text.
func TestGUMNews(t *testing.T) {
	docs, err := gum.Read("../../../shared/corpora/gum-news")
	if err != nil {
		t.Fatalf("GUM news, beside the repository in ../shared/corpora: %v", err)
	}
	s := newStage(t)
	n := 0
	for _, text := range gum.Articles(docs, 0) {
		d := extracted(t, text)
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			checkSpan(t, text, "evidence", e.Evidence.Start, e.Evidence.End)
			for _, p := range append(append([]event.Party(nil), e.Actors...), e.Recipients...) {
				checkSpan(t, text, "party", p.Start, p.End)
				if text[p.Start:p.End] != p.Text {
					t.Errorf("party text %q; want %q", p.Text, text[p.Start:p.End])
				}
			}
		}
		n += len(d.Events)
	}
	if n == 0 {
		t.Error("no event coded in the GUM news; want some")
	}
}
