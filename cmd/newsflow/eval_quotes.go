package main

import (
	"context"
	"fmt"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

const evalQuotesExamples = `  newsflow eval quotes
  newsflow eval quotes --json
  newsflow eval quotes --errors              # every missed and spurious quotation
`

// evalQuotesReport is what "eval quotes" measures against GUM's <quote>
// spans: a gold quotation is found when extracted quotations cover at
// least half of it (GUM splits one quotation at sentence and paragraph
// ends, newsflow at paragraph ends only), marks excluded.
type evalQuotesReport struct {
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
}

func cmdEvalQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval quotes", "[flags]", evalQuotesExamples)
	ev, runs, err := parseGUMEval(ctx, fs, args, "print every missed and spurious quotation")
	if err != nil {
		return err
	}
	r := evalQuotesReport{Kind: "quotes", Corpus: ev.dir, Split: ev.split, Version: build().Version, Docs: len(runs)}
	withSpeaker := 0
	for _, run := range runs {
		if run.err != nil {
			r.Errors++
			fmt.Fprintf(e.stderr, "%s: %v\n", run.doc.Name, run.err)
			continue
		}
		found := run.out.Quotes
		for _, g := range run.doc.Quotes {
			r.Gold++
			if 2*quoteOverlap(g.Start, g.End, found) >= g.End-g.Start {
				r.Covered++
				if speakerOver(g, found) {
					withSpeaker++
				}
			} else if ev.showErrors() {
				fmt.Fprintf(e.stdout, "%s\tmissed\t%q\n", run.doc.Name, clip(run.doc.Text[g.Start:g.End], 80))
			}
		}
		if len(run.doc.Quotes) == 0 {
			continue
		}
		for _, q := range found {
			r.Found++
			if 2*spanOverlap(q.Start, q.End, run.doc.Quotes) >= q.End-q.Start {
				r.Right++
			} else if ev.showErrors() {
				fmt.Fprintf(e.stdout, "%s\tspurious\t%q\n", run.doc.Name, clip(q.Text, 80))
			}
		}
	}
	if r.Gold > 0 {
		r.Recall = float64(r.Covered) / float64(r.Gold)
	}
	if r.Found > 0 {
		r.Precision = float64(r.Right) / float64(r.Found)
	}
	if r.Covered > 0 {
		r.Speakers = float64(withSpeaker) / float64(r.Covered)
	}
	if ev.asJSON {
		out, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	fmt.Fprintf(e.stdout, "newsflow eval quotes %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	fmt.Fprintf(e.stdout, "recall    %.4f  (%d of %d gold quotations covered at least half)\n", r.Recall, r.Covered, r.Gold)
	fmt.Fprintf(e.stdout, "precision %.4f  (%d of %d quotations found are gold, in documents with gold quotations)\n", r.Precision, r.Right, r.Found)
	fmt.Fprintf(e.stdout, "speaker   %.4f  of the covered quotations have a speaker\n", r.Speakers)
	return nil
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
