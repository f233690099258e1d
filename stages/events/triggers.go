package events

import (
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Triggers: where the codebook's verbs stand in a sentence, read without
// a part-of-speech tagger from the words around them.

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
	out := c.trigs[:0]
	var buf [64]byte
	for i := c.verbs.next(first, last); i < last; i = c.verbs.next(i+1, last) {
		t := c.toks[i]
		if c.inParties(i) {
			continue
		}
		if t.Flags&token.Upper != 0 && i != first {
			continue
		}
		e := c.entry(i)
		n, v, ok := 1, codebook.Verb{}, false
		if c.has(i, tagMultiVerb) {
			n, v, ok = c.multiWordVerb(i, last, buf[:0])
		}
		// A verb of one word is read from the codebook's verbs only if
		// it stands where a verb does: most do not.
		one := !ok && e.verb >= 0
		base := false
		switch {
		case ok:
			base = c.lemmaAt(i, n, v.Lemma)
		case one:
			n, base = 1, c.lexicon.baseForm[e.verb]
		default:
			continue
		}
		if !c.verbPosition(i, first, base) || !ok && c.auxiliary(i, last) {
			// An auxiliary is no verb of its own, but may start one of
			// several words: "is disappointed with", "is determined".
			continue
		}
		if one && (c.modifiedNoun(i, first) || base && c.nounAfterArticle(i, first)) {
			continue // "in humanitarian funding", "the military training"
		}
		if one && len(out) > 0 && out[len(out)-1].end == i && strings.HasSuffix(c.words[i], "ED") &&
			i+1 < last && c.plainWord(i+1) && (!c.mayBeVerb(i+1) || strings.HasSuffix(c.words[i+1], "S")) {
			// A participle that qualifies the verb's object: "returned
			// looted antiquities", "spurned repeated offers".
			continue
		}
		if one {
			v = c.lexicon.verbs[e.verb]
		}
		if n == 1 && v.Lemma == "CALL" && c.naming(i, last) {
			continue
		}
		out = append(out, trigger{start: i, end: i + n, verb: v})
		i += n - 1
	}
	c.trigs = out
	return out
}

// naming reports whether "call" at token i names or describes what it
// acts on, in quotes: 'a print called "Cowboys and Indians"', 'has called
// the ruling "dangerous"'. A telephone call takes no quotes; "call for",
// "call on" are appeals, which their patterns code.
func (c *coder) naming(i, last int) bool {
	if i+1 < last {
		switch c.words[i+1] {
		case "FOR", "ON", "UPON", "OFF", "IN", "BACK":
			return false
		}
	}
	for k := i + 1; k < last && k <= i+6; k++ {
		switch {
		case c.toks[k].Flags&token.OpenQuote != 0:
			return true
		case c.words[k] == "," || c.mayBeVerb(k) && !c.is(k-1, classDeterminer):
			return false
		}
	}
	return false
}

// mayTrigger reports whether a word of tokens [first, last) passes the
// tests of triggers that do not need the sentence's parties: a sentence
// with none has no trigger, whatever its parties.
func (c *coder) mayTrigger(first, last int) bool {
	for i := c.verbs.next(first, last); i < last; i = c.verbs.next(i+1, last) {
		if c.toks[i].Flags&token.Upper == 0 || i == first {
			return true
		}
	}
	return false
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
		if c.mayBeVerb(j) {
			return true
		}
		if !c.is(j, classSkippable) && !c.adverb(j) {
			return false
		}
	}
	return false
}

