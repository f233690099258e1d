package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

func corporaDir(t *testing.T) string {
	t.Helper()
	dir, err := corpora.Dir()
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "petrarch2-dictionaries"))
	}
	if err != nil {
		t.Fatalf("the corpora kept beside the repository (../shared/corpora) are needed: %v", err)
	}
	return dir
}

// TestGenerated checks that the committed files are what the generator
// writes now: go generate was run, and its output depends only on the
// inputs.
func TestGenerated(t *testing.T) {
	dir := corporaDir(t)
	out := t.TempDir()
	if err := run(dir, out, false); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"generated/actors.txt.gz", "generated/agents.txt.gz", "generated/discards.txt.gz",
		"generated/LICENSE-PETRARCH2", "data_gen.go"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output: run go generate ./stages/events/actors/", f)
		}
	}
}

// TestPublishedErrors checks that the published files need each
// correction: without them, parsing fails on the lines they fix.
func TestPublishedErrors(t *testing.T) {
	dir := filepath.Join(corporaDir(t), "petrarch2-dictionaries")
	saved, savedLines := corrections, synonymLines
	defer func() { corrections, synonymLines = saved, savedLines }()
	corrections, synonymLines = nil, nil
	_, err := read(dir)
	if err == nil {
		t.Fatal("read without corrections = nil error; want the published files' errors")
	}
	for _, want := range []string{"Phoenix.Countries.actors.txt:745:", "Phoenix.Countries.actors.txt:39462: actor LEONID BREZHNEV has no code"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("read without corrections: error lacks %q", want)
		}
	}
}

func TestCorrect(t *testing.T) {
	text := "A [X]\nB\n"
	saved := corrections
	defer func() { corrections = saved }()
	tests := []struct {
		fix  correction
		want string // the text corrected, or the error's start
	}{
		{correction{"f", 2, "B", "B [Y]", ""}, "A [X]\nB [Y]\n"},
		{correction{"f", 2, "B", "", ""}, "A [X]\n\n"},
		{correction{"f", 2, "C", "", ""}, "f:2: correction no longer applies"},
		{correction{"f", 9, "C", "", ""}, "f:9: correction past the end"},
	}
	for _, tt := range tests {
		corrections = []correction{tt.fix}
		got, err := correct("f", text)
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("correct(%+v) = %q; want %q", tt.fix, got, tt.want)
		}
	}
}
