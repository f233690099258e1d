package events

import (
	"encoding/hex"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// emit appends the event of CAMEO code from party source to party target
// (-1: none) to c.out.
func (c *coder) emit(si, lo, hi int, t trigger, code string, parties []party, source, target int, pattern bool) {
	mod, stance := c.modality(lo, t)
	switch stance {
	case refusal:
		if r := refusalOf(code); r != "" {
			// "will not accept", "refused to join": a refusal is an
			// event of its own, not a negated cooperation.
			code, mod.Negated, mod.Future = r, false, false
		}
	case intent:
		if r := intentOf(code); r != "" {
			// "is willing to withdraw": a statement of intent, which
			// CAMEO codes 03, and PLOVER AGREE, or CONCEDE for an
			// intent to yield.
			code, mod.Hypothetical = r, false
		}
	case commitment:
		if r := threatOf(code); r != "" {
			code, mod.Hypothetical = r, false
		} else if r := intentOf(code); r != "" {
			// "agreed to withdraw", "promised to release": PLOVER
			// codes the promise, made (CONCEDE for yielding).
			code, mod.Hypothetical = r, false
		}
	case threat:
		if r := threatOf(code); r != "" {
			// "vowed to retaliate", "threatened to cut ties": the
			// threat is the event, and it was made.
			code, mod.Hypothetical = r, false
		}
	}
	if !mod.Future && !mod.Hypothetical && stance == plain && materialVerb(t.verb.Code) {
		if a := actOf(code); a != "" {
			// "accepted refugees", "is sending peacekeepers": the
			// dictionary's intent to aid (033) or to cooperate
			// materially (031) on a verb that says the act itself.
			code = a
		}
	}
	ev, ok := c.cb.Event(code)
	if !ok {
		if !c.unmapped || len(code) < 2 {
			return // the codebook's tests keep every code of Load's mapped
		}
		ev = codebook.Event{CAMEO: code}
	}
	if r, ok := c.cb.Mode(t.verb.Lemma); ok && (strings.HasPrefix(code, t.verb.Code) || code == r.CAMEO) {
		// A mode no CAMEO code carries: "resigned" is RETREAT/resign,
		// whether the verb codes alone or a pattern refines its code.
		if typ, ok := c.cb.Type(r.Type); ok {
			ev.Type, ev.Mode, ev.Quad = r.Type, r.Mode, typ.Quad
		}
	}
	if ev.Type == "RETREAT" && mod.Future {
		// PLOVER 2.0 counts an announced withdrawal as a concession
		// ("will withdraw its troops"): the retreat has not happened.
		if typ, ok := c.cb.Type("CONCEDE"); ok {
			ev.Type, ev.Mode, ev.Quad = typ.Name, "", typ.Quad
		}
	}
	var e event.Coding
	setCode(&e, ev)
	if source >= 0 {
		e.Actors = c.partiesOf(parties[source], lo, hi, t)
	}
	if target >= 0 && target != source {
		e.Recipients = c.partiesOf(parties[target], lo, hi, t)
	}
	if e.Actors == nil {
		e.Actors = []event.Party{}
	}
	if e.Recipients == nil {
		e.Recipients = []event.Party{}
	}
	if ownForces(&e) {
		c.recode(&e, "154")
	}
	e.Location = c.location(lo, hi, parties, source, target)
	e.Date, e.DatePrecision, e.DateSource = c.dateOf(lo, hi)
	e.Modality = mod
	e.Modality.Historical = e.DateSource == event.DateFromText && c.longBefore(e.Date)
	e.Evidence = event.Evidence{
		Sentence: si,
		Start:    int(c.toks[lo].Start),
		End:      int(c.toks[hi-1].End),
		Trigger:  event.Trigger{Text: c.text[int(c.toks[t.start].Start):int(c.toks[t.end-1].End)], Start: int(c.toks[t.start].Start), End: int(c.toks[t.end-1].End)},
	}
	e.Confidence = confidence(pattern, source >= 0, target >= 0)
	e.Key = key(&e)
	c.out = append(c.out, e)
}

// ownForces reports whether e gives military aid or cooperation (072,
// 062) to its actor's own country: "Iran is deploying a missile defence
// system to its capital" moves its forces, which CAMEO codes as
// mobilising them (154).
func ownForces(e *event.Coding) bool {
	if !strings.HasPrefix(e.CAMEO.Code, "072") && !strings.HasPrefix(e.CAMEO.Code, "062") ||
		len(e.Actors) == 0 || len(e.Recipients) == 0 || e.Actors[0].Code == "" {
		return false
	}
	for _, p := range e.Recipients {
		if p.Code != e.Actors[0].Code || p.Sector != "" {
			return false
		}
	}
	return true
}

// setCode gives e the CAMEO code of ev and its PLOVER type, mode,
// contexts and quad class.
func setCode(e *event.Coding, ev codebook.Event) {
	e.Type, e.Mode, e.Contexts, e.QuadCode = ev.Type, ev.Mode, ev.Contexts, ev.Quad
	e.CAMEO = event.CAMEO{Code: ev.CAMEO, Root: ev.Root(), Goldstein: ev.Goldstein}
}

// partiesOf turns a party's members into the event's parties; their text
// is the phrase each stands in (see phrase), on its side of trigger t in
// the clause, tokens [lo, hi).
func (c *coder) partiesOf(p party, lo, hi int, t trigger) []event.Party {
	if p.end <= t.start {
		hi = t.start
	} else {
		lo = max(lo, t.end)
	}
	out := make([]event.Party, 0, len(p.members))
	for k, m := range p.members {
		left, right := lo, hi
		if k > 0 {
			left = max(left, p.members[k-1].end)
		}
		if k+1 < len(p.members) {
			right = min(right, p.members[k+1].start)
		}
		ps, pe := c.phrase(m, left, right)
		start, end := int(c.toks[ps].Start), int(c.toks[pe-1].End)
		q := event.Party{Text: c.text[start:end], Code: m.code, Sector: m.sector, Start: start, End: end}
		if m.entity >= 0 {
			q.Entity, q.Name = c.ents[m.entity].ID, c.ents[m.entity].Name
		} else {
			q.Name = c.text[int(c.toks[m.head].Start):int(c.toks[m.end-1].End)] // "police officers" of "three Kenyan police officers"
		}
		out = append(out, q)
	}
	return out
}

// location returns the place of the clause that follows a preposition of
// place and is neither party ("met Putin in St. Petersburg"); nil if none.
// The dateline is never taken for it.
func (c *coder) location(lo, hi int, parties []party, source, target int) *event.EventLocation {
	for i := lo + 1; i < hi; i++ {
		if !c.is(i-1, classPlacePreposition) || c.entityAt[i] < 0 || c.mentionStart[i] != i {
			continue
		}
		ent := &c.ents[c.entityAt[i]]
		if ent.Type != event.TypeLocation || c.inParty(i, parties, source) || c.inParty(i, parties, target) {
			continue
		}
		end := c.entityEnd(i)
		l := &event.EventLocation{Entity: ent.ID, Text: c.text[int(c.toks[i].Start):int(c.toks[end-1].End)], Name: ent.Name, Country: c.entity(c.entityAt[i]).code}
		if ent.Geo != nil {
			l.GeoNamesID, l.Lat, l.Lon = ent.Geo.GeoNamesID, ent.Geo.Lat, ent.Geo.Lon
		}
		return l
	}
	return nil
}

func (c *coder) inParty(i int, parties []party, k int) bool {
	return k >= 0 && parties[k].start <= i && i < parties[k].end
}

// dateOf returns the date of the clause: the first date the text resolves
// in it, else the publication day.
func (c *coder) dateOf(lo, hi int) (date, precision, source string) {
	start, end := int(c.toks[lo].Start), int(c.toks[hi-1].End)
	for _, d := range c.dates {
		if d.Start >= start && d.End <= end && d.Granularity != "week" {
			return d.Value, d.Granularity, event.DateFromText
		}
	}
	return c.publishedDay(), "day", event.DateFromPublished
}

// A stance is how the words before a verb say its subject stands to it.
const (
	plain      = iota
	refusal    // "will not accept", "refused to join", "failed to reach"
	intent     // "is willing to withdraw", "is ready to talk"
	threat     // "threatened to strike", "warned to retaliate"
	commitment // "vowed to retaliate" (a threat), "agreed to withdraw" (an intent)
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
		}
	}
	for j := t.start - 1; j >= lo && j >= t.start-6; j-- {
		if c.nameWord(j) {
			continue // "Theresa May has met"
		}
		switch c.words[j] {
		case "NOT", "N'T", "NEVER":
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
			// The verb before "to", over a date or an adverb: "agreed
			// Saturday to ratify", "vowed again to retaliate".
			k := j - 1
			for k > lo && (c.dateStart[k] >= lo || strings.HasSuffix(c.words[k], "LY") || c.words[k] == "AGAIN") {
				if c.dateStart[k] >= lo {
					k = c.dateStart[k]
				}
				k--
			}
			if k >= lo && j > lo {
				switch c.words[k] {
				case "PLANS", "PLAN", "PLANNED", "EXPECTED", "DUE", "SET", "SCHEDULED", "INTENDS", "AIMS", "GOING":
					m.Future = true
				case "THREATENED", "THREATENS", "THREATEN", "THREATENING", "WARNED", "WARNS":
					m.Hypothetical = true
					if j == t.start-1 {
						stance = threat // the verb itself is threatened, not one after it
					}
				case "VOWED", "VOWS", "VOW", "VOWING", "SWORE", "SWEARS", "PLEDGED", "PLEDGES", "PROMISED",
					"PROMISES", "PROMISE", "AGREED", "AGREES", "AGREE", "AGREEING", "OFFERED", "OFFERS":
					// A commitment: to retaliate is a threat, to
					// withdraw or to help an intent.
					m.Hypothetical = true
					if j == t.start-1 {
						stance = commitment
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

// materialVerb reports whether a verb alone codes nothing or an act of
// material cooperation (roots 06 to 08): a verb that does, not one that
// agrees or promises.
func materialVerb(code string) bool {
	return code == "---" || code >= "06" && code < "09"
}

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

// longBefore reports whether an ISO 8601 date ("1994", "2024-03",
// "2025-04-11") ends more than a year before publication: "in 1994".
func (c *coder) longBefore(date string) bool {
	var end time.Time
	switch len(date) {
	case 4:
		t, err := time.Parse("2006", date)
		if err != nil {
			return false
		}
		end = t.AddDate(1, 0, 0)
	case 7:
		t, err := time.Parse("2006-01", date)
		if err != nil {
			return false
		}
		end = t.AddDate(0, 1, 0)
	case 10:
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return false
		}
		end = t.AddDate(0, 0, 1)
	default:
		return false
	}
	return end.Before(c.published.AddDate(-1, 0, 0))
}

// confidence is how much the coding rests on: a pattern rather than the
// verb alone, and both parties found.
func confidence(pattern, source, target bool) float64 {
	v := 0.4
	if pattern {
		v += 0.2
	}
	if source {
		v += 0.25
	}
	if target {
		v += 0.15
	}
	return v
}

// key identifies the real event across articles: the type, the parties
// (entities by name, agents by code and sector) and the date.
func key(e *event.Coding) string {
	h := fnv.New64a()
	write := func(ps []event.Party) {
		names := make([]string, 0, len(ps))
		for _, p := range ps {
			if p.Entity != "" {
				names = append(names, p.Name)
			} else {
				names = append(names, p.Code+p.Sector)
			}
		}
		slices.Sort(names)
		for _, n := range names {
			h.Write([]byte(n))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	h.Write([]byte(e.Type))
	h.Write([]byte{1})
	write(e.Actors)
	write(e.Recipients)
	h.Write([]byte(e.Date))
	return hex.EncodeToString(h.Sum(nil))
}
