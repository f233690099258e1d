package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// evaluation is one kind of "newsflow eval".
type evaluation struct {
	kind    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// evaluations are the kinds that exist. DESIGN.md plans more (see
// plannedEvaluations); each is added here with the stage it measures.
func evaluations() []evaluation {
	return []evaluation{
		{"clean", "main-text extraction: body shingle F1 on the article-extraction-benchmark", cmdEvalClean},
		{"ner", "people, organisations and places: exact span and type F1 on GUM news", cmdEvalNER},
		{"dates", "date expressions resolved against the publication date: accuracy on GUM news", cmdEvalDates},
		{"quotes", "direct quotations: span recall on GUM news", cmdEvalQuotes},
		{"dedup", "exact and near copies: precision and recall on Reuters re-sends and generated copies", cmdEvalDedup},
	}
}

// plannedEvaluations are the kinds DESIGN.md names that do not exist yet,
// so that asking for one gets "not yet" rather than "unknown".
var plannedEvaluations = []string{"events"}

const evalExamples = `  newsflow eval clean                        # readable summary and the 10 worst pages
  newsflow eval clean --json                 # one JSON object
  newsflow eval clean --worst 30
  newsflow eval clean --page 3a1f            # gold and extracted text of one page (id or unique prefix)
`

// cmdEval dispatches to the evaluation named by args[0].
func cmdEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		evalUsage(e.stderr)
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	kind := args[0]
	for _, ev := range evaluations() {
		if ev.kind == kind {
			return ev.run(ctx, e, args[1:])
		}
	}
	if slices.Contains(plannedEvaluations, kind) {
		fmt.Fprintf(e.stderr, "newsflow eval: the %q evaluation does not exist yet; available: %s\n", kind, availableEvaluations())
	} else {
		fmt.Fprintf(e.stderr, "newsflow eval: unknown evaluation %q; available: %s\n", kind, availableEvaluations())
	}
	return errUsage
}

func availableEvaluations() string {
	var kinds []string
	for _, ev := range evaluations() {
		kinds = append(kinds, ev.kind)
	}
	return strings.Join(kinds, ", ")
}

func evalUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: newsflow eval <kind> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Measures quality against gold data. Kinds:")
	for _, ev := range evaluations() {
		fmt.Fprintf(w, "  %-7s %s\n", ev.kind, ev.summary)
	}
	fmt.Fprintf(w, "Not yet available: %s.\n\n", strings.Join(plannedEvaluations, ", "))
	fmt.Fprintf(w, "Examples:\n%s\n", evalExamples)
	fmt.Fprintln(w, `Run "newsflow eval <kind> --help" for its flags.`)
}

// timingStats summarises per-item wall times in milliseconds.
type timingStats struct {
	Mean, P50, P90, Max float64
}

// summarizeTimes returns the mean, the nearest-rank 50th and 90th
// percentiles and the maximum of ds, all zero when ds is empty.
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

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
