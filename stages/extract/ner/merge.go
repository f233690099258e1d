package ner

import (
	"math"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

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
	for _, m := range d.ms {
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
			case m.tok1-m.tok0 == 1 && (d.matchesSurname(m.key, name, surnameKeys) || contains(firstNames, name)):
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
			m.role = d.roleAfter(m.tok1)
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

// tally is what retype learns of one name across its mentions.
type tally struct {
	count   int    // mentions
	votes   [3]int // per type, weighted by evidence (see typeIndex)
	product bool   // followed by a version somewhere (see versionAfter)
}

// tallyOf returns the tally of m's name (m.key), recording its index in
// m.tally: one map access per mention, the later ones by index.
func (d *doc) tallyOf(m *mention) *tally {
	i, ok := d.tallyIndex[m.key]
	if !ok {
		i = int32(len(d.tallies))
		d.tallies = append(d.tallies, tally{})
		d.tallyIndex[m.key] = i
	}
	m.tally = i
	return &d.tallies[i]
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

var voteTypes = [3]string{event.TypePerson, event.TypeOrganization, event.TypeLocation}

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
// are dropped too.
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
		return true
	}
	return false
}

// matchesSurname reports whether word, whose name hash is key, is one
// of surnames or a spelling of one. A name is often repeated: the answer
// is kept per key.
func (d *doc) matchesSurname(key uint64, word string, surnames []nameKey) bool {
	if v, ok := d.surnameMatch[key]; ok {
		return v
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
			if w.same(s) {
				found = true
				break
			}
		}
	}
	d.surnameMatch[key] = found
	return found
}

// entity is mentions merged into one real thing.
type entity struct {
	typ      string
	name     string
	country  string
	role     string
	place    *gazetteer.Entry
	mentions []int // indexes into doc.ms
	surname  nameKey
}

// newEntity takes the next entity of d.ents, keeping the memory of its
// mentions from an earlier text.
func (d *doc) newEntity(typ string) *entity {
	d.ents = d.ents[:len(d.ents)+1]
	e := &d.ents[len(d.ents)-1]
	*e = entity{typ: typ, mentions: e.mentions[:0]}
	return e
}

// entityKey identifies an entity while mentions are merged: a gazetteer
// entry is one thing whichever name found it.
type entityKey struct {
	typ                     string
	name                    uint64
	entryName, entryCountry string
}

// merge groups the mentions into entities: one entity per gazetteer entry
// (so "U.S." and "United States", "Kiev" and "Kyiv" are one), per
// normalised name otherwise, and a person's surname or a spelling of it
// joins the person named in full.
func (d *doc) merge() []*entity {
	d.resolvePlaces()
	var ents []*entity
	byKey := d.byKey
	// Entities live in d.ents, grown to the number of mentions up front so
	// that the pointers taken into it stay valid.
	if cap(d.ents) < len(d.ms) {
		d.ents = make([]entity, 0, len(d.ms))
	}
	for idx, m := range d.ms {
		key := entityKey{typ: m.typ, name: m.key}
		if m.entry != nil {
			key = entityKey{typ: m.typ, entryName: m.entry.Name, entryCountry: m.entry.Country}
		}
		e := byKey[key]
		if e == nil && m.typ == event.TypePerson {
			e = d.personFor(ents, m)
		}
		if e == nil {
			e = d.newEntity(m.typ)
			ents = append(ents, e)
			byKey[key] = e
		}
		e.mentions = append(e.mentions, idx)
		if e.country == "" {
			e.country = m.country
		}
		if e.role == "" {
			e.role = m.role
		}
		if m.entry != nil && e.place == nil && m.typ == event.TypeLocation {
			e.place = m.entry
		}
		if m.typ == event.TypePerson && m.tok1-m.tok0 >= 2 && e.surname.word == "" {
			e.surname = newNameKey(d.word(m.tok1 - 1))
		}
	}
	for _, e := range ents {
		e.name = d.canonical(e)
	}
	return ents
}

