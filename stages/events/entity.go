package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// entityCodes are an entity's country (alpha-3) and sector, worked out
// once per article.
type entityCodes struct {
	done         bool
	code, sector string
}

// entity returns the codes of entity e of the article.
func (c *coder) entity(e int) entityCodes {
	ec := &c.entCodes[e]
	if !ec.done {
		*ec = entityCodes{done: true, code: iso3(c.ents[e].Country), sector: c.entitySector(&c.ents[e])}
		if c.actorsOnly {
			// The dictionary's code of the name, over the gazetteer's
			// country: "Kuwait" is KUW in PETRARCH's test dictionaries.
			words := strings.Fields(strings.ToUpper(c.ents[e].Name))
			if n, code, ok := c.dict.Actor(words, 0, c.published); ok && n == len(words) {
				if country, _ := splitActorCode(code); country != "" {
					ec.code = country
				}
			}
		}
		if partyKinds[ec.sector] && ec.code == "" {
			// A kind of party that is no country: "NATO" is IGO, as
			// CAMEO codes it (see event.Party.Code).
			ec.code, ec.sector = ec.sector, ""
		}
	}
	return *ec
}

// partyKinds are CAMEO's codes of the kinds of party that are no country,
// which stand in a party's code in a country's place (see
// event.Party.Code): organisations of states, non-governmental ones,
// companies of several countries, armed groups of no one country.
var partyKinds = map[string]bool{"IGO": true, "NGO": true, "MNC": true, "IMG": true}

func (c *coder) allWords(i, j int) bool {
	for k := i; k < j; k++ {
		if c.toks[k].Kind != token.Word || c.entityAt[k] >= 0 {
			return false
		}
		if k > i && c.toks[k].Flags&token.SpaceBefore == 0 {
			return false
		}
	}
	return true
}

// entityEnd returns the end of the entity mention that covers token i.
func (c *coder) entityEnd(i int) int {
	e := c.entityAt[i]
	j := i + 1
	for j < len(c.toks) && c.entityAt[j] == e && c.mentionStart[j] == c.mentionStart[i] {
		j++
	}
	return j
}

// iso3 returns the ISO 3166-1 alpha-3 code of an alpha-2 one, "" if none.
func iso3(alpha2 string) string {
	if alpha2 == "" {
		return ""
	}
	if c, ok := gazetteer.LookupCountry(alpha2); ok {
		return strings.ToUpper(c.ISO3)
	}
	return ""
}

// markSpeakers reads "I" and "we" in a quotation whose speaker is known as
// a mention of the speaker: in '"We will not accept any ceasefire," Hamas
// spokesman Abu Obeida said', it is Abu Obeida who will not accept.
func (c *coder) markSpeakers(quotes []event.Quote) {
	for _, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		e := slices.IndexFunc(c.ents, func(ent event.Entity) bool { return ent.ID == q.Speaker })
		if e < 0 {
			continue
		}
		for i := c.tokenAt(q.Start); i < len(c.toks) && int(c.toks[i].End) <= q.End; i++ {
			if c.entityAt[i] >= 0 || c.toks[i].Kind != token.Word {
				continue
			}
			switch w := c.text[c.toks[i].Start:c.toks[i].End]; w {
			case "I", "We", "we":
				c.entityAt[i], c.mentionStart[i] = e, i
			}
		}
	}
}

// quotedSelf reports whether party p is "I" or "we" in a quotation, read
// as its speaker (see markSpeakers).
func (c *coder) quotedSelf(p party) bool {
	if p.end-p.start != 1 || c.entityAt[p.start] < 0 {
		return false
	}
	w := c.words[p.start]
	return w == "I" || w == "WE"
}
