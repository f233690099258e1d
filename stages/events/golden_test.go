package events

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
