package events

import (
	"github.com/newsflow/newsflow/stages/extract/token"
	"math"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
)

// infinitive reports whether "to" stands right before the verb at v,
// over adverbs.
func (c *coder) infinitive(lo, v int) bool {
	for j := v - 1; j >= lo; j-- {
		switch c.words[j] {
		case "TO":
			return true
		case "HAVE", "BE", "BEEN":
			continue // "to have supplied", "to be released"
		}
		if !c.adverb(j) {
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

// callOn reports whether the verb of r is "call" and "on" or "upon" follows
// it: the dictionary codes "called" and its patterns take the particle
// ("called on the United States and France to press Israel"), which makes
// the object of "call on" one of objectControl's.
func (c *coder) callOn(r roles) bool {
	return r.lemma == "CALL" && r.end < len(c.words) && (c.words[r.end] == "ON" || c.words[r.end] == "UPON")
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
	// Over a date or an adverb between: "decided on Thursday to ease",
	// "managed finally to reach".
	for j > 1 && (c.dateStart[j-1] >= 0 || c.adverb(j-1)) {
		if d := c.dateStart[j-1]; d >= 0 {
			j = d
			if j > 1 && c.is(j-1, classPreposition) {
				j--
			}
			continue
		}
		j--
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

// summon is the lemma of the verb whose infinitive of purpose takes place
// as it does: a diplomat summoned "to complain" or "to protest" hears the
// complaint, as CAMEO codes it (114), where one urged or invited to act
// may not.
const summon = "SUMMON"

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
		if code := evs[k].CAMEO.Code; (aimed(code) || strings.HasPrefix(code, "172")) && !evs[k].Modality.Negated &&
			c.conditionAfter(c.tokenAt(evs[k].Evidence.Trigger.End)) && c.recode(&evs[k], threatOf(code)) {
			// Force meant on a condition is a threat made: "sent to
			// destroy the loudspeakers if the enemy does not stop".
			continue
		}
		evs[k].Modality.Hypothetical = true
		evs[k].Confidence = math.Round(evs[k].Confidence*0.6*100) / 100
	}
}

// dropVague drops the bare threat or refusal (CAMEO 130, 120) of the
// verb before, when the events from c.out[from] on say what was
// threatened or refused: "threatened to cut ties" is one event, 1313;
// "rejected holding talks" one, 125; and a summons, when they say what it
// was for: "summoned the ambassador to complain" is the complaint, 114,
// made (see summon). Another event of the verb before
// with no recipient takes the recipient of theirs, as CAMEO codes the
// sentence: "threatened to retaliate against South Korea" is a threat to
// South Korea, "decided to grant asylum to Evo Morales" a decision about
// him.
func (c *coder) dropVague(from int, prev roles) {
	for k := from - 1; k >= 0; k-- {
		e := &c.out[k]
		if e.Evidence.Trigger.Start != int(c.toks[prev.start].Start) {
			continue
		}
		root := e.CAMEO.Root
		said := slices.ContainsFunc(c.out[from:], func(f event.Coding) bool { return f.CAMEO.Root == root })
		if (e.CAMEO.Code == "130" || e.CAMEO.Code == "120") && said || prev.lemma == summon && len(c.out) > from {
			c.out = slices.Delete(c.out, k, k+1)
			return
		}
		if len(e.Recipients) == 0 {
			// "threatened to retaliate against South Korea": the threat
			// is to whom the infinitive acts on.
			if f := slices.IndexFunc(c.out[from:], func(f event.Coding) bool { return len(f.Recipients) > 0 }); f >= 0 {
				e.Recipients = slices.Clone(c.out[from+f].Recipients)
			}
		}
		return
	}
}

// nounOwner returns the party that owns the noun an infinitive at token
// v completes ("the government's decision to suspend", "Iran's plan to
// enrich"), -1 if the word before its "to" is no noun of an owner.
func (c *coder) nounOwner(lo, v int, parties []party) int {
	j := v - 1
	for j > lo && c.adverb(j) {
		j--
	}
	if j <= lo || c.words[j] != "TO" {
		return -1
	}
	k := j - 1
	if n, _ := c.agentWords(k, j); n > 0 || c.roleWord(k) {
		return -1 // no act of its owner: "summoned France's ambassador to protest"
	}
	for n := 0; n < 3 && k > lo && c.toks[k].Flags&token.Possessive == 0 && c.noun(k); n++ {
		k--
	}
	if k == j-1 || c.toks[k].Flags&token.Possessive == 0 {
		return -1
	}
	if p := c.partyEnding(parties, k); p >= 0 {
		return p
	}
	// Or the owner's party holds what it owns (see possessed): "Israel's
	// decision".
	for h, p := range parties {
		if p.start < k && p.end == j && !c.source(p.start) {
			return h
		}
	}
	return -1
}
