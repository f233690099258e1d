package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/newsflow/newsflow/stages/extract/gum"
)

// nerTypes are the entity types scored one by one, in report order.
var nerTypes = []string{"PER", "ORG", "LOC"}

// NERReport is what the ner evaluation measures against GUM's names:
// exact span and type, micro over all names and per type, and a looser
// overlap score.
type NERReport struct {
	Kind    string `json:"kind"`
	Corpus  string `json:"corpus"`
	Split   string `json:"split,omitempty"`
	Version string `json:"version"`
	Docs    int    `json:"docs"`
	PRF
	Types map[string]PRF `json:"types"`
	// Overlap counts a prediction of the right type that overlaps a gold
	// span as correct, each gold and predicted span matched once.
	Overlap  PRF     `json:"overlap"`
	MsPerDoc float64 `json:"ms_per_doc"`
	Errors   int     `json:"errors"`

	gumLog
}

// nerSpan is a predicted or gold name.
type nerSpan struct {
	start, end int
	typ, text  string
}

// nerKey is what an exact match compares: span and type.
type nerKey struct {
	start, end int
	typ        string
}

func (s nerSpan) key() nerKey { return nerKey{s.start, s.end, s.typ} }

// NER runs the stages on the GUM news documents of opts.Split and scores
// the entity mentions they find against GUM's names.
func NER(ctx context.Context, opts GUMOptions) (NERReport, error) {
	runs, err := runGUM(ctx, opts)
	if err != nil {
		return NERReport{}, err
	}
	r := NERReport{Kind: "ner", Corpus: opts.Dir, Split: opts.Split, Version: opts.Version}
	r.score(runs)
	return r, nil
}

// NERFile runs the stages on the documents of a file in the format of GUM's
// ner-gold.jsonl, such as those of ../shared/corpora/ner-dev, and scores
// them as NER does. Split is empty in its report.
func NERFile(ctx context.Context, path, version string) (NERReport, error) {
	docs, err := gum.ReadNames(path)
	if err != nil {
		return NERReport{}, err
	}
	runs, err := runDocs(ctx, docs, version)
	if err != nil {
		return NERReport{}, err
	}
	r := NERReport{Kind: "ner", Corpus: path, Version: version}
	r.score(runs)
	return r, nil
}

// score fills r in from the documents run.
func (r *NERReport) score(runs []gumRun) {
	r.Docs, r.Types = len(runs), map[string]PRF{}
	var wall time.Duration
	typeCounts := map[string]*[3]int{} // correct, predicted, gold
	var correct, predicted, gold, overlapCorrect int
	for _, run := range runs {
		wall += run.wall
		if run.err != nil {
			r.Errors++
			r.fail(run)
		}
		golds := goldNames(run.doc)
		preds := predictedNames(run)
		hit, over := matchNames(golds, preds)
		correct += hit
		overlapCorrect += over
		predicted += len(preds)
		gold += len(golds)
		for _, typ := range nerTypes {
			g, p := filterType(golds, typ), filterType(preds, typ)
			h, _ := matchNames(g, p)
			c := typeCounts[typ]
			if c == nil {
				c = new([3]int)
				typeCounts[typ] = c
			}
			c[0] += h
			c[1] += len(p)
			c[2] += len(g)
		}
		r.listNERErrors(run.doc.Name, golds, preds)
	}
	r.PRF = NewPRF(correct, predicted, gold)
	r.Overlap = NewPRF(overlapCorrect, predicted, gold)
	for typ, c := range typeCounts {
		r.Types[typ] = NewPRF(c[0], c[1], c[2])
	}
	if len(runs) > 0 {
		r.MsPerDoc = ms(wall) / float64(len(runs))
	}
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
	predSet := make(map[nerKey]bool, len(pred))
	for _, p := range pred {
		predSet[p.key()] = true
	}
	for _, g := range gold {
		if predSet[g.key()] {
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

// listNERErrors notes doc's gold names not found exactly, then the names
// found that are not gold.
func (r *NERReport) listNERErrors(doc string, gold, pred []nerSpan) {
	g := make(map[nerKey]bool, len(gold))
	for _, s := range gold {
		g[s.key()] = true
	}
	p := make(map[nerKey]bool, len(pred))
	for _, s := range pred {
		p[s.key()] = true
	}
	for _, s := range gold {
		if !p[s.key()] {
			r.errorf("%s\tmissed\t%s\t%q\t%d", doc, s.typ, s.text, s.start)
		}
	}
	for _, s := range pred {
		if !g[s.key()] {
			r.errorf("%s\tspurious\t%s\t%q\t%d", doc, s.typ, s.text, s.start)
		}
	}
}

// Print writes the report as a table, after every missed and spurious
// name, by document, if showErrors.
func (r NERReport) Print(w io.Writer, showErrors bool) {
	if showErrors {
		r.printErrors(w)
	}
	if r.Split != "" {
		fmt.Fprintf(w, "newsflow eval ner %s: %d GUM news documents (%s) of %s\n\n", r.Version, r.Docs, r.Split, r.Corpus)
	} else {
		fmt.Fprintf(w, "newsflow eval ner %s: %d documents of %s\n\n", r.Version, r.Docs, r.Corpus)
	}
	fmt.Fprintf(w, "%-8s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "f1", "gold", "pred", "right")
	line := func(name string, s PRF) {
		fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", name, s.Precision, s.Recall, s.F1, s.Gold, s.Predicted, s.Correct)
	}
	line("micro", r.PRF)
	for _, typ := range nerTypes {
		line(typ, r.Types[typ])
	}
	line("overlap", r.Overlap)
	fmt.Fprintf(w, "\n%.2f ms/document (clean and extract); %d errors\n", r.MsPerDoc, r.Errors)
}
