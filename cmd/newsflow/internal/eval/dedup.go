package eval

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/dupcorpus"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages"
	"github.com/newsflow/newsflow/stages/dedup"
)

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

// DedupOptions says what [Dedup] runs on.
type DedupOptions struct {
	// Dir holds the corpora the stream is built from: reuters21578/ and
	// gum-news/.
	Dir string
	// Seed draws the generated copies, the negatives and the stream
	// order.
	Seed uint64
	// Version is newsflow's version, reported as it is.
	Version string
}

// DedupReport is what the dedup evaluation measures: how well the dedup
// stage flags exact and near copies of earlier articles without flagging
// originals.
type DedupReport struct {
	Kind             string  `json:"kind"`
	Corpus           string  `json:"corpus"`
	Version          string  `json:"version"`
	Seed             uint64  `json:"seed"`
	Threshold        float64 `json:"threshold"`
	NamesThreshold   float64 `json:"names_threshold"`
	NumbersThreshold float64 `json:"numbers_threshold"`
	Articles         int     `json:"articles"`
	// PRF is over every article but those of the labels out of scope
	// (near-30): a flagged duplicate is right when the article it was
	// matched to is of its story.
	PRF
	Targets DedupTargets `json:"targets"`
	// Kinds scores the duplicates of each label.
	Kinds map[string]DedupKindScore `json:"kinds"`
	// Originals and HardNegatives count the articles wrongly flagged.
	Originals     DedupNegatives `json:"originals"`
	HardNegatives DedupNegatives `json:"hard_negatives"`
	// Ignored counts matches to a story of uncertain similarity, left out.
	Ignored      int               `json:"ignored"`
	Curve        []DedupCurvePoint `json:"curve"`
	MsTotal      float64           `json:"ms_total"`
	UsPerArticle float64           `json:"us_per_article"`
	Errors       int               `json:"errors"`
	Data         dupcorpus.Stats   `json:"data"`

	// errorLines are the wrong matches and missed copies, one a line,
	// for Print.
	errorLines []string
}

// DedupTargets are the precision and recall the stage is asked for, and
// whether it meets both.
type DedupTargets struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Met       bool    `json:"met"`
}

// DedupKindScore scores the duplicates of one label: Gold articles,
// Predicted flagged, Correct matched to their story; KindAgree of those
// given the kind the label implies (exact or near).
type DedupKindScore struct {
	PRF
	KindAgree int `json:"kind_agree"`
}

// DedupNegatives counts articles that are no copy of an earlier one of
// their story, and those of them flagged as a duplicate.
type DedupNegatives struct {
	Articles       int     `json:"articles"`
	FalsePositives int     `json:"false_positives"`
	Rate           float64 `json:"rate"`
}

// DedupCurvePoint is the overall score at one threshold.
type DedupCurvePoint struct {
	Threshold float64 `json:"threshold"`
	PRF
	HardNegativeRate float64 `json:"hard_negative_rate"`
	OriginalRate     float64 `json:"original_rate"`
}

// decision is the stage's verdict on one article: dup, with the kind and
// the id of the article matched.
type decision struct {
	dup       bool
	kind, ref string
}

// Dedup builds the labelled stream of opts.Seed from the corpora in
// opts.Dir (see package dupcorpus), feeds it to the dedup stage with its
// default configuration, and scores the stage's verdicts; then again at
// each threshold of the curve.
func Dedup(ctx context.Context, opts DedupOptions) (DedupReport, error) {
	c, err := dupcorpus.Build(opts.Dir, opts.Seed)
	if err != nil {
		return DedupReport{}, fmt.Errorf("dedup: %w", err)
	}
	cfg := dedup.DefaultConfig()
	decs, wall, errs, err := runDedup(ctx, c, cfg)
	if err != nil {
		return DedupReport{}, fmt.Errorf("dedup: %w", err)
	}
	r := scoreDedup(c, decs)
	r.Corpus, r.Version, r.Seed = opts.Dir, opts.Version, opts.Seed
	r.Threshold, r.NamesThreshold, r.NumbersThreshold = cfg.Threshold, cfg.NamesThreshold, cfg.NumbersThreshold
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
				return DedupReport{}, fmt.Errorf("dedup: threshold %.1f: %w", t, err)
			}
			s = scoreDedup(c, d)
		}
		r.Curve = append(r.Curve, DedupCurvePoint{Threshold: t, PRF: s.PRF, HardNegativeRate: s.HardNegatives.Rate, OriginalRate: s.Originals.Rate})
	}
	return r, nil
}

// runDedup feeds the stream to a fresh stage, one article at a time, and
// returns its decisions, the time spent in the stage and the number of
// articles it failed on (taken as originals). Publication times follow
// the stream order, ten seconds apart, so that the whole stream is well
// within the stage's TTL.
func runDedup(ctx context.Context, c *dupcorpus.Corpus, cfg dedup.Config) ([]decision, time.Duration, int, error) {
	all := stages.DefaultConfig()
	all.Dedup = cfg
	st, err := stageOf(all, "dedup")
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
