package events

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// A stance is how the words before a verb say its subject stands to it.
const (
	plain      = iota
	refusal    // "will not accept", "refused to join", "failed to reach"
	intent     // "is willing to withdraw", "is ready to talk"
	threat     // "threatened to strike", "warned to retaliate"
	commitment // "vowed to retaliate" (a threat), "promised to withdraw" (an intent)
)

// modality reads the words before the trigger in its clause: negation
// ("did not meet"), the future ("will visit", "plans to"), the
// hypothetical ("could strike", "if", "must"). It also reports a stance:
// a refusal, a negation of will rather than of fact, or an intent.
func (c *coder) modality(lo int, t trigger) (m event.Modality, stance int) {
	if j := t.start - 1; j >= lo && strings.HasSuffix(c.words[t.start], "ING") {
		switch c.words[j] {
		case "REJECTED", "REJECTS", "REFUSED", "REFUSES", "OPPOSED", "OPPOSES", "RESISTED", "AVOIDED", "OUT":
			// "rejected holding talks", "ruled out meeting".
			if c.words[j] != "OUT" || j > lo && strings.HasPrefix(c.words[j-1], "RUL") {
				m.Negated, stance = true, refusal
			}
		case "DENIED", "DENIES", "DENY", "DENYING":
			m.Negated = true // "denied supplying weapons": not done, says its actor
		case "OF":
			// "accused Israel of killing civilians": alleged, not
			// reported as done.
			if c.accusedOf(lo, j) {
				m.Hypothetical = true
			}
		}
	}
	for j := t.start - 1; j >= lo && j >= t.start-6; j-- {
		if c.nameWord(j) {
			continue // "Theresa May has met"
		}
		switch c.words[j] {
		case "NOT", "N'T", "NEVER", "NEITHER", "NOR":
			// "Neither Russia nor Ukraine attended": done by neither.
			m.Negated = true
			if j > lo {
				switch c.words[j-1] {
				case "WILL", "WOULD", "CAN", "COULD", "SHALL", "DOES", "DO":
					stance = refusal
				}
			}
		case "WON'T", "WOULDN'T", "CAN'T", "CANNOT", "COULDN'T", "DOESN'T", "DON'T":
			m.Negated, stance = true, refusal
		case "WILL", "SHALL", "'LL":
			m.Future = true
		case "COULD", "MIGHT", "MAY", "WOULD", "SHOULD", "MUST", "IF", "UNLESS":
			m.Hypothetical = true
		case "TO":
			if !c.infinitive(j, t.start) {
				break // a preposition: "agreed to a ceasefire brokered by"
			}
			// The verb before "to", over a date or an adverb: "agreed
			// Saturday to ratify", "vowed again to retaliate".
			k := j - 1
			for k > lo && (c.dateStart[k] >= lo || c.adverb(k) || c.words[k] == "AGAIN") {
				if c.dateStart[k] >= lo {
					k = c.dateStart[k]
				}
				k--
			}
			if k >= lo && j > lo {
				switch c.words[k] {
				case "PLANS", "PLAN", "PLANNED", "EXPECTED", "DUE", "SET", "SCHEDULED", "INTENDS", "AIMS", "GOING",
					"IS", "ARE": // "is to visit": scheduled
					m.Future = true
				case "THREATENED", "THREATENS", "THREATEN", "THREATENING", "WARNED", "WARNS":
					m.Hypothetical = true
					if j == t.start-1 {
						stance = threat // the verb itself is threatened, not one after it
					}
				case "VOWED", "VOWS", "VOW", "VOWING", "SWORE", "SWEARS", "PLEDGED", "PLEDGES", "PROMISED",
					"PROMISES", "PROMISE":
					// A commitment: to retaliate is a threat, to
					// withdraw or to help an intent.
					m.Hypothetical = true
					if j == t.start-1 {
						stance = commitment
					}
				case "AGREED", "AGREES", "AGREE", "AGREEING", "OFFERED", "OFFERS":
					// An agreement is an intent, never a threat: "agreed
					// to resign", "offered to withdraw".
					m.Hypothetical = true
					if j == t.start-1 {
						stance = intent
					}
				case "FAILED", "FAILS", "REFUSED", "REFUSES", "REFUSE", "DECLINED", "DECLINES", "DECLINE",
					"UNWILLING", "RELUCTANT":
					m.Negated, stance = true, refusal
				case "WILLING", "READY", "PREPARED", "EAGER", "DETERMINED", "KEEN":
					m.Hypothetical, stance = true, intent
				}
			}
		}
		if c.words[j] == "," || c.words[j] == ";" {
			break
		}
	}
	return m, stance
}