// personFor finds the person a one-word mention refers to: the person
// whose surname it is or spells, the most recently named one when several
// fit.
func (d *doc) personFor(ents []*entity, m mention) *entity {
	w := m.tok0
	switch {
	case m.tok1-m.tok0 == 3 && d.particleBefore(m.tok0+2):
		w = m.tok0 + 2 // "al-Sadr" after "Moqtada al-Sadr"
	case m.tok1-m.tok0 != 1:
		return nil
	}
	key := newNameKey(d.word(w))
	for k := len(ents) - 1; k >= 0; k-- {
		e := ents[k]
		if e.typ == event.TypePerson && e.surname.word != "" && key.same(e.surname) {
			return e
		}
	}
	return nil
}

// canonical is an entity's name: the gazetteer's for a place or a known
// organisation or person, else the fullest form in the text.
func (d *doc) canonical(e *entity) string {
	for _, i := range e.mentions {
		m := d.ms[i]
		if m.entry == nil {
			continue
		}
		// A person the gazetteer knows by surname ("Putin", "Xi") gets
		// the full name only when the surname is the name's last word, or
		// its first where the family name comes first.
		w := d.word(m.tok0)
		if e.typ != event.TypePerson || m.tok1-m.tok0 > 1 || strings.HasSuffix(m.entry.Name, " "+w) || strings.HasPrefix(m.entry.Name, w+" ") {
			return m.entry.Name
		}
	}
	best := ""
	for _, i := range e.mentions {
		m := d.ms[i]
		if s := d.span(m.tok0, m.tok1); len(s) > len(best) {
			best = s
		}
	}
	return best
}

// resolvePlaces chooses, for each place name with several gazetteer
// entries, the one in a region the text names ("Paris, Texas" is Paris,
// Texas, not France's capital), else in a country the text names elsewhere
// (a city of "Gaza" in an article about Hamas is Palestine's, not a
// province of Mozambique), else the most populous.
func (d *doc) resolvePlaces() {
	// The countries the text is about: of every name whose country is
	// settled, people and organisations included (an organisation's
	// country is settled once it is typed one, whatever else its name
	// may be); and the regions it names.
	countries := make(map[string]int)
	// The places named, each as its first choice (see pick).
	named := d.named[:0]
	defer func() { d.named = named[:0] }()
	for _, m := range d.ms {
		if m.country != "" && (len(m.entries) <= 1 || m.typ != event.TypeLocation) {
			countries[m.country]++
		}
		if m.typ == event.TypeLocation && m.entry != nil {
			named = append(named, m.entry)
		}
	}
	for k := range d.ms {
		m := &d.ms[k]
		if len(m.entries) <= 1 || m.typ != event.TypeLocation {
			continue
		}
		best, bestScore := m.entry, math.Inf(-1)
		for c := range m.entries {
			e := &m.entries[c]
			// A place in a country the text names wins over one ten
			// times bigger elsewhere.
			score := placePrior(e)
			if countries[e.Country] > 0 {
				score++
			}
			if e.Capital && regionOf(e.Country, m.entries) {
				// "Washington" is the capital before the state: a
				// country's capital is what its news calls by the name.
				score += 2
			}
			score += nearNamed(e, named)
			if score > bestScore {
				best, bestScore = e, score
			}
		}
		m.entry, m.country = best, best.Country
	}
}

// regionOf reports whether entries hold a region of country cc.
func regionOf(cc string, entries []gazetteer.Entry) bool {
	for k := range entries {
		if entries[k].Kind == gazetteer.Region && entries[k].Country == cc {
			return true
		}
	}
	return false
}

