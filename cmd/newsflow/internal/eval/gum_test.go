package eval

import (
	"bytes"
	"strings"
	"testing"
)

func TestNER(t *testing.T) {
	dir := gumDir(t)
	r, err := NER(t.Context(), GUMOptions{Dir: dir, Split: "all", Version: "test"})
	if err != nil {
		t.Fatalf("NER(%s) error: %v", dir, err)
	}
	if r.Kind != "ner" || r.Docs == 0 || r.Split != "all" || r.Errors != len(r.Failures()) {
		t.Errorf("NER(%s) kind, docs, split, errors = %q, %d, %q, %d; want ner, > 0, all, %d (the failures)",
			dir, r.Kind, r.Docs, r.Split, r.Errors, len(r.Failures()))
	}
	if want := NewPRF(r.Correct, r.Predicted, r.Gold); r.PRF != want {
		t.Errorf("NER micro = %+v; want %+v from its counts", r.PRF, want)
	}
	// A floor that catches a broken harness (offsets not compared as
	// they are, types mixed up), not a quality target.
	if r.F1 < 0.5 {
		t.Errorf("NER f1 = %.4f; want >= 0.5", r.F1)
	}
	if r.Overlap.Correct < r.Correct || r.Overlap.Gold != r.Gold || r.Overlap.Predicted != r.Predicted {
		t.Errorf("NER overlap = %+v; want at least the %d exact matches of the same %d gold and %d predicted",
			r.Overlap, r.Correct, r.Gold, r.Predicted)
	}
	var sum PRF
	for _, typ := range nerTypes {
		s, ok := r.Types[typ]
		if !ok {
			t.Errorf("NER types lacks %s", typ)
		}
		sum.Gold += s.Gold
		sum.Predicted += s.Predicted
		sum.Correct += s.Correct
	}
	if sum.Gold != r.Gold || sum.Predicted > r.Predicted || sum.Correct > r.Correct {
		t.Errorf("NER types sum to gold %d, predicted %d, correct %d; want gold %d, at most %d and %d",
			sum.Gold, sum.Predicted, sum.Correct, r.Gold, r.Predicted, r.Correct)
	}

	var out bytes.Buffer
	r.Print(&out, true)
	text := out.String()
	header := strings.Index(text, "newsflow eval ner test: ")
	if header < 0 || !strings.Contains(text, "\nmicro ") || !strings.Contains(text, "\noverlap ") {
		t.Errorf("NERReport.Print(errors) lacks the header and table:\n%s", text)
	}
	if missed := strings.Index(text, "\tmissed\t"); r.Correct < r.Gold && (missed < 0 || missed > header) {
		t.Errorf("NERReport.Print(errors): missed names at %d; want before the summary at %d", missed, header)
	}
}

func TestNERSplit(t *testing.T) {
	dir := gumDir(t)
	all, err := NER(t.Context(), GUMOptions{Dir: dir, Split: "all"})
	if err != nil {
		t.Fatalf("NER(split all) error: %v", err)
	}
	test, err := NER(t.Context(), GUMOptions{Dir: dir, Split: "test"})
	if err != nil {
		t.Fatalf("NER(split test) error: %v", err)
	}
	if test.Docs == 0 || test.Docs >= all.Docs || test.Gold >= all.Gold {
		t.Errorf("NER(split test) docs, gold = %d, %d; want some of all's %d, %d", test.Docs, test.Gold, all.Docs, all.Gold)
	}
	if _, err := NER(t.Context(), GUMOptions{Dir: dir, Split: "odd"}); err == nil || !strings.Contains(err.Error(), `split "odd"`) {
		t.Errorf(`NER(split odd) error = %v; want split "odd": …`, err)
	}
	if _, err := NER(t.Context(), GUMOptions{Dir: "/nonexistent", Split: "all"}); err == nil || !strings.Contains(err.Error(), "read gum") {
		t.Errorf("NER(/nonexistent) error = %v; want read gum: …", err)
	}
}

func TestDates(t *testing.T) {
	dir := gumDir(t)
	r, err := Dates(t.Context(), GUMOptions{Dir: dir, Split: "all", Version: "test"})
	if err != nil {
		t.Fatalf("Dates(%s) error: %v", dir, err)
	}
	if r.Kind != "dates" || r.Docs == 0 || r.Gold == 0 || r.Correct > r.Gold || r.Right > r.Found {
		t.Errorf("Dates(%s) = %+v; want kind dates, documents and gold dates, correct <= gold, right <= found", dir, r)
	}
	if want := ratio(r.Correct, r.Gold); r.Accuracy != want {
		t.Errorf("Dates accuracy = %v; want %v", r.Accuracy, want)
	}
	if want := ratio(r.Right, r.Found); r.Precision != want {
		t.Errorf("Dates precision = %v; want %v", r.Precision, want)
	}
	var out bytes.Buffer
	r.Print(&out, false)
	if !strings.HasPrefix(out.String(), "newsflow eval dates test: ") || !strings.Contains(out.String(), "\naccuracy  ") {
		t.Errorf("DatesReport.Print() = %q; want the header and the accuracy", out.String())
	}
}

func TestQuotes(t *testing.T) {
	dir := gumDir(t)
	r, err := Quotes(t.Context(), GUMOptions{Dir: dir, Split: "all", Version: "test"})
	if err != nil {
		t.Fatalf("Quotes(%s) error: %v", dir, err)
	}
	if r.Kind != "quotes" || r.Docs == 0 || r.Gold == 0 || r.Covered > r.Gold || r.Right > r.Found {
		t.Errorf("Quotes(%s) = %+v; want kind quotes, documents and gold quotations, covered <= gold, right <= found", dir, r)
	}
	if want := ratio(r.Covered, r.Gold); r.Recall != want {
		t.Errorf("Quotes recall = %v; want %v", r.Recall, want)
	}
	if r.Speakers < 0 || r.Speakers > 1 {
		t.Errorf("Quotes with_speaker = %v; want in [0, 1]", r.Speakers)
	}
	var out bytes.Buffer
	r.Print(&out, false)
	if !strings.HasPrefix(out.String(), "newsflow eval quotes test: ") || !strings.Contains(out.String(), "\nspeaker   ") {
		t.Errorf("QuotesReport.Print() = %q; want the header and the speaker share", out.String())
	}
}

func TestMatchNames(t *testing.T) {
	gold := []nerSpan{{0, 5, "PER", "Alice"}, {10, 15, "ORG", "Acme "}, {30, 35, "LOC", "Paris"}}
	pred := []nerSpan{
		{0, 5, "PER", "Alice"},   // exact
		{11, 15, "ORG", "cme "},  // overlap only
		{30, 35, "PER", "Paris"}, // wrong type
		{40, 45, "LOC", "Rome"},  // spurious
	}
	exact, overlap := matchNames(gold, pred)
	if exact != 1 || overlap != 2 {
		t.Errorf("matchNames(gold, pred) = %d, %d; want 1, 2", exact, overlap)
	}
	// Each predicted span matches one gold span only.
	exact, overlap = matchNames([]nerSpan{{0, 5, "PER", ""}, {2, 4, "PER", ""}}, []nerSpan{{0, 5, "PER", ""}})
	if exact != 1 || overlap != 1 {
		t.Errorf("matchNames(two gold, one pred) = %d, %d; want 1, 1", exact, overlap)
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"two\n  lines", 20, "two lines"},
		{"é é é é é", 5, "é é …"},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
