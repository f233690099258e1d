package events

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// nameWord reports whether the word at token i is written as a name
// (capitalised inside a sentence that is not all capitals), and so is not
// the auxiliary or modal it spells: "Theresa May has met".
func (c *coder) nameWord(i int) bool {
	f := c.toks[i].Flags
	return f&token.Upper != 0 && f&(token.AllUpper|token.SentenceStart) == 0
}

// adverb reports whether the word at token i is an adverb in "-ly", not
// a name that ends so ("Italy", "Kelly") nor one of the nouns and
// adjectives that do ("near-daily attacks", "a key ally").
func (c *coder) adverb(i int) bool {
	w := c.words[i]
	return strings.HasSuffix(w, "LY") && !lyWords[w] && c.entityAt[i] < 0 && !c.nameWord(i)
}

// lyWords are the nouns and adjectives in "-ly" news writes before a
// noun or as one.
var lyWords = map[string]bool{
	"ALLY": true, "RALLY": true, "SUPPLY": true, "REPLY": true, "ASSEMBLY": true, "FAMILY": true, "JULY": true,
	"DAILY": true, "WEEKLY": true, "MONTHLY": true, "QUARTERLY": true, "YEARLY": true, "NIGHTLY": true,
	"DEADLY": true, "FRIENDLY": true, "ELDERLY": true, "EARLY": true, "LIKELY": true, "UNLIKELY": true,
	"COSTLY": true, "HOLY": true, "BULLY": true, "ANOMALY": true, "MONOPOLY": true, "UNRULY": true,
}

// skippable words stand between a subject and its verb: auxiliaries,
// modals, negation, adverbs of time ("has also been", "did not").
var skippable = map[string]bool{
	"HAS": true, "HAVE": true, "HAD": true, "IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true,
	"BEEN": true, "BEING": true, "WILL": true, "WOULD": true, "CAN": true, "COULD": true, "MAY": true,
	"MIGHT": true, "SHALL": true, "SHOULD": true, "MUST": true, "DID": true, "DOES": true, "DO": true,
	"NOT": true, "N'T": true, "NEVER": true, "ALSO": true, "STILL": true, "ALREADY": true, "NOW": true,
	"THEN": true, "JUST": true, "ONCE": true, "LATER": true, "REPORTEDLY": true, "ALLEGEDLY": true,
	"RECENTLY": true, "REPEATEDLY": true, "FINALLY": true, "TO": true, "AND": true, "EVER": true, "EVEN": true,
	"AGAIN": true, "DIDN'T": true, "DOESN'T": true, "DON'T": true, "WON'T": true, "CAN'T": true, "CANNOT": true,
	"COULDN'T": true, "WOULDN'T": true, "SHOULDN'T": true, "MUSTN'T": true, "ISN'T": true, "AREN'T": true,
	"WASN'T": true, "WEREN'T": true, "HASN'T": true, "HAVEN'T": true, "HADN'T": true,
	"LONG": true, "ALWAYS": true, "OFTEN": true, "SOON": true, "YET": true, "MEANWHILE": true, "SOMETIMES": true,
}

// sharesSubject reports whether the verb at v shares the subject of the
// verb before it, which ends at token from: the verbs are joined by "and",
// "but", "or" or a comma ("spoke by phone but have not met"), or nothing
// stands right before the verb that could be a subject of its own: a noun
// ("after crowds burned"), a relative pronoun ("the bombings, which
// claimed"). A speaker quoting itself shares its subject ("said: 'We
// urge …'"), and so do the subject's own people ("said her party has
// supported").
func (c *coder) sharesSubject(from, v int) bool {
	j := c.skipToSubject(from, v)
	for k := max(j-1, from); k < v; k++ {
		switch c.words[k] {
		case "AND", "BUT", "OR", ",":
			return true
		}
	}
	if j <= from {
		return true
	}
	k := j - 1
	switch c.words[k] {
	case "WE", "I":
		return true
	case "WHICH", "THAT", "WHO":
		return false
	}
	if k > from && c.noun(k) {
		switch c.words[k-1] {
		case "HIS", "HER", "ITS", "THEIR", "OUR":
			return true
		}
	}
	return c.toks[k].Kind != token.Word || c.toks[k].Flags&token.Upper == 0 && !c.noun(k)
}

