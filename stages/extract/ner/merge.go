package ner

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
)

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

// entityKey identifies an entity of a gazetteer entry while mentions are
// merged: the entry is one thing whichever name found it.
type entityKey struct {
	typ, name, country string
}

// merge groups the mentions into entities: one entity per gazetteer entry
// (so "U.S." and "United States", "Kiev" and "Kyiv" are one), per
// normalised name and type otherwise, and a person's surname or a spelling
// of it joins the person named in full.
func (d *doc) merge() []*entity {
	d.resolvePlaces()
	ents := d.entList[:0]
	defer func() { d.entList = ents[:0] }()
	// Entities live in d.ents, grown to the number of mentions up front so
	// that the pointers taken into it stay valid.
	if cap(d.ents) < len(d.ms) {
		d.ents = make([]entity, 0, len(d.ms))
	}
	// A name's entity of each type, by the name's tally (see retype),
	// as an index into d.ents plus one: a name is looked up by its
	// number, not hashed again.
	d.byName = slices.Grow(d.byName[:0], len(d.tallies))[:len(d.tallies)]
	clear(d.byName)
	for idx, m := range d.ms {
		var key entityKey
		var slot *int32
		var e *entity
		if m.entry != nil {
			key = entityKey{typ: m.typ, name: m.entry.Name, country: m.entry.Country}
			e = d.byKey[key]
		} else if slot = &d.byName[m.tally][typeIndex(m.typ)]; *slot > 0 {
			e = &d.ents[*slot-1]
		}
		if e == nil && m.typ == event.TypePerson {
			e = d.personFor(ents, m)
		}
		if e == nil {
			e = d.newEntity(m.typ)
			ents = append(ents, e)
			if slot != nil {
				*slot = int32(len(d.ents))
			} else {
				d.byKey[key] = e
			}
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
	scores := slices.Grow(d.scores[:0], len(ents))[:len(ents)]
	d.scores = scores
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
