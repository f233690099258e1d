package events

import "github.com/newsflow/newsflow/pipeline/event"

// contextCountry returns the country the article is about, for the
// parties whose own words give none (PLOVER's annotators resolve a
// party's country "from the article's context": "the President", "police"
// in a story from Texas): the country whose places, people and
// organisations the text names most, in at least two sentences and in at
// least half of all the mentions that name a country, and more than any
// other. A one-sentence item has no context beyond itself, and an article
// about several countries alike none that stands out: "" then.
func (c *coder) contextCountry() string {
	if c.context.done {
		return c.context.code
	}
	c.context.done = true
	counts := c.context.counts[:0]
	total := 0
	for e := range c.ents {
		var code string
		if c.entCodes[e].done || c.actorsOnly {
			code = c.entity(e).code
		} else {
			// The country alone: an entity's sector costs lookups that
			// most entities are never asked for.
			code = iso3(c.ents[e].Country)
		}
		if len(code) != 3 || !isCountry(code) {
			continue
		}
		k := 0
		for k < len(counts) && counts[k].code != code {
			k++
		}
		if k == len(counts) {
			counts = append(counts, countryCount{code: code, lastSentence: -1})
		}
		for _, m := range c.ents[e].Mentions {
			if m.Field != "" {
				continue // the headline's, which the text's repeat
			}
			total++
			counts[k].mentions++
			if m.Sentence != counts[k].lastSentence {
				// Mentions are in order within an entity, not across
				// them: a sentence may be counted again for another
				// name of the country, but a one-sentence item still
				// counts one.
				counts[k].sentences++
				counts[k].lastSentence = m.Sentence
			}
		}
	}
	c.context.counts = counts
	best, second := -1, 0
	for k := range counts {
		switch n := counts[k].mentions; {
		case best < 0 || n > counts[best].mentions:
			if best >= 0 {
				second = counts[best].mentions
			}
			best = k
		case n > second:
			second = n
		}
	}
	if best >= 0 && counts[best].sentences >= 2 && 2*counts[best].mentions >= total && counts[best].mentions > second {
		c.context.code = counts[best].code
	}
	return c.context.code
}

// articleContext is what contextCountry found, kept for the article.
type articleContext struct {
	done   bool
	code   string
	counts []countryCount
}

type countryCount struct {
	code                string
	mentions, sentences int
	lastSentence        int
}

// isCountry reports whether code is a country's: not one of partyKinds,
// nor a region of the dictionaries ("EUR") or the UN's ("UNO").
func isCountry(code string) bool {
	return !partyKinds[code] && code != "UNO" && code != "EUR"
}

// contextCodes gives the parties of e whose words name no country the
// article's (see contextCountry), but for places, which are where they
// are, and refugees, who are from elsewhere.
func (c *coder) contextCodes(e *event.Coding) {
	for _, ps := range [2][]event.Party{e.Actors, e.Recipients} {
		for k := range ps {
			p := &ps[k]
			if p.Code != "" || p.Sector == "REF" {
				continue
			}
			code := c.contextCountry()
			if code == "" {
				return // none for any party of the article
			}
			if !c.placeParty(*p) {
				p.Code, p.CodeFrom = code, event.CodeFromContext
			}
		}
	}
}

// placeParty reports whether p is a place named in the text.
func (c *coder) placeParty(p event.Party) bool {
	if p.Entity == "" {
		return false
	}
	for k := range c.ents {
		if c.ents[k].ID == p.Entity {
			return c.ents[k].Type == event.TypeLocation
		}
	}
	return false
}
