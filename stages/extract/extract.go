package extract

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/extract/dates"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/ner"
	"github.com/newsflow/newsflow/stages/extract/quotes"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// name is the stage's name in metrics, timings and warnings.
const name = "extract"

// Stage finds entities, dates and quotes. It is safe for concurrent use.
type Stage struct {
	cfg Config
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns an extract stage, or the configuration's problems.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	if cfg.Entities {
		// ~0.2 s of decoding, paid here rather than by the first article.
		gazetteer.Load()
	}
	return &Stage{cfg: cfg}, nil
}

// Name returns "extract".
func (s *Stage) Name() string { return name }

// scratch holds one call's reusable buffers.
type scratch struct {
	tok    token.Tokenizer
	quotes []quotes.Quote
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Process fills d.Entities, d.Dates and d.Quotes from d.Text. It never
// rejects an article: a part that fails leaves a warning.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if code := d.Language.Code; code != "en" && code != "und" && code != "" {
		d.Warn(name, fmt.Sprintf("language %q: entities, dates and quotes are extracted from English only", code))
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	toks, sents := sc.tok.Tokenize(d.Text)
	if s.cfg.Entities {
		s.part(d, "entities", func() { d.Entities = ner.Find(d.Text, toks, sents) })
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.cfg.Dates {
		s.part(d, "dates", func() { d.Dates = dates.Find(d.Dates[:0], d.Text, d.PublishedAt) })
	}
	if s.cfg.Quotes {
		s.part(d, "quotes", func() {
			sc.quotes = quotes.Find(sc.quotes[:0], d.Text)
			d.Quotes = attribute(d, sc.quotes, toks, sents)
		})
	}
	if s.cfg.Entities && d.Title != "" {
		// Last: it tokenizes the title into the scratch the text's
		// tokens are in, and the quotes' speakers are the text's.
		s.part(d, "title", func() { addTitleMentions(d, sc) })
	}
	return nil
}

// part runs one optional part; a panic in it becomes a warning, so that a
// bug on some input costs that part, not the article.
func (s *Stage) part(d *pipeline.Doc, what string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			d.Warn(name, fmt.Sprintf("%s: internal error: %v", what, v))
		}
	}()
	f()
}
