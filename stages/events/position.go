package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Verb position: whether a word the codebook has as a verb stands where
// English puts a verb, from the words and parties around it: after a
// subject, not after a determiner; in agreement with a subject in the
// plural; not as the noun a name or an agent qualifies.

// verbPosition reports whether the word at token i stands where English
// puts a verb, for want of a part-of-speech tagger: not after a
// determiner or possessive ("the attack", "Russia's offer"); not after a
// preposition unless it ends in -ing ("in talks", but "after meeting
// Putin"); and in its base or -s form, only after a subject (a pronoun or
// a name), an auxiliary, "to", an adverb or "and" ("they meet", "will
// visit", "to attack"), where past forms and participles stand anywhere.
// base says that the word is the first of its verb's lemma ("MEET" of
// MEET; not "MET").
func (c *coder) verbPosition(i, first int, base bool) bool {
	w := c.words[i]
	if c.is(i, classNotVerb) && !(i > first && passiveBefore(c.words[i-1])) {
		return false // "according to", but "is considering"
	}
	if i > first+1 && c.words[i-1] == "-" && c.toks[i-2].Kind == token.Word {
		return false // a word of a compound: "long-standing", "US-backed"
	}
	ing := strings.HasSuffix(w, "ING")
	// A past form or participle: "-ed", or irregular ("met", "spoke").
	past := !ing && !base && !strings.HasSuffix(w, "S")
	if i == first {
		return ing || past
	}
	prev := c.words[i-1]
	if c.is(i-1, classDeterminer) && !(prev == "THAT" && past) || c.toks[i-1].Flags&token.Possessive != 0 {
		return false // "the attack", but "the collapse that killed 15 people"
	}
	if past && (c.toks[i-1].Kind == token.Number || c.is(i-1, classQuantifier)) && i+1 < len(c.toks) && c.noun(i+1) {
		return false // an adjective between a count and its noun: "12 besieged areas"
	}
	if c.is(i-1, classPreposition) {
		return ing
	}
	if ing || past {
		return true
	}
	if at := i - 3; prev == "," && at > first && c.words[at] == "," && parentheticals[c.words[i-2]] {
		// "The government, thus, rejects": the subject is before the
		// commas.
		i, prev = at, c.words[at-1]
	} else if at > first && c.acronymAt(at) {
		// "The European Union (EU) agrees": the subject is before the
		// acronym.
		i, prev = at, c.words[at-1]
	}
	switch {
	case c.is(i-1, classPronoun|classSkippable), c.adverb(i - 1):
		return true
	case c.entityAt[i-1] >= 0:
		// "Kremlin says"; not a compound of names: "Russia-Ukraine
		// conflict"; a base form after one name is a noun ("the congress
		// plan", "the Moscow talks"), as one name would take "plans".
		if c.toks[i-1].Kind != token.Word || i >= 3 && c.words[i-2] == "-" && c.entityAt[i-3] != c.entityAt[i-1] {
			return false // but one name of hyphenated words: "Lee Nak-yon holds"
		}
		if e := c.entityAt[i-1]; c.ents[e].Type == event.TypeLocation && !c.country(e) {
			// A town's name after a determiner qualifies a noun: "the
			// Ghazni attacks", "the Moscow talks".
			if ms := c.mentionStart[i-1]; ms > first && c.is(ms-1, classDeterminer) {
				return false
			}
		}
		if !base && c.nounAfterObject(i, first) {
			return false
		}
		return !base || pastAsBase[w] || c.pluralBefore(i, first) || c.pluralOwner(i, first) || c.pluralName(i-1)
	}
	if !c.agentEndsAt(i, first) || !base && c.nounAfterObject(i, first) {
		return false
	}
	// A base form after one agent in the singular is a noun ("the
	// military conflict"); after a plural ("troops attack", "police say")
	// a verb, unless "a" makes the plural a noun's modifier ("a police
	// station").
	if base && i-2 >= first && (c.words[i-2] == "A" || c.words[i-2] == "AN") {
		return false
	}
	return !base || pastAsBase[w] || c.pluralBefore(i, first) || pluralNoun(prev)
}

