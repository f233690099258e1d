package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// TestCorpus runs the generator's checks on the real inputs: they pass with
// the listed corrections, and every correction is used.
func TestCorpus(t *testing.T) {
	dir, err := corpora.Dir()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := run(dir, out, false); err != nil {
		t.Fatal(err)
	}
	// The generated files are those committed: go generate was run.
	for _, f := range []string{"generated/verbs.txt.gz", "generated/plover.txt", "generated/LICENSE-PETRARCH2", "data_gen.go"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			// The bytes of gzip may change with the Go version; the
			// content may not.
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes now: run go generate ./stages/events/codebook/", f)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := corpora.Gunzip(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
