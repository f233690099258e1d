package ner

import (
	"slices"
	"sync"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Find returns the people, organisations and places of text, whose tokens
// and sentences are toks and sents, one entity per real thing, in order of
// first mention.
func Find(text string, toks []token.Token, sents []token.Sentence) []event.Entity {
	d := docPool.Get().(*doc)
	defer docPool.Put(d)
	d.reset(text, toks, sents)
	d.recognize()
	if !d.inOrder() {
		slices.SortFunc(d.ms, func(a, b mention) int { return a.tok0 - b.tok0 })
	}
	d.retype()
	return d.output(d.merge())
}

// inOrder reports whether the mentions start at increasing tokens, as
// recognize mostly finds them: then sorting them, which moves mentions of
// a hundred bytes even when they are in order, would leave them as they
// are.
func (d *doc) inOrder() bool {
	for k := 1; k < len(d.ms); k++ {
		if d.ms[k].tok0 <= d.ms[k-1].tok0 {
			return false
		}
	}
	return true
}

// docPool keeps the working memory of Find between calls: mentions,
// per-token cues, tables and entities are reused, so that a call allocates
// little more than its result.
var docPool = sync.Pool{New: func() any {
	return &doc{byKey: make(map[entityKey]*entity)}
}}

// maxPooledTokens bounds the token-sized buffers kept for reuse, so that
// one huge text does not pin its memory.
const maxPooledTokens = 1 << 16

func (d *doc) reset(text string, toks []token.Token, sents []token.Sentence) {
	d.text, d.toks, d.sents = text, toks, sents
	d.ms = d.ms[:0]
	d.looked = lookedUp{}
	if cap(d.cues) < len(toks) || cap(d.cues) > maxPooledTokens {
		d.cues = make([]cue, len(toks))
	} else {
		d.cues = d.cues[:len(toks)]
		clear(d.cues)
	}
	if cap(d.lower) > 2*maxPooledTokens {
		d.lower = nil
	}
	d.lowerBuilt = false
	d.tallies = d.tallies[:0]
	clear(d.byKey)
	d.ents = d.ents[:0]
}
