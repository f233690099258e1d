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
	for k := plo; k < hi; k++ {
		if id := c.ids[k]; id >= 0 {
			c.present[id] = c.stamp
		}
		if id := c.sing[k]; id >= 0 {
			c.present[id] = c.stamp
		}
	}
	v := &c.view
	*v = clauseView{ids: c.ids, sing: c.sing, lo: plo, hi: hi, verb: t.start, verb1: t.end, parties: v.parties[:0], present: c.present, stamp: c.stamp}
	for _, p := range parties {
		v.parties = append(v.parties, p.span)
	}
	code, res := t.verb.Code, matchResult{source: -1, target: -1}
	matched := false
	bp := &c.pats[t.verb.Block]
	for _, k := range c.candidates(t.verb.Block, plo, hi) {
		if !v.mayMatch(bp, k) {
			continue
		}
		p := &bp.all[k]
		if r, ok := v.match(p); ok && (!matched || r.weight > res.weight) {
			code, res, matched = p.code, r, true
		}
	}
	if r, ok := c.cb.Mode(t.verb.Lemma); ok && !matched && r.CAMEO != "" && code == "---" {
		code = r.CAMEO // "hacked": COERCE/cyber, which CAMEO codes 176
	}
	if code == "---" || code == "" {
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
	case subject < 0 && prev.end > lo:
		subject = prev.source // "spoke by phone but have not met"
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
			target = c.object(t.end, hi, parties, source)
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
	}
	forward, reverse, _ := strings.Cut(code, ":")
	from := len(c.out)
	if forward != "" && forward != "---" {
		c.emit(si, lo, hi, t, forward, parties, source, target, matched)
	}
	// The reverse event is the other party's: "met" is CONSULT both
	// ways, one event; "received support from +" is only the reverse.
	if reverse != "" && reverse != "---" && target >= 0 && source >= 0 && !c.sameType(forward, reverse) {
		c.emit(si, lo, hi, t, reverse, parties, target, source, matched)
	}
	if governed && !c.implicative(t.start) {
		c.intended(c.out[from:])
	}
	return roles{source: source, target: target, start: t.start, end: t.end, lemma: t.verb.Lemma}
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
// "agreed to lend" or "a call to release" does not.
func (c *coder) implicative(v int) bool {
	j := v - 1
	for j > 0 && c.words[j] != "TO" && !strings.HasSuffix(c.words[v], "ING") {
		j--
	}
	if j == 0 {
		return false
	}
	switch c.words[j-1] {
	case "MANAGED", "MANAGES", "HELPED", "HELPS", "CONTINUED", "CONTINUES", "BEGAN", "BEGINS", "STARTED",
		"STARTS", "ON", "PROCEEDED", "DARED", "KEPT", "KEEPS", "RESUMED", "RESUMES",
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
		evs[k].Modality.Hypothetical = true
		evs[k].Confidence = math.Round(evs[k].Confidence*0.6*100) / 100
	}
}

// skippable words stand between a subject and its verb: auxiliaries,
// modals, negation, adverbs of time ("has also been", "did not").
var skippable = map[string]bool{
	"HAS": true, "HAVE": true, "HAD": true, "IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true,
	"BEEN": true, "BEING": true, "WILL": true, "WOULD": true, "CAN": true, "COULD": true, "MAY": true,
	"MIGHT": true, "SHALL": true, "SHOULD": true, "MUST": true, "DID": true, "DOES": true, "DO": true,
	"NOT": true, "N'T": true, "NEVER": true, "ALSO": true, "STILL": true, "ALREADY": true, "NOW": true,
	"THEN": true, "JUST": true, "ONCE": true, "LATER": true, "REPORTEDLY": true, "ALLEGEDLY": true,
	"RECENTLY": true, "REPEATEDLY": true, "FINALLY": true, "TO": true, "AND": true,
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
		case c.is(j-1, classSkippable) || strings.HasSuffix(w, "LY"):
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
		// An apposition: the party before the opening comma.
		for k := j - 2; k > lo; k-- {
			if c.words[k] == "," {
				if p := c.partyEnding(parties, k); p >= 0 {
					return p
				}
				break
			}
		}
		j--
	}
	return c.partyEnding(parties, j)
}

// object returns the first party after the verb in its clause that is not
// a place it happens in ("met Putin in Moscow": Putin), -1 if none.
func (c *coder) object(from, hi int, parties []party, not int) int {
	for k, p := range parties {
		if p.start < from || p.start >= hi || k == not {
			continue
		}
		if p.start > 0 && c.is(p.start-1, classPlacePreposition) && c.placeOnly(p) {
			continue
		}
		return k
	}
	return -1
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
	w := c.words[t.start]
	if w == t.verb.Lemma || !(strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "EN") || strings.HasSuffix(w, "WN")) {
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
					for _, r := range c.index.of(id, block) {
						out = append(out, r.pattern)
					}
				}
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	c.cand = out
	return out
}