// nearNamed scores what the places named elsewhere in the text say of the
// candidate e. A city in a region the text names ("Paris, Texas"), or a
// region holding a city it names ("Victoria" with "Melbourne"), wins over
// a place a thousand times bigger elsewhere; a region named with another
// of its country ("Washington and Oregon") is the region.
func nearNamed(e *gazetteer.Entry, named []*gazetteer.Entry) float64 {
	score := 0.0
	for _, n := range named {
		if n.Country != e.Country || n.GeoNamesID == e.GeoNamesID {
			continue
		}
		switch {
		case e.Kind == gazetteer.City && n.Kind == gazetteer.Region && n.Admin1 == e.Admin1,
			e.Kind == gazetteer.Region && n.Kind == gazetteer.City && n.Admin1 == e.Admin1:
			return 3
		case e.Kind == gazetteer.Region && n.Kind == gazetteer.Region && n.Admin1 != e.Admin1:
			score = 3
		}
	}
	return score
}

// placePrior scores how well known a place is, as the log of a
// population: countries and curated areas before all; a city by its own
// population, a capital as if ten times bigger; a region, which GeoNames
// gives no population, by its country's, a thirtieth of it (the state of
// Florida before the Colombian city of Floridablanca; Washington, the
// capital, before Washington, the state).
func placePrior(e *gazetteer.Entry) float64 {
	switch e.Kind {
	case gazetteer.Country, gazetteer.Area:
		return 100
	case gazetteer.Region:
		c, _ := gazetteer.LookupCountry(e.Country)
		return math.Log10(float64(c.Population)/30 + 1)
	}
	score := math.Log10(float64(e.Population) + 1)
	if e.Capital {
		score++
	}
	return score
}

// entityIDs are the first ids, made once: most texts name fewer entities.
var entityIDs = func() (ids [128]string) {
	for k := range ids {
		ids[k] = "e" + strconv.Itoa(k+1)
	}
	return ids
}()

// entityID is the id of the k-th entity, from 0: "e1".
func entityID(k int) string {
	if k < len(entityIDs) {
		return entityIDs[k]
	}
	return "e" + strconv.Itoa(k+1)
}

// output turns entities into the Doc's, with ids in order of first
// mention, mentions with byte offsets and sentence indexes, and salience.
func (d *doc) output(ents []*entity) []event.Entity {
	out := make([]event.Entity, 0, len(ents))
	n := 0
	for _, e := range ents {
		n += len(e.mentions)
	}
	// One array holds every entity's mentions.
	all := make([]event.Mention, 0, n)
	maxScore := 0.0
	scores := make([]float64, len(ents))
	places := 0
	for k, e := range ents {
		if e.place != nil && e.place.GeoNamesID != 0 {
			places++
		}
		first := d.ms[e.mentions[0]]
		// Mentions count, and an entity named in the first sentences is
		// what the article is about.
		s := float64(len(e.mentions))
		if d.sentenceOf(first.tok0) < 3 {
			s += 2
		}
		scores[k] = s
		maxScore = max(maxScore, s)
	}
	geos := make([]event.Geo, 0, places)
	for k, e := range ents {
		pe := event.Entity{
			ID:       entityID(k),
			Name:     e.name,
			Type:     e.typ,
			Country:  e.country,
			Role:     e.role,
			Salience: math.Round(scores[k]/maxScore*1000) / 1000,
			Mentions: all[len(all) : len(all) : len(all)+len(e.mentions)],
		}
		if e.place != nil && e.place.GeoNamesID != 0 {
			geos = append(geos, event.Geo{Lat: float64(e.place.Lat), Lon: float64(e.place.Lon), GeoNamesID: e.place.GeoNamesID})
			pe.Geo = &geos[len(geos)-1]
		}
		for _, i := range e.mentions {
			m := d.ms[i]
			start, end := int(d.toks[m.tok0].Start), int(d.toks[m.tok1-1].End)
			pe.Mentions = append(pe.Mentions, event.Mention{Text: d.text[start:end], Start: start, End: end, Sentence: d.sentenceOf(m.tok0)})
		}
		all = all[:len(all)+len(pe.Mentions)]
		out = append(out, pe)
	}
	return out
}