// joinedVerb reports whether the verb at v is joined to the verb before
// it, which ends at token from, by "and", "but" or "or" right before it,
// over auxiliaries and adverbs ("and promised", "but has not met"):
// nothing stands between the two that could be a subject of its own, so
// the verbs share the first's, whatever parties stand in between
// ("condemned an attack by militants and promised aid").
func (c *coder) joinedVerb(from, v int) bool {
	j := v
	for j > from {
		if w := c.words[j-1]; w == "AND" || w == "BUT" || w == "OR" {
			// After a comma the verb may be joined to one before a
			// clause of its own ("agreed to reopen the crossing, which
			// Ethiopia closed, and promised"): not known to be this one.
			return j-1 > from && c.words[j-2] != ","
		}
		if !c.is(j-1, classSkippable) && !c.adverb(j-1) || c.nameWord(j-1) {
			return false
		}
		j--
	}
	return false
}

// skipToSubject returns where the subject of the verb at v ends: before
// it, over auxiliaries and adverbs ("has also been"), a date and its
// preposition ("on Tuesday", "late on Monday"), an acronym in brackets
// ("Nigerian Air Force (NAF) says") and the word that makes a verb an
// infinitive ("is about to restore").
func (c *coder) skipToSubject(lo, v int) int {
	j := v
	for j > lo {
		w := c.words[j-1]
		switch {
		case c.is(j-1, classSkippable) && !c.nameWord(j-1) || c.adverb(j-1), // "Theresa May has met": no modal
			(w == "MOST" || w == "VERY") && j < v && c.adverb(j): // "most certainly"
			j--
		case c.dateStart[j-1] >= lo:
			j = c.dateStart[j-1]
			for j > lo && (c.is(j-1, classPreposition) || c.words[j-1] == "LATE" || c.words[j-1] == "EARLY") {
				j--
			}
		case w == ")" && j-3 >= lo && c.words[j-3] == "(":
			j -= 3
		case j < v && c.words[j] == "TO" && j-2 >= lo && c.is(j-2, classSkippable) && c.plainWord(j-1):
			j-- // "is about to", "was forced to", "are expected to"
		case j < v && c.words[j] == "TO" && j-3 >= lo && c.is(j-3, classSkippable) && strings.HasSuffix(c.words[j-2], "ING") &&
			c.plainWord(j-2) && c.plainWord(j-1):
			j -= 2 // "is inching nearer to", "are moving closer to"
		default:
			return j
		}
	}
	return j
}

// subject returns the party that does what the verb at v says: the one
// that ends right before it, over auxiliaries and adverbs, over an
// apposition between commas ("Witkoff, the special envoy of Donald Trump,
// met") and over "who" ("Putin, who met"); -1 if none.
func (c *coder) subject(lo, v int, parties []party) int {
	j := c.skipToSubject(lo, v)
	if j > lo && (c.words[j-1] == "WHO" || c.words[j-1] == "WHICH") {
		j--
		if j > lo && c.words[j-1] == "," {
			j--
		}
	}
	if j > lo && c.words[j-1] == "," {
		// An apposition: the party before the opening comma, over
		// appositions in a row ("Daniel Montalvo, 19, a member of
		// Scientology, was arrested").
		commas := 0
		for k := j - 2; k > lo && commas < 3; k-- {
			if c.words[k] == "," {
				if p := c.partyEnding(parties, k); p >= 0 {
					return p
				}
				commas++
			}
		}
		j--
	}
	k := c.partyEnding(parties, j)
	if k < 0 {
		// A name that qualifies the nouns before the verb: "Taliban
		// attackers stormed".
		for h, p := range parties {
			if p.end < j && p.end > lo && c.nounsAfter(p.end, j) == j && !c.source(p.start) {
				k = h
			}
		}
	}
	if k >= 0 || j <= lo {
		// The head of a phrase, not the party of its prepositional
		// phrase: "teachers at the university are on strike".
		// Not over a word that opens a clause: "fled Gaza after Israel
		// ordered" is Israel's order.
		for k >= 0 && parties[k].start-1 > lo && c.is(parties[k].start-1, classPreposition) && !c.is(parties[k].start-1, classOpener) {
			h := c.partyEnding(parties, parties[k].start-1)
			if h < 0 {
				break
			}
			k = h
		}
		return k
	}
	switch w := c.words[j-1]; w {
	case "HE", "SHE", "IT", "THEY":
		if w == "IT" && c.expletive(j, v) {
			return -1 // "it is clear", "it became known"
		}
		// "Ethiopia indicated it would act": the pronoun is the
		// sentence's subject before it.
		return c.antecedent(j-1, w == "HE" || w == "SHE", parties)
	}
	return -1
}

