package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// object returns the first party after the verb in its clause that is not
// a place it happens in ("met Putin in Moscow": Putin), -1 if none. A
// place after "at" is what an act of force is aimed at ("fired shells at
// Seoul").
func (c *coder) object(from, hi int, parties []party, not int, aimed, hosted bool) int {
	// A subordinate clause has objects of its own: "continue the
	// offensive until all hostages are released".
	// So has a clause that a word like "after" opens before the next
	// verb: "restore ties, five years after crowds burned its embassy".
	nextVerb := hi < len(c.toks) && c.mayBeVerb(hi)
	// So has a clause that "nor", or a comma and a conjunction before the
	// next verb, open: "did not attend the talks, nor did Ukraine send",
	// "attended the talks, and Ukraine sent".
	// A clause that a word like "if" opens ends at its comma: "If Iran
	// attacks, the United States will respond".
	opened := c.opened(from)
	// A quotation that closes ends what the verb inside it acts on: the
	// speaker after it is none of it.
	quoted := false
	for k := from; k < hi; k++ {
		quoted = quoted || c.toks[k].Flags&token.OpenQuote != 0
		if c.is(k, classSubordinator) || c.words[k] == "NOR" || nextVerb && (c.is(k, classOpener) || c.clauseJoint(k, hi)) ||
			opened && c.words[k] == "," || !quoted && c.toks[k].Flags&token.CloseQuote != 0 {
			hi = k
			break
		}
	}
	own := -1
	for k, p := range parties {
		if p.start < from || p.start >= hi || k == not {
			continue
		}
		if own < 0 && p.start > 0 && (c.words[p.start-1] == "ITS" || c.words[p.start-1] == "THEIR") {
			// The subject's own people are what the verb acts with,
			// when a party follows: "recalled its ambassador from
			// Israel", "withdrew their troops from Mali".
			own = k
			continue
		}
		if at := c.placePreposition(from, p.start); at >= 0 && c.placeOnly(p) && !(aimed && c.words[at] == "AT") {
			continue
		}
		if p.start > 0 && c.words[p.start-1] == "AS" {
			continue // the subject's capacity: "resigned as president"
		}
		if c.means(p) {
			continue // the means, not the target: "launched air strikes against", "shared intelligence with"
		}
		if nextVerb && p.end == hi && c.words[p.start-1] == "," {
			continue // the next verb's subject: "fired missiles, South Korea's military said"
		}
		return k
	}
	if own >= 0 {
		return own
	}
	if !hosted {
		return -1
	}
	// Aid, help and visits go to the place they go to when no party
	// takes them: "gave 352 million euros to promote investment in
	// Ethiopia", "arrived in South Sudan".
	for k, p := range parties {
		if p.start >= from && p.start < hi && k != not && c.words[p.start-1] == "IN" && c.placeOnly(p) {
			return k
		}
	}
	return -1
}

// opened reports whether the clause that token i stands in was opened by
// a word like "if", "when" or "although" before it, at the start of its
// sentence or after a comma.
func (c *coder) opened(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch {
		case c.words[k] == "," || c.words[k] == ";":
			return false
		case c.is(k, classOpener|classSubordinator):
			return k == 0 || c.toks[k].Flags&token.SentenceStart != 0 || c.words[k-1] == ","
		case c.toks[k].Flags&token.SentenceStart != 0:
			return false
		}
	}
	return false
}

// clauseJoint reports whether a comma and a conjunction that may join
// clauses stand at token k, before hi.
func (c *coder) clauseJoint(k, hi int) bool {
	if c.words[k] != "," || k+1 >= hi {
		return false
	}
	switch c.words[k+1] {
	case "AND", "BUT", "YET", "WHILE":
		return true
	}
	return false
}

// hosted reports whether CAMEO code is of what a place can receive:
// visits (042, 043), material cooperation (06) and aid (07).
func hosted(code string) bool {
	return strings.HasPrefix(code, "042") || strings.HasPrefix(code, "043") || strings.HasPrefix(code, "06") || strings.HasPrefix(code, "07")
}

