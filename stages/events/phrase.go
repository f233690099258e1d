package events

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// The text of a party is the noun phrase it stands in, as annotators of
// events mark it ("US President Donald Trump's decision", "the Iraqi
// embassy in Kabul", "dozens of Islamic State fighters"), while its
// name, codes and entity stay those of the actor found in it: the phrase
// says what of the actor the event is about. The phrase is read in the
// words around the member, never over the trigger, another party's
// member or a clause's punctuation, and it changes no event.

// phrase returns the tokens [start, end) of the noun phrase member m
// stands in, within tokens [lo, hi).
func (c *coder) phrase(m member, lo, hi int) (start, end int) {
	start, end = m.start, c.nounsAfter(m.end, hi)
	if end+2 < hi && c.acronymAt(end) {
		end += 3
	}
	if e := c.apposition(end, hi); e > end {
		end = e
	} else {
		end = c.appositive(m, end, hi)
	}
	if c.attaches(m, end, hi) {
		if e := c.npAfter(end+1, hi); e > end+1 {
			end = e
		}
	}
	if start > lo && c.toks[start].Flags&token.Possessive != 0 {
		// The owner is part of the phrase: "Rwanda's Southern Province".
		start--
		if c.entityAt[start] >= 0 {
			start = max(c.mentionStart[start], lo)
		}
	}
	if m.entity < 0 && start > lo {
		// A name before a group qualifies it ("UN human rights
		// experts"), and so does a capitalised word no entity holds
		// ("Rohingya refugees", "Brexit negotiators").
		if e := c.entityAt[start-1]; e >= 0 && c.ents[e].Type != event.TypePerson {
			start = max(c.mentionStart[start-1], lo)
		} else if t := c.toks[start-1]; e < 0 && t.Kind == token.Word && t.Flags&token.Upper != 0 &&
			t.Flags&token.SentenceStart == 0 && !c.trigger(start-1) && c.dateStart[start-1] < 0 {
			start--
		}
	}
	start = c.modifiersBefore(start, lo)
	if start-2 >= lo && c.words[start-1] == "," && m.entity >= 0 && c.ents[m.entity].Type == event.TypePerson {
		start = c.officeBefore(lo, start)
	}
	// The head of the phrase may be before the actor, over "of", or over
	// "from" after a noun: "dozens of Islamic State fighters", "an arms
	// depot of the Syrian army", "a request from The New York Times".
	// Not over a party of its own: "withdrew its troops from Syria".
	for start-1 > lo && (c.words[start-1] == "OF" || c.words[start-1] == "FROM" && c.noun(start-2)) && !c.inParties(start-2) {
		s := c.modifiersBefore(start-1, lo)
		if s == start-1 {
			break
		}
		start = s
	}
	return start, end
}

// acronymAt reports whether tokens [i, i+3) are an acronym in
// parentheses, which belongs to the name before it: "Amnesty
// International (AI)".
func (c *coder) acronymAt(i int) bool {
	return i+2 < len(c.toks) && c.words[i] == "(" && c.words[i+2] == ")" && c.toks[i+1].Flags&token.AllUpper != 0
}

// attaches reports whether the prepositional phrase at token end joins
// the phrase of member m: "of" a name ("the family of Justice
// Ginsburg"), "in" a place after a group or an organisation ("the police
// in Camarines Norte", "Islamic State in Syria"; not "Macron in Paris").
func (c *coder) attaches(m member, end, hi int) bool {
	if end >= hi {
		return false
	}
	switch c.words[end] {
	case "OF":
		return c.nameAt(end+1, hi)
	case "IN":
		return (m.entity < 0 || c.ents[m.entity].Type == event.TypeOrganization) && c.placeAt(end+1, hi)
	}
	return false
}

// apposition returns where a phrase that ends at token end ends with the
// apposition between commas after it, when the phrase is the subject of
// the verb at hi ("Vladimir Putin, the Russian president, said"): the
// commas close right before the verb, over auxiliaries and adverbs.
func (c *coder) apposition(end, hi int) int {
	if end >= hi || c.words[end] != "," || hi >= len(c.toks) {
		return end
	}
	j := c.skipToSubject(end+1, hi)
	if j-1 <= end+1 || c.words[j-1] != "," {
		return end
	}
	named := false
	for k := end + 1; k < j-1; k++ {
		switch c.words[k] {
		case ",", ";", "AND", "OR", "WHO", "WHICH", "THAT":
			return end // a list, or a clause of its own
		}
		if parentheticals[c.words[k]] {
			return end // "The government, thus, rejects"
		}
		named = named || c.entityAt[k] >= 0 || c.noun(k) || c.roleWord(k)
	}
	if !named {
		return end // "IMA, however, said"
	}
	return j - 1
}