// pastAsBase are the verbs whose past is written as their base form,
// which a name or an agent in the singular takes as well: "Russia hit
// Kyiv", "China cut ties", "the army set free 74 prisoners".
var pastAsBase = map[string]bool{
	"BEAT": true, "BET": true, "BID": true, "BROADCAST": true, "BURST": true, "CAST": true, "COST": true,
	"CUT": true, "FORECAST": true, "HIT": true, "HURT": true, "LET": true, "PUT": true, "QUIT": true,
	"RID": true, "SET": true, "SHED": true, "SHUT": true, "SPLIT": true, "SPREAD": true, "THRUST": true,
	"UPSET": true,
}

// modifiedNoun reports whether the -ing word at token i is a noun after
// an adjective or a noun that opens a phrase (a word of no class that may
// be no verb, after a preposition, a determiner or a possessive), with no
// object after it.
func (c *coder) modifiedNoun(i, first int) bool {
	j := i - 1
	if !strings.HasSuffix(c.words[i], "ING") {
		return false
	}
	if j <= first || c.toks[j].Kind != token.Word || c.toks[j].Flags&token.Upper != 0 || c.entityAt[j] >= 0 {
		return false
	}
	if (c.words[j] == "AND" || c.words[j] == "OR") && j-1 > first && c.modifiedNoun(j-1, first) {
		return true // the second noun of "a new bombing and shelling offensive"
	}
	if i+1 < len(c.toks) && c.words[i+1] == "TO" && c.has(j, tagVerb) && !strings.HasSuffix(c.words[j], "ING") {
		// The object of the verb before, given to someone: "provided
		// funding to Lebanon", "halted training to the army".
		return true
	}
	if c.tags[j]&wordTags(allClasses) != 0 || c.mayBeVerb(j) || c.adverb(j) {
		return false
	}
	if !c.is(j-1, classPreposition|classDeterminer) && c.toks[j-1].Flags&token.Possessive == 0 {
		return false
	}
	// A participle takes an object or a particle ("a statement urging
	// North Korea to comply"); the noun a preposition or nothing.
	if i+1 >= len(c.toks) || c.toks[i+1].Kind != token.Word {
		return true
	}
	switch c.words[i+1] {
	case "ON", "FOR", "UP", "OFF", "OUT":
		return false // a particle: "a statement calling on the council"
	case "AND", "OR":
		// Nouns joined: "a new bombing and shelling offensive".
		return i+2 < len(c.toks) && strings.HasSuffix(c.words[i+2], "ING")
	}
	return c.words[i+1] == "TO" || c.is(i+1, classPreposition)
}

// country reports whether entity e is a country (the United States, the
// Philippines), which may take an article and still act.
func (c *coder) country(e int) bool {
	ent := &c.ents[e]
	if ent.Geo == nil || ent.Country == "" {
		return false
	}
	ci, ok := gazetteer.LookupCountry(ent.Country)
	return ok && ci.GeoNamesID == ent.Geo.GeoNamesID
}

