package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
)

// evaluation is one kind of "newsflow eval".
type evaluation struct {
	kind    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// evaluations are the kinds there are, each with the stage it measures.
func evaluations() []evaluation {
	return []evaluation{
		{"clean", "main-text extraction: body shingle F1 on the article-extraction-benchmark", cmdEvalClean},
		{"ner", "people, organisations and places: exact span and type F1 on GUM news (and ner-dev files)", cmdEvalNER},
		{"dates", "date expressions resolved against the publication date: accuracy on GUM news",
			cmdEvalGUM("dates", evalDatesExamples, "print every missed and unmatched date", eval.Dates)},
		{"quotes", "direct quotations: span recall on GUM news",
			cmdEvalGUM("quotes", evalQuotesExamples, "print every missed and spurious quotation", eval.Quotes)},
		{"dedup", "exact and near copies: precision and recall on Reuters re-sends and generated copies", cmdEvalDedup},
		{"events", "who did what to whom: pentacode and spans on CAMEO-coded sentences, PLOVER types on stories and GUM news", cmdEvalEvents},
	}
}

// The examples of "newsflow eval --help" and of each kind's.
const (
	evalExamples = `  newsflow eval clean                        # readable summary and the 10 worst pages
  newsflow eval clean --json                 # one JSON object
  newsflow eval clean --worst 30
  newsflow eval clean --page 3a1f            # gold and extracted text of one page (id or unique prefix)
`
	evalCleanExamples = `  newsflow eval clean
  newsflow eval clean --json | jq .f1
  newsflow eval clean --worst 30
  newsflow eval clean --page 3a1f            # one page's gold and extracted text (id or unique prefix)
  newsflow eval clean --corpus ../shared/corpora/article-extraction-benchmark
`
	evalNERExamples = `  newsflow eval ner
  newsflow eval ner --split test --json
  newsflow eval ner --errors                 # every missed and spurious name, by document
  newsflow eval ner --corpus ../shared/corpora/ner-dev/wikigold.jsonl
  newsflow eval ner --corpus ../shared/corpora/gum-news --corpus ../shared/corpora/ner-dev/uner-en-pud.jsonl --json
`
	evalDatesExamples = `  newsflow eval dates
  newsflow eval dates --json
  newsflow eval dates --errors               # every miss and every unmatched date
`
	evalQuotesExamples = `  newsflow eval quotes
  newsflow eval quotes --json
  newsflow eval quotes --errors              # every missed and spurious quotation
`
	evalEventsExamples = `  newsflow eval events
  newsflow eval events --set cameo --json | jq .cameo.macro_f1
  newsflow eval events --set gum --errors    # every missed and false event, with its sentence
  newsflow eval events --corpus ../shared/corpora
`
	evalDedupExamples = `  newsflow eval dedup
  newsflow eval dedup --json | jq '{precision, recall, f1}'
  newsflow eval dedup --seed 7               # another draw of copies, negatives and stream order
  newsflow eval dedup --errors               # every wrong match and every missed copy
  newsflow eval dedup --corpus ../shared/corpora
`
)

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
	fmt.Fprintf(e.stderr, "newsflow eval: unknown evaluation %q; available: %s\n", kind, availableEvaluations())
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
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Examples:\n%s\n", evalExamples)
	fmt.Fprintln(w, `Run "newsflow eval <kind> --help" for its flags.`)
}

// corporaDir is ../shared/corpora/elem... seen from the repository root,
// where make runs: the default of every --corpus.
func corporaDir(elem ...string) string {
	return filepath.Join(append([]string{"..", "shared", "corpora"}, elem...)...)
}

func cmdEvalClean(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval clean", "[flags]", evalCleanExamples)
	opts := eval.CleanOptions{Version: build().Version}
	fs.StringVar(&opts.Dir, "corpus", corporaDir("article-extraction-benchmark"), "article-extraction-benchmark `directory`")
	asJSON := fs.Bool("json", false, "print one JSON object")
	worst := fs.Int("worst", 10, "list the `N` pages of lowest F1")
	pageID := fs.String("page", "", "print the gold and extracted text of the page with this `id` (or unique prefix)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *worst < 0 {
		fs.Usage()
		return errUsage
	}
	if *pageID != "" {
		p, err := eval.CleanPage(ctx, opts, *pageID)
		if err != nil {
			return err
		}
		return printEval(e.stdout, *asJSON, p, p.Print)
	}
	r, err := eval.Clean(ctx, opts)
	if err != nil {
		return err
	}
	return printEval(e.stdout, *asJSON, r, func(w io.Writer) { r.Print(w, *worst) })
}

// gumReport is the report of an evaluation on GUM news.
type gumReport interface {
	Failures() []error
	Print(w io.Writer, showErrors bool)
}

