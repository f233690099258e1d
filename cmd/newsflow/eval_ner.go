package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/stages/extract/gum"
)

const evalNERExamples = `  newsflow eval ner
  newsflow eval ner --split test --json
  newsflow eval ner --errors                 # every missed and spurious name, by document
`

// evalNERReport is what "eval ner" measures: exact span and type, micro
// over all names and per type, and a looser overlap score.
type evalNERReport struct {
	Kind    string `json:"kind"`
	Corpus  string `json:"corpus"`
	Split   string `json:"split"`
	Version string `json:"version"`
	Docs    int    `json:"docs"`
	prf
	Types map[string]prf `json:"types"`
	// Overlap counts a prediction of the right type that overlaps a gold
	// span as correct, each gold and predicted span matched once.
	Overlap  prf     `json:"overlap"`
	MsPerDoc float64 `json:"ms_per_doc"`
	Errors   int     `json:"errors"`
}

// nerSpan is a predicted or gold name.
type nerSpan struct {
	start, end int
	typ, text  string
}

func cmdEvalNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval ner", "[flags]", evalNERExamples)
	ev, runs, err := parseGUMEval(ctx, fs, args, "print every missed and spurious name")
	if err != nil {
		return err
	}
	r := evalNERReport{Kind: "ner", Corpus: ev.dir, Split: ev.split, Version: build().Version, Docs: len(runs), Types: map[string]prf{}}
	var wall time.Duration
	typeCounts := map[string]*[3]int{} // correct, predicted, gold
	var correct, predicted, gold, overlapCorrect int
	for _, run := range runs {
		wall += run.wall
		if run.err != nil {
			r.Errors++
			fmt.Fprintf(e.stderr, "%s: %v\n", run.doc.Name, run.err)
		}
		golds := goldNames(run.doc)
		preds := predictedNames(run)
		hit, over := matchNames(golds, preds)
		correct += hit
		overlapCorrect += over
		predicted += len(preds)
		gold += len(golds)
		for _, typ := range []string{"PER", "ORG", "LOC"} {
			c := typeCounts[typ]
			if c == nil {
				c = new([3]int)
				typeCounts[typ] = c
			}
			g, p := filterType(golds, typ), filterType(preds, typ)
			h, _ := matchNames(g, p)
			c[0] += h
			c[1] += len(p)
			c[2] += len(g)
		}
		if ev.showErrors() {
			printNERErrors(e, run.doc.Name, golds, preds)
		}
	}
	r.prf = newPRF(correct, predicted, gold)
	r.Overlap = newPRF(overlapCorrect, predicted, gold)
	for typ, c := range typeCounts {
		r.Types[typ] = newPRF(c[0], c[1], c[2])
	}
	if len(runs) > 0 {
		r.MsPerDoc = ms(wall) / float64(len(runs))
	}
	if ev.asJSON {
		out, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	w := e.stdout
	fmt.Fprintf(w, "newsflow eval ner %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	fmt.Fprintf(w, "%-8s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "f1", "gold", "pred", "right")
	line := func(name string, s prf) {
		fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", name, s.Precision, s.Recall, s.F1, s.Gold, s.Predicted, s.Correct)
	}
	line("micro", r.prf)
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		line(typ, r.Types[typ])
	}
	line("overlap", r.Overlap)
	fmt.Fprintf(w, "\n%.2f ms/document (clean and extract); %d errors\n", r.MsPerDoc, r.Errors)
	return nil
}

func goldNames(d gum.Doc) []nerSpan {
	out := make([]nerSpan, 0, len(d.Entities))
	for _, e := range d.Entities {
		out = append(out, nerSpan{e.Start, e.End, e.Type, e.Text})
	}
	return out
}

// predictedNames are the mentions of every entity found, with the
// entity's type. Mentions that are not names (pronouns) are not made
// entity mentions by the pipeline, so every mention counts.
func predictedNames(run gumRun) []nerSpan {
	if run.out == nil {
		return nil
	}
	var out []nerSpan
	for _, ent := range run.out.Entities {
		for _, m := range ent.Mentions {
			out = append(out, nerSpan{m.Start, m.End, ent.Type, m.Text})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// matchNames counts exact matches (same span and type) and overlap
// matches (same type, overlapping spans), each span matched at most once.
func matchNames(gold, pred []nerSpan) (exact, overlap int) {
	type key struct {
		start, end int
		typ        string
	}
	predSet := make(map[key]bool, len(pred))
	for _, p := range pred {
		predSet[key{p.start, p.end, p.typ}] = true
	}
	for _, g := range gold {
		if predSet[key{g.start, g.end, g.typ}] {
			exact++
		}
	}
	used := make([]bool, len(pred))
	for _, g := range gold {
		for i, p := range pred {
			if !used[i] && p.typ == g.typ && p.start < g.end && g.start < p.end {
				used[i] = true
				overlap++
				break
			}
		}
	}
	return exact, overlap
}

func filterType(spans []nerSpan, typ string) []nerSpan {
	var out []nerSpan
	for _, s := range spans {
		if s.typ == typ {
			out = append(out, s)
		}
	}
	return out
}

func printNERErrors(e *env, doc string, gold, pred []nerSpan) {
	type key struct {
		start, end int
		typ        string
	}
	g := map[key]bool{}
	for _, s := range gold {
		g[key{s.start, s.end, s.typ}] = true
	}
	p := map[key]bool{}
	for _, s := range pred {
		p[key{s.start, s.end, s.typ}] = true
	}
	for _, s := range gold {
		if !p[key{s.start, s.end, s.typ}] {
			fmt.Fprintf(e.stdout, "%s\tmissed\t%s\t%q\t%d\n", doc, s.typ, s.text, s.start)
		}
	}
	for _, s := range pred {
		if !g[key{s.start, s.end, s.typ}] {
			fmt.Fprintf(e.stdout, "%s\tspurious\t%s\t%q\t%d\n", doc, s.typ, s.text, s.start)
		}
	}
}
