package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/dupcorpus"
)

// Print writes the report as text: the stream, the scores by label and
// overall, the wrongly flagged, the threshold curve, the time, and the
// silver labels; then every wrong match and missed copy if showErrors.
func (r DedupReport) Print(w io.Writer, showErrors bool) {
	d := r.Data
	fmt.Fprintf(w, "newsflow eval dedup %s: %d articles of %s, seed %d\n", r.Version, r.Articles, r.Corpus, r.Seed)
	fmt.Fprintf(w, "  %d Reuters-21578 stories, %d GUM news texts, %d generated copies, %d generated template stories\n",
		d.Reuters, d.GUM, d.Copies, d.TemplateNegatives)
	fmt.Fprintf(w, "stage: threshold %.2f, names threshold %.2f, numbers threshold %.2f, in-memory store, one article at a time\n\n", r.Threshold, r.NamesThreshold, r.NumbersThreshold)
	r.printKinds(w)
	fmt.Fprintf(w, "wrongly flagged: %d of %d originals (%.4f), %d of %d hard negatives (%.4f); %d matches to uncertain pairs ignored; %d errors\n\n",
		r.Originals.FalsePositives, r.Originals.Articles, r.Originals.Rate,
		r.HardNegatives.FalsePositives, r.HardNegatives.Articles, r.HardNegatives.Rate, r.Ignored, r.Errors)
	r.printCurve(w)
	printSilver(w, d)
	if showErrors {
		fmt.Fprintf(w, "\n%d wrong matches and missed copies:\n", len(r.errorLines))
		for _, l := range r.errorLines {
			fmt.Fprintln(w, l)
		}
	}
}

// printKinds writes the table of scores by label and overall.
func (r DedupReport) printKinds(w io.Writer) {
	fmt.Fprintf(w, "%-13s %8s %8s %6s %9s %7s %7s %7s %7s\n", "kind", "articles", "flagged", "right", "precision", "recall", "f1", "kind ok", "mean J")
	for _, k := range dedupKinds {
		s := r.Kinds[k]
		meanJ := "-"
		if j, ok := r.Data.MeanJaccard[k]; ok {
			meanJ = fmt.Sprintf("%.2f", j)
		}
		fmt.Fprintf(w, "%-13s %8d %8d %6d %9.4f %7.4f %7.4f %7d %7s\n", k, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1, s.KindAgree, meanJ)
	}
	verdict := "not met"
	if r.Targets.Met {
		verdict = "met"
	}
	fmt.Fprintf(w, "%-13s %8d %8d %6d %9.4f %7.4f %7.4f   target: precision ≥ %.2f, recall ≥ %.2f (%s)\n",
		"overall", r.Gold, r.Predicted, r.Correct, r.Precision, r.Recall, r.F1, r.Targets.Precision, r.Targets.Recall, verdict)
	fmt.Fprintf(w, "(overall: every article but the %s copies; flagged = matched to an earlier article, right = of its story;\n", strings.Join(dedupOutOfScope, ", "))
	fmt.Fprintf(w, " kind ok = right and called exact or near as labelled; mean J = silver Jaccard of the copies to their source)\n\n")
}

// printCurve writes the threshold curve and the time in the stage.
func (r DedupReport) printCurve(w io.Writer) {
	fmt.Fprintf(w, "threshold curve (overall; share of hard negatives and originals wrongly flagged)\n")
	fmt.Fprintf(w, "%9s %9s %7s %7s %9s %9s\n", "threshold", "precision", "recall", "f1", "hard neg", "originals")
	for _, p := range r.Curve {
		fmt.Fprintf(w, "%9.2f %9.4f %7.4f %7.4f %9.4f %9.4f\n", p.Threshold, p.Precision, p.Recall, p.F1, p.HardNegativeRate, p.OriginalRate)
	}
	fmt.Fprintf(w, "\ntime: %.1f ms in the stage for %d articles, %.1f µs/article (threshold %.2f)\n\n", r.MsTotal, r.Articles, r.UsPerArticle, r.Threshold)
}

// printSilver writes how the Reuters-21578 stories were labelled, and the
// labels of the stream.
func printSilver(w io.Writer, d dupcorpus.Stats) {
	sv := d.Silver
	fmt.Fprintf(w, "silver labels of Reuters-21578 (exact Jaccard of word 5-shingles; see package dupcorpus):\n")
	fmt.Fprintf(w, "  %d groups of identical bodies (%d stories)\n", sv.ExactGroups, sv.ExactStories)
	for _, b := range sv.Bands {
		fmt.Fprintf(w, "  %.1f-%.1f: %3d pairs, %s", b.From, b.To, b.Pairs, b.Use)
		if b.FigureConflicts > 0 {
			fmt.Fprintf(w, " (%d with figures in conflict: uncertain)", b.FigureConflicts)
		}
		if b.HardNegatives+b.SameStory+b.Uncertain > 0 {
			fmt.Fprintf(w, ": %d hard negatives, %d same story through other pairs, %d uncertain (left out)", b.HardNegatives, b.SameStory, b.Uncertain)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "  %d pairs of different stories share a template; %d of them differ in company or figures (hard negatives)\n",
		sv.TemplatePairs, sv.HardNegativePairs)
	fmt.Fprintf(w, "labels: %s (%d exact copies generated, %d real)\n", formatLabels(d.Labels),
		d.Generated[dupcorpus.Exact], d.Labels[dupcorpus.Exact]-d.Generated[dupcorpus.Exact])
}

// formatLabels lists the items per label, originals first.
func formatLabels(m map[string]int) string {
	parts := []string{fmt.Sprintf("%s %d", dupcorpus.Original, m[dupcorpus.Original])}
	for _, k := range dedupKinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
