package eval

import (
	"context"
	"fmt"
	"io"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// DatesReport is what the dates evaluation measures against GUM's
// <date when> spans, resolved against each document's dateCreated.
type DatesReport struct {
	Kind    string `json:"kind"`
	Corpus  string `json:"corpus"`
	Split   string `json:"split"`
	Version string `json:"version"`
	Docs    int    `json:"docs"`
	// Accuracy is the share of gold dates with a `when` value that an
	// extracted date overlaps with the same value.
	Accuracy float64 `json:"accuracy"`
	Gold     int     `json:"gold"`
	Correct  int     `json:"correct"`
	// Precision is the share of extracted dates that overlap a gold date
	// (ranges included) with the same value.
	Precision float64 `json:"precision"`
	Found     int     `json:"found"`
	Right     int     `json:"right"`
	Errors    int     `json:"errors"`
	// Tense scores the one-sentence items whose dates the tense of their
	// clause decides (dates-tense.jsonl).
	Tense TenseReport `json:"tense"`

	gumLog
}

// Dates runs the stages on the GUM news documents of opts.Split and scores
// the dates they resolve against GUM's. A document the stages failed on
// counts in Errors and in neither score.
func Dates(ctx context.Context, opts GUMOptions) (DatesReport, error) {
	runs, err := runGUM(ctx, opts)
	if err != nil {
		return DatesReport{}, err
	}
	r := DatesReport{Kind: "dates", Corpus: opts.Dir, Split: opts.Split, Version: opts.Version, Docs: len(runs)}
	for _, run := range runs {
		if run.err != nil {
			r.Errors++
			r.fail(run)
			continue
		}
		r.scoreDoc(run.doc, run.out.Dates)
	}
	r.Accuracy = ratio(r.Correct, r.Gold)
	r.Precision = ratio(r.Right, r.Found)
	if err := r.scoreTense(ctx, opts.Version); err != nil {
		return DatesReport{}, err
	}
	return r, nil
}

// scoreDoc counts the gold dates of d that found has, and the dates of
// found that are gold.
func (r *DatesReport) scoreDoc(d gum.Doc, found []event.DateRef) {
	for _, g := range d.Dates {
		if !g.Exact {
			continue
		}
		r.Gold++
		hit := false
		for _, f := range found {
			hit = hit || f.Start < g.End && g.Start < f.End && f.Value == g.Value
		}
		if hit {
			r.Correct++
		} else {
			r.errorf("%s\tmissed\t%q\t%s\t%d", d.Name, d.Text[g.Start:g.End], g.Value, g.Start)
		}
	}
	for _, f := range found {
		r.Found++
		right := false
		for _, g := range d.Dates {
			right = right || f.Start < g.End && g.Start < f.End && f.Value == g.Value
		}
		if right {
			r.Right++
		} else {
			r.errorf("%s\tunmatched\t%q\t%s\t%d", d.Name, f.Text, f.Value, f.Start)
		}
	}
}

// Print writes the report as text, after every missed and unmatched date,
// by document, if showErrors.
func (r DatesReport) Print(w io.Writer, showErrors bool) {
	if showErrors {
		r.printErrors(w)
	}
	fmt.Fprintf(w, "newsflow eval dates %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	fmt.Fprintf(w, "accuracy  %.4f  (%d of %d gold dates found with their value)\n", r.Accuracy, r.Correct, r.Gold)
	fmt.Fprintf(w, "precision %.4f  (%d of %d dates found are gold)\n", r.Precision, r.Right, r.Found)
	fmt.Fprintf(w, "tense     %.4f  (%d of %d dates of %d one-sentence items resolved by the tense of their clause)\n",
		r.Tense.Accuracy, r.Tense.Correct, r.Tense.Gold, r.Tense.Cases)
}