// expletive reports whether "it" before tokens [i, v) is no party: a form
// of "be" or "become" follows it, and the verb at v is no participle ("it
// is clear", but "it was attacked").
func (c *coder) expletive(i, v int) bool {
	for k := i; k < v; k++ {
		switch c.words[k] {
		case "IS", "WAS", "BE", "BEEN", "BECAME", "BECOMES", "SEEMS", "SEEMED", "APPEARS", "APPEARED":
			w := c.words[v]
			return !strings.HasSuffix(w, "ED") && !strings.HasSuffix(w, "EN")
		}
	}
	return false
}

// antecedent returns the party a subject pronoun at token i stands for:
// the first party of the sentence before it that is the subject of its
// clause, not after a preposition, and a person if the pronoun is "he"
// or "she", none if not; -1 if none.
func (c *coder) antecedent(i int, person bool, parties []party) int {
	for k, p := range parties {
		if p.end > i {
			break
		}
		if p.start > 0 && (c.is(p.start-1, classPreposition) || c.words[p.start-1] == "TO") || c.source(p.start) {
			continue
		}
		// A group ("the government", "the foreign minister") may be
		// either.
		m := p.members[0]
		if person && m.entity < 0 && m.sector == "" {
			continue // a country of the dictionaries is no "he"
		}
		if m.entity < 0 || person == (c.ents[m.entity].Type == event.TypePerson) {
			return k
		}
	}
	return -1
}

// partyEnding returns the party that ends at token j, -1 if none.
func (c *coder) partyEnding(parties []party, j int) int {
	for k, p := range parties {
		if p.end == j && !c.source(p.start) {
			return k
		}
	}
	return -1
}

// source reports whether the party at token i is a source of the text,
// not a doer: "according to Al Jazeera".
func (c *coder) source(i int) bool {
	return i >= 2 && c.words[i-1] == "TO" && c.words[i-2] == "ACCORDING"
}

// formOfBe returns the first form of "be" in tokens [lo, hi), -1 if none:
// the verb of a clause that codes nothing.
func (c *coder) formOfBe(lo, hi int) int {
	for k := lo; k < hi; k++ {
		if passiveBefore(c.words[k]) {
			return k
		}
	}
	return -1
}

// plainWord reports whether token i is a word in lower case outside any
// name.
func (c *coder) plainWord(i int) bool {
	return c.toks[i].Kind == token.Word && c.toks[i].Flags&token.Upper == 0 && c.entityAt[i] < 0
}

// frontedParticiple returns, for a participle that opens its sentence
// (trigger t, in a clause that ends at hi), the party that starts the
// main clause after the participle's comma, and where that comma stands;
// -1, -1 if t is no such participle or no party follows the comma.
func (c *coder) frontedParticiple(t trigger, hi int, parties []party) (subject, comma int) {
	if t.start != c.sentence.start || !strings.HasSuffix(c.words[t.start], "ING") {
		return -1, -1
	}
	for k := t.end; k < hi; k++ {
		if c.words[k] != "," {
			continue
		}
		for p := range parties {
			if parties[p].start == k+1 {
				return p, k
			}
		}
		return -1, -1
	}
	return -1, -1
}

// relativeBefore returns the party a relative clause right before the
// verb t refers to, the clause of verb prev: between commas ("Hamas,
// which controls Gaza, rejected"), or with none around a clause that
// "who" or "which" opens ("two Russian citizens who had been held in
// Libya were released"); -1 if there is none.
func (c *coder) relativeBefore(lo int, prev roles, t trigger, parties []party) int {
	w := prev.start - 1
	for w > lo && (c.is(w, classSkippable) && c.words[w] != "AND" || c.adverb(w)) {
		w-- // "which has long fought"
	}
	if prev.end <= lo || w-1 <= lo {
		return -1
	}
	switch c.words[w] {
	case "WHICH", "WHO":
	default:
		return -1
	}
	if c.words[t.start-1] == "," && c.words[w-1] == "," {
		for k := prev.end; k < t.start-1; k++ {
			if c.words[k] == "," {
				return -1 // the clause ends before the verb's comma
			}
		}
		return c.partyEnding(parties, w-1)
	}
	// With no commas, the relative clause has words of its own after
	// its verb and runs up to the verb, joined to nothing, which is the
	// sentence's: no gerund ("held on spying charges").
	if c.words[w-1] == "," || t.start <= prev.end+1 || strings.HasSuffix(c.words[t.start], "ING") {
		return -1
	}
	for k := prev.end; k < t.start; k++ {
		switch c.words[k] {
		case ",", ";", "AND", "OR", "BUT", "WHO", "WHICH", "THAT":
			return -1
		}
	}
	return c.partyEnding(parties, w)
}
