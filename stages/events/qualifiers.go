package events

import (
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// qualifiers returns where the words before a member's head that qualify
// it end, from token i: determiners, counts, demonyms, places and
// organisations ("the Russian", "U.S.", "Russia's", "NATO"); the country
// code they give, and the first place, demonym or organisation among
// them (-1 if none).
func (c *coder) qualifiers(i, last int) (end int, code string, qualifier int) {
	qualifier = -1
	var country dictCountry
	for i < last && (c.facts[i]&factMayQualify != 0 || c.compoundModifier(i, last) > i) {
		w := c.words[i]
		switch {
		case w == "THE" || w == "A" || w == "AN" || c.is(i, classQuantifier) || c.toks[i].Kind == token.Number:
			i++
			continue
		case i+1 < last && (w == "AT" && c.words[i+1] == "LEAST" || c.words[i+1] == "THAN" && (w == "MORE" || w == "FEWER" || w == "LESS")):
			i += 2 // "at least 75", "more than 500 civilians"
			continue
		case c.compoundModifier(i, last) > i:
			// "a Japanese-drafted U.N. resolution", "the Taliban-allied
			// Haqqani Network", "US-backed forces": a name joined to a
			// participle says who made or backs what follows, which is
			// the party, and not of the name's country. Before a noun
			// that is no party ("rebel-held areas") the compound's name
			// stays the party (see memberAt), as CAMEO codes it.
			if qualifier < 0 {
				qualifier = i
			}
			i = c.compoundModifier(i, last)
			continue
		case c.entityAt[i] >= 0 && c.ents[c.entityAt[i]].Type == event.TypeLocation && c.isQualifier(c.entityEnd(i), last),
			// "U.S. special envoy", "Russia's Gazprom": a place that
			// qualifies what follows.
			c.entityAt[i] >= 0 && c.ents[c.entityAt[i]].Type == event.TypeOrganization && c.titleOfPerson(c.entityEnd(i), last):
			// "NATO Secretary General Jens Stoltenberg": an
			// organisation that qualifies a person's title.
			if code == "" {
				code = c.entity(c.entityAt[i]).code
			}
			if qualifier < 0 {
				qualifier = i
			}
			i = c.entityEnd(i)
			if i < last && c.toks[i].Flags&token.Possessive != 0 {
				i++
			}
			continue
		case c.dictCountryQualifier(i, last, &country):
			// "Ithilen's awful and evil minister Calimehtar": a country
			// of the dictionaries that no entity found, then a role.
			if code == "" {
				code = country.code
			}
			if qualifier < 0 {
				qualifier = i
			}
			i = country.end
			continue
		case c.adjectiveOfName(i, last) && !c.verbWordAfter(i):
			i++ // "the evil awful Gondor"
			continue
		case qualifier >= 0 && c.adjectivesOfRole(i, last) > i:
			i = c.adjectivesOfRole(i, last) // "Ithilen's awful and evil minister"
			continue
		case i > 0 && c.is(i-1, classDeterminer) && c.adjectivesOfHead(i, last) > i:
			i = c.adjectivesOfHead(i, last) // "the new mayor", "the new prime minister"
			continue
		case c.entityAt[i] < 0 && c.has(i, tagDemonym) && c.isQualifier(i+1, last):
			if code == "" {
				code = c.rare(i).demonym
			}
			if qualifier < 0 {
				qualifier = i
			}
			i++
			continue
		}
		break
	}
	return i, code, qualifier
}

// verbWordAfter reports whether the word at token i may be the second of a
// verb of several words whose first stands before it: "tapped" in "wire
// tapped Arnor", no adjective of the name.
func (c *coder) verbWordAfter(i int) bool {
	return i > 0 && c.has(i, tagInnerVerb) && c.has(i-1, tagMultiVerb)
}

// namedAfter gives member m, a role or a group, the person its apposition names: "the
// Palestinian president, Mahmoud Abbas," is Abbas, and its words are all
// the member's; so does a title in capitals right before a person's name.
func (c *coder) namedAfter(m *member, last int) {
	i := m.end
	if i < last && c.toks[i-1].Flags&token.Upper != 0 && c.entityAt[i] >= 0 && c.mentionStart[i] == i &&
		c.ents[c.entityAt[i]].Type == event.TypePerson {
		// A title before the person who holds it, with no comma: "US
		// Secretary of State Rex Tillerson".
		e := c.entityAt[i]
		m.end, m.head, m.entity = c.entityEnd(i), i, e
		if m.code == "" {
			m.code = c.entity(e).code
		}
		return
	}
	if i+1 >= last || c.words[i] != "," || c.entityAt[i+1] < 0 || c.mentionStart[i+1] != i+1 {
		return
	}
	e := c.entityAt[i+1]
	end := c.entityEnd(i + 1)
	if c.ents[e].Type != event.TypePerson || end < last && c.words[end] != "," {
		return
	}
	m.end, m.head, m.entity = end, i+1, e
	if m.code == "" {
		m.code = c.entity(e).code
	}
}

// modifier reports whether the agent of the member that starts at token
// start and ends at j modifies the noun after it, and so is no party:
// "military ties", "two artillery shells", "the police station". A word
// that may be a verb is the agent's verb ("police fire tear gas") unless
// a count or an adjective before the agent makes the words one phrase.
func (c *coder) modifier(start, j, last int) bool {
	if j >= last || !c.noun(j) || c.toks[j].Flags&token.Possessive != 0 {
		return false // nothing, or the agent's clitic: "the government's decision"
	}
	if !c.mayBeVerb(j) {
		return true
	}
	if a := max(start-1, 0); (c.words[a] == "A" || c.words[a] == "AN" || c.words[start] == "A" || c.words[start] == "AN") && pluralNoun(c.words[j-1]) {
		return true // "a police station": no plural takes "a"
	}
	if start > 0 && c.toks[start-1].Flags&token.Upper == 0 && c.mayBeVerb(start-1) && c.entityAt[start-1] < 0 {
		return true // the object of a verb before it: "provided military aid"
	}
	if start > 0 && c.is(start-1, classPreposition) && givenByForces[c.words[j]] {
		return true // "$500 million in military aid for Ukraine"; not "withdrew from military positions"
	}
	for k := max(start-1, 0); k < j; k++ {
		if c.toks[k].Kind == token.Number || c.is(k, classQuantifier) {
			return true
		}
	}
	return start > 0 && c.noun(start-1) && !c.mayBeVerb(start-1)
}

// givenByForces are nouns of what forces give or do with others, which
// an agent before them qualifies: "military aid", "police training".
var givenByForces = map[string]bool{
	"AID": true, "ASSISTANCE": true, "SUPPORT": true, "HELP": true, "COOPERATION": true, "TRAINING": true,
	"TIES": true, "RELATIONS": true, "EXERCISES": true, "DRILLS": true,
}

// quantifiers before an agent count it: "three police officers".
var quantifiers = map[string]bool{
	"SEVERAL": true, "SOME": true, "MANY": true, "FEW": true, "DOZENS": true, "HUNDREDS": true, "THOUSANDS": true,
	"TWO": true, "THREE": true, "FOUR": true, "FIVE": true, "SIX": true, "SEVEN": true, "EIGHT": true, "NINE": true,
	"TEN": true, "ALL": true, "OTHER": true, "MORE": true, "ANOTHER": true,
}

// possessed returns where a party that ends at token end ends with what
// it owns: "Trump's decision", "the government's request". The party is
// still its owner; the words say what of it the event is about.
func (c *coder) possessed(end, last int) int {
	if end >= last || c.toks[end].Flags&token.Possessive == 0 {
		return end
	}
	j := end + 1
	for j < last && j < end+5 && c.ownedWord(j, end) {
		j++
	}
	if c.words[j-1] == "AND" || c.words[j-1] == "OR" {
		j--
	}
	if j == end+1 {
		return end
	}
	return j
}

// ownedWord reports whether token j may be a word of what the possessive
// at token end owns: a noun, or "and" or "or" between two ("Eriador's
// death and injury toll").
func (c *coder) ownedWord(j, end int) bool {
	if c.words[j] == "AND" || c.words[j] == "OR" {
		return j > end+1 && j+1 < len(c.toks) && c.ownedWord(j+1, end) && c.words[j+1] != "AND" && c.words[j+1] != "OR"
	}
	if !c.plainWord(j) || c.is(j, classPreposition|classDeterminer|classPronoun|classSkippable) {
		return false
	}
	// The owner's verb after what it owns: "Ithilen's militia vowed", not
	// "the government's request".
	return j == end+1 || !c.mayBeVerb(j)
}

// titleOfPerson reports whether role words start at i (after a
// possessive) and a person's name follows them.
func (c *coder) titleOfPerson(i, last int) bool {
	if i < last && c.toks[i].Flags&token.Possessive != 0 {
		i++
	}
	j := i
	for j < last && c.entityAt[j] < 0 && c.roleWord(j) {
		j++
	}
	return j > i && j < last && c.entityAt[j] >= 0 && c.ents[c.entityAt[j]].Type == event.TypePerson
}

// isQualifier reports whether what starts at i can be qualified by a place
// or nationality before it: a role word, an agent, or a named entity.
func (c *coder) isQualifier(i, last int) bool {
	if i >= last {
		return false
	}
	if i < last && c.toks[i].Flags&token.Possessive != 0 {
		i++
	}
	if i >= last {
		return false
	}
	if c.entityAt[i] >= 0 {
		return c.ents[c.entityAt[i]].Type != event.TypeLocation
	}
	if c.roleWord(i) {
		return true
	}
	return c.adjectivesOfRole(i, last) > i
}

// A dictCountry is a country of the actor dictionaries read as a
// qualifier: its code, and where its possessive ends.
type dictCountry struct {
	code string
	end  int
}

// dictCountryQualifier reports whether a country of the actor
// dictionaries (a code of three letters, no sector) starts at token i,
// outside any entity, and ends with its possessive, with a role or
// adjectives of a role after it; it reads the country into q.
func (c *coder) dictCountryQualifier(i, last int, q *dictCountry) bool {
	if c.dict == nil || c.entityAt[i] >= 0 || c.toks[i].Flags&token.Upper == 0 || !c.has(i, tagDictActor) {
		return false
	}
	// Most names are no qualifier, and have no possessive after them:
	// look them up only when one follows.
	possessive := false
	for k := i + 1; k < last && k <= i+3; k++ {
		possessive = possessive || c.toks[k].Flags&token.Possessive != 0
	}
	if !possessive {
		return false
	}
	n, code, ok := c.lookupActor(c.words[:last], i)
	end := i + n
	if !ok || len(code) != 3 || end >= last || c.toks[end].Flags&token.Possessive == 0 || !c.isQualifier(end, last) {
		return false
	}
	*q = dictCountry{code: code, end: end + 1}
	return true
}

// adjectivesOfRole returns where the adjectives before a role word that
// start at token i end, i if none: "Ithilen's awful and evil minister
// Calimehtar", "Russia's powerful defence minister".
func (c *coder) adjectivesOfRole(i, last int) int {
	if j := c.adjectives(i, last); j > i && j < last && c.roleWord(j) {
		return j
	}
	return i
}

// adjectivesOfHead returns where the adjectives that start at token i end
// before a word a member's head starts at that is no name, i if none:
// "the new mayor", "a former prime minister". Names have adjectives of
// their own (see adjectiveOfName).
func (c *coder) adjectivesOfHead(i, last int) int {
	if j := c.adjectives(i, last); j > i && j < last && c.entityAt[j] < 0 && c.facts[j]&factMayHead != 0 {
		return j
	}
	return i
}

// adjectives returns where the run of adjectives that starts at token i
// ends, joined by "and" ("awful and evil"), four words at most; i if
// there is none.
func (c *coder) adjectives(i, last int) int {
	j := i
	for j < last && j < i+4 && (c.plainAdjective(j) || j > i && c.words[j] == "AND") {
		j++
	}
	if j > i && c.words[j-1] == "AND" {
		j--
	}
	return j
}

// plainAdjective reports whether the word at token i may be an adjective:
// a word in lower case of no class that is no verb, agent, role or
// nationality (see factAdjective).
func (c *coder) plainAdjective(i int) bool { return c.facts[i]&factAdjective != 0 }

// compoundModifier returns where a compound of a word or a name, a hyphen
// and a past participle that starts at token i ends ("Iran-backed",
// "state-run"), when a word follows it; i when none starts there.
func (c *coder) compoundModifier(i, last int) int {
	end := i + 1
	if c.entityAt[i] >= 0 {
		end = max(c.entityEnd(i), end)
	}
	if end+2 >= last || !c.hyphen(end) {
		return i
	}
	p := end + 1
	if c.toks[p].Kind != token.Word || c.toks[p].Flags&token.Upper != 0 || c.toks[end+2].Kind != token.Word ||
		!pastForm(c.words[p]) && !compoundParticiples[c.words[p]] {
		return i
	}
	return end + 2
}

// compoundParticiples are the participles of compounds that pastForm
// does not know: short ones in -ed and irregular ones.
var compoundParticiples = map[string]bool{
	"ARMED": true, "BASED": true, "OWNED": true, "RUN": true, "BUILT": true, "BORN": true, "BRED": true,
	"GROWN": true, "WRITTEN": true, "DRIVEN": true, "HIT": true,
}
