package events

import (
	"math/bits"

	"github.com/newsflow/newsflow/stages/extract/token"
)

// tokenFacts are what the search for parties asks of a token at every
// word of a sentence, and again at the words after it: worked out once
// per article from the token, its lexicon entry and the entity over it,
// they are one load where the questions were a dozen.
type tokenFacts uint8

const (
	// factName marks a word of a name: of an entity's mention, or
	// capitalised and the first of an actor of the dictionaries.
	factName tokenFacts = 1 << iota
	// factAdjective marks a word that may be an adjective before a name
	// (see adjectiveOfName): in lower case, of no class, no adverb in
	// -ly, no verb, no role, agent or nationality.
	factAdjective
	// factMayStart marks a token that a party's member can start at (see
	// mayStartMember).
	factMayStart
	// factMayHead marks a token that the head of a member can start at
	// (see head): a name, or a word of the dictionaries, a role, an agent
	// or a title.
	factMayHead
	// factMayQualify marks a token that may qualify a member's head (see
	// qualifiers): a name, a number, a determiner, a count, a nationality,
	// an adjective or a capitalised word of the dictionaries' actors.
	factMayQualify
)

const (
	// notAdjective are the tags of a word that is no adjective before a
	// name: a verb, a role, an agent, a nationality.
	notAdjective = tagVerb | tagMultiVerb | tagSector | tagRole | tagRoleStart | tagDemonym
	// startsMember are the tags of a word a member can start at
	// whatever its case and the word before it: a nationality, a role, an
	// agent, a determiner, a count or a title. A word that starts an
	// actor or a discard of the dictionaries and is none of these starts
	// a member only in some places (see factsIn).
	startsMember = tagDemonym | tagRole | tagRoleStart | tagSector | tagDictAgent |
		wordTags(classDeterminer|classQuantifier|classTitle|classCounting)
	// qualifying are the tags of a word that may qualify a member's
	// head.
	qualifying = tagDemonym | wordTags(classDeterminer|classQuantifier|classCounting)
	// startsHead are the tags of a word a member's head can start at.
	startsHead = tagDictActor | tagDictAgent | tagRole | tagRoleStart | tagSector | wordTags(classTitle)
	// allClasses has the bit of every class.
	allClasses = wordClass(1<<16 - 1)
)

// wordFacts are what a word's tags say of its tokenFacts, worked out once
// per entry of the lexicon (see factsOf) rather than at every token.
type wordFacts uint8

const (
	wordDictActor    wordFacts = 1 << iota // tagDictActor
	wordNotAdjective                       // notAdjective, or a class
	wordStart                              // startsMember
	wordHead                               // startsHead
	wordQualify                            // qualifying
	wordVerb                               // tagVerb or tagMultiVerb
	wordDiscard                            // tagDictDiscard
)

// factsOf returns the wordFacts of a word of tags t.
func factsOf(t wordTags) wordFacts {
	var f wordFacts
	for _, b := range []struct {
		tags wordTags
		fact wordFacts
	}{
		{tagDictActor, wordDictActor}, {notAdjective | wordTags(allClasses), wordNotAdjective},
		{startsMember, wordStart}, {startsHead, wordHead}, {qualifying, wordQualify},
		{tagVerb | tagMultiVerb, wordVerb}, {tagDictDiscard, wordDiscard},
	} {
		if t&b.tags != 0 {
			f |= b.fact
		}
	}
	return f
}

// resetFacts makes room for the facts of n tokens.
func (c *coder) resetFacts(n int) {
	c.facts = resize(c.facts, n)[:n]
	c.starts, c.verbs, c.discards = c.starts.reset(n), c.verbs.reset(n), c.discards.reset(n)
}

// markFacts turns the facts of each token's word, which prepareWords
// leaves in c.facts, into the token's, but for what the words after it
// tell (see markStarts), and marks the verbs and the discards. It looks
// them up in factTable by the word's facts and the token's context: a
// load where working them out at each token took a hundred instructions.
func (c *coder) markFacts() {
	toks, facts, entityAt, tags, up := c.toks, c.facts, c.entityAt, c.tags, c.upper
	facts = facts[:len(toks)]
	entityAt = entityAt[:len(toks)]
	tags = tags[:len(toks)]
	var prev wordTags // the word before's
	for i, t := range toks {
		wf := wordFacts(facts[i])
		// The word ends in "LY", read in the text in capitals (see
		// prepareWords).
		end := int(t.End)
		ly := bit(t.End-t.Start >= 2) & bit(up[max(end-2, 0)] == 'L') & bit(up[end-1] == 'Y')
		x := tokenContext(bit(entityAt[i] >= 0)) | tokenContext(bit(t.Kind == token.Word))<<1 |
			tokenContext(bit(t.Kind == token.Number))<<2 | tokenContext(bit(t.Flags&token.Upper != 0))<<3 |
			tokenContext(ly)<<4 | tokenContext(bit(prev&wordTags(classVerbAfter) != 0))<<5 |
			tokenContext(bit(prev&wordTags(classDeterminer) != 0))<<6
		f := factTable[x<<wordBits|tokenContext(wf)]
		facts[i] = f & allFacts
		c.verbs.add(i, f/factVerb&1)
		c.discards.add(i, f/factDiscard&1)
		prev = tags[i]
	}
}

// tokenContext is what a token's facts depend on beside its word's facts,
// a bit each: whether it is in an entity's mention, a word, a number,
// capitalised, a word in "-ly", whether the word before it is one a verb
// follows (classVerbAfter), and whether it is a determiner.
type tokenContext uint16

// wordBits is the number of bits of wordFacts.
const wordBits = 7

