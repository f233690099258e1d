package events

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// dictionaryActor reads into m the member that an actor phrase of the
// dictionaries makes at token i (see memberAt), its qualifiers from start
// on (code is theirs): the phrase with the agent after it ("Gondor
// police": the actor's code with the agent's). A phrase that ends inside a
// longer name gives way to the name, which the entity layer knows better
// ("Gaza" in "Gaza City"), unless an agent of the dictionaries ends the
// name ("the Nigeria Police Force"). n is the phrase's length when it is a
// phrase of no actor ("---"), which is no party at all; 0 when no phrase
// matches. m is written only when ok.
func (c *coder) dictionaryActor(start, i, last int, m *member) (n int, ok bool) {
	// Actors are names: a phrase starts with a capital ("the UK" is found
	// at "UK", "The Shire" at "The"), or with its article before one ("the
	// Shire").
	capital := i < last && (c.toks[i].Flags&token.Upper != 0 || c.words[i] == "THE" && i+1 < last && c.toks[i+1].Flags&token.Upper != 0)
	if c.dict == nil || !capital || !c.has(i, tagDictActor) {
		return 0, false
	}
	if c.entityAt[i] >= 0 && c.mentionStart[i] < i {
		return 0, false // inside a name
	}
	n, dcode, found := c.lookupActor(c.words[:last], i)
	if !found {
		return 0, false
	}
	end := i + n
	if e := c.entityAt[end-1]; e >= 0 && c.entityEnd(end-1) > end {
		// Unless the rest of the name is an agent of the dictionaries:
		// "the Calenardhon Ministry of Silly Walks" is Calenardhon's.
		if a, _, ok := c.dictAgent(end, last); !ok || end+a != c.entityEnd(end-1) {
			return 0, false
		}
	}
	if dcode == "---" {
		return n, false
	}
	entity := -1
	for k := i; k < end; k++ {
		if c.entityAt[k] >= 0 {
			entity = c.entityAt[k]
			break
		}
	}
	if entity >= 0 && !c.actorsOnly && len(dcode) <= 3 && c.surnameOf(entity, i, end) {
		// A country or a place of the dictionaries that is the surname
		// of a person the text names in full: "Paris claims" is Valeska
		// Paris, not France. The person is read as one below.
		return 0, false
	}
	// What of the actor acts: "Gondor police", "Gondor's government",
	// "Bree Prime Minister Romendacil".
	at := end
	if at < last && c.toks[at].Flags&token.Possessive != 0 {
		at++
	}
	if a, acode, ok := c.dictAgent(at, last); ok && c.attackOf(i, at+a) {
		dcode, end = actors.WithAgent(dcode, acode), at+a
	} else if a, sector := c.agent(at, last); a > 0 && c.attackOf(i, at+a) {
		dcode, end = actors.WithAgent(dcode, "~"+sector), at+a
	}
	if end == i+1 && c.has(i, tagDemonym) && entity < 0 && c.adjectiveBefore(end, last) {
		// A nationality before what is no party is no party: "Russian
		// rare earths".
		return n, false
	}
	if end > at && end < last && c.entityAt[end] >= 0 && c.ents[c.entityAt[end]].Type == event.TypePerson {
		entity = c.entityAt[end]
		end = c.entityEnd(end)
	}
	end = c.possessed(end, last)
	*m = member{span: span{start, end}, head: i, entity: entity}
	m.code, m.sector = splitActorCode(dcode)
	if k := strings.IndexByte(dcode, '/'); k >= 0 {
		m.others = dcode[k+1:]
	}
	return n, true
}

// adjectiveBefore reports whether the word at token i reads as what a
// nationality adjective before it qualifies: a word in lower case that is
// no function word ("Russian rare earths", "the Ukrainian conflict"); a
// nationality in the plural is a noun ("Russians attacked").
func (c *coder) adjectiveBefore(i, last int) bool {
	if i >= last || c.toks[i].Kind != token.Word || c.toks[i].Flags&(token.Upper|token.Possessive) != 0 {
		return false
	}
	if prev := c.words[i-1]; strings.HasSuffix(prev, "S") {
		return false
	}
	return c.class(i) == 0
}

// dictAgent returns the agent phrase of the dictionaries at token i: its
// length and its code as written ("~GOV", "NGO~").
func (c *coder) dictAgent(i, last int) (int, string, bool) {
	if c.dict == nil || i >= last || !c.has(i, tagDictAgent) {
		return 0, "", false
	}
	return c.lookupAgent(c.words[:last], i)
}

// agentOf reads into m, for the agent in tokens [i, j) with sector, the
// actor it is of: "soldiers from Gondor", "the ambassador of Arnor",
// "activists in Arnor", coded as the actor's agents; it reports whether
// there is one (see memberAt).
func (c *coder) agentOf(start, i, j, last int, sector string, m *member) bool {
	if j+1 >= last {
		return false
	}
	switch c.words[j] {
	case "OF", "FROM", "IN":
	default:
		return false
	}
	if i > 0 {
		switch c.words[i-1] {
		case "ITS", "THEIR", "HIS", "HER", "OUR":
			// Someone's own: "withdrew its troops from Syria" are not
			// Syria's.
			return false
		}
	}
	if !c.memberAt(j+1, last, m) || m.code == "" || m.sector != "" {
		return false
	}
	// The party is the agent, of the actor's country: its name is its
	// words, not the place's ("protesters in Mombasa").
	m.start, m.head, m.sector, m.entity, m.of = start, i, sector, -1, true
	return true
}

// splitActorCode splits a CAMEO actor code into its first three letters,
// a country or a kind of party that is none ("IGO", "NGO", "MNC"), and
// the three after them, a sector or an organisation ("GOV", "UNO"); the
// rest ("PSEREBHMS": HMS) is left out. Of several codes ("ELR/GAL") the
// first holds.
func splitActorCode(code string) (country, sector string) {
	if k := strings.IndexByte(code, '/'); k >= 0 {
		code = code[:k]
	}
	code = strings.ToUpper(code)
	if len(code) >= 3 && letters(code[:3]) {
		country = code[:3]
	}
	if len(code) >= 6 && letters(code[3:6]) {
		sector = code[3:6]
	}
	return country, sector
}

// letters reports whether s is letters A to Z only, as the schema wants
// a code.
func letters(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < 'A' || s[k] > 'Z' {
			return false
		}
	}
	return true
}

// surnameOf reports whether tokens [i, end) are a short mention of person
// entity e, whose name has more words: the surname of "Valeska Paris".
func (c *coder) surnameOf(e, i, end int) bool {
	ent := &c.ents[e]
	return ent.Type == event.TypePerson && strings.Count(ent.Name, " ")+1 > end-i
}
