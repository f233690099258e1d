package eval

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/shingle"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages"
	"github.com/newsflow/newsflow/stages/clean"
)

// LowF1 is the page F1 under which a page counts as an extraction
// failure.
const LowF1 = 0.5

// CleanOptions says what [Clean] and [CleanPage] run on.
type CleanOptions struct {
	// Dir is the article-extraction-benchmark corpus: ground-truth.json
	// and html/<id>.html.gz.
	Dir string
	// Version is newsflow's version, reported as it is.
	Version string
}

// CleanReport is what the clean evaluation measures: how well the clean
// stage finds the main text of a web page.
type CleanReport struct {
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
	// LowF1Share is the share of pages with a page F1 under LowF1, listed
	// in LowF1Pages from the lowest F1 up.
	LowF1Share float64     `json:"low_f1_share"`
	LowF1Pages []PageScore `json:"low_f1_pages"`
	// Errors is the number of pages the stage rejected; they score as an
	// empty extraction.
	Errors     int         `json:"errors"`
	ErrorPages []PageError `json:"error_pages,omitempty"`

	// scores are every page's, from the lowest F1 up, for Print's list
	// of the worst pages; the JSON has only those under LowF1.
	scores []PageScore
}

// PageScore is one page's score.
type PageScore struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// PageError is a page the stage rejected.
type PageError struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// extraction is the clean stage's result for one page.
type extraction struct {
	text      string
	err       error
	wall, cpu time.Duration
}

// Clean runs the clean stage, as the pipeline builds it, on every page of
// the corpus and scores the text it keeps against the gold article body.
// The pages go one at a time so that the timings are of the stage alone.
func Clean(ctx context.Context, opts CleanOptions) (CleanReport, error) {
	gold, err := readGold(opts.Dir)
	if err != nil {
		return CleanReport{}, fmt.Errorf("clean: %w", err)
	}
	cleaner, err := stageOf(stages.DefaultConfig(), "clean")
	if err != nil {
		return CleanReport{}, err
	}
	r, err := cleanPages(ctx, cleaner, &pageReader{dir: opts.Dir}, gold)
	if err != nil {
		return CleanReport{}, fmt.Errorf("clean: %w", err)
	}
	r.Corpus, r.Version = opts.Dir, opts.Version
	return r, nil
}

// cleanPages runs the stage on every page of gold and scores the results.
func cleanPages(ctx context.Context, cleaner pipeline.Stage, pr *pageReader, gold []goldPage) (CleanReport, error) {
	r := CleanReport{Kind: "clean", Pages: len(gold), LowF1Pages: []PageScore{}}
	var (
		sc     shingle.Scorer
		counts = make([]shingle.Counts, 0, len(gold))
		walls  = make([]time.Duration, 0, len(gold))
		cpu    time.Duration
	)
	r.scores = make([]PageScore, 0, len(gold))
	for _, p := range gold {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		x, err := extractPage(ctx, cleaner, pr, p)
		if err != nil {
			return r, err
		}
		walls = append(walls, x.wall)
		cpu += x.cpu
		if x.err != nil {
			r.Errors++
			r.ErrorPages = append(r.ErrorPages, PageError{ID: p.ID, Error: x.err.Error()})
		}
		c := sc.Score(p.Body, x.text)
		counts = append(counts, c)
		r.scores = append(r.scores, PageScore{ID: p.ID, URL: p.URL, F1: c.F1(), Precision: c.Precision(), Recall: c.Recall()})
	}

	total := shingle.Aggregate(counts)
	r.Precision, r.Recall, r.F1 = total.Precision, total.Recall, total.F1
	t := summarizeTimes(walls)
	r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax = t.Mean, t.P50, t.P90, t.Max
	r.CPUSeconds = cpu.Seconds()
	r.listLowF1()
	return r, nil
}

// listLowF1 sorts the page scores from the lowest F1 up and lists the
// pages under LowF1.
func (r *CleanReport) listLowF1() {
	slices.SortFunc(r.scores, func(a, b PageScore) int {
		return cmp.Or(cmp.Compare(a.F1, b.F1), cmp.Compare(a.ID, b.ID))
	})
	for _, s := range r.scores {
		if s.F1 >= LowF1 {
			break
		}
		r.LowF1Pages = append(r.LowF1Pages, s)
	}
	r.LowF1Share = float64(len(r.LowF1Pages)) / float64(r.Pages)
}

