package bench

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
)

// testOptions are options for a short bench on the stories of dir, with
// a dedup index of 5,000 articles.
func testOptions(t *testing.T, dir string) Options {
	t.Helper()
	cfg := config.Default()
	cfg.Log.Level = "warn"
	cfg.Stages.Dedup.MaxEntries = 5000
	cfg.DedupStore.MaxEntries = 5000
	if err := cfg.Validate(); err != nil {
		t.Fatalf("config: %v", err)
	}
	return Options{
		Config: cfg.Resolved(), ArticleBytes: 3072, CorpusDir: dir, Dedup: true,
		Duration: 3 * time.Second, Interval: time.Second, Version: "test",
	}
}

// TestSoak runs a short soak on generated stories, and on Reuters stories
// when the corpus is there, and checks its report: a row per interval,
// each with articles processed and a resident set, and new stories that
// dedup keeps as originals.
func TestSoak(t *testing.T) {
	for name, dir := range storyCorpora(t) {
		t.Run(name, func(t *testing.T) {
			skipWithoutCorpus(t, dir)
			var table bytes.Buffer
			r, err := Soak(t.Context(), testOptions(t, dir), &table)
			if err != nil {
				t.Fatalf("Soak: %v", err)
			}
			if len(r.Rows) != 3 {
				t.Fatalf("Soak of 3s every 1s: %d rows; want 3:\n%s", len(r.Rows), table.String())
			}
			checkRows(t, r.Rows)
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
			if r.DedupMaxEntries != 5000 || !r.Dedup {
				t.Errorf("dedup %v, max entries %d; want true, the options' 5000", r.Dedup, r.DedupMaxEntries)
			}
			// The header's two lines and a blank one, a line per row, and the
			// summary's five lines after a blank one.
			if got, want := strings.Count(table.String(), "\n"), 3+len(r.Rows)+6; got != want {
				t.Errorf("table of %d lines; want %d:\n%s", got, want, table.String())
			}
		})
	}
}

// checkRows checks that every row measured something.
func checkRows(t *testing.T, rows []SoakRow) {
	t.Helper()
	var last int64
	for i, row := range rows {
		if !row.Partial && (row.ArticlesPerSec <= 0 || row.Articles <= last) {
			t.Errorf("row %d: %.0f articles/s, %d articles in all (%d before); want some processed", i, row.ArticlesPerSec, row.Articles, last)
		}
		if row.RSSBytes <= 0 || row.HeapInuseBytes == 0 || row.Goroutines == 0 {
			t.Errorf("row %d: RSS %d, heap %d, %d goroutines; want them measured", i, row.RSSBytes, row.HeapInuseBytes, row.Goroutines)
		}
		last = row.Articles
	}
}

// cancelOnWrite cancels its context at the first write: the soak is
// interrupted as soon as it prints its header.
type cancelOnWrite struct {
	io.Writer
	cancel context.CancelFunc
}

func (w cancelOnWrite) Write(p []byte) (int, error) {
	w.cancel()
	return w.Writer.Write(p)
}

// TestSoakInterrupted checks that a soak whose context ends reports the
// rows until then, the last one partial, with their summary.
func TestSoakInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	o := testOptions(t, t.TempDir())
	o.Duration = time.Hour
	var table bytes.Buffer
	r, err := Soak(ctx, o, cancelOnWrite{Writer: &table, cancel: cancel})
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("Soak cancelled = %v; want ErrInterrupted and context.Canceled", err)
	}
	if len(r.Rows) != 1 || !r.Rows[0].Partial {
		t.Fatalf("Soak cancelled: rows %+v; want one partial row", r.Rows)
	}
	if !strings.Contains(table.String(), "dead letters") {
		t.Errorf("Soak cancelled printed no summary:\n%s", table.String())
	}
}