// multiWordVerb returns the longest verb form of several words at token
// i ("ASKED FOR"), building its key in buf.
func (c *coder) multiWordVerb(i, last int, buf []byte) (int, codebook.Verb, bool) {
	for n := min(c.cb.MaxVerbWords(), last-i); n >= 2; n-- {
		if !c.mayBeVerbForm(i, i+n) || !c.wordsOnly(i, i+n) {
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
	if i+2 < last && passiveBefore(c.words[i]) && c.adverb(i+1) {
		// A form of "be", an adverb, and the rest of a verb of several
		// words: "is extremely critical of", "was deeply disappointed
		// with".
		for n := min(c.cb.MaxVerbWords(), last-i-1); n >= 2; n-- {
			if !c.wordsOnly(i+2, i+n+1) {
				continue
			}
			key := append(buf[:0], c.words[i]...)
			for k := i + 2; k < i+n+1; k++ {
				key = append(append(key, ' '), c.words[k]...)
			}
			if v, ok := c.cb.VerbBytes(key); ok {
				return n + 1, v, true
			}
		}
	}
	return 0, codebook.Verb{}, false
}

// notVerbs are forms of the dictionary's verbs that news writes as
// prepositions: "according to", "following the talks", "excluding
// financial institutions".
var notVerbs = map[string]bool{
	"ACCORDING": true, "REGARDING": true, "CONCERNING": true, "INCLUDING": true, "FOLLOWING": true,
	"CONSIDERING": true, "DESPITE": true, "PENDING": true, "BARRING": true, "EXCLUDING": true,
}

// prepositions before a word make it a noun, unless it ends in -ing ("in
// talks", but "after meeting Putin").
var prepositions = map[string]bool{
	"OF": true, "IN": true, "ON": true, "FOR": true, "WITH": true, "FROM": true, "BY": true, "ABOUT": true,
	"AT": true, "OVER": true, "UNDER": true, "AFTER": true, "BEFORE": true, "DURING": true, "AGAINST": true,
	"BETWEEN": true, "AMONG": true, "INTO": true, "THROUGH": true, "WITHOUT": true, "AMID": true,
	"NEAR": true, "OUTSIDE": true, "INSIDE": true, "ACROSS": true, "THROUGHOUT": true, "ALONG": true,
	"AROUND": true, "WITHIN": true, "TOWARD": true, "TOWARDS": true, "BEYOND": true, "BEHIND": true,
	"VIA": true, "DESPITE": true, "UPON": true, "ONTO": true,
}

// subjects before a verb in its base or -s form: pronouns.
var pronouns = map[string]bool{
	"HE": true, "SHE": true, "IT": true, "THEY": true, "WE": true, "I": true, "YOU": true, "WHO": true,
	"THAT": true, "WHICH": true,
}

// firstWord is the first word of a verb's lemma ("ASK" of "ASK FOR").
func firstWord(lemma string) string {
	if i := strings.IndexByte(lemma, ' '); i >= 0 {
		return lemma[:i]
	}
	return lemma
}

// lemmaAt reports whether the n words at token i are lemma's: "WIRE TAP",
// not "WIRE TAPPED", whose first word is the lemma's all the same.
func (c *coder) lemmaAt(i, n int, lemma string) bool {
	for k := i; k < i+n; k++ {
		w, rest, _ := strings.Cut(lemma, " ")
		if c.words[k] != w {
			return false
		}
		lemma = rest
	}
	return lemma == ""
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

// pastForm reports whether an upper-case word is an English past form: a
// regular "-ED" past (not "PROCEED" or "EMBED") or a common irregular
// one.
func pastForm(w string) bool {
	if strings.HasSuffix(w, "ED") && !strings.HasSuffix(w, "EED") && len(w) > 5 {
		return true
	}
	return irregularPast[w]
}

// irregularPast are the irregular past forms of the verbs news reports
// events with.
var irregularPast = map[string]bool{
	"SAID": true, "TOLD": true, "MET": true, "LEFT": true, "HELD": true, "LED": true, "FLED": true,
	"SENT": true, "SPENT": true, "WON": true, "LOST": true, "FOUGHT": true, "SOUGHT": true, "BROUGHT": true,
	"BOUGHT": true, "CAUGHT": true, "TAUGHT": true, "THOUGHT": true, "KEPT": true, "TOOK": true, "GAVE": true,
	"MADE": true, "SPOKE": true, "STRUCK": true, "BEGAN": true, "WROTE": true, "SHOT": true, "SOLD": true,
	"STOOD": true, "DREW": true, "THREW": true, "KNEW": true, "FLEW": true, "GREW": true, "BROKE": true,
	"CHOSE": true, "FORBADE": true, "FORGAVE": true, "OVERTHREW": true, "SWORE": true,
	"WITHDREW": true, "UNDERTOOK": true, "OVERCAME": true, "CAME": true, "WENT": true, "RAN": true,
}
