package eval

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"
)

// TestDedup checks the machinery of the dedup evaluation: the JSON fields,
// and that the scores add up to the labels. It sets no quality floor.
func TestDedup(t *testing.T) {
	dir := corporaDir(t)
	r, err := Dedup(t.Context(), DedupOptions{Dir: dir, Seed: 1, Version: "test"})
	if err != nil {
		t.Fatalf("Dedup(%s, seed 1) error: %v", dir, err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal(DedupReport) error: %v", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatalf("json.Unmarshal(DedupReport) error: %v", err)
	}
	for _, k := range []string{"kind", "precision", "recall", "f1", "targets", "kinds", "originals", "hard_negatives",
		"curve", "ms_total", "us_per_article", "seed", "threshold", "data"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("DedupReport JSON lacks %q", k)
		}
	}
	if r.Kind != "dedup" || r.Seed != 1 || r.Articles != r.Data.Items || r.Data.Silver.ExactGroups != 94 {
		t.Errorf("Dedup kind, seed, articles, exact groups = %q, %d, %d, %d; want dedup, 1, %d, 94",
			r.Kind, r.Seed, r.Articles, r.Data.Silver.ExactGroups, r.Data.Items)
	}
	if want := NewPRF(r.Correct, r.Predicted, r.Gold); r.PRF != want {
		t.Errorf("Dedup overall = %+v; want %+v from its counts", r.PRF, want)
	}
	if r.Targets.Precision != 0.99 || r.Targets.Recall != 0.95 {
		t.Errorf("Dedup targets = %+v; want precision 0.99, recall 0.95", r.Targets)
	}
	checkDedupKinds(t, r)
	checkDedupCurve(t, r)
	if r.MsTotal <= 0 || r.UsPerArticle < 0 {
		t.Errorf("Dedup ms total, µs/article = %v, %v; want > 0", r.MsTotal, r.UsPerArticle)
	}

	var out bytes.Buffer
	r.Print(&out, true)
	for _, want := range []string{"newsflow eval dedup test: ", "\noverall ", "threshold curve", "silver labels", "wrong matches and missed copies:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("DedupReport.Print(errors) lacks %q:\n%s", want, out.String())
		}
	}
}

// checkDedupKinds checks that the scores by label add up to the labels.
func checkDedupKinds(t *testing.T, r DedupReport) {
	t.Helper()
	inScope := 0
	for _, k := range dedupKinds {
		s := r.Kinds[k]
		if s.Gold == 0 || s.Gold != r.Data.Labels[k] || s.Correct > s.Predicted || s.Correct > s.Gold || s.KindAgree > s.Correct {
			t.Errorf("Dedup kind %s = %+v; want gold %d (the labels), correct <= predicted, gold", k, s, r.Data.Labels[k])
		}
		if !slices.Contains(dedupOutOfScope, k) {
			inScope += s.Gold
		}
	}
	if r.Gold != inScope {
		t.Errorf("Dedup overall gold = %d; want %d, the duplicates of the kinds in scope", r.Gold, inScope)
	}
	if r.Originals.Articles != r.Data.Labels["original"] || r.HardNegatives.Articles != r.Data.HardNegativeItems || r.HardNegatives.Articles == 0 {
		t.Errorf("Dedup originals, hard negatives = %+v, %+v; want %d and %d articles", r.Originals, r.HardNegatives,
			r.Data.Labels["original"], r.Data.HardNegativeItems)
	}
}

// checkDedupCurve checks the threshold curve against the thresholds and
// the overall score.
func checkDedupCurve(t *testing.T, r DedupReport) {
	t.Helper()
	if len(r.Curve) != len(dedupCurve) {
		t.Fatalf("Dedup curve has %d points; want %d", len(r.Curve), len(dedupCurve))
	}
	for i, p := range r.Curve {
		if p.Threshold != dedupCurve[i] || p.Gold != r.Gold || p.F1 < 0 || p.F1 > 1 {
			t.Errorf("Dedup curve point %d = %+v; want threshold %v and gold %d", i, p, dedupCurve[i], r.Gold)
		}
		if p.Threshold == r.Threshold && p.PRF != r.PRF {
			t.Errorf("Dedup curve at the default threshold = %+v; want the overall %+v", p.PRF, r.PRF)
		}
	}
}

func TestDedupNoCorpus(t *testing.T) {
	_, err := Dedup(t.Context(), DedupOptions{Dir: "/nonexistent", Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "dedup: dupcorpus: read reuters") {
		t.Errorf("Dedup(/nonexistent) error = %v; want dedup: dupcorpus: read reuters …", err)
	}
}