// appositive returns where an apposition to member m ends, before its
// closing comma, when apposition finds none (it reads the appositions of
// a subject, closed before their verb): a role after a person ("met John
// Smith, the Minister of Interior, in Ankara"), a person after an office
// ("called Sudan's Foreign Minister, Professor Ibrahim Ghandour, on
// Monday"). Otherwise it returns end: a place's apposition is no part of
// its phrase ("Haifa, Israel's third largest city"), nor is the next item
// of a list ("Putin, Xi, and Modi").
func (c *coder) appositive(m member, end, hi int) int {
	first := end + 1
	if first >= hi || c.words[end] != "," {
		return end
	}
	person := m.entity >= 0 && c.ents[m.entity].Type == event.TypePerson
	office := m.entity < 0 && m.end > m.start && c.roleWord(m.end-1)
	n := first
	for n < hi && c.entityAt[n] < 0 && c.roleWord(n) {
		n++ // the titles of a name: "Professor"
	}
	switch {
	case person && (c.is(first, classDeterminer) || c.roleWord(first)):
	case office && n < hi && c.entityAt[n] >= 0 && c.ents[c.entityAt[n]].Type == event.TypePerson:
	default:
		return end
	}
	for k := first; k < hi && k < first+16; k++ {
		switch c.words[k] {
		case ",":
			if k+1 < hi && (c.words[k+1] == "AND" || c.words[k+1] == "OR") {
				return end
			}
			return k
		case ";", "AND", "OR", "WHO", "WHICH", "THAT", "(", ")":
			return end
		}
	}
	return end
}

// officeBefore returns where the office a person's name is in apposition
// to starts, when it opens the clause [lo, …): "Bulgaria's Minister for
// Foreign Affairs, Ekaterina Zaharieva, condemned" is one phrase. It
// returns name, the start of the name after the comma, when no office
// opens the clause ("In Moscow, Putin said").
func (c *coder) officeBefore(lo, name int) int {
	office := false
	for k := name - 2; k >= lo; k-- {
		w := c.words[k]
		switch {
		case k < name-9, c.toks[k].Kind != token.Word && c.toks[k].Flags&token.Possessive == 0 && w != "'S",
			c.trigger(k), c.is(k, classPreposition) && w != "OF" && w != "FOR":
			return name
		}
		office = office || c.roleWord(k)
	}
	if !office {
		return name
	}
	return lo
}

// nounsAfter returns where the nouns that continue a phrase from token i
// end: "the Catumbela air base", "a UN draft resolution", a possessive
// and what it owns ("Trump's decision").
func (c *coder) nounsAfter(i, hi int) int {
	for i < hi {
		switch {
		case c.toks[i].Flags&token.Possessive != 0:
			i++
		case c.noun(i):
			i++
		case c.hyphen(i) && i+1 < hi && c.toks[i+1].Kind == token.Word && c.toks[i+1].Flags&token.Upper == 0 && !c.trigger(i+1):
			i += 2 // "US-backed forces", as the text may space it: "US - backed"
		default:
			return i
		}
	}
	return i
}

// npAfter returns where the noun phrase that starts at token i ends: its
// determiners and numbers, then names and nouns; i if there is none.
func (c *coder) npAfter(i, hi int) int {
	j := i
	for j < hi && (c.is(j, classDeterminer|classQuantifier) || c.toks[j].Kind == token.Number) {
		j++
	}
	k := j
	for k < hi {
		if c.entityAt[k] >= 0 {
			k = c.entityEnd(k)
			continue
		}
		if c.toks[k].Flags&token.Possessive != 0 || c.noun(k) || c.toks[k].Flags&token.Upper != 0 && c.toks[k].Kind == token.Word && !c.trigger(k) {
			k++
			continue
		}
		break
	}
	if k == j {
		return i
	}
	return k
}

// modifiersBefore returns where the words before token i that modify
// what follows start: determiners, numbers, adjectives and nouns ("some
// parts", "humanitarian aid workers", "at least 75 displaced people").
func (c *coder) modifiersBefore(i, lo int) int {
	for i > lo {
		if c.is(i, classDeterminer) && !c.is(i-1, classQuantifier) && c.words[i-1] != "OF" {
			return i // a phrase starts at its article: "hopes the government"
		}
		j := i - 1
		t := c.toks[j]
		if j > lo && c.words[j-1] != "TO" && c.is(j-1, classVerbAfter) {
			return i // a verb after a modal: "will attack Hezbollah"
		}
		switch {
		case t.Flags&token.Possessive != 0:
			// The owner and its clitic: "India's northeastern state of
			// Mizoram".
			if j > lo && c.entityAt[j-1] >= 0 {
				i = max(c.mentionStart[j-1], lo)
				continue
			}
			if j == lo || !c.noun(j-1) {
				return i
			}
		case c.is(j, classDeterminer|classQuantifier) && c.words[j] != "THAT" || t.Kind == token.Number && c.dateStart[j] < 0,
			aboutNumber[c.words[j]] && t.Kind == token.Word && c.toks[i].Kind == token.Number: // "about 300"
		case c.noun(j) || strings.HasSuffix(c.words[j], "ED") && !c.trigger(j) && t.Flags&token.Upper == 0,
			c.entityAt[j] < 0 && c.has(j, tagDemonym),                 // "Kurdish prisoner Serkan Tumay"
			c.entityAt[j] < 0 && c.is(j, classTitle) && !c.trigger(j): // "Chief Palestinian negotiator Saeb Erakat"; not "to press Israel"
		case j > lo && c.hyphen(j) && (c.toks[j-1].Kind == token.Word || c.toks[j-1].Kind == token.Number) && !c.trigger(j-1):
			i = j - 1 // "the rebel-held enclave", "ex-prime minister", "a 95-year-old man"
			continue
		case j > lo && c.words[j] == "," && t.Flags&token.SpaceBefore != 0 && c.toks[j-1].Kind == token.Number &&
			c.toks[i].Kind == token.Number && c.toks[i].End-c.toks[i].Start == 3:
			i = j - 1 // "2 , 374 migrants": a number split into words
			continue
		case j > lo && (c.words[j] == "LEAST" && c.words[j-1] == "AT" || c.words[j] == "THAN" && c.is(j-1, classCounting)):
			i = j - 1
			continue
		default:
			return i
		}
		i = j
	}
	return i
}

