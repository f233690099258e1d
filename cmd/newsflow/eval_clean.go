package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/shingle"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/clean"
)

const evalCleanExamples = `  newsflow eval clean
  newsflow eval clean --json | jq .f1
  newsflow eval clean --worst 30
  newsflow eval clean --page 3a1f            # one page's gold and extracted text (id or unique prefix)
  newsflow eval clean --corpus ../shared/corpora/article-extraction-benchmark
`

// lowF1 is the page F1 under which a page counts as an extraction failure.
const lowF1 = 0.5

// evalCleanReport is what "eval clean" measures; --json prints it as one
// object.
type evalCleanReport struct {
	Kind    string `json:"kind"`
	Corpus  string `json:"corpus"`
	Version string `json:"version"`
	Pages   int    `json:"pages"`
	// Precision, Recall and F1 are the benchmark's corpus scores (see
	// package shingle).
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// The wall time of each clean call, in milliseconds.
	MsPerPage    float64 `json:"ms_per_page"`
	MsPerPageP50 float64 `json:"ms_per_page_p50"`
	MsPerPageP90 float64 `json:"ms_per_page_p90"`
	MsPerPageMax float64 `json:"ms_per_page_max"`
	// CPUSeconds is the process's CPU time (all threads, garbage
	// collection included) during the clean calls, summed.
	CPUSeconds float64 `json:"cpu_seconds"`
	// LowF1Share is the share of pages with a page F1 under 0.5, listed
	// in LowF1Pages from the lowest F1 up.
	LowF1Share float64     `json:"low_f1_share"`
	LowF1Pages []pageScore `json:"low_f1_pages"`
	// Errors is the number of pages the stage rejected; they score as an
	// empty extraction.
	Errors     int         `json:"errors"`
	ErrorPages []pageError `json:"error_pages,omitempty"`
}

// pageScore is one page's score.
type pageScore struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// pageError is a page the stage rejected.
type pageError struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// extraction is the clean stage's result for one page.
type extraction struct {
	text      string
	err       error
	wall, cpu time.Duration
}

