package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Agents and roles: the words that say what a party is ("troops", "police
// officers", "foreign minister") and the CAMEO sector they give it.

// agent returns the length in words of the agent (a role or group of a
// sector) that starts at token i, the longest first ("police officers"
// before "police"), and its sector; 0 if none. Agents in a row are one,
// of the sector of the last: "government forces" are MIL.
func (c *coder) agent(i, last int) (int, string) {
	n, sector := c.agentWords(i, last)
	for n > 0 {
		m, s := c.agentWords(i+n, last)
		if m == 0 {
			break
		}
		n, sector = n+m, s
	}
	return n, sector
}

// agentWords is agent without the run of agents.
func (c *coder) agentWords(i, last int) (int, string) {
	if i >= last {
		return 0, ""
	}
	if !c.actorsOnly && c.has(i, tagRoleStart) {
		if n, s := c.rolePhrase(i, last, true); n > 0 {
			return n, s
		}
	}
	if !c.actorsOnly && c.has(i, tagSector) && c.allWords(i, i+1) {
		return 1, c.rare(i).sector
	}
	if c.dict != nil && c.has(i, tagDictAgent) {
		if n, code, ok := c.lookupAgent(c.words[:last], i); ok && c.allWords(i, i+n) {
			return n, agentSector(code)
		}
	}
	return 0, ""
}

// rolePhrase returns the length of the longest role of two or three
// words the gazetteer knows at token i, before last, and its sector: a
// role of a sector only, if sectored; 0 if none.
func (c *coder) rolePhrase(i, last int, sectored bool) (int, string) {
	for n := min(3, last-i); n >= 2; n-- {
		if !c.allWords(i, i+n) || !c.mayBeRole(i, i+n) {
			continue
		}
		if s, ok := gazetteer.Role(c.text[int(c.toks[i].Start):int(c.toks[i+n-1].End)]); ok && (s != "" || !sectored) {
			return n, s
		}
	}
	return 0, ""
}

// agentSector is the sector of an agent's code in the dictionaries
// ("~GOV", "NGO~").
func agentSector(code string) string {
	_, s := splitActorCode("---" + strings.Trim(code, "~"))
	return s
}

// roleWord reports whether token i is a word of a title or role. A word
// that starts a role of several words and may be a verb as well is one
// only where that role is written: "hit" in "hit man", not in "a missile
// hit a hospital".
func (c *coder) roleWord(i int) bool {
	if c.toks[i].Kind != token.Word {
		return false
	}
	if c.has(i, tagRole|wordTags(classTitle)) {
		return true
	}
	if !c.has(i, tagRoleStart) {
		return false
	}
	if !c.mayBeVerb(i) {
		return true
	}
	n, _ := c.rolePhrase(i, len(c.toks), false)
	return n > 0
}

// titleWords qualify a role: "special envoy", "deputy prime minister".
var titleWords = map[string]bool{
	"SPECIAL": true, "SENIOR": true, "CHIEF": true, "DEPUTY": true, "FORMER": true, "ACTING": true, "INTERIM": true,
	"FOREIGN": true, "DEFENCE": true, "DEFENSE": true, "PRIME": true, "VICE": true, "PRESS": true, "STATE": true,
	"FINANCE": true, "INTERIOR": true, "TOP": true, "LEAD": true, "HEAD": true,
}

// roleSector returns the sector of the role words [i, j), trying the
// longest run that ends at j first ("foreign minister", then "minister").
func (c *coder) roleSector(i, j int) string {
	if c.actorsOnly {
		// The dictionary's agent that ends the words, the longest first.
		for k := i; k < j; k++ {
			if n, code, ok := c.dictAgent(k, j); ok && k+n == j {
				return agentSector(code)
			}
		}
		return ""
	}
	for k := i; k < j-1; k++ {
		if !c.has(k, tagRoleStart) || !c.mayBeRole(k, j) {
			continue
		}
		if s, ok := gazetteer.Role(c.text[int(c.toks[k].Start):int(c.toks[j-1].End)]); ok {
			// A known role of no sector is none: "Secretary General" is
			// not MIL for its "General".
			return s
		}
	}
	return c.rare(j - 1).sector
}

// entitySector is the sector of entity e: its role's, else the
// gazetteer's; a country or city acting is its government, coded by the
// country alone. With actorsOnly, it is its role's agent in the
// dictionary alone.
func (c *coder) entitySector(e *event.Entity) string {
	if c.actorsOnly {
		if e.Role == "" {
			return ""
		}
		words := strings.Fields(strings.ToUpper(e.Role))
		for k := range words {
			if n, code, ok := c.dict.Agent(words, k); ok && k+n == len(words) {
				return agentSector(code)
			}
		}
		return ""
	}
	if e.Role != "" {
		if s, ok := gazetteer.Role(e.Role); ok && s != "" {
			return s
		}
	}
	if e.Type == event.TypeLocation {
		return ""
	}
	for _, g := range gazetteer.Lookup(e.Name) {
		if g.Sector != "" && (g.Kind == gazetteer.Person || g.Kind == gazetteer.Org) {
			return g.Sector
		}
	}
	if e.Type == event.TypeOrganization {
		return headSector(e.Name)
	}
	return ""
}

// headSector returns the sector of the agent or role that ends the name
// of an organisation no dictionary knows: "National Liberation Front"
// (REB), "Green Party" (PTY); "Ministry of Health" ends in none; "" if
// none. The name's own words are looked up, in any case, not a copy.
func headSector(name string) string {
	name = strings.TrimSpace(name)
	last := strings.LastIndexByte(name, ' ')
	if last < 0 {
		return "" // a word alone names no organisation
	}
	if strings.EqualFold(name[last+1:], "party") {
		return "PTY" // alone no agent of the dictionaries: "a party" is a gathering too
	}
	// The last three words, two, one: the longest role first ("Liberation
	// Army" before "Army"), never the whole name.
	var spaces [3]int
	n := 0
	for at := last; at > 0 && n < len(spaces); at = strings.LastIndexByte(name[:at], ' ') {
		spaces[n] = at
		n++
	}
	for n--; n >= 0; n-- {
		if s, ok := gazetteer.Role(name[spaces[n]+1:]); ok && s != "" {
			return s
		}
	}
	return ""
}

// describedAs returns the sector of an agent among the words in lower
// case right before the name at token i, which describe it: "the official
// news agency WFNA" is a government's, "the rebel commander Abu X" a
// rebel; "" if none.
func (c *coder) describedAs(i int) string {
	lo := i
	for lo > 0 && i-lo < 4 && c.toks[lo-1].Kind == token.Word && c.toks[lo-1].Flags&token.Upper == 0 &&
		c.entityAt[lo-1] < 0 && !c.is(lo-1, classDeterminer|classPreposition) {
		lo--
	}
	for k := lo; k < i; k++ {
		if n, s := c.agentWords(k, i); n > 0 && s != "" {
			return s
		}
	}
	return ""
}

// political reports whether party k (-1: none) has a political actor: a
// country, an organisation of states ("IGO UNO"), or an agent of a state,
// a party, an armed group or a union, wherever from; any actor the
// dictionaries give a code that is not a private one (see
// privateSectors). A name no dictionary knows, of no country and no
// sector, is none: the guidelines leave out what is unsure.
func (c *coder) political(parties []party, k int) bool {
	if k < 0 {
		return false
	}
	for _, m := range parties[k].members {
		switch sector := m.sector[:min(3, len(m.sector))]; {
		case m.code == "" && sector == "":
			// Unknown: not this member.
		case m.code == "MNC":
			// A company of several countries, whose sector holds its
			// country ("Google": MNC USA).
		case privateSectors[sector] && !transnational[m.code]:
			// A company, a newspaper, civilians: wherever from, but not
			// a charity between states ("NGO HLH").
		default:
			return true
		}
	}
	return false
}

// humanitarian reports whether CAMEO code is aid (07) to party k (-1:
// none) that has civilians, refugees or people at large among its
// members: humanitarian aid, an event whoever gives it ("fishermen
// rescued 700 asylum seekers", "thousands of people were evacuated").
func (c *coder) humanitarian(code string, parties []party, k int) bool {
	return strings.HasPrefix(code, "07") && k >= 0 &&
		slices.ContainsFunc(parties[k].members, func(m member) bool { return m.sector == "CVL" || m.sector == "REF" || m.sector == "PPL" })
}

// resigning reports whether trigger t is a verb of resigning (PLOVER's
// RETREAT/resign), which leaves an office: a political act whoever the
// text names.
func (c *coder) resigning(t trigger) bool {
	r, ok := c.cb.Mode(t.verb.Lemma)
	return ok && r.Mode == "resign"
}

// privateSectors are the CAMEO sectors of private persons and bodies:
// companies at home and abroad, civilians and people at large, the media,
// schools, hospitals, farmers, churches and faiths, refugees,
// environmentalists and criminals.
var privateSectors = map[string]bool{
	"BUS": true, "MNC": true, "CVL": true, "PPL": true, "MED": true, "EDU": true, "HLH": true, "AGR": true,
	"ENV": true, "REF": true, "CRM": true, "REL": true, "MUS": true, "CHR": true, "JEW": true, "HIN": true,
	"BUD": true,
}

// transnational are the codes the dictionaries give, where a country's
// would stand, to the organisations between states, the non-governmental
// ones and the armed groups of no one country.
var transnational = map[string]bool{"IGO": true, "NGO": true, "IMG": true}
