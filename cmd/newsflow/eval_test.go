package main

import (
	"bytes"
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"
)

// extractionDir is the article-extraction-benchmark corpus, read in place
// (its pages belong to their publishers and are never copied here).
func extractionDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "article-extraction-benchmark")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction-benchmark corpus not available at %s: %v", dir, err)
	}
	return dir
}

func runEval(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	code = runMain(context.Background(), e, append([]string{"eval"}, args...))
	return code, out.String(), errOut.String()
}

func TestEvalClean(t *testing.T) {
	dir := extractionDir(t)
	code, stdout, stderr := runEval(t, "clean", "--corpus", dir, "--json")
	if code != 0 {
		t.Fatalf("eval clean exit = %d; stderr:\n%s", code, stderr)
	}
	var r evalCleanReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("eval clean --json: %v:\n%s", err, stdout)
	}
	if r.Kind != "clean" || r.Pages != 181 {
		t.Errorf("kind, pages = %q, %d; want clean, 181 (SOURCE.md)", r.Kind, r.Pages)
	}
	for name, v := range map[string]float64{"precision": r.Precision, "recall": r.Recall, "f1": r.F1} {
		if v <= 0 || v > 1 {
			t.Errorf("%s = %v; want in (0, 1]", name, v)
		}
	}
	// A floor that catches a broken harness (pages not read, texts not
	// matched to their gold), not a quality target: the benchmark's
	// baseline, all visible text, scores 0.665.
	if r.F1 < 0.5 {
		t.Errorf("f1 = %.4f; want >= 0.5", r.F1)
	}
	if r.MsPerPage <= 0 || r.MsPerPageP50 > r.MsPerPageP90 || r.MsPerPageP90 > r.MsPerPageMax {
		t.Errorf("ms/page mean %v, p50 %v, p90 %v, max %v; want > 0 and ordered",
			r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax)
	}
	if r.Errors != len(r.ErrorPages) {
		t.Errorf("errors = %d but %d error pages listed", r.Errors, len(r.ErrorPages))
	}
	if got := float64(len(r.LowF1Pages)) / float64(r.Pages); got != r.LowF1Share {
		t.Errorf("low_f1_share = %v; want %v", r.LowF1Share, got)
	}
	if !slices.IsSortedFunc(r.LowF1Pages, func(a, b pageScore) int { return cmp.Compare(a.F1, b.F1) }) {
		t.Error("low_f1_pages not sorted by F1")
	}
	for _, p := range r.LowF1Pages {
		if p.F1 >= lowF1 || p.ID == "" || p.URL == "" {
			t.Errorf("low F1 page %+v: want F1 < %v with id and url", p, lowF1)
		}
	}
}

func TestEvalCleanPage(t *testing.T) {
	dir := extractionDir(t)
	gold, err := readGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := gold[0]

	code, stdout, stderr := runEval(t, "clean", "--corpus", dir, "--page", p.ID[:12])
	if code != 0 {
		t.Fatalf("eval clean --page exit = %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"page " + p.ID, p.URL, "--- gold (", "--- extracted (", "f1 "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("eval clean --page output lacks %q:\n%.2000s", want, stdout)
		}
	}

	code, stdout, stderr = runEval(t, "clean", "--corpus", dir, "--page", p.ID, "--json")
	if code != 0 {
		t.Fatalf("eval clean --page --json exit = %d; stderr:\n%s", code, stderr)
	}
	var ep evalPage
	if err := json.Unmarshal([]byte(stdout), &ep); err != nil {
		t.Fatalf("eval clean --page --json: %v", err)
	}
	if ep.ID != p.ID || ep.Gold != p.Body || ep.Extracted == "" || ep.TP+ep.FN == 0 {
		t.Errorf("page %s: id %s, gold equal %v, extracted %d bytes, tp+fn %d; want the page with both texts",
			p.ID, ep.ID, ep.Gold == p.Body, len(ep.Extracted), ep.TP+ep.FN)
	}
}

func TestEvalCommandLine(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{nil, 2, []string{"Usage: newsflow eval <kind>", "clean"}},
		{[]string{"--help"}, 0, []string{"Usage: newsflow eval <kind>", "Examples:"}},
		{[]string{"nosuchkind"}, 2, []string{`unknown evaluation "nosuchkind"`, "available: clean, ner, dates, quotes"}},
		{[]string{"events"}, 2, []string{`"events" evaluation does not exist yet`, "available: clean, ner, dates, quotes"}},
		{[]string{"ner", "--split", "odd"}, 1, []string{`split "odd"`}},
		{[]string{"ner", "--corpus", "/nonexistent"}, 1, []string{"read gum", "/nonexistent"}},
		{[]string{"clean", "--help"}, 0, []string{"Usage: newsflow eval clean", "--corpus", "--worst", "--page"}},
		{[]string{"clean", "extra"}, 2, []string{"Usage: newsflow eval clean"}},
		{[]string{"clean", "--worst", "-1"}, 2, []string{"Usage: newsflow eval clean"}},
		{[]string{"clean", "--corpus", "/nonexistent"}, 1, []string{"newsflow eval: clean: read ground truth", "/nonexistent"}},
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

func TestFindPage(t *testing.T) {
	pages := []goldPage{{ID: "abc1"}, {ID: "abc2"}, {ID: "abd"}, {ID: "ab"}}
	tests := []struct {
		id, want, err string
	}{
		{"abc1", "abc1", ""},
		{"abd", "abd", ""},
		{"ab", "ab", ""}, // an exact id wins over the ids it prefixes
		{"abc", "", "2 page ids start with"},
		{"x", "", "no page id starts with"},
	}
	for _, tt := range tests {
		p, err := findPage(pages, tt.id)
		if p.ID != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("findPage(%q) = %q, %v; want %q, %q", tt.id, p.ID, err, tt.want, tt.err)
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
		t.Error("summarizeTimes sorted its argument")
	}
	if got := summarizeTimes([]time.Duration{3 * time.Millisecond}); got != (timingStats{3, 3, 3, 3}) {
		t.Errorf("summarizeTimes(3 ms) = %+v; want all 3", got)
	}
	if got := summarizeTimes(nil); got != (timingStats{}) {
		t.Errorf("summarizeTimes(nil) = %+v; want zero", got)
	}
}

// corporaDir is ../shared/corpora (Reuters-21578 and GUM news), read in
// place: Reuters-21578 may be used for research only.
func corporaDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	for _, f := range []string{"reuters21578", filepath.Join("gum-news", "ner-gold.jsonl")} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Skipf("corpora not available at %s: %v", dir, err)
		}
	}
	return dir
}

