package events

import (
	"strings"

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
)

const (
	// notAdjective are the tags of a word that is no adjective before a
	// name: a verb, a role, an agent, a nationality.
	notAdjective = tagVerb | tagMultiVerb | tagSector | tagRole | tagRoleStart | tagDemonym
	// startsMember are the tags of a word a member can start at: a
	// nationality, a role, an agent, a word of the dictionaries, a
	// determiner, a count or a title.
	startsMember = tagDemonym | tagRole | tagRoleStart | tagSector | tagDict |
		wordTags(classDeterminer|classQuantifier|classTitle|classCounting)
	allClasses = wordClass(1<<16 - 1)
)

// markFacts fills facts, once the tokens' entries and entities are known.
func (c *coder) markFacts() {
	facts := resize(c.facts, len(c.toks))
	c.facts = facts
	for i, t := range c.toks {
		f := tokenFacts(0)
		tags := c.tags[i]
		if t.Kind == token.Word {
			switch {
			case c.entityAt[i] >= 0 || t.Flags&token.Upper != 0 && tags&tagDictActor != 0:
				f = factName
			case t.Flags&token.Upper == 0 && tags&(notAdjective|wordTags(allClasses)) == 0 && !strings.HasSuffix(c.words[i], "LY"):
				f = factAdjective
			}
		}
		if c.entityAt[i] >= 0 || t.Kind == token.Number || tags&startsMember != 0 {
			f |= factMayStart
		}
		facts[i] = f
	}
	// An adjective before a name starts a member too ("the embattled
	// Moldova"), which the facts of the words after it tell.
	for i := range facts {
		if c.adjectiveOfName(i, len(facts)) {
			facts[i] |= factMayStart
		}
	}
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
