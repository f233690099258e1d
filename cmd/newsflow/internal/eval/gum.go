package eval

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// GUMOptions says what an evaluation on the GUM news gold ([NER], [Dates],
// [Quotes]) runs on.
type GUMOptions struct {
	// Dir is the GUM news corpus: ner-gold.jsonl and xml/.
	Dir string
	// Split is the GUM partition to score: "all", "train", "dev" or
	// "test".
	Split string
	// Version is newsflow's version: the stages are built for it, and it
	// is reported as it is.
	Version string
}

// gumRun is one GUM document through the pipeline.
type gumRun struct {
	doc  gum.Doc
	out  *pipeline.Doc
	err  error
	wall time.Duration
}

// gumLog is what every report on GUM keeps besides its figures, for
// people rather than for the JSON: the documents the stages failed on,
// and, one line each, the gold the stages missed and what they found
// that is not gold.
type gumLog struct {
	failures   []error
	errorLines []string
}

// Failures returns one error for each document the stages failed on,
// naming the document. Those documents count in the report's Errors.
func (l gumLog) Failures() []error { return l.failures }

// fail notes that the stages failed on run's document.
func (l *gumLog) fail(run gumRun) {
	l.failures = append(l.failures, fmt.Errorf("%s: %w", run.doc.Name, run.err))
}

// errorf adds one line to the list of misses that Print writes when asked.
func (l *gumLog) errorf(format string, args ...any) {
	l.errorLines = append(l.errorLines, fmt.Sprintf(format, args...))
}

// runGUM reads the corpus in opts.Dir, keeps the documents of opts.Split,
// and runs each through the same stages as "newsflow process", with its
// dateCreated as the publication time.
func runGUM(ctx context.Context, opts GUMOptions) ([]gumRun, error) {
	switch opts.Split {
	case "all", "train", "dev", "test":
	default:
		return nil, fmt.Errorf("split %q: want all, train, dev or test", opts.Split)
	}
	docs, err := gum.Read(opts.Dir)
	if err != nil {
		return nil, err
	}
	var kept []gum.Doc
	for _, d := range docs {
		if opts.Split == "all" || d.Partition == opts.Split {
			kept = append(kept, d)
		}
	}
	return runDocs(ctx, kept, opts.Version)
}

// runDocs runs each document through the same stages as "newsflow
// process".
func runDocs(ctx context.Context, docs []gum.Doc, version string) ([]gumRun, error) {
	handler, err := config.Default().Resolved().NewHandler(prometheus.NewRegistry(), slog.New(slog.DiscardHandler), version)
	if err != nil {
		return nil, err
	}
	runs := make([]gumRun, 0, len(docs))
	for _, d := range docs {
		r, err := runGUMDoc(ctx, handler, d)
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// namesFileTime is the publication time of the documents of a names file,
// which carry none: dates are not scored on them.
var namesFileTime = time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)

// runGUMDoc runs one document through handler as a text/plain article.
// The error returned is the context's; the stages' own is in the result.
func runGUMDoc(ctx context.Context, handler *pipeline.ArticleHandler, d gum.Doc) (gumRun, error) {
	if d.Created.IsZero() {
		d.Created = namesFileTime
	}
	data, err := json.Marshal(event.Article{
		ID: d.Name, Body: d.Text, ContentType: "text/plain", PublishedAt: d.Created.Format(time.RFC3339),
	})
	if err != nil {
		return gumRun{}, err
	}
	start := time.Now()
	out, err := handler.Process(ctx, data, d.Created)
	r := gumRun{doc: d, out: out, err: err, wall: time.Since(start)}
	if ctx.Err() != nil {
		return gumRun{}, ctx.Err()
	}
	if err == nil && out.Text != d.Text {
		// Offsets are compared as they are: cleaning must leave the
		// corpus text as it is (it does: it is clean already).
		r.err = fmt.Errorf("cleaning changed the text of %s; offsets would not compare", d.Name)
	}
	return r, nil
}

// printErrors writes the lines of errorf, one a line.
func (l gumLog) printErrors(w io.Writer) {
	for _, line := range l.errorLines {
		fmt.Fprintln(w, line)
	}
}
