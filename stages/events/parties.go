package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// party is who can act or be acted on in a sentence: a named entity with
// the words that qualify it ("U.S. special envoy Steve Witkoff"), or an
// agent, a group known by what it is ("Israeli troops", "protesters"); or
// several joined by "and" or commas, which act together.
type party struct {
	span
	members []member
}

// member is one of a party's actors.
type member struct {
	span
	head   int    // the first token of what the member is, after its qualifiers
	entity int    // index into the article's entities, -1 for an agent
	code   string // ISO 3166-1 alpha-3 of its country, "" if unknown
	sector string // CAMEO sector, "" if unknown
	// of marks an agent of a place: "soldiers from Gondor", "the
	// ambassadors of Arnor".
	of bool
	// others are the further codes of a name the dictionaries give
	// several ("BEL/NLD/LUX"), each an actor of its own.
	others string
}

// sentenceParties finds the parties of sentence s (tokens [first, last)
// of the document) in words, the capitalised words of the document, and
// appends them, as spans of token indexes, to out.
func (c *coder) sentenceParties(first, last int) []party {
	out := c.parties[:0]
	// The parties' members share one buffer, reused from sentence to
	// sentence as the parties are.
	members := c.members[:0]
	var m, next member
	for i := first; ; {
		if i = c.starts.next(i, last); i == last {
			break
		}
		if !c.memberAt(i, last, &m) {
			i++
			continue
		}
		p := party{span: m.span}
		from := len(members)
		members = append(members, m)
		// "A and B", "A, B and C", "neither A nor B": one party of
		// several actors. A comma alone does not join ("Witkoff, the
		// special envoy, met"): the list must end with "and", "or" or
		// "nor".
		list := c.list[:0]
		for j := p.end; j < last; {
			k := j
			comma := c.words[k] == ","
			if comma {
				k++
			}
			and := k < last && (c.words[k] == "AND" || c.words[k] == "OR" || c.words[k] == "NOR")
			if and {
				k++
			} else if !comma {
				break
			}
			if !c.memberAt(k, last, &next) || next.start != k {
				// "the government and Tigrayan forces": a word of a name
				// no one knows qualifies the next member.
				if !c.unknownQualifier(k, last) || !c.memberAt(k+1, last, &next) || next.start != k+1 {
					break
				}
				next.start = k
			}
			before := &m
			if len(list) > 0 {
				before = &list[len(list)-1]
			} else if len(members) > from+1 {
				before = &members[len(members)-1]
			}
			if before.of && next.sector == "" && next.code != "" && next.head == next.start &&
				(next.entity < 0 || c.ents[next.entity].Type == event.TypeLocation) {
				// "the ambassadors of Arnor, Osgiliath and Gondor",
				// "officials in France and Germany": the agent is of
				// each place.
				next.sector, next.of = before.sector, true
			}
			list = append(list, next)
			j = next.end
			if and {
				members = append(members, list...)
				p.end = next.end
				list = list[:0]
			}
		}
		c.list = list
		// Capped: a name of several codes grows its party's members in
		// a slice of their own, not over the next party's.
		p.members = c.expandCodes(members[from:len(members):len(members)])
		p.members = c.shareQualifiers(p.members)
		out = append(out, p)
		i = p.end
	}
	c.parties, c.members = out, members
	c.parties = c.pairParties(first, last, out)
	return c.parties
}

// unknownQualifier reports whether token k is a capitalised word that no
// entity or dictionary knows, before a word in lower case: the adjective
// of a people or a region ("Tigrayan forces").
func (c *coder) unknownQualifier(k, last int) bool {
	return k+1 < last && c.toks[k].Kind == token.Word && c.toks[k].Flags&token.Upper != 0 && c.entityAt[k] < 0 &&
		c.facts[k]&factName == 0 && c.plainWord(k+1)
}

// expandCodes makes each further code of a member an actor of its own,
// of the same words.
func (c *coder) expandCodes(ms []member) []member {
	for k := 0; k < len(ms); k++ {
		if ms[k].others == "" {
			continue
		}
		more := ms[k].others
		ms[k].others = ""
		for code := range strings.SplitSeq(more, "/") {
			m := ms[k]
			m.code, m.sector = splitActorCode(code)
			ms = slices.Insert(ms, k+1, m)
			k++
		}
	}
	return ms
}