// extractPage runs the clean stage on one page as the pipeline does: the
// page, decoded to UTF-8, as the body of a text/html article. The error
// returned is the corpus's or the context's; the stage's own is in the
// result.
func extractPage(ctx context.Context, cleaner pipeline.Stage, pr *pageReader, p goldPage) (extraction, error) {
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

// Print writes the report as text: the scores, the timings, the pages the
// stage rejected, those under LowF1, and the worst pages of lowest F1.
func (r CleanReport) Print(w io.Writer, worst int) {
	fmt.Fprintf(w, "newsflow eval clean %s: %d pages of %s\n\n", r.Version, r.Pages, r.Corpus)
	fmt.Fprintf(w, "precision %.4f   recall %.4f   f1 %.4f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "time      %.2f ms/page (p50 %.2f, p90 %.2f, max %.2f); CPU %.2f s in all\n",
		r.MsPerPage, r.MsPerPageP50, r.MsPerPageP90, r.MsPerPageMax, r.CPUSeconds)
	fmt.Fprintf(w, "errors    %d\n", r.Errors)
	for _, pe := range r.ErrorPages {
		fmt.Fprintf(w, "  %s: %s\n", pe.ID, pe.Error)
	}

	fmt.Fprintf(w, "\npages with F1 < %.1f: %d of %d (%.1f%%)\n", LowF1, len(r.LowF1Pages), r.Pages, 100*r.LowF1Share)
	for _, s := range r.LowF1Pages {
		fmt.Fprintf(w, "  %.4f  %s\n", s.F1, s.ID)
	}

	if worst = min(worst, len(r.scores)); worst > 0 {
		fmt.Fprintf(w, "\n%d pages of lowest F1:\n", worst)
		fmt.Fprintf(w, "  %-6s  %-6s  %-6s  %s\n", "F1", "P", "R", "id / url")
		for _, s := range r.scores[:worst] {
			fmt.Fprintf(w, "  %.4f  %.4f  %.4f  %s\n%26s%s\n", s.F1, s.Precision, s.Recall, s.ID, "", s.URL)
		}
	}
	fmt.Fprintln(w, "\nmetric: article-extraction-benchmark token 4-shingle precision/recall; --page ID shows a page's texts")
}

// PageReport is one page of the clean evaluation: its score, shingle
// counts, time, and both texts.
type PageReport struct {
	PageScore
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Ms        float64 `json:"ms"`
	Error     string  `json:"error,omitempty"`
	Gold      string  `json:"gold"`
	Extracted string  `json:"extracted"`
}

// CleanPage runs the clean stage on the one page whose id is id or, failing
// that, starts with it, so that a short prefix serves on the command line.
func CleanPage(ctx context.Context, opts CleanOptions, id string) (PageReport, error) {
	gold, err := readGold(opts.Dir)
	if err != nil {
		return PageReport{}, fmt.Errorf("clean: %w", err)
	}
	cleaner, err := stageOf(stages.DefaultConfig(), "clean")
	if err != nil {
		return PageReport{}, err
	}
	p, err := findPage(gold, id)
	if err != nil {
		return PageReport{}, fmt.Errorf("clean: %w", err)
	}
	x, err := extractPage(ctx, cleaner, &pageReader{dir: opts.Dir}, p)
	if err != nil {
		return PageReport{}, fmt.Errorf("clean: %w", err)
	}
	c := shingle.Score(p.Body, x.text)
	pr := PageReport{
		PageScore: PageScore{ID: p.ID, URL: p.URL, F1: c.F1(), Precision: c.Precision(), Recall: c.Recall()},
		TP:        c.TP, FP: c.FP, FN: c.FN, Ms: ms(x.wall), Gold: p.Body, Extracted: x.text,
	}
	if x.err != nil {
		pr.Error = x.err.Error()
	}
	return pr, nil
}

// Print writes the page's scores and its gold and extracted texts.
func (p PageReport) Print(w io.Writer) {
	fmt.Fprintf(w, "page %s\nurl  %s\n", p.ID, p.URL)
	fmt.Fprintf(w, "precision %.4f   recall %.4f   f1 %.4f   (shingles: %d matched, %d extra, %d missed)   %.2f ms\n",
		p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN, p.Ms)
	if p.Error != "" {
		fmt.Fprintf(w, "error: %s\n", p.Error)
	}
	fmt.Fprintf(w, "\n--- gold (%d bytes) ---\n%s\n", len(p.Gold), p.Gold)
	fmt.Fprintf(w, "\n--- extracted (%d bytes) ---\n%s\n", len(p.Extracted), p.Extracted)
}
