package dates

import (
	"os"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/extract/gum"
)

// gumDir is the news part of the GUM corpus (CC BY: GUM corpus, A.
// Zeldes, Georgetown University; texts from Wikinews, CC BY 2.5), read in
// place; its <date> elements are the gold (see gum.Date).
const gumDir = "../../../../shared/corpora/gum-news"

// TestGUMDates scores Find on the GUM news gold. Accuracy is the share of
// gold `when` spans that a found date overlaps with the same value;
// "accuracy with ranges" counts the ranges that are one week, month or
// year too. Precision is the share of found dates that overlap a gold
// span with the same value. Misses and unmatched dates are logged.
func TestGUMDates(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skipf("GUM corpus not found at %s: skipping the gold evaluation", gumDir)
	}
	docs, err := gum.Read(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	var gold, hit, goldAll, hitAll, found, right int
	for _, d := range docs {
		got := Find(nil, d.Text, d.Created)
		var dg, dh, dr int
		for _, g := range d.Dates {
			ok := false
			for _, r := range got {
				if r.Start < g.End && g.Start < r.End && r.Value == g.Value {
					ok = true
				}
			}
			if !strings.Contains(g.Value, "/") {
				goldAll++
				if ok {
					hitAll++
				}
			}
			if !g.Exact {
				continue
			}
			dg++
			if ok {
				dh++
			} else {
				t.Logf("%s: miss %q = %s", d.Name, d.Text[g.Start:g.End], g.Value)
			}
		}
		for _, r := range got {
			ok := false
			for _, g := range d.Dates {
				if r.Start < g.End && g.Start < r.End && r.Value == g.Value {
					ok = true
				}
			}
			if ok {
				dr++
			} else {
				t.Logf("%s: unmatched %q = %s", d.Name, r.Text, r.Value)
			}
		}
		t.Logf("%-24s gold %2d  hit %2d  found %2d  right %2d", d.Name, dg, dh, len(got), dr)
		gold, hit, found, right = gold+dg, hit+dh, found+len(got), right+dr
	}
	acc := float64(hit) / float64(gold)
	t.Logf("accuracy %.3f (%d/%d), accuracy with ranges %.3f (%d/%d), precision %.3f (%d/%d)",
		acc, hit, gold, float64(hitAll)/float64(goldAll), hitAll, goldAll,
		float64(right)/float64(found), right, found)
	if acc < 0.90 {
		t.Errorf("accuracy %.3f, want ≥ 0.90", acc)
	}
}
