package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/dupcorpus"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/dedup"
)

const evalDedupExamples = `  newsflow eval dedup
  newsflow eval dedup --json | jq '{precision, recall, f1}'
  newsflow eval dedup --seed 7               # another draw of copies, negatives and stream order
  newsflow eval dedup --errors               # every wrong match and every missed copy
  newsflow eval dedup --corpus ../shared/corpora
`

// The targets, for exact copies and edits of up to 20% of the
// words.
const (
	dedupTargetPrecision = 0.99
	dedupTargetRecall    = 0.95
)

// dedupCurve are the thresholds of the threshold curve.
var dedupCurve = []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

// dedupKinds are the labels of duplicates, in report order.
var dedupKinds = []string{dupcorpus.Exact, "near-5", "near-10", "near-20", "near-30", dupcorpus.ReutersNear}

// dedupOutOfScope are labels left out of the overall figures: the targets
// are for edits of up to 20%.
var dedupOutOfScope = []string{"near-30"}

// evalDedupReport is what "eval dedup" measures; --json prints it as one
// object.
type evalDedupReport struct {
	Kind             string  `json:"kind"`
	Corpus           string  `json:"corpus"`
	Version          string  `json:"version"`
	Seed             uint64  `json:"seed"`
	Threshold        float64 `json:"threshold"`
	NamesThreshold   float64 `json:"names_threshold"`
	NumbersThreshold float64 `json:"numbers_threshold"`
	Articles         int     `json:"articles"`
	// Precision, Recall and F1 are over every article but those of
	// dedupOutOfScope: a flagged duplicate is right when the article it
	// was matched to is of its story.
	prf
	Targets dedupTargets `json:"targets"`
	// Kinds scores the duplicates of each label.
	Kinds map[string]dedupKindScore `json:"kinds"`
	// Originals and HardNegatives count the articles wrongly flagged.
	Originals     dedupNegatives `json:"originals"`
	HardNegatives dedupNegatives `json:"hard_negatives"`
	// Ignored counts matches to a story of uncertain similarity, left out.
	Ignored      int               `json:"ignored"`
	Curve        []dedupCurvePoint `json:"curve"`
	MsTotal      float64           `json:"ms_total"`
	UsPerArticle float64           `json:"us_per_article"`
	Errors       int               `json:"errors"`
	Data         dupcorpus.Stats   `json:"data"`
	errorLines   []string          // for --errors
}

type dedupTargets struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Met       bool    `json:"met"`
}

// dedupKindScore scores the duplicates of one label: Gold articles,
// Predicted flagged, Correct matched to their story; KindAgree of those
// given the kind the label implies (exact or near).
type dedupKindScore struct {
	prf
	KindAgree int `json:"kind_agree"`
}

// dedupNegatives counts articles that are no copy of an earlier one of
// their story, and those of them flagged as a duplicate.
type dedupNegatives struct {
	Articles       int     `json:"articles"`
	FalsePositives int     `json:"false_positives"`
	Rate           float64 `json:"rate"`
}

// dedupCurvePoint is the overall score at one threshold.
type dedupCurvePoint struct {
	Threshold float64 `json:"threshold"`
	prf
	HardNegativeRate float64 `json:"hard_negative_rate"`
	OriginalRate     float64 `json:"original_rate"`
}

// decision is the stage's verdict on one article: dup, with the kind and
// the id of the article matched.
type decision struct {
	dup       bool
	kind, ref string
}