// intentOf returns the CAMEO code of the intent to do what a cooperative
// code says (root 03, "express intent to …"), "" for other codes: to meet
// 036, diplomatic cooperation 032, material cooperation 031, aid 033
// (0331 to 0334 by kind), to yield 035 (0351 to 0356 by kind).
func intentOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch code[:3] {
	case "071":
		return "0331"
	case "072":
		return "0332"
	case "073":
		return "0333"
	case "074":
		return "0334"
	case "081":
		return "0351"
	case "083":
		return "034"
	case "084":
		return "0353"
	case "085":
		return "0354"
	case "086":
		return "0355"
	case "087":
		return "0356"
	}
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	}
	return ""
}

// materialVerb reports whether verb v alone codes nothing or an act of
// material cooperation (roots 06 to 08): a verb that does, not one that
// agrees or promises; or is one of doingVerbs.
func materialVerb(v codebook.Verb) bool {
	return v.Code == "---" || v.Code >= "06" && v.Code < "09" || doingVerbs[v.Lemma]
}

// doingVerbs are the verbs that do what the dictionary files with
// intents: "the US military trains Iraqi pilots" (030 in the dictionary)
// is military cooperation given (062), not promised.
var doingVerbs = map[string]bool{"TRAIN": true}

// actOf returns the CAMEO code of the act an intent to cooperate
// materially (031x: 06x) or to give aid (033x: 07x) intends, "" for other
// codes.
func actOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	root := map[string]string{"031": "06", "033": "07"}[code[:3]]
	if root == "" {
		return ""
	}
	if len(code) == 4 {
		return root + code[3:] // 0312, military: 062
	}
	return root + "0"
}

// threatOf returns the CAMEO code of threatening what a conflictual code
// says (root 13), "" for other codes: force 138 (occupation 1382),
// sanctions and bans 132 (by kind: a curfew 1723 is 1323), repression
// 137, expulsion 136, cutting relations 131 (aid 1311, an embargo 1312,
// ties 1313, talks 134, mediation 135), protest 133.
func threatOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch code[:3] {
	case "171":
		return "1382"
	case "172":
		return "132" + code[3:] // 1723, a curfew: 1323
	case "174", "166":
		return "136"
	case "175":
		return "137"
	case "161":
		return "1313"
	case "162":
		return "1311"
	case "163":
		return "1312"
	case "164":
		return "134"
	case "165":
		return "135"
	}
	switch code[:2] {
	case "18", "19", "20":
		return "138"
	case "16":
		return "131"
	case "14":
		return "133"
	case "17":
		return "130" // "threatened to arrest anyone marching"
	}
	return ""
}

// refusalOf returns the CAMEO code of refusing what code says, "" when
// code is no cooperation (roots 03 to 08): refusing to meet is 125,
// to sign an agreement 127, material cooperation or aid 121, to release
// 1243, to yield 124, else 120.
func refusalOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch {
	case code[:2] == "04" || code == "036":
		return "125"
	case code[:3] == "057":
		return "127"
	case code[:2] == "06" || code[:2] == "07":
		return "121"
	case code[:3] == "084":
		return "1243"
	case code[:2] == "08":
		return "124"
	case code[:2] == "03" || code[:2] == "05":
		return "120"
	}
	return ""
}

// accusedOf reports whether "of" at token j follows a verb of accusing
// and its object, within a few words: "accused Israel of", "charged the
// former minister of".
func (c *coder) accusedOf(lo, j int) bool {
	for k := j - 1; k >= lo && k >= j-6; k-- {
		switch c.words[k] {
		case "ACCUSED", "ACCUSES", "ACCUSE", "ACCUSING", "SUSPECTED", "SUSPECTS", "CHARGED", "CHARGES", "CONVICTED":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// conditionAfter reports whether a condition ("if", "unless") follows
// token i in the sentence being coded, before a semicolon.
func (c *coder) conditionAfter(i int) bool {
	for k := i; k < c.sentence.end; k++ {
		switch c.words[k] {
		case "IF", "UNLESS":
			return true
		case ";":
			return false
		}
	}
	return false
}

// intending are the verbs of intention and expectation that the
// dictionary codes, alone, as an intent to cooperate (030): "the
// government intends to hold a referendum", "expects that most pupils
// will return", "wants to meet". Alone they say how the act after them
// stands (see modality), no act of their own.
var intending = map[string]bool{
	"INTEND": true, "EXPECT": true, "WANT": true, "PREPARE": true, "AIM": true, "DETERMINE": true, "PLAN": true,
}
