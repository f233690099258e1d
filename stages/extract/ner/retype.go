package ner

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// tally is what retype learns of one name across its mentions.
type tally struct {
	count   int    // mentions
	votes   [3]int // per type, weighted by evidence (see typeIndex)
	product bool   // followed by a version somewhere (see versionAfter)
	// surname is matchesSurname's answer for the name: 0 if not asked
	// yet, else 1 for no and 2 for yes.
	surname uint8
}

var voteTypes = [3]string{event.TypePerson, event.TypeOrganization, event.TypeLocation}

// retype settles the types the text itself decides: a lone word that is
// the surname of a person named in full elsewhere (or a spelling of it,
// "Vitkov" for "Witkoff") is that person; a name typed on weak evidence
// takes the type it has where the evidence is stronger; sentence-initial
// words known nowhere are dropped.
func (d *doc) retype() {
	d.splitSurnames()
	d.coordinate()
	// Each name's type is voted by its mentions, weighted by evidence.
	surnames, firstNames, orgLast := d.parts[0][:0], d.parts[1][:0], d.parts[2][:0]
	defer func() { d.parts[0], d.parts[1], d.parts[2] = surnames, firstNames, orgLast }()
	d.tallyIndex.reset(len(d.ms))
	for k := range d.ms {
		m := &d.ms[k]
		m.key = nameHash(d.span(m.tok0, m.tok1))
		t := d.tallyOf(m)
		t.count++
		if m.entry == nil && d.versionAfter(m.tok1) {
			t.product = true
		}
		if m.typ == "" {
			continue
		}
		t.votes[typeIndex(m.typ)] += 1 << (2 * m.evidence)
		if m.typ == event.TypePerson && m.tok1-m.tok0 >= 2 {
			surnames = appendNew(surnames, d.word(m.tok1-1))
			firstNames = appendNew(firstNames, d.word(m.tok0))
		}
		if m.typ == event.TypeOrganization && m.tok1-m.tok0 >= 2 && m.evidence >= evidenceCue {
			orgLast = appendNew(orgLast, d.word(m.tok1-1))
		}
	}
	surnameKeys := d.surnameKeys[:0]
	for _, s := range surnames {
		surnameKeys = append(surnameKeys, newNameKey(s))
	}
	d.surnameKeys = surnameKeys
	kept := d.ms[:0]
	for k, m := range d.ms {
		t := &d.tallies[m.tally]
		if m.entry == nil && (t.product || m.tok1-m.tok0 == 1 && d.productCode(m.tok0)) {
			continue
		}
		if d.townNamedPerson(&m) {
			// "Paris Hilton" … "Paris": the person, not the capital.
			m.typ, m.evidence, m.entry, m.entries, m.country = event.TypePerson, evidenceContext, nil, nil, ""
		}
		if m.evidence < evidenceKnown {
			name := d.span(m.tok0, m.tok1)
			switch {
			case m.tok1-m.tok0 == 1 && (matchesSurname(t, name, surnameKeys) || contains(firstNames, name)):
				m.typ, m.evidence, m.entry, m.entries, m.country = event.TypePerson, evidenceContext, nil, nil, ""
			case m.tok1-m.tok0 == 1 && contains(orgLast, name) && !d.is(m.tok0, cueOrgHead):
				// "Scientology" after "Church of Scientology".
				m.typ, m.evidence = event.TypeOrganization, evidenceContext
			default:
				if typ := winner(t.votes); typ != "" && typ != m.typ {
					m.typ = typ
					if typ != event.TypeLocation {
						m.entry, m.entries = nil, nil
					}
				}
			}
		}
		if m.typ == "" || d.weak(m) {
			continue
		}
		if m.typ == event.TypePerson && m.role == "" {
			// The mentions after this one are as recognize left them:
			// kept overwrites only those before.
			role, country := d.roleAfter(m.tok1, d.ms[k+1:])
			if role == "" && d.hasRoleBefore(m.tok0) {
				// A known name keeps the role the text gives it too:
				// "Kremlin spokesman Dmitry Peskov".
				role, country = d.roleBefore(m.tok0)
			}
			m.role = role
			if m.country == "" {
				m.country = country
			}
		}
		kept = append(kept, m)
	}
	d.ms = kept
}