// factVerb and factDiscard mark, in factTable only, a word outside names
// that may be or start a verb form (see coder.verbs) and a word that
// starts a discard of the dictionaries (coder.discards).
const (
	factVerb tokenFacts = 1 << (iota + 5)
	factDiscard
	allFacts = factVerb - 1
)

// factTable has the facts (see factsIn) of every word's facts and token's
// context, indexed by the context, shifted past wordBits, or'ed with the
// word's facts.
var factTable = func() (t [1 << (wordBits + 7)]tokenFacts) {
	for k := range t {
		t[k] = factsIn(wordFacts(k)&(1<<wordBits-1), tokenContext(k>>wordBits))
	}
	return t
}()

// factsIn returns the facts of a token of word facts wf in context x,
// with factVerb and factDiscard. It sums bits rather than branches, as it
// did at every token before factTable took its place.
func factsIn(wf wordFacts, x tokenContext) tokenFacts {
	ent := tokenFacts(x & 1)
	word := tokenFacts(x >> 1 & 1)
	number := tokenFacts(x >> 2 & 1)
	upper := tokenFacts(x >> 3 & 1)
	ly := tokenFacts(x >> 4 & 1)
	f := tokenFacts(wf)
	dictActor := f & 1
	name := word & (ent | upper&dictActor)
	// A word after "to" or a modal is its verb, no adjective: "urges UN
	// to renew Iran sanctions", "will attack Hezbollah".
	afterTo := tokenFacts(x >> 5 & 1)
	adjective := word &^ (ent | upper | ly | afterTo | f>>1&1)
	// A word that starts a phrase of the dictionaries' actors or
	// discards, and is no role, agent or other word of startsMember,
	// starts a member only as a capitalised actor or as an adjective
	// after a determiner ("the new mayor", see adjectivesOfHead), or
	// before a name (see markStarts): in lower case elsewhere ("new",
	// "people"), where most of them stand, memberAt finds no member.
	dict := dictActor | f>>6&1
	afterDeterminer := tokenFacts(x >> 6 & 1)
	start := ent | number | f>>2&1 | upper&dictActor | dict&adjective&afterDeterminer
	head := ent | f>>3&1
	// A capitalised word of the dictionaries' actors may be a country
	// that qualifies a role (see dictCountryQualifier).
	qualify := ent | adjective | number | f>>4&1 | upper&dictActor
	verb := word &^ ent & (f >> 5 & 1)
	discard := f >> 6 & 1
	return name*factName | adjective*factAdjective | start*factMayStart | head*factMayHead | qualify*factMayQualify |
		verb*factVerb | discard*factDiscard
}

// markStarts marks the tokens a member may start at, once every token's
// facts are known: an adjective before a name starts a member too ("the
// embattled Moldova"), which the facts of the words after it tell (see
// adjectiveOfName).
func (c *coder) markStarts() {
	facts := c.facts
	n := len(facts)
	for i := range facts {
		var next, after tokenFacts
		if i+1 < n {
			next = facts[i+1]
		}
		if i+2 < n {
			after = facts[i+2]
		}
		name := next | next>>1&after // factName, or factAdjective then factName
		facts[i] |= facts[i] >> 1 & name & factName * factMayStart
		c.starts.add(i, facts[i]/factMayStart&1)
	}
}

// tokenSet is a set of an article's tokens, a bit each: the coder finds
// the tokens of a sentence that are in a set a word of bits at a time,
// where a test of each token, most of which are not in it, would cost a
// branch that goes either way.
type tokenSet []uint64

// reset returns s emptied, for n tokens.
func (s tokenSet) reset(n int) tokenSet {
	s = resize(s, (n+63)/64)
	clear(s)
	return s
}

// add puts token i in s if in is 1; in is 0 or 1.
func (s tokenSet) add(i int, in tokenFacts) { s[i/64] |= uint64(in) << (uint(i) % 64) }

// next returns the first token of s in [i, last), last if none.
func (s tokenSet) next(i, last int) int {
	for i < last {
		if w := s[i/64] >> (uint(i) % 64); w != 0 {
			return min(i+bits.TrailingZeros64(w), last)
		}
		i = (i/64 + 1) * 64
	}
	return last
}

// bit returns 1 for true, 0 for false.
func bit(b bool) tokenFacts {
	if b {
		return 1
	}
	return 0
}

// adjectiveOfName reports whether the word at token i is an adjective
// before a name: a word in lower case of no class, that is no verb and no
// agent, before a name (an entity or a capitalised word that starts an
// actor of the dictionaries), maybe over another such word; the name
// before token last.
func (c *coder) adjectiveOfName(i, last int) bool {
	f := c.facts
	if i+1 >= last || f[i]&factAdjective == 0 {
		return false
	}
	if f[i+1]&factName != 0 {
		return true
	}
	return i+2 < last && f[i+1]&factAdjective != 0 && f[i+2]&factName != 0
}

// mayStartMember reports whether a party's member can start at token i:
// a name, a number, or a word that qualifies or names an actor. Most
// words cannot, and memberAt is asked at every word.
func (c *coder) mayStartMember(i int) bool { return c.facts[i]&factMayStart != 0 }

// has reports whether the word at token i has one of tags t.
func (c *coder) has(i int, t wordTags) bool { return c.tags[i]&t != 0 }

// is reports whether the word at token i is of one of the classes cl.
func (c *coder) is(i int, cl wordClass) bool { return c.tags[i]&wordTags(cl) != 0 }

// class returns the classes of the word at token i.
func (c *coder) class(i int) wordClass { return wordClass(c.tags[i]) }

// mayBeVerb reports whether a verb form is or starts with the word at
// token i.
func (c *coder) mayBeVerb(i int) bool { return c.has(i, tagVerb|tagMultiVerb) }
