package quotes

import (
	"os"
	"testing"

	"github.com/newsflow/newsflow/stages/extract/gum"
)

// gumDir is the news part of the GUM corpus (CC BY; see its SOURCE.md),
// read in place.
const gumDir = "../../../../shared/corpora/gum-news"

// overlap returns the bytes that [s, e) shares with the spans.
func overlap(s, e int, spans []gum.Span) int {
	n := 0
	for _, g := range spans {
		if lo, hi := max(s, g.Start), min(e, g.End); hi > lo {
			n += hi - lo
		}
	}
	return n
}

// TestGUMQuotes scores Find on the GUM news quotations. A gold span is
// found when the quotations found cover at least half of it, marks
// excluded (GUM splits a quotation where a sentence ends, so one found
// quotation may cover several gold pieces; the union is measured). A
// found quotation is right when gold quotations cover at least half of
// it; precision counts only the documents whose quotations GUM annotated
// (those with a <quote>: in the others quotations are left unmarked).
func TestGUMQuotes(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skipf("GUM news corpus not available (%v)", err)
	}
	docs, err := gum.Read(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	var gold, hit, found, right, scare int
	var qs []Quote
	var fs []gum.Span
	for _, d := range docs {
		qs = Find(qs[:0], d.Text)
		fs = fs[:0]
		for _, q := range qs {
			fs = append(fs, gum.Span{Start: q.Start, End: q.End})
		}
		for _, g := range d.Quotes {
			gold++
			if 2*overlap(g.Start, g.End, fs) >= g.End-g.Start {
				hit++
				continue
			}
			t.Logf("miss %s: %q", d.Name, clip(d.Text[g.Start:g.End]))
		}
		if len(d.Quotes) == 0 {
			continue
		}
		for _, q := range qs {
			found++
			switch {
			case 2*overlap(q.Start, q.End, d.Quotes) >= q.End-q.Start:
				right++
			case 2*overlap(q.Start, q.End, d.OtherQuotes) >= q.End-q.Start:
				scare++
				t.Logf("false %s (gold <q>): %q", d.Name, clip(d.Text[q.Start:q.End]))
			default:
				t.Logf("false %s: %q", d.Name, clip(d.Text[q.Start:q.End]))
			}
		}
	}
	if gold == 0 {
		t.Skip("no gold quotations")
	}
	recall := float64(hit) / float64(gold)
	precision := float64(right) / float64(max(found, 1))
	t.Logf("GUM news quotations: recall %.3f (%d/%d), precision %.3f (%d/%d; %d on <q> spans)",
		recall, hit, gold, precision, right, found, scare)
	if recall < 0.90 {
		t.Errorf("recall %.3f, want at least 0.90", recall)
	}
}

// clip shortens s for a log line.
func clip(s string) string {
	if len(s) > 90 {
		return s[:60] + " … " + s[len(s)-25:]
	}
	return s
}
