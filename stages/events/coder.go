package events

import (
	"sort"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// coder codes one article; the Stage keeps a pool of them, so that their
// buffers are reused.
type coder struct {
	cb       *codebook.Codebook
	dict     *actors.Dictionary // nil for none
	unmapped bool               // see Knowledge.Unmapped
	pats     []blockPatterns    // per verb block
	index    patternIndex
	cand     []int32 // the candidate patterns of a clause
	// lexicon is what is known of words; lex holds its entry for each
	// token, ids their ids in the patterns' vocabulary (-1 if none).
	lexicon *lexicon
	lex     []int32 // per token: index into lexicon.entries
	ids     []int32
	sing    []int32 // per token: the id of a plural's singular as well, -1 if none
	// present marks the words of the clause being matched (see
	// clauseView).
	present []uint32
	stamp   uint32
	view    clauseView

	tok          token.Tokenizer
	text         string
	toks         []token.Token
	upper        []byte   // the text in capitals
	words        []string // per token: the word in capitals, the punctuation mark, or ""
	entityAt     []int    // per token: the entity whose mention covers it, -1 if none
	mentionStart []int    // per token: the first token of that mention
	dateStart    []int    // per token: the first token of the date that covers it, -1 if none
	ents         []event.Entity
	entCodes     []entityCodes // per entity, filled on first use
	dates        []event.DateRef
	published    time.Time
	parties      []party
	out          []event.Coding
}

// trigger is a verb of the dictionary found in a sentence.
type trigger struct {
	start, end int // tokens
	verb       codebook.Verb
}

// code returns the events of text. The entities, dates and quotes are the
// extract stage's, with offsets into text.
func (c *coder) code(text string, ents []event.Entity, dates []event.DateRef, published time.Time) []event.Coding {
	c.text, c.ents, c.dates, c.published = text, ents, dates, published
	c.out = c.out[:0]
	var sents []token.Sentence
	c.toks, sents = c.tok.Tokenize(text)
	c.prepareWords()
	c.markEntities()
	for si, s := range sents {
		first, last := int(s.First), int(s.Last)
		switch c.discarded(first, last) {
		case discardStory:
			c.out = c.out[:0]
			return c.out
		case discardSentence:
			continue
		}
		parties := c.sentenceParties(first, last)
		if len(parties) == 0 {
			continue // nobody acts
		}
		trigs := c.triggers(first, last)
		sentenceStart := len(c.out)
		prev := roles{source: -1, target: -1, start: first, end: first}
		for k, t := range trigs {
			hi := last
			if k+1 < len(trigs) {
				hi = trigs[k+1].start
			}
			prev = c.codeTrigger(si, first, hi, t, parties, prev)
		}
		c.dropReporting(sentenceStart)
	}
	return c.out
}

// What a discard of the actor dictionaries leaves out.
const (
	discardNone = iota
	discardSentence
	discardStory
)

// discarded reports whether a discard phrase of the dictionaries stands in
// tokens [first, last): sports results and the like, which read as
// events and are none ("Manchester United beat Chelsea").
func (c *coder) discarded(first, last int) int {
	if c.dict == nil {
		return discardNone
	}
	for i := first; i < last; i++ {
		if c.entry(i).dict&dictDiscard == 0 {
			continue
		}
		if _, story, ok := c.dict.Discard(c.words, i); ok {
			if story {
				return discardStory
			}
			return discardSentence
		}
	}
	return discardNone
}

// dropReporting removes, from the events coded since index from, the
// statements (CAMEO root 01) that report an event coded after them in the
// sentence: "Peskov said Putin and Witkoff may discuss" is the discussion.
func (c *coder) dropReporting(from int) {
	kept := c.out[:from]
	for k, e := range c.out[from:] {
		later := false
		for _, f := range c.out[from+k+1:] {
			if f.CAMEO.Root != "01" {
				later = true
			}
		}
		if e.CAMEO.Root == "01" && later {
			continue
		}
		kept = append(kept, e)
	}
	c.out = kept
}

// prepareWords fills words with each token's word in capitals (ASCII
// letters only: the dictionary is ASCII), sharing one string.
func (c *coder) prepareWords() {
	b := append(c.upper[:0], c.text...)
	for i, ch := range b {
		if 'a' <= ch && ch <= 'z' {
			b[i] = ch - 'a' + 'A'
		}
	}
	c.upper = b
	up := string(b)
	c.words, c.ids, c.sing, c.lex = c.words[:0], c.ids[:0], c.sing[:0], c.lex[:0]
	for _, t := range c.toks {
		k := int32(0)
		w := ""
		switch t.Kind {
		case token.Word:
			w = up[t.Start:t.End]
			k = c.lexicon.find(w)
		case token.Number, token.Punct:
			w = up[t.Start:t.End]
		}
		e := &c.lexicon.entries[k]
		id, sing := e.id, e.sing
		if id < 0 {
			id, sing = sing, -1
		}
		c.words = append(c.words, w)
		c.lex = append(c.lex, k)
		c.ids = append(c.ids, id)
		c.sing = append(c.sing, sing)
	}
}

// entry returns what the lexicon knows of the word at token i.
func (c *coder) entry(i int) *lexEntry { return &c.lexicon.entries[c.lex[i]] }

// markEntities maps each token to the entity mention and the date that
// cover it.
func (c *coder) markEntities() {
	n := len(c.toks)
	c.entityAt = resize(c.entityAt, n)
	c.mentionStart = resize(c.mentionStart, n)
	c.entCodes = append(c.entCodes[:0], make([]entityCodes, len(c.ents))...)
	for i := range c.entityAt {
		c.entityAt[i], c.mentionStart[i] = -1, -1
	}
	c.dateStart = resize(c.dateStart, n)
	for i := range c.dateStart {
		c.dateStart[i] = -1
	}
	for _, d := range c.dates {
		i := sort.Search(n, func(k int) bool { return int(c.toks[k].Start) >= d.Start })
		for first := i; i < n && int(c.toks[i].End) <= d.End; i++ {
			c.dateStart[i] = first
		}
	}
	for e := range c.ents {
		for _, m := range c.ents[e].Mentions {
			if m.Field != "" {
				continue // the headline's
			}
			i := sort.Search(n, func(k int) bool { return int(c.toks[k].Start) >= m.Start })
			first := i
			for ; i < n && int(c.toks[i].End) <= m.End; i++ {
				c.entityAt[i], c.mentionStart[i] = e, first
			}
		}
	}
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// determiners before a word make it a noun: "the attack", "their visit".
var determiners = map[string]bool{
	"THE": true, "A": true, "AN": true, "ITS": true, "THEIR": true, "HIS": true, "HER": true, "OUR": true,
	"THIS": true, "THAT": true, "THESE": true, "THOSE": true, "NO": true, "ANY": true, "EACH": true,
	"EVERY": true, "SOME": true, "SUCH": true, "ANOTHER": true,
}

// triggers finds the dictionary's verbs in tokens [first, last), the
// longest form first ("ASKED FOR" before "ASKED"), leaving out words in a
// name, capitalised words inside a sentence (names more often than verbs)
// and words after a determiner (nouns: "the attack").
func (c *coder) triggers(first, last int) []trigger {
	var out []trigger
	var buf [64]byte
	for i := first; i < last; i++ {
		t := c.toks[i]
		e := c.entry(i)
		if t.Kind != token.Word || c.entityAt[i] >= 0 || !e.mayBeVerb() || c.inParties(i) {
			continue
		}
		if t.Flags&token.Upper != 0 && i != first {
			continue
		}
		n, v, ok := 1, codebook.Verb{}, false
		if e.multiVerb {
			n, v, ok = c.multiWordVerb(i, last, buf[:0])
		}
		if !ok && e.verb >= 0 {
			n, v, ok = 1, c.lexicon.verbs[e.verb], true
		}
		if !ok || !c.verbPosition(i, first, v) || c.auxiliary(i, last) {
			continue
		}
		out = append(out, trigger{start: i, end: i + n, verb: v})
		i += n - 1
	}
	return out
}

// inParties reports whether token i is a word of one of the sentence's
// parties: "Israeli forces launched" has no verb "forces".
func (c *coder) inParties(i int) bool {
	for _, p := range c.parties {
		if p.start <= i && i < p.end {
			return true
		}
	}
	return false
}

// auxiliary reports whether the word at token i is an auxiliary of the
// verb after it, over adverbs and "not": "has criticized", "did not
// meet", "was attacked".
func (c *coder) auxiliary(i, last int) bool {
	if !c.is(i, classSkippable) {
		return false
	}
	for j := i + 1; j < last && j <= i+3; j++ {
		if c.entry(j).mayBeVerb() {
			return true
		}
		if !c.is(j, classSkippable) && !strings.HasSuffix(c.words[j], "LY") {
			return false
		}
	}
	return false
}

// multiWordVerb returns the longest verb form of several words at token
// i ("ASKED FOR"), building its key in buf.
func (c *coder) multiWordVerb(i, last int, buf []byte) (int, codebook.Verb, bool) {
	for n := min(c.cb.MaxVerbWords(), last-i); n >= 2; n-- {
		if !c.wordsOnly(i, i+n) {
			continue
		}
		key := buf[:0]
		for k := i; k < i+n; k++ {
			if k > i {
				key = append(key, ' ')
			}
			key = append(key, c.words[k]...)
		}
		if v, ok := c.cb.VerbBytes(key); ok {
			return n, v, true
		}
	}
	return 0, codebook.Verb{}, false
}

// notVerbs are forms of the dictionary's verbs that news writes as
// prepositions: "according to", "following the talks".
var notVerbs = map[string]bool{
	"ACCORDING": true, "REGARDING": true, "CONCERNING": true, "INCLUDING": true, "FOLLOWING": true,
	"CONSIDERING": true, "DESPITE": true, "PENDING": true, "BARRING": true,
}

// prepositions before a word make it a noun, unless it ends in -ing ("in
// talks", but "after meeting Putin").
var prepositions = map[string]bool{
	"OF": true, "IN": true, "ON": true, "FOR": true, "WITH": true, "FROM": true, "BY": true, "ABOUT": true,
	"AT": true, "OVER": true, "UNDER": true, "AFTER": true, "BEFORE": true, "DURING": true, "AGAINST": true,
	"BETWEEN": true, "AMONG": true, "INTO": true, "THROUGH": true, "WITHOUT": true, "AMID": true,
}

// subjects before a verb in its base or -s form: pronouns.
var pronouns = map[string]bool{
	"HE": true, "SHE": true, "IT": true, "THEY": true, "WE": true, "I": true, "YOU": true, "WHO": true,
	"THAT": true, "WHICH": true,
}

// verbPosition reports whether the word at token i stands where English
// puts a verb, for want of a part-of-speech tagger: not after a
// determiner or possessive ("the attack", "Russia's offer"); not after a
// preposition unless it ends in -ing ("in talks", but "after meeting
// Putin"); and in its base or -s form, only after a subject (a pronoun or
// a name), an auxiliary, "to", an adverb or "and" ("they meet", "will
// visit", "to attack"), where past forms and participles stand anywhere.
func (c *coder) verbPosition(i, first int, v codebook.Verb) bool {
	w := c.words[i]
	if c.is(i, classNotVerb) {
		return false
	}
	ing := strings.HasSuffix(w, "ING")
	// A past form or participle: "-ed", or irregular ("met", "spoke").
	past := !ing && w != firstWord(v.Lemma) && !strings.HasSuffix(w, "S")
	if i == first {
		return ing || past
	}
	prev := c.words[i-1]
	if c.is(i-1, classDeterminer) || c.toks[i-1].Flags&token.Possessive != 0 {
		return false
	}
	if c.is(i-1, classPreposition) {
		return ing
	}
	if ing || past {
		return true
	}
	switch {
	case c.is(i-1, classPronoun|classSkippable), strings.HasSuffix(prev, "LY"):
		return true
	case c.entityAt[i-1] >= 0:
		// "Kremlin says"; not a compound of names: "Russia-Ukraine
		// conflict"; a base form after one name is a noun ("the congress
		// plan", "the Moscow talks"), as one name would take "plans".
		if c.toks[i-1].Kind != token.Word || i >= 2 && c.words[i-2] == "-" {
			return false
		}
		return w != firstWord(v.Lemma) || c.pluralBefore(i, first)
	}
	return c.agentEndsAt(i, first)
}

// pluralBefore reports whether the party that ends before token i is of
// several actors ("Putin and Trump meet"), whose verb takes its base form.
func (c *coder) pluralBefore(i, first int) bool {
	for _, p := range c.parties {
		if p.end == i && p.start >= first {
			return len(p.members) > 1
		}
	}
	return false
}

// is reports whether the word at token i is of one of the classes cl.
func (c *coder) is(i int, cl wordClass) bool { return c.entry(i).class&cl != 0 }

// firstWord is the first word of a verb's lemma ("ASK" of "ASK FOR").
func firstWord(lemma string) string {
	if i := strings.IndexByte(lemma, ' '); i >= 0 {
		return lemma[:i]
	}
	return lemma
}

// agentEndsAt reports whether an agent's word ends right before token i
// ("troops attacked", "police say").
func (c *coder) agentEndsAt(i, first int) bool {
	for _, p := range c.parties {
		if p.end == i && p.start >= first {
			return true
		}
	}
	return false
}

// wordsOnly reports whether tokens [i, j) are words outside names.
func (c *coder) wordsOnly(i, j int) bool {
	for k := i; k < j; k++ {
		if c.toks[k].Kind != token.Word || c.entityAt[k] >= 0 {
			return false
		}
	}
	return true
}
