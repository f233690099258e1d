package events

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// What a coding's code was read from.
type codedFrom uint8

const (
	byVerb            codedFrom = iota // the verb alone
	byPattern                          // a pattern of the verb
	byNegatingPattern                  // a pattern that negates the verb ("WILL NOT *"), whose code says so
)

// codedBy returns what a code was read from: a pattern if matched, one
// that negates the verb if negates.
func codedBy(matched, negates bool) codedFrom {
	switch {
	case !matched:
		return byVerb
	case negates:
		return byNegatingPattern
	}
	return byPattern
}

// emit appends the event of CAMEO code from party source to party target
// (-1: none) to c.out.
func (c *coder) emit(si, lo, hi int, t trigger, code string, parties []party, source, target int, from codedFrom) {
	if source >= 0 && target >= 0 && sameEntity(parties[source], parties[target]) {
		target = -1 // an actor's event on itself has no recipient
	}
	if source >= 0 && target < 0 && c.quotedSelf(parties[source]) {
		// '"We want to thank", he said', '"I suspect"': a speaker on
		// what they think or feel, to nobody, is no event; what they do
		// to someone is ('"I will meet Putin," Trump said').
		return
	}
	mod, stance := c.modality(lo, t)
	if from == byNegatingPattern {
		// The code is the negated verb's: "will not wire tap" is 081 in
		// PETRARCH's test dictionary, no refusal of 1711.
		mod.Negated = false
		if stance == refusal {
			stance = plain
		}
	}
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
	if stance == plain && !mod.Negated && (mod.Future || mod.Hypothetical) && (aimed(code) || strings.HasPrefix(code, "172")) && c.conditionAfter(t.end) {
		// Force to come on a condition is a threat made: "to destroy
		// the loudspeakers if the enemy does not stop the broadcasts";
		// not force done ("attacked the town, if reports are true").
		if r := threatOf(code); r != "" {
			code, mod.Future, mod.Hypothetical = r, false, false
		}
	}
	if stance == plain && mod.Future && !mod.Negated && (aimed(code) || strings.HasPrefix(code, "172")) {
		// "says it will begin a military operation against": force
		// announced is a threat made (CAMEO 138), as "vowed to strike";
		// so are restrictions ("will extend the curfew": 1323).
		if r := threatOf(code); r != "" {
			code, mod.Future, mod.Hypothetical = r, false, false
		}
	}
	if !mod.Future && !mod.Hypothetical && stance == plain && materialVerb(t.verb) {
		if a := actOf(code); a != "" {
			// "accepted refugees", "is sending peacekeepers": the
			// dictionary's intent to aid (033) or to cooperate
			// materially (031) on a verb that says the act itself.
			code = a
		}
	}
	if c.bareClaim(t, from) {
		code = "010" // see claims.go
	}
	if from == byVerb && code == "030" && intending[t.verb.Lemma] {
		return // "intends to", "expects that": what is intended is the event, if any
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
	c.disapproval(&ev, t)
	if future := toCome[ev.Type]; future != "" && mod.Future && !mod.Negated {
		// PLOVER 2.0 counts an announced withdrawal as a concession
		// ("will withdraw its troops"), and a meeting or visit to come
		// as an agreement ("will meet"): neither has happened.
		if typ, ok := c.cb.Type(future); ok {
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
	target = c.recodeByParties(&e, t, parties, target)
	c.contextCodes(&e)
	c.recodeByClause(&e, t, lo, hi)
	c.clauseMode(&e, lo, hi)
	e.Location = c.location(max(lo, c.placeFrom), hi, parties, source, target)
	e.Date, e.DatePrecision, e.DateSource = c.dateOf(lo, hi)
	e.Modality = mod
	e.Modality.Historical = e.DateSource == event.DateFromText && c.longBefore(e.Date)
	e.Evidence = event.Evidence{
		Sentence: si,
		Start:    int(c.toks[lo].Start),
		End:      int(c.toks[hi-1].End),
		Trigger:  event.Trigger{Text: c.text[int(c.toks[t.start].Start):int(c.toks[t.end-1].End)], Start: int(c.toks[t.start].Start), End: int(c.toks[t.end-1].End)},
		Field:    c.field,
	}
	e.Confidence = confidence(from != byVerb, source >= 0, target >= 0)
	e.Key = key(&e)
	c.out = append(c.out, e)
}

// mutual makes one event of each meeting or talks of the sentence's
// events from from on that the dictionary codes the same both ways ("held
// talks with", "met with"; see c.mutuals): a mutual act, with every party
// an actor and no recipient, as PLOVER's annotators code it. It runs once
// the sentence is coded, so that no rule gives the event a recipient
// again. Other acts the dictionary codes both ways keep their recipient,
// as CAMEO's annotators mark it: a call has a caller ("called Erdogan");
// "clashed with" or "shared evidence with" someone is an act on them; so
// is a refusal to meet. So do a place visited ("talks in Moscow") and an
// event with no actor ("was not consulted" says who was not).
func (c *coder) mutual(from int) {
	for k := range c.out[from:] {
		e := &c.out[from+k]
		if len(e.Actors) == 0 || len(e.Recipients) == 0 || !meeting(e.CAMEO.Code) ||
			!slices.Contains(c.mutuals, e.Evidence.Trigger.Start) || slices.ContainsFunc(e.Recipients, c.placeParty) {
			continue
		}
		e.Actors = append(e.Actors, e.Recipients...)
		e.Recipients = []event.Party{}
		e.Key = key(e)
	}
}

// meeting reports whether CAMEO code is a meeting or negotiations (040,
// 044, 046), not a visit or a call.
func meeting(code string) bool { return code == "040" || code == "044" || code == "046" }

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
// place (see placeAfterPreposition) and is neither party ("met Putin in
// St. Petersburg", "in the Red Sea"); nil if none.
// The dateline is never taken for it.
func (c *coder) location(lo, hi int, parties []party, source, target int) *event.EventLocation {
	for i := lo + 1; i < hi; i++ {
		if c.entityAt[i] < 0 || c.mentionStart[i] != i {
			continue
		}
		if !c.placeAfterPreposition(lo, i) {
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

// placeAfterPreposition reports whether a preposition of place stands
// before token i, over the words that name what the place is: "in Gaza",
// "in the Red Sea", "in northern Nigeria", "in the capital Tbilisi", "in
// the southern city of Basra".
func (c *coder) placeAfterPreposition(lo, i int) bool {
	for k := i - 1; k > lo && k >= i-5; k-- {
		if c.is(k, classPlacePreposition) {
			return true
		}
		t := c.toks[k]
		if t.Kind != token.Word || t.Flags&token.Upper != 0 && c.words[k] != "THE" || c.entityAt[k] >= 0 || c.mayBeVerb(k) {
			return false
		}
	}
	return false
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

// sameEntity reports whether parties p and q are one named entity each,
// the same.
func sameEntity(p, q party) bool {
	return len(p.members) == 1 && len(q.members) == 1 && p.members[0].entity >= 0 && p.members[0].entity == q.members[0].entity
}

// confidence is how much the coding rests on: a pattern rather than the
// verb alone, and both parties found. It is summed in hundredths, so that
// 0.85 is written 0.85, not 0.8500000000000001.
func confidence(pattern, source, target bool) float64 {
	v := 40
	if pattern {
		v += 20
	}
	if source {
		v += 25
	}
	if target {
		v += 15
	}
	return float64(v) / 100
}

// key identifies the real event across articles: the type, the parties
// (entities by name, agents by code and sector) and the date.
func key(e *event.Coding) string {
	h := fnvString(fnvOffset, string(e.Type))
	h = fnvByte(h, 1)
	h = fnvParties(h, e.Actors)
	h = fnvParties(h, e.Recipients)
	h = fnvString(h, e.Date)
	var sum [8]byte
	binary.BigEndian.PutUint64(sum[:], h)
	return hex.EncodeToString(sum[:])
}

// FNV-1a, 64 bits, written out so that a key costs no hasher, closure or
// byte slice: the stage makes one per event.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// fnvParties hashes the parties' names (their codes for a party that is
// no entity) in sorted order, each ended by 0, then 1.
func fnvParties(h uint64, ps []event.Party) uint64 {
	var buf [4]string
	names := buf[:0]
	for _, p := range ps {
		if p.Entity != "" {
			names = append(names, p.Name)
		} else {
			names = append(names, p.Code+p.Sector)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		h = fnvByte(fnvString(h, n), 0)
	}
	return fnvByte(h, 1)
}

// toCome maps the PLOVER types whose acts, announced for the future, PLOVER
// 2.0 codes as another type: a retreat to come is a concession, a meeting
// or visit to come an agreement.
var toCome = map[string]string{"RETREAT": "CONCEDE", "CONSULT": "AGREE"}