// coordinate types a one-word name known nowhere, and typed by its shape
// alone if at all, as a person when "and" joins it to a person ("Macron
// and Scholz met"): news lists people with people. A comma does not: it
// as often opens an apposition ("Mark Tedeschi, QC"). It repeats until
// nothing changes, so that a chain is typed from whichever end is known.
func (d *doc) coordinate() {
	for changed := true; changed; {
		changed = false
		for k := range d.ms {
			m := &d.ms[k]
			if m.tok1-m.tok0 != 1 || m.entry != nil || m.evidence > evidenceDefault || m.typ == event.TypePerson {
				continue
			}
			if d.joinedPerson(k-1, m.tok0) || d.joinedPerson(k+1, m.tok1) {
				m.typ, m.evidence = event.TypePerson, evidenceContext
				changed = true
			}
		}
	}
}

// joinedPerson reports whether mention n is a person's name, typed on more
// than its shape, separated from token edge of its neighbour by just
// "and". edge is the neighbour's first token when n comes before it,
// its end when n comes after.
func (d *doc) joinedPerson(n, edge int) bool {
	if n < 0 || n >= len(d.ms) {
		return false
	}
	p := &d.ms[n]
	if p.typ != event.TypePerson || p.evidence <= evidenceDefault {
		return false
	}
	var between int
	switch {
	case p.tok1 == edge-1:
		between = p.tok1
	case p.tok0 == edge+1:
		between = edge
	default:
		return false
	}
	return d.word(between) == "and"
}

// tallyOf returns the tally of m's name (m.key), recording its index in
// m.tally: one lookup per mention, the later uses by index.
func (d *doc) tallyOf(m *mention) *tally {
	slot := d.tallyIndex.slot(m.key)
	if slot.n == 0 {
		d.tallies = append(d.tallies, tally{})
		slot.n = int32(len(d.tallies))
	}
	m.tally = slot.n - 1
	return &d.tallies[m.tally]
}

// hashIndex numbers the names of one text by their hashes: an
// open-addressing table, cleared and sized for each text, that costs less
// than a map for a few dozen keys.
type hashIndex struct {
	slots []hashSlot // a power of two, at least twice the keys
}

type hashSlot struct {
	key uint64
	n   int32 // the key's number plus one; 0 if the slot is empty
}

// reset empties the index and sizes it for n keys.
func (x *hashIndex) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(x.slots) < size || cap(x.slots) > 4*size && cap(x.slots) > 1024 {
		x.slots = make([]hashSlot, size)
		return
	}
	x.slots = x.slots[:size]
	clear(x.slots)
}

// slot returns key's slot, an empty one (n == 0) for the caller to fill
// if key is not there.
func (x *hashIndex) slot(key uint64) *hashSlot {
	mask := uint64(len(x.slots) - 1)
	for i := (key ^ key>>29) & mask; ; i = (i + 1) & mask {
		if s := &x.slots[i]; s.n == 0 || s.key == key {
			s.key = key
			return s
		}
	}
}

// splitSurnames cuts "Warhol Polaroids", a name of no known kind that
// starts with the surname of a person named in full elsewhere, to that
// person's mention: the rest is something of theirs.
func (d *doc) splitSurnames() {
	surnames := d.parts[0][:0]
	for _, m := range d.ms {
		if m.typ == event.TypePerson && m.tok1-m.tok0 >= 2 && m.evidence >= evidenceCue {
			surnames = append(surnames, d.word(m.tok1-1))
		}
	}
	d.parts[0] = surnames
	for k := range d.ms {
		m := &d.ms[k]
		if m.evidence <= evidenceDefault && m.tok1-m.tok0 > 1 && contains(surnames, d.word(m.tok0)) &&
			!contains(surnames, d.word(m.tok1-1)) && !d.givenNameAfter(m.tok0+1, m.tok1) {
			m.tok1, m.typ, m.evidence = m.tok0+1, event.TypePerson, evidenceContext
		}
	}
}