// pluralNoun reports whether a noun in capitals is plural: an -s plural,
// or a collective news writes with a plural verb ("police say").
func pluralNoun(w string) bool {
	switch w {
	case "POLICE", "PEOPLE", "PERSONNEL", "CLERGY", "CATTLE":
		return true
	}
	// "-men" is a plural too: "gunmen", "policemen", "women".
	return strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") || strings.HasSuffix(w, "MEN")
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

// pluralName reports whether the name that ends at token j is a people's
// or a group's in the plural, one word, which a verb's base form agrees
// with: "Houthis attack", "Kurds protest"; not a place's ("the
// Philippines"), nor a name of several words ("Fox News", "Peace Corps").
func (c *coder) pluralName(j int) bool {
	e := c.entityAt[j]
	return e >= 0 && c.mentionStart[j] == j && c.ents[e].Type != event.TypeLocation && pluralNoun(c.words[j]) &&
		!strings.HasSuffix(c.words[j], "MEN")
}

// pluralOwner reports whether the name that ends before token i is in a
// phrase after a plural noun, which a verb's base form agrees with:
// "municipalities in Italy ask".
func (c *coder) pluralOwner(i, first int) bool {
	ms := c.mentionStart[i-1]
	// The noun may start the sentence, in capitals: "Police in Kenya
	// arrest".
	return ms-2 >= first && c.is(ms-1, classPreposition) && (c.noun(ms-2) || ms-2 == first && c.entityAt[first] < 0) &&
		pluralNoun(c.words[ms-2])
}

// agentEndsAt reports whether an agent's word ends right before token i
// ("troops attacked", "police say").
func (c *coder) agentEndsAt(i, first int) bool {
	for _, p := range c.parties {
		if p.end == i && p.start >= first {
			// Not inside a phrase, after a preposition or an adjective:
			// "a new round of joint military exercises".
			return p.start == first || !c.is(p.start-1, classPreposition) && !c.plainAdjective(p.start-1)
		}
	}
	return false
}

// parentheticals are the adverbs news sets between commas after a
// subject: "The government, however, rejects".
var parentheticals = map[string]bool{
	"THUS": true, "HOWEVER": true, "MEANWHILE": true, "THEREFORE": true, "TOO": true, "INSTEAD": true,
	"NONETHELESS": true, "NEVERTHELESS": true, "HENCE": true, "MOREOVER": true, "FURTHERMORE": true,
	"TODAY": true, "MEANTIME": true, "ALSO": true,
}

// nounAfterObject reports whether the word at token i, in "-s" after a
// name or an agent, is a noun it qualifies: the name is the object of a
// verb before it and a preposition or the clause's end follows ("struck
// Hezbollah targets in Lebanon", "condemned Houthi attacks on shipping",
// "bombed Kurdish militant targets in Iraq", "struck Islamic State
// targets."), where a verb would take an object ("Hezbollah targets
// Israeli towns").
func (c *coder) nounAfterObject(i, first int) bool {
	if !strings.HasSuffix(c.words[i], "S") || i+1 < len(c.toks) && !c.is(i+1, classPreposition) && !clauseEnd[c.words[i+1]] {
		return false
	}
	ms := c.mentionStart[i-1]
	if ms < 0 {
		// Or an agent, after its nationality or adjectives: "bombed
		// Kurdish militant targets in northern Iraq".
		if n, _ := c.agentWords(i-1, i); n == 0 {
			return false
		}
		ms = i - 1
		for ms-1 > first && ms > i-4 && (c.has(ms-1, tagDemonym) || c.plainAdjective(ms-1) || c.toks[ms-1].Flags&token.Upper != 0) {
			ms--
		}
	}
	return ms > first && c.mayBeVerb(ms-1) && !slices.Contains(sayingForms[:], c.words[ms-1])
}

// clauseEnd are the punctuation marks that end a clause.
var clauseEnd = map[string]bool{".": true, ",": true, ";": true, ":": true, "!": true, "?": true}

// nounAfterArticle reports whether the bare verb form at token i is the
// noun a phrase after "a" or "an" ends with, before a preposition or
// punctuation: "launched a massive drone and missile attack on Kyiv". A
// verb after a singular subject would take its -s or its past; a verb
// that takes an object has it after ("a drone hit the base").
func (c *coder) nounAfterArticle(i, first int) bool {
	if n := i + 1; n < len(c.toks) && c.toks[n].Kind == token.Word && !c.is(n, classPreposition) {
		return false
	}
	for k := i - 1; k >= first && k >= i-6; k-- {
		switch w := c.words[k]; {
		case w == "A" || w == "AN":
			return k < i-1
		case c.toks[k].Kind != token.Word, c.is(k, classPreposition|classDeterminer), c.mayBeVerb(k) && !c.inParties(k),
			c.adverb(k), c.entityAt[k] < 0 && len(w) > 3 && strings.HasSuffix(w, "S"):
			return false // a plural a verb may follow: "a century later historians disagree"
		}
	}
	return false
}