// shareQualifiers gives the bare agents of a list the country the list
// gives its first or last member: "Danish media and government" are both
// Danish, "lawmakers and officials in Fornost" both of Fornost; when the
// list ends with several places ("lawmakers and officials in France and
// Germany"), each bare agent is one of each place.
func (c *coder) shareQualifiers(ms []member) []member {
	if len(ms) < 2 {
		return ms
	}
	bare := func(m *member) bool { return m.entity < 0 && m.code == "" && m.sector != "" && m.head == m.start }
	first, last := &ms[0], &ms[len(ms)-1]
	if last.entity < 0 && last.sector != "" {
		// "Indian and Chinese troops", "Russian and Ukrainian
		// officials": a nationality alone is of the agent that ends the
		// list.
		for k := range ms[:len(ms)-1] {
			if m := &ms[k]; m.entity < 0 && m.sector == "" && m.code != "" && m.end == m.start+1 && c.has(m.start, tagDemonym) {
				m.sector = last.sector
			}
		}
	}
	code := ""
	switch {
	case first.code != "" && first.entity < 0 && first.sector != "":
		code = first.code
	case last.of && last.code != "":
		code = last.code
	default:
		return ms
	}
	places := len(ms) - 1
	for places > 0 && ms[places-1].of && ms[places-1].code != "" && ms[places-1].sector == last.sector {
		places--
	}
	// Several places at the end of a list whose first member gives no
	// country: each bare agent is one of each.
	each := first.code == "" && places < len(ms)-1
	for k := 0; k < len(ms); k++ {
		if !bare(&ms[k]) {
			continue
		}
		if !each {
			ms[k].code = code
			continue
		}
		agent := ms[k]
		per := make([]member, 0, len(ms)-places)
		for _, pl := range ms[places:] {
			a := agent
			a.code = pl.code
			per = append(per, a)
		}
		ms = slices.Replace(ms, k, k+1, per...) // first and last may now be stale
		k += len(per) - 1
		places += len(per) - 1
	}
	return ms
}

// memberAt reads into m the actor that starts at token i, with the words
// before its head that qualify it: a determiner, a country's adjective or
// name, role words ("the Russian foreign minister Sergei Lavrov",
// "Kenyan police"); it reports whether there is one. (A member is large,
// and read at every word that may start one: m is the caller's, where a
// result would be copied from call to call.) m is left in any state if
// there is none.
func (c *coder) memberAt(i, last int, m *member) bool {
	if i >= last || !c.mayStartMember(i) {
		return false
	}
	if i > 0 && c.toks[i].Flags&token.Upper == 0 && c.is(i-1, classVerbAfter) && c.mayBeVerb(i) {
		return false // the verb of "will attack Hamas", not a word of its party
	}
	start := i
	if c.words[i] == "THE" {
		// A name of the dictionaries that starts with its article: "The
		// Hermit Kingdom", "The Shire".
		if _, ok := c.dictionaryActor(start, i, last, m); ok {
			return true
		}
	}
	i, code, qualifier := c.qualifiers(i, last)
	if c.head(start, i, last, code, m) {
		if c.has(m.end-1, tagCurrency) || m.end < last && c.has(m.end, tagCurrency) {
			return false // a sum of money: "two million Swiss francs", "US dollars"
		}
		if m.entity < 0 {
			c.namedAfter(m, last)
		}
		if m.sector == "ELI" && m.entity >= 0 {
			// The office the text names over the dictionary's elite
			// out of office: "Prime Minister Viktor Orban", whose later
			// terms the dictionary lacks ("former" makes it ELI again,
			// below).
			r := m.head
			for r > start && c.roleWord(r-1) {
				r--
			}
			if r < m.head {
				if s := c.roleSector(r, m.head); s != "" {
					m.sector = s
				}
			}
		}
		if m.sector != "" && c.former(max(start-2, 0), m.end) {
			m.sector = "ELI" // "former security officials": elites, as CAMEO codes them
		}
		return true
	}
	if qualifier >= 0 {
		// What the place seemed to qualify is no party: the place is
		// ("Ukraine's power grid").
		return c.head(start, qualifier, last, "", m)
	}
	if i == start+1 && i < last && c.mayBeVerb(i) && c.toks[i].Flags&token.Upper == 0 && crowds[c.words[start]] {
		// A count of people that does something: "Thousands rally".
		s, _ := gazetteer.Role("people")
		*m = member{span: span{start, i}, head: start, entity: -1, sector: s}
		return true
	}
	if n := i + 1; i < last && c.has(i, tagDemonym) && c.entityAt[i] < 0 && strings.HasSuffix(c.words[i], "S") &&
		(n >= last || c.toks[n].Kind != token.Word || c.mayBeVerb(n) || !c.noun(n)) {
		// A nationality in the plural that qualifies nothing is its
		// people: "Kenyans protested", "thousands of Serbians"; not
		// "Iraqi pilots".
		*m = member{span: span{start, n}, head: i, entity: -1, code: c.rare(i).demonym}
		return true
	}
	if n := i + 1; n < last && c.has(i, tagDemonym) && c.entityAt[i] < 0 && c.noun(n) && c.toks[n].Flags&token.Possessive == 0 &&
		!(i > 0 && (c.toks[i-1].Kind == token.Number || c.is(i-1, classQuantifier) || numerals[c.words[i-1]])) {
		// A nationality before nouns that are no party stands for its
		// country, as CAMEO codes it: "struck Iranian positions"; not
		// before what is counted ("a million Swiss francs"). Where the
		// nouns may qualify a head, the nationality is read as their
		// qualifier above, and the phrase is no party ("sanctions on
		// Russian oil exports" has no recipient: read as one, the
		// CAMEO sentences lost more than they gained).
		for n++; n < last && c.noun(n) && !c.mayBeVerb(n); n++ {
		}
		*m = member{span: span{start, n}, head: i, entity: -1, code: c.rare(i).demonym}
		return true
	}
	return false
}

