package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
)

// The README's figures sit between these markers; what is between them is
// written by this program and nothing else.
const (
	beginMarker = "<!-- figures:begin"
	endMarker   = "<!-- figures:end -->"
)

// qualityRows runs every evaluation on the corpora in dir and returns the
// README's rows of quality figures, one per evaluation.
func qualityRows(ctx context.Context, dir string) ([]string, error) {
	c, err := eval.Clean(ctx, eval.CleanOptions{Dir: filepath.Join(dir, "article-extraction-benchmark")})
	if err != nil {
		return nil, err
	}
	gum := eval.GUMOptions{Dir: filepath.Join(dir, "gum-news"), Split: "all"}
	ner, err := eval.NER(ctx, gum)
	if err != nil {
		return nil, err
	}
	dates, err := eval.Dates(ctx, gum)
	if err != nil {
		return nil, err
	}
	quotes, err := eval.Quotes(ctx, gum)
	if err != nil {
		return nil, err
	}
	dd, err := eval.Dedup(ctx, eval.DedupOptions{Dir: dir, Seed: 1})
	if err != nil {
		return nil, err
	}
	ev, err := eval.Events(ctx, eval.EventsOptions{Dir: dir, Sets: []string{"cameo", "stories", "petrarch", "seed"}})
	if err != nil {
		return nil, err
	}
	return []string{
		row(fmt.Sprintf("main text of %d web pages (article-extraction benchmark)", c.Pages),
			fmt.Sprintf("F1 %.3f (precision %.3f, recall %.3f); pages under F1 0.5: %d", c.F1, c.Precision, c.Recall, len(c.LowF1Pages)),
			"newsflow eval clean"),
		row(fmt.Sprintf("entities, %d GUM news documents", ner.Docs),
			fmt.Sprintf("exact micro F1 %.3f (PER %.3f, ORG %.3f, LOC %.3f)", ner.F1, ner.Types["PER"].F1, ner.Types["ORG"].F1, ner.Types["LOC"].F1),
			"newsflow eval ner"),
		row("dates resolved against the publication date",
			fmt.Sprintf("accuracy %.3f; %d of %d one-sentence items resolved by tense", dates.Accuracy, dates.Tense.Correct, dates.Tense.Gold),
			"newsflow eval dates"),
		row("direct quotations", fmt.Sprintf("recall %.3f, precision %.3f", quotes.Recall, quotes.Precision), "newsflow eval quotes"),
		row(fmt.Sprintf("copies among %s articles (exact, edited up to 20%%, real Reuters re-sends)", thousands(float64(dd.Articles))),
			fmt.Sprintf("precision %.3f, recall %.3f", dd.Precision, dd.Recall), "newsflow eval dedup"),
		row(fmt.Sprintf("coded events, %s CAMEO-coded news sentences", thousands(float64(ev.CAMEO.Sentences))),
			fmt.Sprintf("pentacode macro-F1 %.3f (keyword baseline %.3f); exact-span F1 actor %.3f, recipient %.3f",
				ev.CAMEO.MacroF1, ev.CAMEO.Baseline.MacroF1, ev.CAMEO.Actor.Exact.F1, ev.CAMEO.Recipient.Exact.F1),
			"newsflow eval events --set cameo"),
		row(fmt.Sprintf("coded events, %s synthetic PLOVER stories", thousands(float64(ev.Stories.Stories))),
			fmt.Sprintf("labelled type coded in %.3f (with its mode %.3f)", ev.Stories.Found, ev.Stories.WithMode),
			"newsflow eval events --set stories"),
		row(fmt.Sprintf("PETRARCH's %d unit tests, with their dictionaries", ev.Petrarch.Records),
			fmt.Sprintf("codings reproduced %.3f; no-event records left empty %d of %d", ev.Petrarch.CodingShare, ev.Petrarch.Empty, ev.Petrarch.NoEvents),
			"newsflow eval events --set petrarch"),
		row("the worked example's events (Witkoff met Putin, Trump urged, the phone call)",
			fmt.Sprintf("%d of %d", ev.Seed.Found, ev.Seed.Expected), "newsflow eval events --set seed"),
	}, nil
}

// benchRows returns the README's rows of a bench report.
func benchRows(r bench.Report) []string {
	return []string{
		row(fmt.Sprintf("throughput, %s articles of ~%.1f KB, %d workers", r.Corpus, float64(r.ArticleBytes)/1000, r.Workers),
			fmt.Sprintf("%s articles/s, %.2f of a no-op relay's %s in the same run", thousands(r.Pipeline.ArticlesPerSec), r.Ratio, thousands(r.Relay.ArticlesPerSec)),
			"newsflow bench"),
		row("CPU per article (process, embedded server included)",
			fmt.Sprintf("%.0f µs (relay %.0f µs)", r.Pipeline.CPUMicrosPerArticle, r.Relay.CPUMicrosPerArticle), "newsflow bench"),
		row(fmt.Sprintf("end-to-end latency at %s articles/s", thousands(r.Latency.Rate)),
			fmt.Sprintf("p50 %.1f ms, p99 %.0f ms", r.Latency.P50Ms, r.Latency.P99Ms), "newsflow bench"),
		row("resident memory at rest, stages loaded (embedded server included)",
			fmt.Sprintf("%.0f MB: live heap %.0f MB (the stages' %.0f MB), the executable's pages %.0f MB",
				float64(r.IdleRSSBytes)/(1<<20), float64(r.Rest.HeapBytes)/(1<<20), float64(r.Rest.StagesHeapBytes)/(1<<20), float64(r.Rest.FileBytes)/(1<<20)),
			"newsflow bench"),
	}
}

func row(what, figure, command string) string {
	return fmt.Sprintf("| %s | %s | `%s` |", what, figure, command)
}

// thousands formats n rounded, with commas between thousands.
func thousands(n float64) string {
	s := fmt.Sprintf("%.0f", n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// table is the README's block of figures.
func table(quality, speed []string, note string) string {
	lines := append([]string{"| measure | figure | measured by |", "|---|---|---|"}, quality...)
	lines = append(lines, speed...)
	return strings.Join(lines, "\n") + "\n\n" + note + "\n"
}

// block returns what lies between the markers of readme, and where.
func block(readme string) (start, end int, err error) {
	b := strings.Index(readme, beginMarker)
	e := strings.Index(readme, endMarker)
	if b < 0 || e < b {
		return 0, 0, errors.New("no figures block (" + beginMarker + " … " + endMarker + ")")
	}
	start = b + strings.Index(readme[b:], "\n") + 1
	return start, e, nil
}

// replace returns readme with its figures block replaced by t.
func replace(readme, t string) (string, error) {
	start, end, err := block(readme)
	if err != nil {
		return "", err
	}
	return readme[:start] + t + readme[end:], nil
}
