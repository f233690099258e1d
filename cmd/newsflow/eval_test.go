package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
)

// The evaluations themselves are tested in package eval; these tests
// cover the command line: dispatch, flags, and the choice of JSON or
// text. The corpora are read in place from ../shared/corpora (never
// copied here); a test that needs one it cannot find skips.

// evalCorpus returns ../shared/corpora/elem... seen from this package's
// directory, skipping t unless file is in it.
func evalCorpus(t *testing.T, file string, elem ...string) string {
	t.Helper()
	dir := filepath.Join(append([]string{"..", "..", "..", "shared", "corpora"}, elem...)...)
	if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
		t.Skipf("corpus not available at %s: %v", dir, err)
	}
	return dir
}

func runEval(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	code = runMain(t.Context(), e, append([]string{"eval"}, args...))
	return code, out.String(), errOut.String()
}

func TestEvalCleanJSON(t *testing.T) {
	dir := evalCorpus(t, "ground-truth.json", "article-extraction-benchmark")
	code, stdout, stderr := runEval(t, "clean", "--corpus", dir, "--json")
	if code != 0 {
		t.Fatalf("newsflow eval clean --json exit = %d; want 0; stderr:\n%s", code, stderr)
	}
	var r eval.CleanReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("newsflow eval clean --json: %v:\n%.2000s", err, stdout)
	}
	if r.Kind != "clean" || r.Corpus != dir || r.Version != build().Version || r.Pages == 0 || r.F1 <= 0 {
		t.Errorf("newsflow eval clean --json = kind %q, corpus %q, version %q, %d pages, f1 %v; want clean, %q, %q, pages and an f1",
			r.Kind, r.Corpus, r.Version, r.Pages, r.F1, dir, build().Version)
	}
}