// TestEvalDedup checks the machinery of "eval dedup --json": the fields,
// and that the scores add up to the labels. It sets no quality floor.
func TestEvalDedup(t *testing.T) {
	dir := corporaDir(t)
	code, stdout, stderr := runEval(t, "dedup", "--corpus", dir, "--json")
	if code != 0 {
		t.Fatalf("eval dedup exit = %d; stderr:\n%s", code, stderr)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &fields); err != nil {
		t.Fatalf("eval dedup --json: %v:\n%.2000s", err, stdout)
	}
	for _, k := range []string{"kind", "precision", "recall", "f1", "targets", "kinds", "originals", "hard_negatives",
		"curve", "ms_total", "us_per_article", "seed", "threshold", "data"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("eval dedup --json lacks %q", k)
		}
	}
	var r evalDedupReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("eval dedup --json: %v", err)
	}
	if r.Kind != "dedup" || r.Seed != 1 || r.Articles != r.Data.Items || r.Data.Silver.ExactGroups != 94 {
		t.Errorf("kind, seed, articles, exact groups = %q, %d, %d, %d; want dedup, 1, %d, 94",
			r.Kind, r.Seed, r.Articles, r.Data.Silver.ExactGroups, r.Data.Items)
	}
	if want := newPRF(r.Correct, r.Predicted, r.Gold); r.prf != want {
		t.Errorf("overall = %+v; want %+v from its counts", r.prf, want)
	}
	if r.Targets.Precision != 0.99 || r.Targets.Recall != 0.95 {
		t.Errorf("targets = %+v; want precision 0.99, recall 0.95", r.Targets)
	}
	inScope := 0
	for _, k := range dedupKinds {
		s := r.Kinds[k]
		if s.Gold == 0 || s.Gold != r.Data.Labels[k] || s.Correct > s.Predicted || s.Correct > s.Gold || s.KindAgree > s.Correct {
			t.Errorf("kind %s = %+v; want gold %d (the labels), correct <= predicted, gold", k, s, r.Data.Labels[k])
		}
		if !slices.Contains(dedupOutOfScope, k) {
			inScope += s.Gold
		}
	}
	if r.Gold != inScope {
		t.Errorf("overall gold = %d; want %d, the duplicates of the kinds in scope", r.Gold, inScope)
	}
	if r.Originals.Articles != r.Data.Labels["original"] || r.HardNegatives.Articles != r.Data.HardNegativeItems || r.HardNegatives.Articles == 0 {
		t.Errorf("originals, hard negatives = %+v, %+v; want %d and %d articles", r.Originals, r.HardNegatives,
			r.Data.Labels["original"], r.Data.HardNegativeItems)
	}
	if len(r.Curve) != len(dedupCurve) {
		t.Fatalf("curve has %d points; want %d", len(r.Curve), len(dedupCurve))
	}
	for i, p := range r.Curve {
		if p.Threshold != dedupCurve[i] || p.Gold != r.Gold || p.F1 < 0 || p.F1 > 1 {
			t.Errorf("curve point %d = %+v; want threshold %v and gold %d", i, p, dedupCurve[i], r.Gold)
		}
		if p.Threshold == r.Threshold && p.prf != r.prf {
			t.Errorf("curve at the default threshold = %+v; want the overall %+v", p.prf, r.prf)
		}
	}
	if r.MsTotal <= 0 || r.UsPerArticle < 0 {
		t.Errorf("ms total, µs/article = %v, %v; want > 0", r.MsTotal, r.UsPerArticle)
	}

	code, _, stderr = runEval(t, "dedup", "--corpus", "/nonexistent")
	if code != 1 || !strings.Contains(stderr, "dedup: dupcorpus: read reuters") {
		t.Errorf("eval dedup --corpus /nonexistent exit = %d, stderr %q; want 1 and the error", code, stderr)
	}
	code, _, stderr = runEval(t, "dedup", "extra")
	if code != 2 || !strings.Contains(stderr, "Usage: newsflow eval dedup") {
		t.Errorf("eval dedup extra exit = %d, stderr %q; want 2 and the usage", code, stderr)
	}
}
