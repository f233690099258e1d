package main

import (
	"context"
	"fmt"

	"github.com/segmentio/encoding/json"
)

const evalDatesExamples = `  newsflow eval dates
  newsflow eval dates --json
  newsflow eval dates --errors               # every miss and every unmatched date
`

// evalDatesReport is what "eval dates" measures against GUM's <date when>
// spans, resolved against each document's dateCreated.
type evalDatesReport struct {
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
}

func cmdEvalDates(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval dates", "[flags]", evalDatesExamples)
	ev, runs, err := parseGUMEval(ctx, fs, args, "print every missed and unmatched date")
	if err != nil {
		return err
	}
	r := evalDatesReport{Kind: "dates", Corpus: ev.dir, Split: ev.split, Version: build().Version, Docs: len(runs)}
	for _, run := range runs {
		if run.err != nil {
			r.Errors++
			fmt.Fprintf(e.stderr, "%s: %v\n", run.doc.Name, run.err)
			continue
		}
		found := run.out.Dates
		for _, g := range run.doc.Dates {
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
			} else if ev.showErrors() {
				fmt.Fprintf(e.stdout, "%s\tmissed\t%q\t%s\t%d\n", run.doc.Name, run.doc.Text[g.Start:g.End], g.Value, g.Start)
			}
		}
		for _, f := range found {
			r.Found++
			right := false
			for _, g := range run.doc.Dates {
				right = right || f.Start < g.End && g.Start < f.End && f.Value == g.Value
			}
			if right {
				r.Right++
			} else if ev.showErrors() {
				fmt.Fprintf(e.stdout, "%s\tunmatched\t%q\t%s\t%d\n", run.doc.Name, f.Text, f.Value, f.Start)
			}
		}
	}
	if r.Gold > 0 {
		r.Accuracy = float64(r.Correct) / float64(r.Gold)
	}
	if r.Found > 0 {
		r.Precision = float64(r.Right) / float64(r.Found)
	}
	if ev.asJSON {
		out, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	fmt.Fprintf(e.stdout, "newsflow eval dates %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	fmt.Fprintf(e.stdout, "accuracy  %.4f  (%d of %d gold dates found with their value)\n", r.Accuracy, r.Correct, r.Gold)
	fmt.Fprintf(e.stdout, "precision %.4f  (%d of %d dates found are gold)\n", r.Precision, r.Right, r.Found)
	return nil
}
