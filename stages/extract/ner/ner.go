package ner

import (
	"sort"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Find returns the people, organisations and places of text, whose tokens
// and sentences are toks and sents, one entity per real thing, in order of
// first mention.
func Find(text string, toks []token.Token, sents []token.Sentence) []pipeline.Entity {
	d := &doc{text: text, toks: toks, sents: sents}
	d.recognize()
	sort.Slice(d.ms, func(a, b int) bool { return d.ms[a].tok0 < d.ms[b].tok0 })
	d.retype()
	return d.output(d.merge())
}
