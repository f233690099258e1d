package eval

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	dir := extractionDir(t)
	r, err := Clean(t.Context(), CleanOptions{Dir: dir, Version: "test"})
	if err != nil {
		t.Fatalf("Clean(%s) error: %v", dir, err)
	}
	if r.Kind != "clean" || r.Pages != 181 || r.Corpus != dir || r.Version != "test" {
		t.Errorf("Clean(%s) kind, pages, corpus, version = %q, %d, %q, %q; want clean, 181 (SOURCE.md), %[1]q, test",
			dir, r.Kind, r.Pages, r.Corpus, r.Version)
	}
	for name, v := range map[string]float64{"precision": r.Precision, "recall": r.Recall, "f1": r.F1} {
		if v <= 0 || v > 1 {
			t.Errorf("Clean %s = %v; want in (0, 1]", name, v)
		}
	}
	// A floor that catches a broken harness (pages not read, texts not
	// matched to their gold), not a quality target: the benchmark's
	// baseline, all visible text, scores 0.665.
	if r.F1 < 0.5 {
		t.Errorf("Clean f1 = %.4f; want >= 0.5", r.F1)
	}
	if r.MsPerPage <= 0 || r.MsPerPageP50 > r.MsPerPageP90 || r.MsPerPageP90 > r.MsPerPageMax {
		t.Errorf("Clean ms/page mean %v, p50 %v, p90 %v, max %v; want > 0 and ordered",
			r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax)
	}
	if r.Errors != len(r.ErrorPages) {
		t.Errorf("Clean errors = %d; want %d, the error pages listed", r.Errors, len(r.ErrorPages))
	}
	if want := float64(len(r.LowF1Pages)) / float64(r.Pages); r.LowF1Share != want {
		t.Errorf("Clean low_f1_share = %v; want %v", r.LowF1Share, want)
	}
	if !slices.IsSortedFunc(r.LowF1Pages, func(a, b PageScore) int { return cmp.Compare(a.F1, b.F1) }) {
		t.Error("Clean low_f1_pages not sorted by F1")
	}
	for _, p := range r.LowF1Pages {
		if p.F1 >= LowF1 || p.ID == "" || p.URL == "" {
			t.Errorf("Clean low F1 page = %+v; want F1 < %v with id and url", p, LowF1)
		}
	}

	var out bytes.Buffer
	r.Print(&out, 3)
	for _, want := range []string{"newsflow eval clean test: 181 pages of " + dir, "precision ", "3 pages of lowest F1:", "metric: "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("CleanReport.Print(3) lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCleanPage(t *testing.T) {
	dir := extractionDir(t)
	gold, err := readGold(dir)
	if err != nil {
		t.Fatalf("readGold(%s) error: %v", dir, err)
	}
	p := gold[0]
	opts := CleanOptions{Dir: dir}
	got, err := CleanPage(t.Context(), opts, p.ID[:12])
	if err != nil {
		t.Fatalf("CleanPage(%s) error: %v", p.ID[:12], err)
	}
	if got.ID != p.ID || got.Gold != p.Body || got.Extracted == "" || got.TP+got.FN == 0 {
		t.Errorf("CleanPage(%s) = id %s, gold equal %v, extracted %d bytes, tp+fn %d; want page %s with both texts",
			p.ID[:12], got.ID, got.Gold == p.Body, len(got.Extracted), got.TP+got.FN, p.ID)
	}
	var out bytes.Buffer
	got.Print(&out)
	for _, want := range []string{"page " + p.ID, p.URL, "--- gold (", "--- extracted (", "f1 "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("PageReport.Print() lacks %q:\n%.2000s", want, out.String())
		}
	}

	if _, err := CleanPage(t.Context(), opts, "no such page"); err == nil || !strings.Contains(err.Error(), "clean: find page") {
		t.Errorf("CleanPage(no such page) error = %v; want clean: find page …", err)
	}
}

func TestCleanNoCorpus(t *testing.T) {
	_, err := Clean(t.Context(), CleanOptions{Dir: "/nonexistent"})
	if err == nil || !strings.Contains(err.Error(), "clean: read ground truth") || !strings.Contains(err.Error(), "/nonexistent") {
		t.Errorf("Clean(/nonexistent) error = %v; want clean: read ground truth … /nonexistent …", err)
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
