package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
)

// TestBenchSoakCommand runs "newsflow bench" as a one-second soak on
// generated stories and checks that the flags reach the bench and its
// report comes out as one JSON object. Package bench tests the soak
// itself.
func TestBenchSoakCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	args := []string{"bench", "--duration", "1s", "--interval", "1s", "--json", "--corpus", t.TempDir(), "--dedup-max-entries", "5000", "--workers", "3"}
	if code := runMain(t.Context(), e, args); code != 0 {
		t.Fatalf("newsflow %v exit = %d; want 0:\n%s", args, code, stderr.String())
	}
	var r bench.SoakReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("newsflow %v printed %q: %v; want one JSON object", args, stdout.String(), err)
	}
	if len(r.Rows) != 1 || r.Summary.Articles <= 0 {
		t.Errorf("newsflow %v: %d rows, %d articles; want 1 row, some articles", args, len(r.Rows), r.Summary.Articles)
	}
	if r.DurationSeconds != 1 || r.Corpus != "generated" || r.Workers != 3 || !r.Dedup || r.DedupMaxEntries != 5000 {
		t.Errorf("newsflow %v: duration %vs, corpus %q, %d workers, dedup %v, max entries %d; want the flags': 1s, generated, 3, true, 5000",
			args, r.DurationSeconds, r.Corpus, r.Workers, r.Dedup, r.DedupMaxEntries)
	}
	if stderr.Len() != 0 {
		t.Errorf("newsflow %v wrote to stderr with --json:\n%s", args, stderr.String())
	}
}

// TestBenchFlags checks that flags out of range are usage errors.
func TestBenchFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--articles", "0"},
		{"bench", "--latency-articles", "-1"},
		{"bench", "--latency-load", "0"},
		{"bench", "--latency-load", "1.5"},
		{"bench", "--duration", "-1s"},
		{"bench", "--duration", "1s", "--interval", "0s"},
		{"bench", "--duration", "1s", "--interval", "-5s"},
		{"bench", "--dedup-max-entries", "-1"},
		{"bench", "--no-such-flag"},
	} {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		if code := runMain(t.Context(), e, args); code != 2 {
			t.Errorf("newsflow %v exit = %d; want 2 (usage)", args, code)
		}
	}
}
