package events

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
)

// What a speaker says another party must or should do is the speaker's
// demand or appeal to that party: "Human Rights Watch said the
// authorities must ensure security" is a demand of Human Rights Watch to
// the authorities (CAMEO 10), "… should ensure" an appeal (CAMEO 02). The
// act asked for is coded too, as intended: nobody says it took place.

// obliged returns the modal of obligation that stands before trigger t in
// its clause, from token lo: "MUST" (also "has to", "needs to") or
// "SHOULD" ("ought to"); "" if none.
func (c *coder) obliged(lo int, t trigger) string {
	for j := t.start - 1; j >= lo && j >= t.start-4; j-- {
		switch c.words[j] {
		case "MUST":
			return "MUST"
		case "SHOULD", "OUGHT":
			return "SHOULD"
		case "TO":
			if j > lo {
				switch c.words[j-1] {
				case "HAS", "HAVE", "NEEDS", "NEED":
					return "MUST"
				}
			}
		case ",", ";", "THAT":
			return ""
		}
	}
	return ""
}

// obligationOf returns the CAMEO code of demanding (modal "MUST") or
// appealing for ("SHOULD") what a cooperative code says, "" for other
// codes: material cooperation 101 or 021, aid 103 or 023 (by kind), to
// yield 105 or 025 (by kind; reform 104 or 024), to meet 106 or 026, to
// mediate 108 or 028; else 100 or 020.
func obligationOf(modal, code string) string {
	if len(code) < 2 {
		return ""
	}
	demand, appeal := "", ""
	switch {
	case strings.HasPrefix(code, "039"), strings.HasPrefix(code, "045"):
		demand, appeal = "108", "028"
	case strings.HasPrefix(code, "04"):
		demand, appeal = "106", "026"
	case strings.HasPrefix(code, "083"):
		demand, appeal = "104", "024"
	case strings.HasPrefix(code, "08"):
		demand, appeal = "105", "025"
	case strings.HasPrefix(code, "07"):
		demand, appeal = "103", "023"
	case strings.HasPrefix(code, "06"):
		demand, appeal = "101", "021"
	case code[:2] >= "03" && code[:2] <= "05":
		demand, appeal = "100", "020"
	default:
		return ""
	}
	// Aid and yielding keep their kind: to release (084) is 1053 or 0253.
	if len(code) >= 3 {
		if k := obligedKind[code[:3]]; k != "" {
			demand, appeal = demand+k, appeal+k
		}
	}
	if modal == "MUST" {
		return demand
	}
	return appeal
}

// obligedKind is the last digit of the demand or appeal for a kind of aid
// (071 to 074) or of yielding (081 to 087).
var obligedKind = map[string]string{
	"071": "1", "072": "2", "073": "3", "074": "4",
	"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6",
}

// pronounSubject reports whether a subject pronoun stands in tokens [i, j):
// "the rebels said they will release", where the pronoun is the speaker.
func (c *coder) pronounSubject(i, j int) bool {
	for k := i; k < j; k++ {
		switch c.words[k] {
		case "HE", "SHE", "IT", "THEY", "WE", "I":
			return true
		}
	}
	return false
}

// promised recodes the events in the future that a speaker says it will
// do ("the rebels said they will release the hostages") as what PLOVER
// and CAMEO code them: the speaker's intent (root 03), expressed now.
// Backshifted says that the future is reported ("said it would allow"),
// where "would" is "will" told in the past.
func (c *coder) promised(evs []event.Coding, backshifted bool) {
	for k := range evs {
		e := &evs[k]
		future := e.Modality.Future || backshifted && e.Modality.Hypothetical
		if !future || e.Modality.Negated || e.Modality.Hypothetical && !backshifted {
			continue
		}
		e.Modality.Hypothetical = false
		code := intentOf(e.CAMEO.Code)
		if aimed(e.CAMEO.Code) || strings.HasPrefix(e.CAMEO.Code, "172") {
			// Force or restrictions the speaker says it will use are a
			// threat made ("North Korea said it would attack"), as
			// "vowed to strike".
			code = threatOf(e.CAMEO.Code)
		}
		if c.recode(e, code) {
			e.Modality.Future = false
			e.Key = key(e)
		} else {
			e.Modality.Future = true // what is to come, not what was done
		}
	}
}

// backshifted reports whether "would" stands in tokens [i, j), and no
// "if": the reported future of "Ethiopia said it would allow".
func (c *coder) backshifted(i, j int) bool {
	would := false
	for k := i; k < j; k++ {
		switch c.words[k] {
		case "WOULD", "'D":
			would = true
		case "IF", "UNLESS", "COULD", "MIGHT", "MAY":
			return false
		}
	}
	return would
}

// recode gives e the CAMEO code code and its PLOVER type, mode and
// contexts; it reports false, leaving e, for a code the codebook does not
// map.
func (c *coder) recode(e *event.Coding, code string) bool {
	ev, ok := c.cb.Event(code)
	if code == "" || !ok {
		return false
	}
	setCode(e, ev)
	e.Key = key(e)
	return true
}

// reportedDemand recodes the statements of a sentence that report what
// must be, when the sentence has no other event: "Trump said the
// oppression of the Venezuelan people must end" is Trump's demand (100),
// to the party named before "must" if there is one.
func (c *coder) reportedDemand(from, first, last int, parties []party) {
	for _, e := range c.out[from:] {
		if e.CAMEO.Root != "01" {
			return // the reported event is coded: dropReporting keeps it
		}
	}
	for k := range c.out[from:] {
		e := &c.out[from+k]
		i := min(c.tokenAt(e.Evidence.Trigger.Start), last-1)
		for j := i + 1; j < last; j++ {
			if c.words[j] == ";" {
				break
			}
			if c.words[j] != "MUST" {
				continue
			}
			if !c.recode(e, "100") {
				break
			}
			// The party must be the clause's subject, not in a phrase
			// of it ("the oppression of the Venezuelan people").
			if p := c.partyEnding(parties, c.skipToSubject(i+1, j)); p >= 0 && len(e.Recipients) == 0 &&
				!c.is(parties[p].start-1, classPreposition) {
				e.Recipients = c.partiesOf(parties[p], first, last, trigger{start: i, end: i + 1})
				e.Key = key(e)
			}
			break
		}
	}
}