// head reads into m the member whose head starts at token i, its
// qualifiers from start on giving it the country code when it has none of
// its own, and reports whether there is one (see memberAt).
func (c *coder) head(start, i, last int, code string, m *member) bool {
	if i >= last || c.facts[i]&factMayHead == 0 {
		return false // most words after the qualifiers
	}
	sector := ""
	// An actor of the dictionaries: "Russian President Vladimir Putin",
	// "Hamas", coded as on the article's date.
	if n, ok := c.dictionaryActor(start, i, last, m); ok || n > 0 {
		return ok
	}
	// An agent of the dictionaries before one of their actors, a name
	// before a name: "MSF Arnor" is Arnor's NGO.
	if i < last && c.toks[i].Flags&token.Upper != 0 {
		if a, acode, ok := c.dictAgent(i, last); ok {
			if _, ok := c.dictionaryActor(start, i+a, last, m); ok {
				m.code, m.sector = splitActorCode(actors.WithAgent(m.code+m.sector, acode))
				return true
			}
		}
	}
	// An agent: "troops", "police officers", "protesters"; not a title
	// before a name ("President Putin").
	if n, s := c.agent(i, last); n > 0 && !(i+n < last && c.entityAt[i+n] >= 0) && !c.modifier(start, i+n, last) &&
		(code != "" || !ofCountryOnly[c.words[i+n-1]]) && (i == 0 || c.attackOf(i-1, i+n)) {
		if c.agentOf(start, i, i+n, last, s, m) && code == "" {
			return true
		}
		*m = member{span: span{start, i + n}, head: i, entity: -1, code: code, sector: s}
		return true
	}
	// Role words before a person: "special envoy", "President".
	roleStart := i
	for i < last && c.entityAt[i] < 0 && c.roleWord(i) {
		i++
	}
	if i < last && c.entityAt[i] >= 0 && i > roleStart && c.ents[c.entityAt[i]].Type != event.TypeLocation {
		// "a senior Bree official": the name after the role words may
		// be an actor of the dictionaries, with its agent.
		if _, ok := c.dictionaryActor(start, i, last, m); ok {
			if code != "" {
				// What the text says the person acts for: "NATO
				// Secretary General Jens Stoltenberg" is IGO.
				m.code = code
			}
			if m.sector == "" {
				m.sector = c.roleSector(roleStart, i)
			}
			return true
		}
	}
	if i < last && c.entityAt[i] >= 0 {
		e := c.entityAt[i]
		end := c.entityEnd(i)
		ent := &c.ents[e]
		if ent.Type == event.TypeLocation && i > roleStart {
			// "the Moscow mayor"? A place before a role is a qualifier,
			// handled above; here the place is the head.
			return false
		}
		// "Hamas militants", "Russian army troops": a name, then what
		// of it acts.
		agentSector := ""
		if ent.Type != event.TypePerson && end < last {
			if n, s := c.agent(end, last); n > 0 {
				agentSector, end = s, end+n
			}
		}
		end = c.possessed(end, last)
		// The qualifier's country first: what the text says the person
		// acts for ("NATO Secretary General Jens Stoltenberg" is IGO).
		*m = member{span: span{start, end}, head: i, entity: e, code: code}
		if m.code == "" {
			m.code = c.entity(e).code
		}
		if i > roleStart {
			sector = c.roleSector(roleStart, i)
		}
		if sector == "" {
			sector = c.entity(e).sector
		}
		if sector == "" || ent.Type == event.TypeLocation {
			sector = agentSector
		}
		if sector == "" && m.code == "" && ent.Type != event.TypeLocation {
			sector = c.describedAs(i)
		}
		m.sector = sector
		return true
	}
	if i > roleStart && i < last && c.entityAt[i] < 0 && !c.modifier(start, i, last) {
		// Role words alone: "the foreign minister said", or of a
		// country alone: "his Greek counterpart".
		if s := c.roleSector(roleStart, i); s != "" || code != "" && slices.Contains(counterparts, c.words[i-1]) {
			*m = member{span: span{start, i}, head: roleStart, entity: -1, code: code, sector: s}
			return true
		}
	}
	return false
}
