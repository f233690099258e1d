// Package eval measures the quality of newsflow's stages against gold
// data: the evaluations behind "newsflow eval". Each kind has one function
// that reads its corpus, runs the stages the way "newsflow process" builds
// them, and returns a report: [Clean] (main-text extraction), [NER]
// (names), [Dates], [Quotes] and [Dedup] (exact and near copies). A
// report marshals to the JSON that "newsflow eval <kind> --json" prints,
// and its Print method writes the readable summary.
//
// The corpora are read in place, never copied: their texts belong to
// their publishers, and Reuters-21578 may be used for research only.
package eval

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages"
)

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

// NewPRF returns the scores of correct predictions among predicted ones,
// against gold ones. A score whose denominator is zero is zero rather
// than NaN, so that reports always marshal.
func NewPRF(correct, predicted, gold int) PRF {
	s := PRF{Gold: gold, Predicted: predicted, Correct: correct}
	if predicted > 0 {
		s.Precision = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		s.Recall = float64(correct) / float64(gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// ratio is n/d, zero when d is: a share of nothing is reported as 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// timingStats summarises per-item wall times in milliseconds.
type timingStats struct {
	Mean, P50, P90, Max float64
}

// summarizeTimes returns the mean, the nearest-rank 50th and 90th
// percentiles and the maximum of ds, all zero when ds is empty. It leaves
// ds as it is.
func summarizeTimes(ds []time.Duration) timingStats {
	if len(ds) == 0 {
		return timingStats{}
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	var total time.Duration
	for _, d := range sorted {
		total += d
	}
	rank := func(p float64) time.Duration {
		// Nearest rank: the smallest value with at least p of the values
		// at or below it.
		i := int(math.Ceil(p*float64(len(sorted)))) - 1
		return sorted[max(0, min(i, len(sorted)-1))]
	}
	return timingStats{
		Mean: ms(total) / float64(len(sorted)),
		P50:  ms(rank(0.5)),
		P90:  ms(rank(0.9)),
		Max:  ms(sorted[len(sorted)-1]),
	}
}

// ms is d in milliseconds, the unit of every timing in the reports.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// stageOf returns the stage called name of those stages.New builds from
// cfg, each with its state in memory: the stage exactly as newsflow runs it,
// to be measured alone.
func stageOf(cfg stages.Config, name string) (pipeline.Stage, error) {
	all, err := stages.New(cfg, stages.Deps{})
	if err != nil {
		return nil, err
	}
	for _, s := range all {
		if s.Name() == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("no stage %q among those built", name)
}