// cmdEvalGUM returns the command of the evaluation on GUM news that run
// does: they share their flags and output, errorsHelp saying what --errors
// prints. The documents the stages failed on are listed on stderr.
func cmdEvalGUM[R gumReport](kind, examples, errorsHelp string, run func(context.Context, eval.GUMOptions) (R, error)) func(context.Context, *env, []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		fs := newFlagSet(e, "eval "+kind, "[flags]", examples)
		opts := eval.GUMOptions{Version: build().Version}
		fs.StringVar(&opts.Dir, "corpus", corporaDir("gum-news"), "GUM news `directory` (ner-gold.jsonl, xml/)")
		fs.StringVar(&opts.Split, "split", "all", "GUM documents to score: all, train, dev or test")
		asJSON := fs.Bool("json", false, "print one JSON object")
		showErrors := fs.Bool("errors", false, errorsHelp)
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		r, err := run(ctx, opts)
		if err != nil {
			return err
		}
		for _, err := range r.Failures() {
			fmt.Fprintln(e.stderr, err)
		}
		return printEval(e.stdout, *asJSON, r, func(w io.Writer) { r.Print(w, *showErrors) })
	}
}

// cmdEvalNER is "newsflow eval ner": each --corpus is the GUM news
// directory or a file in its ner-gold.jsonl format (the ner-dev files),
// each reported on its own; with --json, one object a line.
func cmdEvalNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval ner", "[flags]", evalNERExamples)
	var corpora []string
	fs.Func("corpus", "GUM news `directory` (ner-gold.jsonl, xml/), or a file in its ner-gold.jsonl format; repeat for several (default "+corporaDir("gum-news")+")", func(v string) error {
		corpora = append(corpora, v)
		return nil
	})
	opts := eval.GUMOptions{Version: build().Version}
	fs.StringVar(&opts.Split, "split", "all", "GUM documents to score: all, train, dev or test")
	asJSON := fs.Bool("json", false, "print one JSON object per corpus")
	showErrors := fs.Bool("errors", false, "print every missed and spurious name")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(corpora) == 0 {
		corpora = []string{corporaDir("gum-news")}
	}
	for i, c := range corpora {
		r, err := nerReport(ctx, c, opts)
		if err != nil {
			return err
		}
		for _, err := range r.Failures() {
			fmt.Fprintln(e.stderr, err)
		}
		if i > 0 && !*asJSON {
			fmt.Fprintln(e.stdout)
		}
		if err := printEval(e.stdout, *asJSON, r, func(w io.Writer) { r.Print(w, *showErrors) }); err != nil {
			return err
		}
	}
	return nil
}

// nerReport evaluates names on corpus: the GUM news directory, or a file.
func nerReport(ctx context.Context, corpus string, opts eval.GUMOptions) (eval.NERReport, error) {
	if info, err := os.Stat(corpus); err == nil && !info.IsDir() {
		return eval.NERFile(ctx, corpus, opts.Version)
	}
	opts.Dir = corpus
	return eval.NER(ctx, opts)
}

func cmdEvalDedup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval dedup", "[flags]", evalDedupExamples)
	opts := eval.DedupOptions{Version: build().Version}
	fs.StringVar(&opts.Dir, "corpus", corporaDir(), "corpora `directory` holding reuters21578/ and gum-news/")
	asJSON := fs.Bool("json", false, "print one JSON object")
	fs.Uint64Var(&opts.Seed, "seed", 1, "seed of the generated copies, negatives and stream order")
	showErrors := fs.Bool("errors", false, "print every wrong match and every missed copy")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	r, err := eval.Dedup(ctx, opts)
	if err != nil {
		return err
	}
	return printEval(e.stdout, *asJSON, r, func(w io.Writer) { r.Print(w, *showErrors) })
}

// printEval writes report r to w: as one JSON object on a line of its
// own if asJSON, else as text.
func printEval(w io.Writer, asJSON bool, r any, text func(io.Writer)) error {
	if !asJSON {
		text(w)
		return nil
	}
	return writeReport(w, r)
}

func cmdEvalEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval events", "[flags]", evalEventsExamples)
	opts := eval.EventsOptions{Version: build().Version}
	fs.StringVar(&opts.Dir, "corpus", corporaDir(), "corpora `directory` holding events-dev/ and gum-news/")
	sets := fs.String("set", "", "comma-separated `sets` to score: cameo, stories, gum, petrarch, seed (default all)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	showErrors := fs.Bool("errors", false, "print every missed and false event, with its sentence")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *sets != "" {
		opts.Sets = strings.Split(*sets, ",")
	}
	r, err := eval.Events(ctx, opts)
	if err != nil {
		return err
	}
	return printEval(e.stdout, *asJSON, r, func(w io.Writer) { r.Print(w, *showErrors) })
}
