package events

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// name is the stage's name in metrics, timings and warnings.
const name = "events"

// Stage codes the events of an article from its text, entities and dates.
// It is safe for concurrent use.
type Stage struct {
	cfg  Config
	cb   *codebook.Codebook
	pats []blockPatterns
	voc  vocab
	pool sync.Pool
}

var _ pipeline.Stage = (*Stage)(nil)

// Knowledge is what the stage codes with: a verb codebook and actor
// dictionaries. New uses the embedded ones; another set, such as
// PETRARCH's unit-test dictionaries, serves to evaluate the coder.
type Knowledge struct {
	Codebook *codebook.Codebook
	// Actors gives actors their codes on the article's date, agents
	// theirs, and discards the sentences and stories to leave uncoded.
	// Nil codes actors from the article's entities alone.
	Actors *actors.Dictionary
	// Unmapped codes the events of CAMEO codes that PLOVER does not map,
	// with no PLOVER type, which the schema does not allow: for scoring
	// against CAMEO-coded data only.
	Unmapped bool
	// Reciprocal codes the reverse event of a verb whose dictionary code
	// has one ("LEFT [032:033]": the visit, and its hosting) whatever its
	// type, as PETRARCH does. Without it, a reverse event of the same
	// PLOVER type as the forward one is that event again ("met" is one
	// CONSULT, not two), and is not coded: for scoring against PETRARCH's
	// codings only.
	Reciprocal bool
	// ActorsOnly reads the sectors of agents and titles ("officials",
	// "foreign minister") from Actors' agents alone. Without it the
	// gazetteer's sectors (gazetteer.Role), which are built from the
	// embedded agents dictionary and the titles news writes that it
	// lacks, come first: set it when Actors replaces the embedded
	// dictionaries, so that theirs do not code in its place.
	ActorsOnly bool
}

// New returns an events stage with the embedded codebook and actor
// dictionaries, or the configuration's problems.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	cb, err := codebook.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	dict, err := actors.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return NewWith(cfg, Knowledge{Codebook: cb, Actors: dict})
}

// NewWith returns an events stage that codes with k. It compiles the
// codebook's patterns.
func NewWith(cfg Config, k Knowledge) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if k.Codebook == nil {
		return nil, errors.New("events: no codebook")
	}
	cb := k.Codebook
	pats, voc, err := compileAll(cb)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	lx, err := newLexicon(voc, cb, k.Actors)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	s := &Stage{cfg: cfg, cb: cb, pats: pats, voc: voc}
	s.pool.New = func() any {
		return &coder{cb: cb, pats: pats, lexicon: lx, dict: k.Actors, unmapped: k.Unmapped, reciprocal: k.Reciprocal, actorsOnly: k.ActorsOnly && k.Actors != nil,
			present: make([]uint32, len(voc)+1)}
	}
	return s, nil
}

// complexCode is TABARI's code of a complex event, which PETRARCH does not
// implement: a pattern of it codes nothing, and the verb's other patterns
// code in its place ("restore fxll diplomatic ties" is "* DIPLOMATIC",
// 064, in PETRARCH's test dictionary).
const complexCode = "+++"

// compileAll compiles the patterns of every verb block, numbers their
// words and keys the patterns by them.
func compileAll(cb *codebook.Codebook) ([]blockPatterns, vocab, error) {
	pc := newPatternCompiler(cb)
	compiledAll := make([][]compiled, cb.Blocks())
	for b := range compiledAll {
		for _, p := range cb.Patterns(b) {
			if p.Code == complexCode {
				continue
			}
			cp, err := pc.compile(p)
			if err != nil {
				return nil, nil, fmt.Errorf("block %d: %w", b, err)
			}
			compiledAll[b] = append(compiledAll[b], cp)
		}
	}
	out := make([]blockPatterns, len(compiledAll))
	for b, ps := range compiledAll {
		out[b] = newBlockPatterns(ps)
	}
	return out, pc.voc, nil
}

// Name returns "events".
func (s *Stage) Name() string { return name }

// Process codes d's events into d.Events. English and undetermined text
// only, as the dictionaries are English; it never rejects an article.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if !s.cfg.Enabled {
		return nil
	}
	if code := d.Language.Code; code != "en" && code != "und" && code != "" {
		return nil
	}
	c := s.pool.Get().(*coder)
	defer s.pool.Put(c)
	// The headline first, as it is read: its events are coded apart,
	// since the text's buffers are reused for it, and kept only when the
	// text does not report the same.
	var head []event.Coding
	if title := headline(d.Title); title != "" {
		head = slices.Clone(c.code(title, d.Entities, nil, nil, d.PublishedAt, event.FieldTitle))
	}
	coded := c.code(d.Text, d.Entities, d.Dates, d.Quotes, d.PublishedAt, "")
	head = slices.DeleteFunc(head, func(h event.Coding) bool {
		return h.Confidence < s.cfg.MinConfidence || slices.ContainsFunc(coded, func(e event.Coding) bool { return sameEvent(&h, &e) })
	})
	n := len(head)
	for _, e := range coded {
		if e.Confidence >= s.cfg.MinConfidence {
			n++
		}
	}
	d.Events = slices.Grow(d.Events[:0], n) // at once: events are large
	d.Events = append(d.Events, head...)
	for _, e := range coded {
		if e.Confidence >= s.cfg.MinConfidence {
			d.Events = append(d.Events, e)
		}
	}
	return ctx.Err()
}