// aboutNumber are the words that make a number approximate: "about 300
// people", "nearly 2,000 migrants".
var aboutNumber = map[string]bool{
	"ABOUT": true, "NEARLY": true, "ALMOST": true, "AROUND": true, "OVER": true, "UNDER": true,
	"ROUGHLY": true, "APPROXIMATELY": true, "SOME": true, "UP": true,
}

// noun reports whether token i is a word that can be a noun or adjective
// of a phrase: a word in lower case that is no function word, no verb the
// coder found, no date, and no form of a verb's participle or gerund.
func (c *coder) noun(i int) bool {
	t := c.toks[i]
	if t.Kind != token.Word || t.Flags&token.Upper != 0 || c.entityAt[i] >= 0 || c.dateStart[i] >= 0 {
		return false
	}
	if c.is(i, classDeterminer|classPreposition|classPronoun|classSkippable|classQuantifier|classCounting|classNotVerb|classClosed) {
		return false
	}
	w := c.words[i]
	if strings.HasSuffix(w, "LY") || strings.HasSuffix(w, "ING") || strings.HasSuffix(w, "ED") {
		return false
	}
	return !c.trigger(i)
}

// nameAt reports whether a noun phrase that starts at token i has a name
// in it: "the government of Iraq", not "accused the military of mass
// slaughter".
func (c *coder) nameAt(i, hi int) bool {
	for end := c.npAfter(i, hi); i < end; i++ {
		if c.entityAt[i] >= 0 || c.toks[i].Flags&token.Upper != 0 {
			return true
		}
	}
	return false
}

// placeAt reports whether a place's name is the first name from token i,
// after determiners and words in lower case ("southern Nepal").
func (c *coder) placeAt(i, hi int) bool {
	for ; i < hi; i++ {
		if e := c.entityAt[i]; e >= 0 {
			return c.ents[e].Type == event.TypeLocation
		}
		if c.toks[i].Kind != token.Word || c.toks[i].Flags&token.Upper != 0 || c.dateStart[i] >= 0 {
			return false
		}
	}
	return false
}

// closedClass are the other words of closed classes, which end a noun
// phrase (the lexicon's classClosed).
var closedClass = map[string]bool{
	"AND": true, "OR": true, "BUT": true, "NOR": true, "WHO": true, "WHOM": true, "WHICH": true, "THAT": true,
	"WHOSE": true, "WHERE": true, "WHEN": true, "WHY": true, "HOW": true, "WHAT": true, "AS": true, "THAN": true,
	"IF": true, "WHILE": true, "TO": true, "SINCE": true, "UNTIL": true, "TILL": true, "VIA": true, "PER": true,
	"UPON": true, "TOWARD": true, "TOWARDS": true, "NEAR": true, "AROUND": true, "BEYOND": true, "WITHIN": true,
	"ALONG": true, "UNLESS": true, "BECAUSE": true, "ALTHOUGH": true, "THOUGH": true, "WHETHER": true,
	"THERE": true, "HERE": true, "YESTERDAY": true, "TODAY": true, "TONIGHT": true, "OVERNIGHT": true, "AGO": true,
	"AGAIN": true, "TOO": true, "VERY": true, "EVEN": true, "ONLY": true, "SO": true, "EARLIER": true,
	"LATER": true, "THEN": true, "NOW": true, "SAID": true, "SAYS": true, "SAY": true, "DUE": true, "OUT": true,
	"UP": true, "DOWN": true, "OFF": true, "AWAY": true, "BACK": true, "AHEAD": true, "ALONE": true,
}

// hyphen reports whether token i is a hyphen or a dash that joins words.
func (c *coder) hyphen(i int) bool {
	return c.words[i] == "-" || c.words[i] == "–"
}

// trigger reports whether a verb of the sentence was found at token i.
func (c *coder) trigger(i int) bool {
	for _, t := range c.trigs {
		if t.start <= i && i < t.end {
			return true
		}
	}
	return false
}