func cmdEvalDedup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval dedup", "[flags]", evalDedupExamples)
	dir := fs.String("corpus", filepath.Join("..", "shared", "corpora"), "corpora `directory` holding reuters21578/ and gum-news/")
	asJSON := fs.Bool("json", false, "print one JSON object")
	seed := fs.Uint64("seed", 1, "seed of the generated copies, negatives and stream order")
	showErrors := fs.Bool("errors", false, "print every wrong match and every missed copy")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	c, err := dupcorpus.Build(*dir, *seed)
	if err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	cfg := dedup.DefaultConfig()
	decs, wall, errs, err := runDedup(ctx, c, cfg)
	if err != nil {
		return fmt.Errorf("dedup: %w", err)
	}
	r := scoreDedup(c, decs)
	r.Corpus, r.Seed, r.Threshold, r.NamesThreshold, r.NumbersThreshold = *dir, *seed, cfg.Threshold, cfg.NamesThreshold, cfg.NumbersThreshold
	r.Errors = errs
	r.MsTotal = ms(wall)
	r.UsPerArticle = float64(wall) / float64(time.Microsecond) / float64(max(1, len(c.Items)))
	for _, t := range dedupCurve {
		s := r
		if t != cfg.Threshold {
			tc := cfg
			tc.Threshold = t
			d, _, _, err := runDedup(ctx, c, tc)
			if err != nil {
				return fmt.Errorf("dedup: threshold %.1f: %w", t, err)
			}
			s = scoreDedup(c, d)
		}
		r.Curve = append(r.Curve, dedupCurvePoint{Threshold: t, prf: s.prf, HardNegativeRate: s.HardNegatives.Rate, OriginalRate: s.Originals.Rate})
	}
	if *asJSON {
		out, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	printEvalDedup(e, r, *showErrors)
	return nil
}

// runDedup feeds the stream to a fresh stage, one article at a time, and
// returns its decisions, the time spent in the stage and the number of
// articles it failed on (taken as originals). Publication times follow
// the stream order, ten seconds apart, so that the whole stream is well
// within the stage's TTL.
func runDedup(ctx context.Context, c *dupcorpus.Corpus, cfg dedup.Config) ([]decision, time.Duration, int, error) {
	st, err := dedup.New(cfg, dedup.NewMemStore(0), prometheus.NewRegistry(), slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, 0, 0, err
	}
	base := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
	decs := make([]decision, len(c.Items))
	var wall time.Duration
	failed := 0
	for i, it := range c.Items {
		at := base.Add(time.Duration(i) * 10 * time.Second)
		d := pipeline.Doc{
			ID: it.ID, Title: it.Title, Text: it.Text, ContentType: "text/plain",
			PublishedAt: at, PublishedSource: "input", ReceivedAt: at,
			Language:  event.Language{Code: "en", Confidence: 1, Method: "input"},
			WordCount: len(strings.Fields(it.Text)),
		}
		start := time.Now()
		err := st.Process(ctx, &d)
		wall += time.Since(start)
		if err != nil {
			if ctx.Err() != nil {
				return nil, 0, 0, ctx.Err()
			}
			failed++
			continue
		}
		// A nil d.Dedup (a stage that did nothing) is an original.
		if d.IsDuplicate() {
			decs[i] = decision{dup: true, kind: d.Dedup.Kind, ref: cmp.Or(d.Dedup.Of, d.Dedup.ClusterID)}
		}
	}
	return decs, wall, failed, nil
}

// counts are the tallies behind a prf.
type counts struct{ gold, predicted, correct, agree int }