func cmdEvalClean(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval clean", "[flags]", evalCleanExamples)
	dir := fs.String("corpus", defaultExtractionDir(), "article-extraction-benchmark `directory`")
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
	gold, err := readGold(*dir)
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	// The stage exactly as the pipeline builds it.
	cleaner, err := clean.New(clean.DefaultConfig())
	if err != nil {
		return err
	}
	pr := &pageReader{dir: *dir}

	if *pageID != "" {
		p, err := findPage(gold, *pageID)
		if err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		x, err := extractPage(ctx, cleaner, pr, p)
		if err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		return printEvalPage(e, *asJSON, p, x)
	}

	r, scores, err := evalClean(ctx, cleaner, pr, gold)
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	r.Corpus = *dir
	if *asJSON {
		out, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	printEvalClean(e, r, scores, *worst)
	return nil
}

// evalClean runs the clean stage on every page, one at a time so that
// the timings are of the stage alone, and scores the results. The scores
// come back from the lowest page F1 up.
func evalClean(ctx context.Context, cleaner *clean.Stage, pr *pageReader, gold []goldPage) (evalCleanReport, []pageScore, error) {
	r := evalCleanReport{Kind: "clean", Version: build().Version, Pages: len(gold), LowF1Pages: []pageScore{}}
	var (
		sc     shingle.Scorer
		counts = make([]shingle.Counts, 0, len(gold))
		scores = make([]pageScore, 0, len(gold))
		walls  = make([]time.Duration, 0, len(gold))
		cpu    time.Duration
	)
	for _, p := range gold {
		if err := ctx.Err(); err != nil {
			return r, nil, err
		}
		x, err := extractPage(ctx, cleaner, pr, p)
		if err != nil {
			return r, nil, err
		}
		walls = append(walls, x.wall)
		cpu += x.cpu
		if x.err != nil {
			r.Errors++
			r.ErrorPages = append(r.ErrorPages, pageError{ID: p.ID, Error: x.err.Error()})
		}
		c := sc.Score(p.Body, x.text)
		counts = append(counts, c)
		scores = append(scores, pageScore{ID: p.ID, URL: p.URL, F1: c.F1(), Precision: c.Precision(), Recall: c.Recall()})
	}

	total := shingle.Aggregate(counts)
	r.Precision, r.Recall, r.F1 = total.Precision, total.Recall, total.F1
	t := summarizeTimes(walls)
	r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax = t.Mean, t.P50, t.P90, t.Max
	r.CPUSeconds = cpu.Seconds()

	slices.SortFunc(scores, func(a, b pageScore) int {
		return cmp.Or(cmp.Compare(a.F1, b.F1), cmp.Compare(a.ID, b.ID))
	})
	for _, s := range scores {
		if s.F1 >= lowF1 {
			break
		}
		r.LowF1Pages = append(r.LowF1Pages, s)
	}
	r.LowF1Share = float64(len(r.LowF1Pages)) / float64(len(gold))
	return r, scores, nil
}

// extract runs the clean stage on one page as the pipeline does: the page,
// decoded to UTF-8, as the body of a text/html article. The error returned
// is the corpus's or the context's; the stage's own is in the result.
func extractPage(ctx context.Context, cleaner *clean.Stage, pr *pageReader, p goldPage) (extraction, error) {
	raw, err := pr.read(p.ID)
	if err != nil {
		return extraction{}, err
	}
	body, err := clean.DecodeBytes(raw, "text/html")
	if err != nil {
		return extraction{}, fmt.Errorf("page %s: %w", p.ID, err)
	}
	d := pipeline.Doc{ID: p.ID, Body: body, ContentType: "text/html", URL: p.URL}
	cpu0 := procstat.CPUTime()
	t0 := time.Now()
	err = cleaner.Process(ctx, &d)
	x := extraction{wall: time.Since(t0), cpu: procstat.CPUTime() - cpu0}
	if err != nil {
		if ctx.Err() != nil {
			return extraction{}, ctx.Err()
		}
		x.err = err
		return x, nil
	}
	x.text = d.Text
	return x, nil
}

func printEvalClean(e *env, r evalCleanReport, scores []pageScore, worst int) {
	w := e.stdout
	fmt.Fprintf(w, "newsflow eval clean %s: %d pages of %s\n\n", r.Version, r.Pages, r.Corpus)
	fmt.Fprintf(w, "precision %.4f   recall %.4f   f1 %.4f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "time      %.2f ms/page (p50 %.2f, p90 %.2f, max %.2f); CPU %.2f s in all\n",
		r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax, r.CPUSeconds)
	fmt.Fprintf(w, "errors    %d\n", r.Errors)
	for _, pe := range r.ErrorPages {
		fmt.Fprintf(w, "  %s: %s\n", pe.ID, pe.Error)
	}

	fmt.Fprintf(w, "\npages with F1 < %.1f: %d of %d (%.1f%%)\n", lowF1, len(r.LowF1Pages), r.Pages, 100*r.LowF1Share)
	for _, s := range r.LowF1Pages {
		fmt.Fprintf(w, "  %.4f  %s\n", s.F1, s.ID)
	}

	if worst = min(worst, len(scores)); worst > 0 {
		fmt.Fprintf(w, "\n%d pages of lowest F1:\n", worst)
		fmt.Fprintf(w, "  %-6s  %-6s  %-6s  %s\n", "F1", "P", "R", "id / url")
		for _, s := range scores[:worst] {
			fmt.Fprintf(w, "  %.4f  %.4f  %.4f  %s\n%26s%s\n", s.F1, s.Precision, s.Recall, s.ID, "", s.URL)
		}
	}
	fmt.Fprintln(w, "\nmetric: article-extraction-benchmark token 4-shingle precision/recall; --page ID shows a page's texts")
}

// evalPage is one page as --page --json prints it.
type evalPage struct {
	pageScore
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Ms        float64 `json:"ms"`
	Error     string  `json:"error,omitempty"`
	Gold      string  `json:"gold"`
	Extracted string  `json:"extracted"`
}

func printEvalPage(e *env, asJSON bool, p goldPage, x extraction) error {
	c := shingle.Score(p.Body, x.text)
	ep := evalPage{
		pageScore: pageScore{ID: p.ID, URL: p.URL, F1: c.F1(), Precision: c.Precision(), Recall: c.Recall()},
		TP:        c.TP, FP: c.FP, FN: c.FN, Ms: ms(x.wall), Gold: p.Body, Extracted: x.text,
	}
	if x.err != nil {
		ep.Error = x.err.Error()
	}
	if asJSON {
		out, err := json.Marshal(ep)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
		return nil
	}
	w := e.stdout
	fmt.Fprintf(w, "page %s\nurl  %s\n", ep.ID, ep.URL)
	fmt.Fprintf(w, "precision %.4f   recall %.4f   f1 %.4f   (shingles: %d matched, %d extra, %d missed)   %.2f ms\n",
		ep.Precision, ep.Recall, ep.F1, ep.TP, ep.FP, ep.FN, ep.Ms)
	if ep.Error != "" {
		fmt.Fprintf(w, "error: %s\n", ep.Error)
	}
	fmt.Fprintf(w, "\n--- gold (%d bytes) ---\n%s\n", len(ep.Gold), ep.Gold)
	fmt.Fprintf(w, "\n--- extracted (%d bytes) ---\n%s\n", len(ep.Extracted), ep.Extracted)
	return nil
}
