package events

import (
	"strings"
	"time"
	"unsafe"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// coder codes one article; the Stage keeps a pool of them, so that their
// buffers are reused.
type coder struct {
	cb         *codebook.Codebook
	dict       *actors.Dictionary // nil for none
	unmapped   bool               // see Knowledge.Unmapped
	reciprocal bool               // see Knowledge.Reciprocal
	actorsOnly bool               // see Knowledge.ActorsOnly
	pats       []blockPatterns    // per verb block
	cand       []int32            // the candidate patterns of a clause
	// lexicon is what is known of words; lex holds its entry for each
	// token, ids their ids in the patterns' vocabulary (-1 if none).
	lexicon *lexicon
	lex     []int32    // per token: index into lexicon.entries
	tags    []wordTags // per token: its entry's
	ids     []int32
	sing    []int32 // per token: the id of a plural's singular as well, -1 if none
	probes  []lexProbe
	// present marks the words of the clause being matched (see
	// clauseView), and has a spare slot at the end for the words of no
	// id.
	present []uint32
	stamp   uint32
	view    clauseView

	tok          token.Tokenizer
	text         string
	toks         []token.Token
	upper        []byte       // the text in capitals
	words        []string     // per token: the word in capitals (in upper: valid until the next article), the punctuation mark, or ""
	entityAt     []int        // per token: the entity whose mention covers it, -1 if none
	mentionStart []int        // per token: the first token of that mention
	dateStart    []int        // per token: the first token of the date that covers it, -1 if none
	facts        []tokenFacts // per token: what the search for parties asks of it (see markFacts)
	// starts, verbs and discards are the tokens a party's member may
	// start at (factMayStart), the words outside names that may be or
	// start a verb form, and the words that start a discard of the
	// dictionaries.
	starts, verbs, discards tokenSet
	ents                    []event.Entity
	entCodes                []entityCodes // per entity, filled on first use
	dates                   []event.DateRef
	published               time.Time
	discarding              []int // where the discard phrases of the sentence being coded start
	parties                 []party
	members                 []member  // the parties' members
	list                    []member  // the members of a list being read (see sentenceParties)
	trigs                   []trigger // the verbs of the sentence being coded
	reach                   int       // where the patterns of the trigger being coded may reach (see code)
	consumed                bool      // whether its pattern took the next trigger
	sentence                span      // the tokens of the sentence being coded
	placeFrom               int       // where the place of the trigger being coded may stand from (see codeTrigger)
	shared                  span      // where the object the trigger being coded shares with the next stands (see sharedObject)
	act                     roles     // the last trigger of the sentence that coded an act with an actor, no saying
	pubDay                  string    // the publication day, formatted on first use
	field                   string    // the field being coded: "" for the text, event.FieldTitle
	context                 articleContext
	acting, mobilized       []event.Party // scratch of dropMobilizing
	mutuals                 []int         // where the triggers of the sentence start that the dictionary codes the same both ways (see mutual)
	out                     []event.Coding
}

// trigger is a verb of the dictionary found in a sentence.
type trigger struct {
	start, end int // tokens
	verb       codebook.Verb
}

// code returns the events of text, the article's text or, with field
// event.FieldTitle, its headline. The entities, dates and quotes are the
// extract stage's; the mentions read are those of field, with offsets into
// text.
func (c *coder) code(text string, ents []event.Entity, dates []event.DateRef, quotes []event.Quote, published time.Time, field string) []event.Coding {
	c.text, c.ents, c.dates, c.published, c.pubDay, c.field = text, ents, dates, published, "", field
	c.context.done, c.context.code = false, ""
	c.out = c.out[:0]
	var sents []token.Sentence
	c.toks, sents = c.tok.Tokenize(spacedUnderscores(text))
	c.markEntities()
	c.markSpeakers(quotes)
	for _, s := range sents {
		c.headlineCase(int(s.First), int(s.Last))
	}
	c.prepareWords()
	dateline := 0
	if field == "" {
		dateline = c.datelineEnd()
	}
	for si, s := range sents {
		first, last := int(s.First), int(s.Last)
		if first < dateline && dateline < last {
			first = dateline // "KYIV (Reuters) - Russia launched": not Kyiv
		}
		switch c.discarded(first, last) {
		case discardStory:
			c.out = c.out[:0]
			return c.out
		}
		if !c.mayTrigger(first, last) {
			continue // no verb: no party need be found
		}
		c.trigs = c.trigs[:0] // the sentence's verbs are not known yet
		c.mutuals = c.mutuals[:0]
		c.sentence = span{first, last}
		parties := c.sentenceParties(first, last)
		if len(parties) == 0 {
			continue // nobody acts
		}
		trigs := c.triggers(first, last)
		sentenceStart := len(c.out)
		prev := roles{source: -1, target: -1, start: first, end: first}
		c.act = prev
		for k := 0; k < len(trigs); k++ {
			t := trigs[k]
			// The clause ends at the next verb, over the participles that
			// say what a noun is (see reducedRelative).
			hi := last
			nk := k + 1
			for nk < len(trigs) && c.reducedRelative(trigs[nk]) {
				nk++
			}
			if nk < len(trigs) {
				hi = trigs[nk].start
			}
			if k+1 < len(trigs) {
				if n := trigs[k+1]; n.start == t.end && strings.HasSuffix(c.words[n.start], "ING") {
					// "halted funding", "stopped sending": the gerund
					// is the verb's object as well as a verb of its own.
					hi = n.end
				}
			}
			c.shared = c.sharedObject(trigs, k, last)
			c.reach, c.consumed = hi, false
			if k+1 < len(trigs) && c.infinitiveAfter(t.end, trigs[k+1].start) && !c.partyAfter(parties, trigs, k+1, last) {
				// "declined to comment" is DECLINE * COMMENT, 011: the
				// patterns may take the verb of an infinitive that has
				// nobody to act on, which then codes nothing of its own.
				c.reach = trigs[k+1].end
			}
			prev = c.codeTrigger(si, first, hi, t, parties, prev)
			if prev.source >= 0 && prev.code != "" && !strings.HasPrefix(prev.code, "01") {
				c.act = prev
			}
			if c.consumed {
				k++
			}
		}
		c.reportedDemand(sentenceStart, first, last, parties)
		c.dropReporting(sentenceStart)
		c.dropMobilizing(sentenceStart)
		c.claimedActs(sentenceStart, first, last, parties)
		c.mutual(sentenceStart)
	}
	return c.out
}

// spacedUnderscores returns text with its underscores read as spaces, at
// the same offsets: the dictionaries join the words of a phrase with them,
// and so may a text ("the Prince of Dol_Amroth"); no word of news holds
// one.
func spacedUnderscores(text string) string {
	if strings.IndexByte(text, '_') < 0 {
		return text
	}
	return strings.ReplaceAll(text, "_", " ")
}

// reducedRelative reports whether trigger t is a participle that says
// what the noun before it is, and codes nothing: the object of the verb
// before goes on over it ("tapped all communication links leading into
// Mordor").
func (c *coder) reducedRelative(t trigger) bool {
	j := t.start - 1
	return t.verb.Code == "---" && strings.HasSuffix(c.words[t.start], "ING") && j >= 0 &&
		c.plainWord(j) && c.class(j) == 0 && !c.mayBeVerb(j) && !c.inParties(j)
}

// infinitiveAfter reports whether only "to" stands in tokens [i, j).
func (c *coder) infinitiveAfter(i, j int) bool {
	return j == i+1 && c.words[i] == "TO"
}

// partyAfter reports whether a party stands in the clause of trigger k:
// after it, before the next and before a clause of its own.
func (c *coder) partyAfter(parties []party, trigs []trigger, k, last int) bool {
	hi := last
	if k+1 < len(trigs) {
		hi = trigs[k+1].start
	}
	// Up to a clause of its own: "declined to comment on a report that
	// U.S. agencies were reviewing" has nobody to comment on.
	for i := trigs[k].end; i < hi; i++ {
		if w := c.words[i]; w == "," || w == "THAT" || w == "WHICH" || w == "WHO" || c.is(i, classSubordinator) {
			hi = i
			break
		}
	}
	return c.partyIn(parties, trigs[k].end, hi)
}

// sharedObject returns the tokens where the object of trigger k is sought
// when it has none of its own: after the next trigger, when "and" or "or"
// joins them ("rejects and condemns the decision"); an empty span if
// they are not joined.
func (c *coder) sharedObject(trigs []trigger, k, last int) span {
	if k+1 >= len(trigs) {
		return span{}
	}
	t, n := trigs[k], trigs[k+1]
	if n.start-t.end != 1 || c.words[t.end] != "AND" && c.words[t.end] != "OR" {
		return span{}
	}
	hi := last
	if k+2 < len(trigs) {
		hi = trigs[k+2].start
	}
	return span{n.end, hi}
}

// prepareWords fills words with each token's word in capitals (ASCII
// letters only: the dictionary is ASCII), sharing one string, looks the
// words up in the lexicon and marks their facts (see markFacts), once the
// tokens' entities are known.
func (c *coder) prepareWords() {
	b := upperASCII(append(c.upper[:0], c.text...))
	c.upper = b
	// The words are read in upper, which the next article overwrites,
	// rather than in a string of their own: a copy of the text per
	// article, for words that no event keeps.
	up := unsafe.String(unsafe.SliceData(b), len(b))
	lx := c.lexicon
	toks := c.toks
	n := len(toks)
	// All the probes first, then all the lookups they start (see
	// lexicon.probe). The slices are cut to the tokens' length where
	// they are indexed by token, which spares the loops their bounds
	// checks.
	probes, words := resize(c.probes, n)[:n], resize(c.words, n)[:n]
	for i, t := range toks {
		w := ""
		if t.Kind == token.Word || t.Kind == token.Punct || t.Kind == token.Number {
			w = up[t.Start:t.End]
		}
		words[i] = w
		if w == "WHO" && c.entityAt[i] >= 0 {
			// The World Health Organization, which no check of a
			// relative pronoun, nor the lexicon's entry for it, reads.
			words[i], probes[i] = "W.H.O.", lexProbe{}
			continue
		}
		// Patterns split words at hyphens ("CEASE - FIRE"): a hyphen is
		// looked up as a word.
		if t.Kind == token.Word || t.Kind == token.Punct && w == "-" {
			probes[i] = lx.probe(b[t.Start:t.End])
		} else {
			probes[i] = lexProbe{}
		}
	}
	c.probes = probes
	c.words = words
	lex, tags := resize(c.lex, n)[:n], resize(c.tags, n)[:n]
	ids, sing := resize(c.ids, n)[:n], resize(c.sing, n)[:n]
	c.resetFacts(n)
	facts := c.facts
	for i, t := range toks {
		k := int32(0)
		if probes[i].slot.at != 0 {
			k = lx.finish(b[t.Start:t.End], probes[i])
		}
		e := &lx.entries[k]
		id, s := e.id, e.sing
		if id < 0 {
			id, s = s, -1
		}
		if id >= 0 && e.tags&wordTags(classPreposition) != 0 && c.beforeDate(i) {
			// "called Trump on Tuesday": a preposition of time is none
			// of a pattern's ("CALL (ON)", an appeal).
			id, s = -1, -1
		}
		lex[i], tags[i], ids[i], sing[i] = k, e.tags, id, s
		facts[i] = tokenFacts(e.facts) // the word's, which markFacts turns into the token's
	}
	c.lex, c.tags, c.ids, c.sing = lex, tags, ids, sing
	c.markFacts()
	c.markStarts()
}

// beforeDate reports whether a date starts at token i or right after it.
func (c *coder) beforeDate(i int) bool {
	return c.dateStart[i] == i || i+1 < len(c.dateStart) && c.dateStart[i+1] == i+1
}

// entry returns what the lexicon knows of the word at token i. Most
// questions are asked of its tags (see has), which cost no load of it.
func (c *coder) entry(i int) *lexEntry { return &c.lexicon.entries[c.lex[i]] }

// rare returns what the lexicon knows of the word at token i and asks of
// few words: its sector as a role, its country as a nationality.
func (c *coder) rare(i int) *lexRare { return &c.lexicon.rare[c.entry(i).rare] }

// lookupActor is c.dict.Actor(words, i, c.published), words being c.words
// or the start of it, from what the lexicon read of words[i] beforehand.
func (c *coder) lookupActor(words []string, i int) (n int, code string, ok bool) {
	return c.dict.ActorFrom(c.lexicon.starts[c.entry(i).dictAt], words, i, c.published)
}

// lookupAgent is c.dict.Agent(words, i) as lookupActor is Actor.
func (c *coder) lookupAgent(words []string, i int) (n int, code string, ok bool) {
	return c.dict.AgentFrom(c.lexicon.starts[c.entry(i).dictAt], words, i)
}

// lookupDiscard is c.dict.Discard(words, i) as lookupActor is Actor.
func (c *coder) lookupDiscard(words []string, i int) (n int, story, ok bool) {
	return c.dict.DiscardFrom(c.lexicon.starts[c.entry(i).dictAt], words, i)
}

// markEntities maps each token to the entity mention and the date that
// cover it, which the tokens' facts need (see prepareWords).
func (c *coder) markEntities() {
	n := len(c.toks)
	c.entCodes = append(c.entCodes[:0], make([]entityCodes, len(c.ents))...)
	// One loop over slices cut to n, which spares it its bounds checks.
	entityAt, mentionStart, dateStart := resize(c.entityAt, n)[:n], resize(c.mentionStart, n)[:n], resize(c.dateStart, n)[:n]
	for i := range entityAt {
		entityAt[i], mentionStart[i], dateStart[i] = -1, -1, -1
	}
	c.entityAt, c.mentionStart, c.dateStart = entityAt, mentionStart, dateStart
	for _, d := range c.dates {
		i := c.tokenAt(d.Start)
		for first := i; i < n && int(c.toks[i].End) <= d.End; i++ {
			c.dateStart[i] = first
		}
	}
	for e := range c.ents {
		for _, m := range c.ents[e].Mentions {
			if m.Field != c.field {
				continue // the other field's
			}
			i := c.tokenAt(m.Start)
			first := i
			for ; i < n && int(c.toks[i].End) <= m.End; i++ {
				c.entityAt[i], c.mentionStart[i] = e, first
			}
		}
	}
}

// publishedDay returns the day of publication as an ISO 8601 date.
func (c *coder) publishedDay() string {
	if c.pubDay == "" {
		c.pubDay = c.published.UTC().Format(time.DateOnly)
	}
	return c.pubDay
}

// tokenAt returns the first token that starts at byte offset off of the
// text or after it, len(c.toks) if none. It halves the range without a
// branch on the comparison, which is unpredictable and would cost more
// than the loads.
func (c *coder) tokenAt(off int) int {
	toks := c.toks
	if len(toks) == 0 {
		return 0
	}
	lo, n := 0, len(toks)
	for n > 1 {
		half := n / 2
		// lo += half if the token at lo+half starts before off: the
		// difference's sign, shifted across, is all ones then.
		lo += half & ((int(toks[lo+half].Start) - off) >> 63)
		n -= half
	}
	if int(toks[lo].Start) < off {
		lo++
	}
	return lo
}

// resize returns s with length n, reallocated if it is too short; its
// elements are left as they were.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
