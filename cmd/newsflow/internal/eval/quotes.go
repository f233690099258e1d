package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// QuotesReport is what the quotes evaluation measures against GUM's
// <quote> spans: a gold quotation is found when extracted quotations cover
// at least half of it (GUM splits one quotation at sentence and paragraph
// ends, newsflow at paragraph ends only), marks excluded.
type QuotesReport struct {
	Kind    string  `json:"kind"`
	Corpus  string  `json:"corpus"`
	Split   string  `json:"split"`
	Version string  `json:"version"`
	Docs    int     `json:"docs"`
	Recall  float64 `json:"recall"`
	Gold    int     `json:"gold"`
	Covered int     `json:"covered"`
	// Precision counts, in the documents where GUM marks quotations,
	// the extracted ones that gold quotations cover at least half of.
	Precision float64 `json:"precision"`
	Found     int     `json:"found"`
	Right     int     `json:"right"`
	// Speakers is the share of found gold quotations whose extracted
	// quotation has a speaker.
	Speakers float64 `json:"with_speaker"`
	Errors   int     `json:"errors"`

	gumLog
	withSpeaker int // covered gold quotations with a speaker
}

// Quotes runs the stages on the GUM news documents of opts.Split and
// scores the quotations they find against GUM's. A document the stages
// failed on counts in Errors and in none of the scores.
func Quotes(ctx context.Context, opts GUMOptions) (QuotesReport, error) {
	runs, err := runGUM(ctx, opts)
	if err != nil {
		return QuotesReport{}, err
	}
	r := QuotesReport{Kind: "quotes", Corpus: opts.Dir, Split: opts.Split, Version: opts.Version, Docs: len(runs)}
	for _, run := range runs {
		if run.err != nil {
			r.Errors++
			r.fail(run)
			continue
		}
		r.scoreDoc(run.doc, run.out.Quotes)
	}
	r.Recall = ratio(r.Covered, r.Gold)
	r.Precision = ratio(r.Right, r.Found)
	r.Speakers = ratio(r.withSpeaker, r.Covered)
	return r, nil
}

// scoreDoc counts the gold quotations of d that found covers and, when d
// has any, the quotations of found that gold ones cover (see
// QuotesReport.Precision).
func (r *QuotesReport) scoreDoc(d gum.Doc, found []event.Quote) {
	for _, g := range d.Quotes {
		r.Gold++
		if 2*quoteOverlap(g.Start, g.End, found) >= g.End-g.Start {
			r.Covered++
			if speakerOver(g, found) {
				r.withSpeaker++
			}
		} else {
			r.errorf("%s\tmissed\t%q", d.Name, clip(d.Text[g.Start:g.End], 80))
		}
	}
	if len(d.Quotes) == 0 {
		return
	}
	for _, q := range found {
		r.Found++
		if 2*spanOverlap(q.Start, q.End, d.Quotes) >= q.End-q.Start {
			r.Right++
		} else {
			r.errorf("%s\tspurious\t%q", d.Name, clip(q.Text, 80))
		}
	}
}

// quoteOverlap returns the bytes of [s, e) that extracted quotations cover.
func quoteOverlap(s, e int, qs []event.Quote) int {
	n := 0
	for _, q := range qs {
		n += max(0, min(e, q.End)-max(s, q.Start))
	}
	return n
}

// spanOverlap returns the bytes of [s, e) that gold spans cover.
func spanOverlap(s, e int, spans []gum.Span) int {
	n := 0
	for _, g := range spans {
		n += max(0, min(e, g.End)-max(s, g.Start))
	}
	return n
}

// speakerOver reports whether an extracted quotation overlapping g has a
// speaker.
func speakerOver(g gum.Span, qs []event.Quote) bool {
	for _, q := range qs {
		if q.Start < g.End && g.Start < q.End && q.SpeakerName != "" {
			return true
		}
	}
	return false
}

// clip shortens s to n runes on one line, so that one quotation is one
// line of the error list.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// Print writes the report as text, after every missed and spurious
// quotation, by document, if showErrors.
func (r QuotesReport) Print(w io.Writer, showErrors bool) {
	if showErrors {
		r.printErrors(w)
	}
	fmt.Fprintf(w, "newsflow eval quotes %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	fmt.Fprintf(w, "recall    %.4f  (%d of %d gold quotations covered at least half)\n", r.Recall, r.Covered, r.Gold)
	fmt.Fprintf(w, "precision %.4f  (%d of %d quotations found are gold, in documents with gold quotations)\n", r.Precision, r.Right, r.Found)
	fmt.Fprintf(w, "speaker   %.4f  of the covered quotations have a speaker\n", r.Speakers)
}
