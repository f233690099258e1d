package events

import (
	"math"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// roles are the parties a trigger's events were coded with, and where the
// trigger stood: the next verb of the sentence may share them.
type roles struct {
	source, target int
	start, end     int
	lemma          string // of the trigger's verb
	code           string // the CAMEO code the trigger's events were coded with, "" if none
}

// codeTrigger codes the events trigger t makes in its clause, tokens [lo,
// hi) of sentence si: the patterns of its verb block are tried, the most
// specific match wins, and the verb alone codes when none matches.
func (c *coder) codeTrigger(si, lo, hi int, t trigger, parties []party, prev roles) roles {
	// The clause ends at a semicolon.
	for k := t.end; k < hi; k++ {
		if c.words[k] == ";" {
			hi = k
			break
		}
	}
	c.stamp++
	if c.stamp == 0 { // wrapped: clear the marks of 2^32 clauses ago
		clear(c.present)
		c.stamp = 1
	}
	// The patterns see the clause from the previous verb on: what stands
	// before it is that verb's.
	plo := max(lo, prev.end)
	reach := max(hi, c.reach)
	// Without a branch on whether a word has an id, which goes either
	// way: a word without one (-1) marks the spare slot at the end.
	spare := int32(len(c.present) - 1)
	for k := plo; k < reach; k++ {
		c.present[orSpare(c.ids[k], spare)] = c.stamp
		c.present[orSpare(c.sing[k], spare)] = c.stamp
	}
	v := &c.view
	*v = clauseView{ids: c.ids, sing: c.sing, words: c.words, lo: plo, hi: reach, verb: t.start, verb1: t.end, parties: v.parties[:0], present: c.present, stamp: c.stamp}
	for _, p := range parties {
		v.parties = append(v.parties, p.span)
	}
	code, res := t.verb.Code, matchResult{source: -1, target: -1}
	matched := false
	bp := &c.pats[t.verb.Block]
	for _, k := range c.candidates(t.verb.Block, plo, reach) {
		if !v.mayMatch(bp, k) {
			continue
		}
		p := &bp.all[k]
		if r, ok := v.match(p); ok && (!matched || r.better(res)) {
			code, res, matched = p.code, r, true
		}
	}
	c.consumed = matched && res.end > hi
	if r, ok := c.cb.Mode(t.verb.Lemma); ok && !matched && r.CAMEO != "" && code == "---" {
		code = r.CAMEO // "hacked": COERCE/cyber, which CAMEO codes 176
	}
	if code == "---" || code == "" || c.discardIn(plo, hi) {
		return roles{source: -1, target: -1, start: t.start, end: t.end, lemma: t.verb.Lemma}
	}
	passive := c.passive(lo, t)
	source, target := res.source, res.target
	subject := c.subject(prev.end, t.start, parties)
	// Governed: an infinitive ("agreed to lend") or a gerund right after
	// the verb before ("is considering sending").
	governed := prev.end > lo && (c.infinitive(prev.end, t.start) ||
		t.start == prev.end && strings.HasSuffix(c.words[t.start], "ING"))
	shared := -1
	switch {
	case governed && prev.target >= 0 && objectControl[prev.lemma]:
		// "urged Moscow and Kiev to reach": the object of the verb
		// before acts.
		subject = prev.target
	case governed:
		// "met Putin to discuss", "summoned the ambassador to
		// complain": the subject of the verb before acts, with its
		// object unless the infinitive has one of its own.
		subject, shared = prev.source, prev.target
		if subject < 0 {
			// The governing verb codes nothing ("refused to join"):
			// its subject is the infinitive's.
			subject = c.subject(lo, prev.start, parties)
		}
	case subject < 0 && prev.target >= 0 && t.start > lo && strings.HasSuffix(c.words[t.start], "ING") &&
		(c.words[t.start-1] == "OF" || c.words[t.start-1] == "FOR"):
		subject = prev.target // "accused Israel of killing civilians"
	case subject < 0 && prev.end > lo && c.sharesSubject(prev.end, t.start):
		subject = prev.source // "spoke by phone but have not met"
	case prev.source >= 0 && t.start-1 > prev.end && c.words[t.start-1] == "," && strings.HasSuffix(c.words[t.start], "ING"):
		// "The Taliban refused talks with the government, demanding
		// ...": the participle's subject is the clause's.
		subject = prev.source
	}
	if source < 0 {
		source = subject
		if passive {
			source = c.agentAfter(t.end, hi, parties) // "was attacked by Y"
		}
	}
	if target < 0 {
		if passive {
			target = subject
		} else {
			target = c.object(t.end, hi, parties, source, aimed(code), hosted(code))
			if target < 0 && c.shared.end > c.shared.start {
				target = c.object(c.shared.start, c.shared.end, parties, source, aimed(code), hosted(code))
			}
		}
		if target < 0 && shared != source {
			target = shared
		}
	}
	switch {
	case matched:
	case source < 0 && target < 0:
		// Nobody named does it or has it done: nothing to report.
		return roles{source: -1, target: -1, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case t.verb.Inherited && source < 0:
		// A verb the dictionary codes only by its block ("think" with
		// "consider") needs someone who does it.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case (code == "040" || code == "060") && target < 0 && !c.codedParty(parties, source):
		// The unspecified consultation or cooperation a verb of coming,
		// going or increasing codes alone needs a recipient or an actor
		// of known country or sector: "Montalvo left", "traffic
		// increased" are no events.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	}
	forward, reverse, _ := strings.Cut(code, ":")
	from := len(c.out)
	// "X said Y must ensure security": X's demand to Y.
	demand := ""
	if strings.HasPrefix(prev.code, "01") && prev.source >= 0 && source >= 0 && source != prev.source {
		if m := c.obliged(plo, t); m != "" {
			demand = obligationOf(m, forward)
		}
	}
	if demand != "" {
		c.emit(si, lo, hi, t, demand, parties, prev.source, source, false)
		c.out[from].Modality.Hypothetical = false // the demand was made
		from = len(c.out)
	}
	if forward != "" && forward != "---" {
		c.emit(si, lo, hi, t, forward, parties, source, target, matched)
	}
	// The reverse event is the other party's: "met" is CONSULT both
	// ways, one event; "received support from +" is only the reverse.
	if reverse != "" && reverse != "---" && target >= 0 && source >= 0 && !c.sameType(forward, reverse) {
		c.emit(si, lo, hi, t, reverse, parties, target, source, matched)
	}
	// A future reported ("the rebels said they will release", "Retief
	// said South Africa would give") is the intent of who is to act, as
	// CAMEO codes it.
	if strings.HasPrefix(prev.code, "01") && prev.source >= 0 && (source >= 0 || c.pronounSubject(prev.end, t.start)) {
		c.promised(c.out[from:], c.backshifted(prev.end, t.start))
	}
	if governed && !c.implicative(t.start) || demand != "" {
		c.intended(c.out[from:])
	}
	if governed {
		c.dropVague(from, prev)
	}
	return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma, code: forward}
}

// codedParty reports whether party k (-1: none) has a member of known
// country or sector.
func (c *coder) codedParty(parties []party, k int) bool {
	if k < 0 {
		return false
	}
	for _, m := range parties[k].members {
		if m.code != "" || m.sector != "" {
			return true
		}
	}
	return false
}

// infinitive reports whether "to" stands right before the verb at v,
// over adverbs.
func (c *coder) infinitive(lo, v int) bool {
	for j := v - 1; j >= lo; j-- {
		if c.words[j] == "TO" {
			return true
		}
		if !strings.HasSuffix(c.words[j], "LY") {
			return false
		}
	}
	return false
}

// objectControl are the verbs whose object does what the infinitive
// after it says: "urged Kiev to accept", "asked the UN to send".
var objectControl = map[string]bool{
	"URGE": true, "ASK": true, "CALL ON": true, "CALL UPON": true, "PRESS": true, "PRESSURE": true, "PUSH": true,
	"ORDER": true, "FORCE": true, "COMPEL": true, "OBLIGE": true, "INVITE": true, "ALLOW": true, "PERMIT": true,
	"ENABLE": true, "AUTHORIZE": true, "AUTHORISE": true, "ENCOURAGE": true, "PERSUADE": true, "TELL": true,
	"WARN": true, "HELP": true, "REQUEST": true, "APPEAL": true, "INSTRUCT": true, "DIRECT": true, "ADVISE": true,
	"REMIND": true, "CHALLENGE": true, "BEG": true, "IMPLORE": true, "EXHORT": true, "BESEECH": true, "DEMAND": true,
	"EXPECT": true, "WANT": true, "NEED": true,
}

// implicative reports whether the verb before the "to" of the
// infinitive at v, or before the gerund at v, says that its action took
// place ("managed to reach", "began shelling", "went on to win") or that
// it was refused, which is coded as a refusal (see modality); where
// "agreed to lend" or "a call to release" does not. A decision counts as
// the act decided, as CAMEO codes it: "decided to ease sanctions" eases
// them.
func (c *coder) implicative(v int) bool {
	j := v - 1
	for j > 0 && c.words[j] != "TO" && !strings.HasSuffix(c.words[v], "ING") {
		j--
	}
	if j == 0 {
		return false
	}
	switch c.words[j-1] {
	case "MANAGED", "MANAGES", "HELPED", "HELPS", "CONTINUED", "CONTINUES", "CONTINUE", "CONTINUING",
		"BEGAN", "BEGINS", "BEGUN", "BEGIN", "STARTED", "STARTS", "START", "ON", "PROCEEDED", "DARED", "KEPT",
		"KEEPS", "RESUMED", "RESUMES", "DECIDED", "DECIDES",
		"FAILED", "FAILS", "REFUSED", "REFUSES", "REFUSE", "DECLINED", "DECLINES", "DECLINE":
		return true
	}
	return false
}

// intended marks events coded from an infinitive that another verb
// governs ("agreed to lend", "rejected a call to release", "urged Kiev to
// accept") as hypothetical: the text says they were meant, asked for or
// refused, not that they took place. Their confidence is lowered below
// that of any governing verb with an actor (0.65 at least), which is what
// the sentence reports.
func (c *coder) intended(evs []event.Coding) {
	for k := range evs {
		if r := evs[k].CAMEO.Root; r == "13" || r == "12" {
			continue // "vowed to retaliate", "refused to meet": the threat or refusal was made
		}
		evs[k].Modality.Hypothetical = true
		evs[k].Confidence = math.Round(evs[k].Confidence*0.6*100) / 100
	}
}

// dropVague drops the bare threat or refusal (CAMEO 130, 120) of the
// verb before, when the events from c.out[from] on say what was
// threatened or refused: "threatened to cut ties" is one event, 1313;
// "rejected holding talks" one, 125.
func (c *coder) dropVague(from int, prev roles) {
	for k := from - 1; k >= 0; k-- {
		e := &c.out[k]
		if e.Evidence.Trigger.Start != int(c.toks[prev.start].Start) {
			continue
		}
		root := e.CAMEO.Root
		said := slices.ContainsFunc(c.out[from:], func(f event.Coding) bool { return f.CAMEO.Root == root })
		if (e.CAMEO.Code == "130" || e.CAMEO.Code == "120") && said {
			c.out = slices.Delete(c.out, k, k+1)
		}
		return
	}
}

// nameWord reports whether the word at token i is written as a name
// (capitalised inside a sentence that is not all capitals), and so is not
// the auxiliary or modal it spells: "Theresa May has met".
func (c *coder) nameWord(i int) bool {
	f := c.toks[i].Flags
	return f&token.Upper != 0 && f&(token.AllUpper|token.SentenceStart) == 0
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
		case c.is(j-1, classSkippable) && !c.nameWord(j-1) || strings.HasSuffix(w, "LY"), // "Theresa May has met": no modal
			(w == "MOST" || w == "VERY") && j < v && strings.HasSuffix(c.words[j], "LY"): // "most certainly"
			j--
		case c.dateStart[j-1] >= lo:
			j = c.dateStart[j-1]
			for j > lo && (c.is(j-1, classPreposition) || c.words[j-1] == "LATE" || c.words[j-1] == "EARLY") {
				j--
			}
		case w == ")" && j-3 >= lo && c.words[j-3] == "(":
			j -= 3
		case j < v && c.words[j] == "TO" && j-2 >= lo && c.is(j-2, classSkippable) && c.toks[j-1].Kind == token.Word &&
			c.toks[j-1].Flags&token.Upper == 0 && c.entityAt[j-1] < 0:
			j-- // "is about to", "was forced to", "are expected to"
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
		for k >= 0 && parties[k].start-1 > lo && c.is(parties[k].start-1, classPreposition) {
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
	for k := from; k < hi; k++ {
		if c.is(k, classSubordinator) || nextVerb && clauseOpeners[c.words[k]] {
			hi = k
			break
		}
	}
	for k, p := range parties {
		if p.start < from || p.start >= hi || k == not {
			continue
		}
		if p.start > 0 && c.is(p.start-1, classPlacePreposition) && c.placeOnly(p) && !(aimed && c.words[p.start-1] == "AT") {
			continue
		}
		if p.start > 0 && c.words[p.start-1] == "AS" {
			continue // the subject's capacity: "resigned as president"
		}
		return k
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

// clauseOpeners open a clause or a phrase: "after crowds burned", "after
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
	if w == lemma || strings.HasSuffix(w, "ING") || w == lemma+"S" || w == lemma+"ES" {
		return false
	}
	for j := t.start - 1; j >= lo; j-- {
		switch c.words[j] {
		case "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "GET", "GOT":
			return true
		case "NOT", "N'T", "ALSO", "REPORTEDLY", "ALLEGEDLY":
			continue
		}
		return strings.HasSuffix(c.words[j], "LY") && j > lo && passiveBefore(c.words[j-1])
	}
	return false
}

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

// placeOnly reports whether a party is places only.
func (c *coder) placeOnly(p party) bool {
	for _, m := range p.members {
		if m.entity < 0 || c.ents[m.entity].Type != event.TypeLocation {
			return false
		}
	}
	return true
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

// sameType reports whether two CAMEO codes are the same PLOVER type.
func (c *coder) sameType(a, b string) bool {
	ea, ok1 := c.cb.Event(a)
	eb, ok2 := c.cb.Event(b)
	return ok1 && ok2 && ea.Type == eb.Type
}

// orSpare returns id, or spare for -1.
func orSpare(id, spare int32) int32 { return id + id>>31&(spare+1) }

// candidates returns the patterns of a block that the words of tokens
// [lo, hi) allow, in dictionary order, so that of equally specific matches
// the first wins. The clause's words must be marked present.
func (c *coder) candidates(block int, lo, hi int) []int32 {
	bp := &c.pats[block]
	out := append(c.cand[:0], bp.always...)
	if len(bp.keyed) <= hi-lo {
		// Fewer patterns than words: look the patterns' words up among
		// the clause's (marked present by codeTrigger).
		for _, kp := range bp.keyed {
			if c.present[kp.word] == c.stamp {
				out = append(out, kp.pattern)
			}
		}
	} else {
		for k := lo; k < hi; k++ {
			for _, id := range [2]int32{c.ids[k], c.sing[k]} {
				if id >= 0 && bp.keyedBy(id) {
					out = append(out, bp.keyedPatterns(id)...)
				}
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	c.cand = out
	return out
}
