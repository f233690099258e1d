package ner

import (
	"math"
	"slices"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
)

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
	countries := &d.countries
	countries.reset()
	// The places named, each as its first choice (see pick).
	named := d.named[:0]
	defer func() { d.named = named[:0] }()
	for _, m := range d.ms {
		if m.country != "" && (len(m.entries) <= 1 || m.typ != event.TypeLocation) {
			countries.add(m.country)
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
			if countries.has(e.Country) {
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
// gives no population, by its country's, a hundredth of it (the state of
// Florida before the Colombian city of Floridablanca; Washington, the
// capital, before Washington, the state; the cities of Gaza, Beijing and
// Jakarta before the provinces named for them).
func placePrior(e *gazetteer.Entry) float64 {
	switch e.Kind {
	case gazetteer.Country, gazetteer.Area:
		return 100
	case gazetteer.Region:
		c, _ := gazetteer.LookupCountry(e.Country)
		return math.Log10(float64(c.Population)/100 + 1)
	}
	score := math.Log10(float64(e.Population) + 1)
	if e.Capital {
		score++
	}
	return score
}

// countrySet is a set of country codes: a bit for each code of two
// capitals, as ISO 3166-1 alpha-2 codes are, and a list for any other.
type countrySet struct {
	bits  [(26*26 + 63) / 64]uint64
	other []string
}

func (s *countrySet) reset() {
	s.bits = [len(s.bits)]uint64{}
	s.other = s.other[:0]
}

func (s *countrySet) add(cc string) {
	if i, ok := countryBit(cc); ok {
		s.bits[i/64] |= 1 << (i % 64)
	} else if !slices.Contains(s.other, cc) {
		s.other = append(s.other, cc)
	}
}

func (s *countrySet) has(cc string) bool {
	if i, ok := countryBit(cc); ok {
		return s.bits[i/64]&(1<<(i%64)) != 0
	}
	return slices.Contains(s.other, cc)
}

// countryBit is the bit of a code of two capitals.
func countryBit(cc string) (int, bool) {
	if len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' {
		return 0, false
	}
	return int(cc[0]-'A')*26 + int(cc[1]-'A'), true
}
