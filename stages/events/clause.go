package events

import (
	"slices"
	"strings"
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
	*v = clauseView{ids: c.ids, sing: c.sing, words: c.words, tags: c.tags, lo: plo, hi: reach, verb: t.start, verb1: t.end, parties: v.parties[:0], present: c.present, stamp: c.stamp}
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
	if !matched {
		// "Sanctions on Iran were lifted": the passive's subject is
		// what the active verb's patterns take after it.
		code, res, matched = c.passivePatterns(plo, t, bp, code, res)
	}
	c.consumed = matched && res.end > hi
	if !matched || code == t.verb.Code {
		// The verb's own code, whether a pattern matched or not: "hacked"
		// is COERCE/cyber, which CAMEO codes 176; "indicted X for
		// bribery" an accusation (1121), not an arrest.
		if r, ok := c.cb.Mode(t.verb.Lemma); ok && r.CAMEO != "" {
			code = r.CAMEO
		}
	}
	if code == "---" || code == "" || c.discardIn(plo, hi) || contestVerbs[t.verb.Lemma] && c.anyWord(lo, hi, contestWords) || c.prevented(t, prev) {
		return roles{source: -1, target: -1, start: t.start, end: t.end, lemma: t.verb.Lemma}
	}
	passive := c.passive(lo, t) || c.reducedPassive(prev, t, parties) || c.headlinePassive(hi, t, code, parties) || undergone[t.verb.Lemma]
	if passive && raising[t.verb.Lemma] && t.end < hi && c.words[t.end] == "TO" {
		// "Barrot is expected to visit Beirut", "Iran is believed to
		// have supplied drones": the event is the infinitive's, of the
		// subject; the verb before says who thinks it.
		return roles{source: -1, target: -1, start: t.start, end: t.end, lemma: t.verb.Lemma}
	}
	source, target := res.source, res.target
	subject := c.subject(prev.end, t.start, parties)
	if r := c.relativeBefore(lo, prev, t, parties); r >= 0 {
		// "Hamas, which controls Gaza, rejected": the verb after a
		// relative clause between commas is its antecedent's.
		subject = r
	}
	if subject < 0 && !passive {
		if s, comma := c.frontedParticiple(t, hi, parties); s >= 0 {
			// "Discussing his concern in a statement, Malaysia's Prime
			// Minister said": the participle that opens the sentence is
			// its subject's, and its object stands before the comma.
			subject, hi = s, comma
			if target == s {
				target = -1
			}
		}
	}
	// Governed: an infinitive ("agreed to lend") or a gerund right after
	// the verb before ("is considering sending").
	governed := prev.end > lo && (c.infinitive(prev.end, t.start) ||
		t.start == prev.end && strings.HasSuffix(c.words[t.start], "ING"))
	// Its place stands after it, or anywhere before it if it is the
	// sentence's first verb ("In Kyiv, officials said") or governed by
	// the verb before ("marched in Tbilisi to protest"): the place of an
	// earlier verb's object is not its ("attacked positions in Gaza, the
	// military said, after militants fired rockets").
	c.placeFrom = lo
	if prev.end > lo && !governed {
		c.placeFrom = t.end
	}
	shared := -1
	switch {
	case governed && prev.target >= 0 && (objectControl[prev.lemma] || c.callOn(prev)):
		// "urged Moscow and Kiev to reach": the object of the verb
		// before acts.
		subject = prev.target
	case governed && c.nounOwner(lo, t.start, parties) >= 0:
		// "protested against the government's decision to suspend
		// talks": the infinitive says what the noun's owner does.
		subject = c.nounOwner(lo, t.start, parties)
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
	case prev.end > lo && c.joinedVerb(prev.end, t.start):
		// "condemned an attack by militants and promised aid": the
		// subject of the verb before, not a party of its object.
		subject = prev.source
		if subject < 0 {
			subject = c.subject(lo, prev.start, parties)
		}
	case subject < 0 && prev.target >= 0 && t.start > lo && strings.HasSuffix(c.words[t.start], "ING") &&
		(c.words[t.start-1] == "OF" || c.words[t.start-1] == "FOR"):
		subject = prev.target // "accused Israel of killing civilians"
	case subject < 0 && prev.end > lo && c.sharesSubject(prev.end, t.start):
		subject = prev.source // "spoke by phone but have not met"
	case prev.end > lo && t.start-1 >= prev.end && documents[c.words[t.start-1]] && strings.HasSuffix(c.words[t.start], "ING") &&
		!c.partyIn(parties, prev.end, t.start):
		// "issued a statement condemning", "adopted a resolution
		// demanding": what the document says, its author says.
		subject = prev.source
		if subject < 0 {
			subject = c.subject(lo, prev.start, parties)
		}
	case prev.source >= 0 && t.start-1 > prev.end && c.words[t.start-1] == "," && strings.HasSuffix(c.words[t.start], "ING"):
		// "The Taliban refused talks with the government, demanding
		// ...": the participle's subject is the clause's.
		subject = prev.source
	case prev.source < 0 && prev.end <= lo && t.start-1 > lo && c.words[t.start-1] == "," && strings.HasSuffix(c.words[t.start], "ING"):
		// "Putin was on display on state television, greeting ...": no
		// verb before codes anything, and the clause's subject is the
		// one before its "be".
		if v := c.formOfBe(lo, t.start-1); v > lo {
			if s := c.subject(lo, v, parties); s >= 0 {
				subject = s
			}
		}
	}
	if subject == prev.source && strings.HasPrefix(prev.code, "01") && c.act.source >= 0 && c.act.end <= prev.start &&
		t.start-1 >= prev.end && c.words[t.start-1] == "," && strings.HasSuffix(c.words[t.start], "ING") {
		// A participle after a speaker between commas is the reported
		// act's: "Russia launched drones, the air force said,
		// damaging energy facilities".
		subject = c.act.source
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
			if target >= 0 && c.means(parties[target]) {
				target = -1 // "the missiles fired by the Israeli military"
			}
			if target < 0 && aimed(code) {
				// What the means were aimed at: "rockets were fired at
				// northern Israel".
				target = c.object(t.end, hi, parties, source, true, false)
			}
		} else {
			target = c.object(t.end, hi, parties, source, aimed(code), hosted(code))
			if target >= 0 && (strings.HasPrefix(code, "15") || strings.HasPrefix(code, "062")) && c.ownForces(parties[target]) {
				// Forces mobilised or sent are the actor's own: where
				// they go is the recipient, if anywhere ("deployed 400
				// police officers to Haiti", "sent troops to Belarus",
				// "strengthen the country's nuclear forces").
				target = c.object(parties[target].end, hi, parties, source, false, true)
			}
			if target < 0 && c.shared.end > c.shared.start {
				target = c.object(c.shared.start, c.shared.end, parties, source, aimed(code), hosted(code))
			}
		}
		if target < 0 && shared != source {
			target = shared
		}
	}
	if passive && source < 0 && target >= 0 && strings.HasPrefix(code, "15") {
		// Forces mobilised with nobody named who mobilised them are the
		// actor, as PLOVER codes MOBILIZE: "the military has been placed
		// on high alert"; where they were sent is the recipient, if
		// anywhere ("troops were deployed to Belarus").
		source = target
		if target = c.object(t.end, hi, parties, source, false, true); target >= 0 && c.ownForces(parties[target]) {
			target = -1 // "dispatched to the front-line troops": their own
		}
	}
	switch {
	case t.verb.Lemma == "RULE" && source >= 0 && c.judicial(parties[source]):
		// A court that rules judges; the dictionary's RULE governs
		// (060): "the court ruled that the worship is legal".
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case source < 0 && code >= "18" && code < "21" && c.anyWord(c.sentence.start, c.sentence.end, mishaps):
		// Deaths in a disaster or an accident, with nobody named who
		// used force: "345 pilgrims were killed in a stampede", "76
		// people were killed when the hotel collapsed".
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case visit(code) && (source >= 0 || target >= 0) && !c.political(parties, source) &&
		!(c.political(parties, target) && !c.placeOnly(parties[target])):
		// Meetings and visits are those of political actors, the place
		// visited aside: "pilgrims arrive in Mecca", "reporters attended
		// the opening in Berlin" are none.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case code >= "02" && code < "09" && source >= 0 && !c.political(parties, source) && !c.political(parties, target) && !c.resigning(t) &&
		!c.humanitarian(code, parties, target):
		// Cooperation of private persons and bodies is none of PLOVER's,
		// which codes the acts of political actors: "Twitter gave Mohamed
		// the option", "former members helped him leave", "the company
		// expects"; nor of names no dictionary knows, which the
		// guidelines leave out as unsure. What is done to someone by
		// nobody named may be any actor's ("all hostages were
		// released"), and who resigns leaves an office.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case strings.HasPrefix(code, "07") && source < 0 && !c.political(parties, target) && !c.humanitarian(code, parties, target):
		// Aid given by nobody named to a private person or body: "the
		// grant will help the company expand" says no one gives it, and
		// the guidelines leave out what is unsure. Aid to civilians,
		// refugees or people at large is humanitarian whoever gives it.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case lightVerbs[t.verb.Lemma] && target < 0 && !passive && c.thingObject(t.end, hi):
		// Done to a thing, to nobody: "took questions", "take years".
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case matched:
	case source < 0 && target < 0:
		// Nobody named does it or has it done: nothing to report.
		return roles{source: -1, target: -1, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case t.verb.Inherited && source < 0 && !(passive && target >= 0 && (code >= "14" || strings.HasPrefix(code, "11") || c.humanitarian(code, parties, target))):
		// A verb the dictionary codes only by its block ("think" with
		// "consider") needs someone who does it; but force suffered by
		// someone named, or an accusation against them, is an event
		// whoever used or made it ("two soldiers were killed", "Petrov
		// was charged with espionage"), and humanitarian aid ("asylum
		// seekers rescued"). Not whatever else is done to someone: "were
		// encouraged to", "was proposed as".
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	case (code == "040" || code == "060") && target < 0 && !c.codedParty(parties, source):
		// The unspecified consultation or cooperation a verb of coming,
		// going or increasing codes alone needs a recipient or an actor
		// of known country or sector: "Montalvo left", "traffic
		// increased" are no events.
		return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
	}
	forward, reverse, _ := strings.Cut(code, ":")
	forward = c.demobilising(t, forward, parties, source, target)
	from := len(c.out)
	// "X said Y must ensure security": X's demand to Y.
	demand := ""
	if strings.HasPrefix(prev.code, "01") && prev.source >= 0 && source >= 0 && source != prev.source {
		if m := c.obliged(plo, t); m != "" {
			demand = obligationOf(m, forward)
		}
	}
	if demand != "" {
		c.emit(si, lo, hi, t, demand, parties, prev.source, source, byVerb)
		if len(c.out) > from {
			c.out[from].Modality.Hypothetical = false // the demand was made
		}
		from = len(c.out)
	}
	if forward != "" && forward != "---" {
		n := len(c.out)
		c.emit(si, lo, hi, t, forward, parties, source, target, codedBy(matched, res.negates))
		if reverse == forward && !c.reciprocal && len(c.out) > n {
			c.mutuals = append(c.mutuals, c.out[n].Evidence.Trigger.Start) // see mutual
		}
	}
	// The reverse event is the other party's: "met" is CONSULT both
	// ways, one event; "received support from +" is only the reverse.
	if reverse != "" && reverse != "---" && target >= 0 && source >= 0 && (c.reciprocal || !c.sameType(forward, reverse)) {
		c.emit(si, lo, hi, t, reverse, parties, target, source, codedBy(matched, res.negates))
	}
	// A future reported ("the rebels said they will release", "Retief
	// said South Africa would give") is the intent of who is to act, as
	// CAMEO codes it.
	if strings.HasPrefix(prev.code, "01") && prev.source >= 0 && (source >= 0 || c.pronounSubject(prev.end, t.start)) {
		c.promised(c.out[from:], c.backshifted(prev.end, t.start))
	}
	if governed && !c.implicative(t.start) && prev.lemma != summon || demand != "" {
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

// documents are the nouns of what an actor issues, adopts or sends that
// a participle after them gives the content of.
var documents = map[string]bool{
	"STATEMENT": true, "RESOLUTION": true, "REPORT": true, "LETTER": true, "DECREE": true, "BILL": true,
	"MOTION": true, "COMMUNIQUE": true, "DECLARATION": true, "MESSAGE": true, "NOTE": true, "PETITION": true,
	"VIDEO": true, "POST": true, "SPEECH": true, "ORDER": true, "DOCUMENT": true, "REPORTS": true,
}

// partyIn reports whether a party starts in tokens [from, to).
func (c *coder) partyIn(parties []party, from, to int) bool {
	return slices.ContainsFunc(parties, func(p party) bool { return p.start >= from && p.start < to })
}

// ownForces reports whether party p is forces of no country: troops or
// police an actor mobilises are its own.
func (c *coder) ownForces(p party) bool {
	for _, m := range p.members {
		if m.entity >= 0 || m.code != "" || m.sector != "MIL" && m.sector != "COP" {
			return false
		}
	}
	return true
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