// subordinators open a subordinate clause (the lexicon's
// classSubordinator).
var subordinators = map[string]bool{
	"UNTIL": true, "BECAUSE": true, "ALTHOUGH": true, "THOUGH": true, "WHILE": true, "UNLESS": true,
	"WHEREAS": true, "WHENEVER": true,
}

// clauseOpeners open a clause or a phrase (the lexicon's classOpener): "after crowds burned", "after
// the talks".
var clauseOpeners = map[string]bool{
	"AFTER": true, "BEFORE": true, "SINCE": true, "WHEN": true, "ONCE": true, "IF": true, "AS": true,
}

// aimed reports whether CAMEO code is of force used against someone:
// an assault, a fight, mass violence (roots 18 to 20).
func aimed(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// agentAfter returns the party after "by" in the clause: the one who acts
// in a passive clause.
func (c *coder) agentAfter(from, hi int, parties []party) int {
	for k, p := range parties {
		if p.start > from && p.start < hi && c.words[p.start-1] == "BY" {
			return k
		}
	}
	return -1
}

// passive reports whether the verb is a participle after a form of "be"
// ("was attacked", "were arrested"), over adverbs.
func (c *coder) passive(lo int, t trigger) bool {
	// A participle: "attacked", "taken", "shown", or an irregular form
	// that is neither the lemma, its -s form nor its gerund ("found
	// guilty", "shot", "held").
	w, lemma := c.words[t.start], firstWord(t.verb.Lemma)
	if w == lemma && !(lemma != t.verb.Lemma && pastForm(w)) || strings.HasSuffix(w, "ING") || w == lemma+"S" || w == lemma+"ES" {
		// The lemma itself, unless the dictionary's verb is a phrase of
		// a past form ("+KILLED_AND").
		return false
	}
	if t.start > lo && t.end < len(c.words) && c.words[t.end] == "BY" && c.noun(t.start-1) {
		return true // after its noun: "a ceasefire brokered by Qatar"
	}
	for j := t.start - 1; j >= lo; j-- {
		switch c.words[j] {
		case "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "GET", "GOT":
			return true
		case "NOT", "N'T", "ALSO", "REPORTEDLY", "ALLEGEDLY":
			continue
		}
		return c.adverb(j) && j > lo && passiveBefore(c.words[j-1])
	}
	return false
}

// reducedPassive reports whether the participle of trigger t says what
// was done to the party right before it, the object of the verb before
// (prev): "arrested three men accused of spying", "detained two activists
// wanted for questioning". A preposition follows it, where the past of a
// verb of that party would take its object ("rebels attacked the town");
// "and" or a comma between the verb before and the party starts a clause
// of its own.
func (c *coder) reducedPassive(prev roles, t trigger, parties []party) bool {
	if prev.lemma == "" || prev.end >= t.start || t.end >= len(c.words) || !c.is(t.end, classPreposition) ||
		!strings.HasSuffix(c.words[t.start], "ED") {
		return false
	}
	p := c.partyEnding(parties, t.start)
	if p < 0 || parties[p].start < prev.end {
		return false
	}
	for k := prev.end; k < parties[p].start; k++ {
		if w := c.words[k]; w == "," || w == "AND" || w == "BUT" || w == "OR" || c.is(k, classSubordinator) {
			return false
		}
	}
	return true
}

// headlinePassive reports whether trigger t is a past participle right
// after its subject in a headline, which drops the "be" of a passive:
// "Journalist detained in Iran", "Three soldiers killed in Gaza strike".
// Headlines tell what a party did in the present ("Police arrest
// protesters"), so a past form after a party, with no object after it, is
// what was done to the party, when the code is of what a party undergoes
// (see doneTo), in a headline (see headlineSentence).
func (c *coder) headlinePassive(hi int, t trigger, code string, parties []party) bool {
	if !doneTo(code) || !c.headlineSentence() || !pastForm(c.words[t.start]) || c.partyEnding(parties, t.start) < 0 {
		return false
	}
	// "Off" is a preposition after a participle that takes no particle:
	// "rescued off Indonesian coast".
	return t.end >= hi || c.is(t.end, classPreposition) || c.words[t.end] == "OFF" || c.toks[t.end].Kind == token.Punct
}

// doneTo reports whether CAMEO code is an act done to someone, which a
// party can only undergo, not do alone: conflict (11–13, 15–20, but for
// protests, 14, which a party makes: "Protesters marched in Nairobi"),
// aid (07: "Asylum seekers rescued off Indonesian coast") and people
// released (084). Meetings, gatherings and withdrawals are made alone as
// well ("NGOs gathered in Brussels").
func doneTo(code string) bool {
	return code >= "11" && code < "21" && !strings.HasPrefix(code, "14") || strings.HasPrefix(code, "07") || strings.HasPrefix(code, "084")
}

// headlineSentence reports whether the sentence being coded is a
// headline: the title, or the text's first sentence when it is short and
// ends with no full stop, no question or exclamation mark. (Other
// sentences may end with none where a line break cut them, and so may a
// long first sentence of a story that starts without its headline.)
func (c *coder) headlineSentence() bool {
	if c.field == event.FieldTitle {
		return true
	}
	if c.sentence.start > 0 || c.sentence.end-c.sentence.start > maxHeadline {
		return false
	}
	last := c.sentence.end - 1
	for last > c.sentence.start && (c.words[last] == "" || c.words[last] == "'" || c.words[last] == ")") {
		// Over closing quotes (tokens of no word) and brackets.
		last--
	}
	switch c.words[last] {
	case ".", "!", "?", ":", ";", "...", "…":
		return false
	}
	return true
}

// undergone are the verbs whose subject is what they are done to, as the
// subject of a passive is: who stands, goes on or faces trial (verbs of
// the codebook's supplement) is the one accused; who dies in fighting or
// of torture, the one it was done to, not who did it.
var undergone = map[string]bool{
	"STAND TRIAL": true, "GO ON TRIAL": true, "FACE TRIAL": true, "UNDERGO TRIAL": true, "FACE CHARGES": true,
	"ON TRIAL": true, "DIE": true,
}

// maxHeadline is the most tokens a headline at the top of a text has:
// headlines of news run to a dozen words or so.
const maxHeadline = 24

func passiveBefore(w string) bool {
	switch w {
	case "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING":
		return true
	}
	return false
}

// placePrepositions introduce where something happens.
var placePrepositions = map[string]bool{
	"IN": true, "AT": true, "NEAR": true, "OUTSIDE": true, "INSIDE": true, "ACROSS": true, "THROUGHOUT": true,
}

// placePreposition returns the preposition of place ("in", "at") that
// the party starting at token i follows, not before token from; -1 if
// none. After "at" or "near", the party may be what a noun is of: "at the
// port of Antwerp" is where; "in parts of Kashmir", after a curfew, whom
// it restricts.
func (c *coder) placePreposition(from, i int) int {
	k := i - 1
	if k > from && c.words[k] == "OF" {
		j := k - 1
		for ; j > from && j > i-5 && c.noun(j); j-- {
		}
		if j > from && c.is(j, classDeterminer) {
			j--
		}
		if j >= from && (c.words[j] == "AT" || c.words[j] == "NEAR") {
			return j
		}
	}
	if k >= from && k >= 0 && c.is(k, classPlacePreposition) {
		return k
	}
	return -1
}

// placeOnly reports whether a party is places only.
func (c *coder) placeOnly(p party) bool {
	for _, m := range p.members {
		if m.entity < 0 || c.ents[m.entity].Type != event.TypeLocation {
			return false
		}
	}
	return true
}

// means reports whether each member of p is what a verb's object names
// as the means, not who it is used on: a weapon, an agent of the
// dictionaries for the forces that fire it when it acts ("Israeli
// airstrikes killed"), but not the target of "launched drones at
// Ukraine"; intelligence, the service when it acts, the information in
// "shared intelligence with Ukraine". A weapon of a country is that
// country's military ("shot down Russian drones"); one in a place is not.
func (c *coder) means(p party) bool {
	for _, m := range p.members {
		if m.entity >= 0 || m.code != "" && !m.of || !slices.ContainsFunc(c.words[m.head:m.end], func(w string) bool { return meansWords[w] }) {
			return false
		}
	}
	return true
}

// meansWords are the words of the agents that are means.
var meansWords = map[string]bool{
	"INTELLIGENCE": true,
	"DRONE":        true, "DRONES": true, "MISSILE": true, "MISSILES": true, "AIRSTRIKE": true, "AIRSTRIKES": true,
	"STRIKE": true, "STRIKES": true, "BOMBER": true, "BOMBERS": true, "ARTILLERY": true, "JET": true, "JETS": true,
	"WARPLANE": true, "WARPLANES": true, "ROCKET": true, "ROCKETS": true,
}

// passivePatterns matches the patterns of block bp that need nothing
// before the verb against the subject of trigger t when t is passive:
// tokens [plo, a), a being where the verb's auxiliaries start ("were",
// "have been", "will be"). It returns the code and result of the best
// match, or code and res as they are when none matches.
func (c *coder) passivePatterns(plo int, t trigger, bp *blockPatterns, code string, res matchResult) (string, matchResult, bool) {
	a := t.start
	for a > plo && (auxiliaries[c.words[a-1]] || c.adverb(a-1)) {
		a--
	}
	if a == t.start || a == plo || !c.passive(plo, t) {
		return code, res, false
	}
	if c.words[a-1] == "THAT" || c.words[a-1] == "WHICH" {
		a-- // "the sanctions that were lifted"
	}
	v := &c.view
	matched := false
	for _, k := range c.candidates(t.verb.Block, plo, a) {
		p := &bp.all[k]
		if len(p.pre) > 0 || !v.mayMatch(bp, k) {
			continue
		}
		r := matchResult{source: -1, target: -1, weight: p.weight, near: v.hi, negates: p.negates}
		if _, ok := v.matchSeq(p.post, plo, a, &r); ok && (!matched || r.better(res)) {
			code, res, matched = p.code, r, true
		}
	}
	return code, res, matched
}

// auxiliaries are the verbs that stand before a passive participle: "were
// lifted", "has been closed", "will be signed".
var auxiliaries = map[string]bool{
	"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true,
	"HAS": true, "HAVE": true, "HAD": true, "WILL": true, "WOULD": true, "CAN": true, "COULD": true,
	"MAY": true, "MIGHT": true, "SHOULD": true, "MUST": true, "GET": true, "GOT": true, "NOT": true, "N'T": true,
}

// thingObject reports whether the verb that ends before token i takes a
// thing for its object, in [i, hi): a common noun after its determiners
// and qualifiers, before any party, preposition or punctuation.
func (c *coder) thingObject(i, hi int) bool {
	for j := i; j < hi && j < i+4; j++ {
		switch {
		case c.inParties(j) || c.toks[j].Kind != token.Word || c.is(j, classPreposition|classPronoun) || c.words[j] == "TO":
			return false
		case c.noun(j):
			return true
		}
	}
	return false
}

// lightVerbs are the verbs whose sense rests on their object: the
// dictionary's code for them (a meeting, a seizure, cooperation) holds
// when they are done to someone or somewhere ("met Putin", "took the town
// of Kidal"), not to a thing ("met its targets", "took questions").
var lightVerbs = map[string]bool{"MEET": true, "TAKE": true, "LEAD": true}
