package events

import (
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// "Both countries", "the two sides": a party of the two countries, or the
// two people for "the two leaders", that the text named last before it.
// Annotators code them as those two ("Both countries have put their
// militaries on alert" is North and South Korea); a coder that leaves
// them out loses the sentence's actor.

// pairParties adds to parties, in order, a party for each phrase of the
// sentence (tokens [first, last)) that names two parties named before it
// (see pairWords), with the two as its members.
func (c *coder) pairParties(first, last int, parties []party) []party {
	for i := first; i+1 < last; i++ {
		var person bool
		switch {
		case c.words[i] == "BOTH" && pairWords[c.words[i+1]] != 0:
			person = pairWords[c.words[i+1]] == pairPeople
		case c.words[i] == "THE" && i+2 < last && c.words[i+1] == "TWO" && pairWords[c.words[i+2]] != 0:
			person = pairWords[c.words[i+2]] == pairPeople
		default:
			continue
		}
		end := i + 2
		if c.words[i] == "THE" {
			end = i + 3
		}
		if c.inParties(i) || end < last && c.toks[end].Flags&token.Possessive != 0 {
			continue
		}
		a, b := c.lastTwo(int(c.toks[i].Start), person)
		if b < 0 {
			continue
		}
		from := len(c.members)
		for _, e := range [2]int{a, b} {
			ec := c.entity(e)
			c.members = append(c.members, member{span: span{i, end}, head: i, entity: e, code: ec.code, sector: ec.sector})
		}
		p := party{span: span{i, end}, members: c.members[from:len(c.members):len(c.members)]}
		k := 0
		for k < len(parties) && parties[k].start < i {
			k++
		}
		parties = append(parties, party{})
		copy(parties[k+1:], parties[k:])
		parties[k] = p
		i = end - 1
	}
	return parties
}

// Kinds of the nouns of pairWords.
const (
	pairCountries = 1 + iota
	pairPeople
)

// pairWords are the nouns after "both" or "the two" that stand for two
// countries or sides, or two people.
var pairWords = map[string]int{
	"COUNTRIES": pairCountries, "NATIONS": pairCountries, "SIDES": pairCountries, "GOVERNMENTS": pairCountries,
	"STATES": pairCountries, "NEIGHBOURS": pairCountries, "NEIGHBORS": pairCountries,
	"LEADERS": pairPeople, "PRESIDENTS": pairPeople,
}

// lastTwo returns the two entities the text names last before byte offset
// off (in the field being coded): countries, or for person, people, of a
// known country; -1, -1 if it names fewer than two.
func (c *coder) lastTwo(off int, person bool) (a, b int) {
	a, b = -1, -1
	atA, atB := -1, -1
	for e := range c.ents {
		ent := &c.ents[e]
		if person != (ent.Type == event.TypePerson) || !person && (ent.Type != event.TypeLocation || gazetteer.CountryName(ent.Country) != ent.Name) {
			continue // not a person, or a place that is no country ("Istanbul")
		}
		code := c.entity(e).code
		if len(code) != 3 || !isCountry(code) {
			continue
		}
		at := -1
		for _, m := range ent.Mentions {
			if m.Field == c.field && m.End <= off && m.Start > at {
				at = m.Start
			}
		}
		switch {
		case at < 0:
		case at > atA:
			b, atB, a, atA = a, atA, e, at
		case at > atB:
			b, atB = e, at
		}
	}
	if b >= 0 && c.entity(a).code == c.entity(b).code {
		return -1, -1 // two places of one country: not two sides
	}
	return a, b
}