// scoreDedup scores the decisions against the labels. A flagged article
// is right when the article it was matched to comes earlier and is of its
// story; a match to a story of uncertain similarity is ignored.
func scoreDedup(c *dupcorpus.Corpus, decs []decision) evalDedupReport {
	r := evalDedupReport{
		Kind: "dedup", Version: build().Version, Articles: len(c.Items), Data: c.Stats,
		Kinds: make(map[string]dedupKindScore),
	}
	var all counts
	byLabel := make(map[string]*counts)
	first := make(map[int]string) // story group → its first article
	for i, it := range c.Items {
		if _, ok := first[it.Group]; !ok {
			first[it.Group] = it.ID
		}
		d := decs[i]
		predicted, correct := false, false
		var match *dupcorpus.Item
		if d.dup {
			j, ok := c.Index(d.ref)
			if ok && c.Uncertain(it.ID, d.ref) {
				r.Ignored++
			} else {
				predicted = true
				if ok {
					match = &c.Items[j]
					correct = j < i && match.Group == it.Group
				}
			}
		}
		isDup := it.Label != dupcorpus.Original
		if !isDup {
			r.Originals.Articles++
			if predicted {
				r.Originals.FalsePositives++
			}
		}
		if it.HardNegative {
			r.HardNegatives.Articles++
			if predicted && !correct {
				r.HardNegatives.FalsePositives++
			}
		}
		if isDup {
			k := byLabel[it.Label]
			if k == nil {
				k = new(counts)
				byLabel[it.Label] = k
			}
			k.gold++
			if predicted {
				k.predicted++
			}
			if correct {
				k.correct++
				if (d.kind == event.DedupExact) == (it.Label == dupcorpus.Exact) {
					k.agree++
				}
			}
		}
		if !slices.Contains(dedupOutOfScope, it.Label) {
			all.gold += b2i(isDup)
			all.predicted += b2i(predicted)
			all.correct += b2i(correct)
		}
		switch {
		case predicted && !correct:
			line := fmt.Sprintf("wrong\t%s\t%s\tmatched %s", it.ID, it.Label, d.ref)
			if match != nil {
				line += fmt.Sprintf(" (%s, %s)", match.Label, match.Source)
			}
			r.errorLines = append(r.errorLines, line)
		case isDup && !correct:
			r.errorLines = append(r.errorLines, fmt.Sprintf("missed\t%s\t%s\tcopy of %s", it.ID, it.Label, cmp.Or(it.Of, first[it.Group])))
		}
	}
	r.prf = newPRF(all.correct, all.predicted, all.gold)
	for label, k := range byLabel {
		r.Kinds[label] = dedupKindScore{prf: newPRF(k.correct, k.predicted, k.gold), KindAgree: k.agree}
	}
	for _, n := range []*dedupNegatives{&r.Originals, &r.HardNegatives} {
		if n.Articles > 0 {
			n.Rate = float64(n.FalsePositives) / float64(n.Articles)
		}
	}
	r.Targets = dedupTargets{
		Precision: dedupTargetPrecision, Recall: dedupTargetRecall,
		Met: r.Precision >= dedupTargetPrecision && r.Recall >= dedupTargetRecall,
	}
	return r
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func printEvalDedup(e *env, r evalDedupReport, showErrors bool) {
	w, d := e.stdout, r.Data
	fmt.Fprintf(w, "newsflow eval dedup %s: %d articles of %s, seed %d\n", r.Version, r.Articles, r.Corpus, r.Seed)
	fmt.Fprintf(w, "  %d Reuters-21578 stories, %d GUM news texts, %d generated copies, %d generated template stories\n",
		d.Reuters, d.GUM, d.Copies, d.TemplateNegatives)
	fmt.Fprintf(w, "stage: threshold %.2f, names threshold %.2f, numbers threshold %.2f, in-memory store, one article at a time\n\n", r.Threshold, r.NamesThreshold, r.NumbersThreshold)

	fmt.Fprintf(w, "%-13s %8s %8s %6s %9s %7s %7s %7s %7s\n", "kind", "articles", "flagged", "right", "precision", "recall", "f1", "kind ok", "mean J")
	for _, k := range dedupKinds {
		s := r.Kinds[k]
		meanJ := "-"
		if j, ok := d.MeanJaccard[k]; ok {
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

	fmt.Fprintf(w, "wrongly flagged: %d of %d originals (%.4f), %d of %d hard negatives (%.4f); %d matches to uncertain pairs ignored; %d errors\n\n",
		r.Originals.FalsePositives, r.Originals.Articles, r.Originals.Rate,
		r.HardNegatives.FalsePositives, r.HardNegatives.Articles, r.HardNegatives.Rate, r.Ignored, r.Errors)

	fmt.Fprintf(w, "threshold curve (overall; share of hard negatives and originals wrongly flagged)\n")
	fmt.Fprintf(w, "%9s %9s %7s %7s %9s %9s\n", "threshold", "precision", "recall", "f1", "hard neg", "originals")
	for _, p := range r.Curve {
		fmt.Fprintf(w, "%9.2f %9.4f %7.4f %7.4f %9.4f %9.4f\n", p.Threshold, p.Precision, p.Recall, p.F1, p.HardNegativeRate, p.OriginalRate)
	}
	fmt.Fprintf(w, "\ntime: %.1f ms in the stage for %d articles, %.1f µs/article (threshold %.2f)\n\n", r.MsTotal, r.Articles, r.UsPerArticle, r.Threshold)

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

	if showErrors {
		fmt.Fprintf(w, "\n%d wrong matches and missed copies:\n", len(r.errorLines))
		for _, l := range r.errorLines {
			fmt.Fprintln(w, l)
		}
	}
}

// formatLabels lists the items per label, originals first.
func formatLabels(m map[string]int) string {
	parts := []string{fmt.Sprintf("%s %d", dupcorpus.Original, m[dupcorpus.Original])}
	for _, k := range dedupKinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
