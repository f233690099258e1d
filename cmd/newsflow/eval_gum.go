package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// defaultGUMDir is ../shared/corpora/gum-news seen from the repository
// root, where make runs.
func defaultGUMDir() string {
	return filepath.Join("..", "shared", "corpora", "gum-news")
}

// gumRun is one GUM document through the pipeline.
type gumRun struct {
	doc  gum.Doc
	out  *pipeline.Doc
	err  error
	wall time.Duration
}

// gumEval is what every evaluation on the GUM news gold is asked for on
// its command line.
type gumEval struct {
	dir, split       string
	asJSON, printAll bool
}

// parseGUMEval declares the flags of an evaluation on GUM on fs, parses
// args, and runs the corpus; errorsHelp says what --errors prints.
func parseGUMEval(ctx context.Context, fs *flag.FlagSet, args []string, errorsHelp string) (gumEval, []gumRun, error) {
	var g gumEval
	fs.StringVar(&g.dir, "corpus", defaultGUMDir(), "GUM news `directory` (ner-gold.jsonl, xml/)")
	fs.StringVar(&g.split, "split", "all", "GUM documents to score: all, train, dev or test")
	fs.BoolVar(&g.asJSON, "json", false, "print one JSON object")
	fs.BoolVar(&g.printAll, "errors", false, errorsHelp)
	if err := parseFlags(fs, args); err != nil {
		return g, nil, err
	}
	runs, err := runGUM(ctx, g.dir, g.split)
	return g, runs, err
}

// showErrors says whether errors are printed one by one: asked for, and
// the output is text.
func (g gumEval) showErrors() bool { return g.printAll && !g.asJSON }

// runGUM reads the corpus in dir, keeps the documents of split ("all",
// "train", "dev" or "test"), and runs each through the same stages as
// "newsflow run", with its dateCreated as the publication time.
func runGUM(ctx context.Context, dir, split string) ([]gumRun, error) {
	switch split {
	case "all", "train", "dev", "test":
	default:
		return nil, fmt.Errorf("split %q: want all, train, dev or test", split)
	}
	docs, err := gum.Read(dir)
	if err != nil {
		return nil, err
	}
	handler, err := config.Default().Resolved().NewHandler(prometheus.NewRegistry(), slog.New(slog.DiscardHandler), build().Version)
	if err != nil {
		return nil, err
	}
	var runs []gumRun
	for _, d := range docs {
		if split != "all" && d.Partition != split {
			continue
		}
		data, err := json.Marshal(event.Article{
			ID: d.Name, Body: d.Text, ContentType: "text/plain", PublishedAt: d.Created.Format(time.RFC3339),
		})
		if err != nil {
			return nil, err
		}
		start := time.Now()
		out, err := handler.Process(ctx, data, d.Created)
		r := gumRun{doc: d, out: out, err: err, wall: time.Since(start)}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err == nil && out.Text != d.Text {
			// Offsets are compared as they are: cleaning must leave the
			// corpus text as it is (it does: it is clean already).
			r.err = fmt.Errorf("cleaning changed the text of %s; offsets would not compare", d.Name)
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// prf is precision, recall and F1 from counts.
type prf struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

func newPRF(correct, predicted, gold int) prf {
	s := prf{Gold: gold, Predicted: predicted, Correct: correct}
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