func TestEvalCleanPage(t *testing.T) {
	dir := evalCorpus(t, "ground-truth.json", "article-extraction-benchmark")
	// The page of lowest F1 is a known one: any page will do.
	code, stdout, stderr := runEval(t, "clean", "--corpus", dir, "--page", "f6ac15a4")
	if code != 0 {
		t.Fatalf("newsflow eval clean --page exit = %d; want 0; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"page f6ac15a4", "--- gold (", "--- extracted ("} {
		if !strings.Contains(stdout, want) {
			t.Errorf("newsflow eval clean --page output lacks %q:\n%.2000s", want, stdout)
		}
	}
}

func TestEvalNERJSON(t *testing.T) {
	dir := evalCorpus(t, "ner-gold.jsonl", "gum-news")
	code, stdout, stderr := runEval(t, "ner", "--corpus", dir, "--split", "test", "--json")
	if code != 0 {
		t.Fatalf("newsflow eval ner --json exit = %d; want 0; stderr:\n%s", code, stderr)
	}
	var r eval.NERReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("newsflow eval ner --json: %v:\n%s", err, stdout)
	}
	if r.Kind != "ner" || r.Split != "test" || r.Corpus != dir || r.Docs == 0 || r.Gold == 0 {
		t.Errorf("newsflow eval ner --split test --json = kind %q, split %q, corpus %q, %d docs, %d gold; want ner, test, %q, docs and gold",
			r.Kind, r.Split, r.Corpus, r.Docs, r.Gold, dir)
	}

	code, stdout, stderr = runEval(t, "ner", "--corpus", dir, "--split", "test")
	if code != 0 || !strings.HasPrefix(stdout, "newsflow eval ner ") || !strings.Contains(stdout, "\nmicro ") {
		t.Errorf("newsflow eval ner = exit %d, stdout:\n%s\nstderr:\n%s\nwant 0 and the table", code, stdout, stderr)
	}
}

// TestEvalNERFiles gives eval ner the GUM directory and a names file: one
// report each, in order, as JSON lines.
func TestEvalNERFiles(t *testing.T) {
	dir := evalCorpus(t, "ner-gold.jsonl", "gum-news")
	file := filepath.Join(t.TempDir(), "names.jsonl")
	line := `{"doc":"a","text":"Steve Witkoff met Vladimir Putin.","entities":[{"start":0,"end":13,"type":"PER","text":"Steve Witkoff"},{"start":18,"end":32,"type":"PER","text":"Vladimir Putin"}]}` + "\n"
	if err := os.WriteFile(file, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runEval(t, "ner", "--corpus", dir, "--corpus", file, "--split", "test", "--json")
	if code != 0 {
		t.Fatalf("eval ner with two corpora: exit %d; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("eval ner with two corpora printed %d lines; want 2:\n%s", len(lines), stdout)
	}
	var gum, names eval.NERReport
	if err := json.Unmarshal([]byte(lines[0]), &gum); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &names); err != nil {
		t.Fatal(err)
	}
	if gum.Corpus != dir || gum.Split != "test" || names.Corpus != file || names.Docs != 1 || names.Gold != 2 {
		t.Errorf("reports = %s (%s), %s (%d docs, %d gold); want %s (test), %s (1, 2)", gum.Corpus, gum.Split, names.Corpus, names.Docs, names.Gold, dir, file)
	}
}

func TestEvalCommandLine(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{nil, 2, []string{"Usage: newsflow eval <kind>", "clean"}},
		{[]string{"--help"}, 0, []string{"Usage: newsflow eval <kind>", "Examples:", "events"}},
		{[]string{"nosuchkind"}, 2, []string{`unknown evaluation "nosuchkind"`, "available: clean, ner, dates, quotes, dedup, events"}},
		{[]string{"events", "--help"}, 0, []string{"Usage: newsflow eval events", "-set sets", "every missed and false event"}},
		{[]string{"events", "--set", "odd"}, 1, []string{`newsflow eval: set "odd"`}},
		{[]string{"events", "--corpus", "/nonexistent"}, 1, []string{"newsflow eval: open /nonexistent/events-dev"}},
		{[]string{"ner", "--split", "odd"}, 1, []string{`newsflow eval: split "odd"`}},
		{[]string{"ner", "--corpus", "/nonexistent"}, 1, []string{"newsflow eval: read gum", "/nonexistent"}},
		{[]string{"dates", "--help"}, 0, []string{"Usage: newsflow eval dates", "-split string", "every missed and unmatched date"}},
		{[]string{"quotes", "--help"}, 0, []string{"Usage: newsflow eval quotes", "-corpus directory", "every missed and spurious quotation"}},
		{[]string{"clean", "--help"}, 0, []string{"Usage: newsflow eval clean", "--corpus", "--worst", "--page"}},
		{[]string{"clean", "extra"}, 2, []string{"Usage: newsflow eval clean"}},
		{[]string{"clean", "--worst", "-1"}, 2, []string{"Usage: newsflow eval clean"}},
		{[]string{"clean", "--corpus", "/nonexistent"}, 1, []string{"newsflow eval: clean: read ground truth", "/nonexistent"}},
		{[]string{"dedup", "--help"}, 0, []string{"Usage: newsflow eval dedup", "-seed uint"}},
		{[]string{"dedup", "extra"}, 2, []string{"Usage: newsflow eval dedup"}},
		{[]string{"dedup", "--corpus", "/nonexistent"}, 1, []string{"newsflow eval: dedup: dupcorpus: read reuters"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := runEval(t, tt.args...)
		if code != tt.code {
			t.Errorf("newsflow eval %q exit = %d; want %d", tt.args, code, tt.code)
		}
		for _, want := range tt.want {
			if !strings.Contains(stderr, want) {
				t.Errorf("newsflow eval %q stderr lacks %q:\n%s", tt.args, want, stderr)
			}
		}
		if stdout != "" {
			t.Errorf("newsflow eval %q wrote to stdout:\n%s", tt.args, stdout)
		}
	}
}