// townNamedPerson reports whether m is a one-word city whose word is the
// first name or surname of a person named in full before it ("Paris
// Hilton" … "Paris", "Whitney Houston" … "Houston"): after the full name,
// the word alone is the person. Countries and regions are left alone:
// they are named for themselves far more often ("Jordan", "Georgia").
func (d *doc) townNamedPerson(m *mention) bool {
	if m.tok1-m.tok0 != 1 || m.entry == nil || m.entry.Kind != gazetteer.City {
		return false
	}
	w := d.word(m.tok0)
	for _, p := range d.ms {
		if p.tok0 >= m.tok0 {
			break
		}
		if p.typ == event.TypePerson && p.tok1-p.tok0 >= 2 && (d.word(p.tok0) == w || d.word(p.tok1-1) == w) {
			return true
		}
	}
	return false
}

// givenNameAfter reports whether [i, j) is the hyphenated given name of a
// Chinese or Korean name that follows the family name ("Leung Che-cheung"
// is not Leung of "Leung Chun-ying" and something else).
func (d *doc) givenNameAfter(i, j int) bool {
	return j-i == 3 && d.word(i+1) == "-" && d.toks[i+2].Flags&token.Upper == 0
}

func typeIndex(typ string) int {
	for k, t := range voteTypes {
		if t == typ {
			return k
		}
	}
	return 0
}

// winner is the type with the most votes, "" when there are none.
func winner(votes [3]int) string {
	best, bestN := "", 0
	for k, n := range votes {
		if n > bestN {
			best, bestN = voteTypes[k], n
		}
	}
	return best
}

// appendNew appends s to list unless it is there: a person named ten
// times is one surname to compare against, not ten.
func appendNew(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// weak reports whether a mention's evidence is too thin to report it.
// Measured on the GUM news gold, names typed by their shape alone are
// right less often than not: lone capitalised words (19%: products,
// religions, events), multi-word names without a cue (22% as
// organisations), places by a preposition only (26%); acronyms are right
// half the time and are kept. A lone organisation word ("Church",
// "Council") and a one-word person the gazetteer knows by that word alone
// are dropped too, unless a verb of what people do follows it.
func (d *doc) weak(m mention) bool {
	single := m.tok1-m.tok0 == 1
	caps := d.toks[m.tok0].Flags&token.AllUpper != 0
	switch {
	case m.evidence <= evidenceDefault && m.typ == event.TypeOrganization && !caps:
		// A lone word that a cued mention elsewhere types as an
		// organisation, named again not as "the X", is kept.
		return !(single && d.tallies[m.tally].count >= 2 && !(m.tok0 > 0 && d.is(m.tok0-1, cueDeterminer)))
	case m.evidence <= evidenceContext && m.typ == event.TypeLocation && m.entry == nil:
		return true
	case single && m.typ == event.TypeOrganization && m.entry == nil && d.is(m.tok0, cueOrgHead):
		return true
	case single && m.entry != nil && m.entry.Kind == gazetteer.Person && !strings.Contains(m.entry.Name, " "):
		return !d.personCueAfter(m.tok1)
	}
	return false
}

// personCueAfter reports whether what follows the name ending at token j
// says it is a person's: a verb of speech or of what people do, "who"
// ("Suharto resigned", "Lula said").
func (d *doc) personCueAfter(j int) bool {
	return j < len(d.toks) && (d.is(j, cueSpeech) || d.personVerb(j) || d.whoAfter(j))
}

// matchesSurname reports whether word, whose name's tally is t, is one
// of surnames or a spelling of one. A name is often repeated: the answer
// is kept in its tally.
func matchesSurname(t *tally, word string, surnames []nameKey) bool {
	if t.surname != 0 {
		return t.surname == 2
	}
	found := false
	for _, s := range surnames {
		if strings.EqualFold(word, s.word) {
			found = true
			break
		}
	}
	if !found {
		w := newNameKey(word)
		for _, s := range surnames {
			if w.spells(s) {
				found = true
				break
			}
		}
	}
	t.surname = 1
	if found {
		t.surname = 2
	}
	return found
}
