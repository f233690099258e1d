package main

import (
	"path/filepath"
	"strings"

	"github.com/newsflow/newsflow/stages/internal/officeholders"
)

// sectorCodes are the CAMEO actor types and role codes an actor's sector is
// taken from; any other three letters of a code are a country, a region
// ("MEA", "SAS") or a group ("UNO", "NAT").
var sectorCodes = words(`
GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI HLH HRI LAB LEG REF MOD RAD AGR ENV DEV UAF SEP INS
IGO NGO NGM MNC IMG UIS
`)

// religionCodes are CAMEO religion codes that are also ISO3 country codes
// ("MUS", Mauritius): in second place they are the religion.
var religionCodes = words(`MUS CHR JEW HIN BUD`)

// Sources of actors.
const (
	srcCountries = iota
	srcInternational
	srcMilNonState
)

// readActors reads the three actor dictionaries and the office holders
// newer than them (package stages/internal/officeholders): people and
// organisations with their country and current sector. Countries and
// their parts, which the countries file also lists with their cities as
// synonyms, come from GeoNames instead.
func (g *gaz) readActors(dir string) error {
	files := []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}
	people := make(map[string]*entry)
	orgs := make(map[string]*entry)
	all := make([][]block, len(files))
	for src, name := range files {
		blocks, err := readBlocks(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		g.counts["petrarch blocks "+name] = len(blocks)
		all[src] = blocks
	}
	// Office holders newer than the dictionaries, last: of two people
	// of one name and country, the first read keeps its codes.
	supp, err := readBlocksFrom(strings.NewReader(officeholders.Actors))
	if err != nil {
		return err
	}
	g.counts["officeholders blocks"] = len(supp)
	all = append(all, supp)
	g.givenNames(all[srcCountries])
	for src, blocks := range all {
		for _, b := range blocks {
			e := g.actor(b, src)
			if e == nil {
				continue
			}
			key := e.name + "\x00" + e.cc
			m := orgs
			if e.kind == kindPerson {
				m = people
			}
			if old := m[key]; old != nil {
				old.names = append(old.names, e.names...)
				old.recency = max(old.recency, e.recency)
				g.counts["petrarch merged duplicates"]++
				continue
			}
			m[key] = e
			g.add(e)
		}
	}
	g.counts["people"] = len(people)
	g.counts["orgs petrarch"] = len(orgs)
	return nil
}

// actorCode is what one CAMEO code says of an actor.
type actorCode struct {
	cc, sector string
	place      bool // no sector: a place, in the countries file
}

func (g *gaz) analyse(c string) actorCode {
	var a actorCode
	var chunks []string
	for i := 0; i+3 <= len(c); i += 3 {
		chunks = append(chunks, c[i:i+3])
	}
	if len(chunks) == 0 {
		return a
	}
	if cc, ok := g.cameo[chunks[0]]; ok {
		a.cc = cc
	} else if len(chunks) > 1 && !religionCodes[chunks[1]] && !sectorCodes[chunks[1]] {
		a.cc = g.cameo[chunks[1]]
	}
	for _, ch := range chunks {
		if sectorCodes[ch] {
			a.sector = ch
			break
		}
	}
	// In the countries file an actor without a role is a country or a part
	// of one ("[AFG]", "[USAASM]", "[CSK]" for Czechoslovakia).
	a.place = a.sector == ""
	return a
}

// actor turns a block into a person or an organisation, or nil: a place,
// an office ("PRESIDENT_OF_THE_UNITED_STATES_"), or a name that does not
// survive cleaning.
func (g *gaz) actor(b block, src int) *entry {
	cur, ok := current(b.codes)
	if !ok {
		return nil
	}
	a := g.analyse(cur.code)
	if src == srcCountries && a.place {
		g.counts["petrarch skipped: place"]++
		return nil
	}
	if a.cc == "" { // Ban Ki-moon is [IGOUNO] now, Korean before
		for i := len(b.codes) - 1; i >= 0 && a.cc == ""; i-- {
			a.cc = g.analyse(b.codes[i].code).cc
		}
	}
	head := tokens(b.names[0])
	person, why := g.classify(b, src, head, a)
	g.counts["petrarch "+why]++

	e := &entry{cc: a.cc, sector: a.sector, recency: recency(b.codes)}
	if person {
		e.kind, e.class = kindPerson, classPerson
	} else {
		e.kind, e.class = kindOrg, classOrg
	}
	for i, raw := range b.names {
		var h []string
		if i > 0 {
			h = head
		}
		forms := g.nameForms(tokens(raw), person, h)
		if i == 0 {
			if len(forms) == 0 {
				g.counts["petrarch skipped: office or unusable head"]++
				return nil
			}
			e.name = forms[0]
		}
		e.names = append(e.names, forms...)
	}
	if !person && g.curated[fold(e.name)] {
		g.counts["petrarch skipped: curated organisation"]++
		return nil
	}
	return e
}

// classify tells people from institutions in PETRARCH's actor files,
// which do not say which is which. In the countries file, heads commented
// "CountryInfo.txt" are people: they come from CountryInfo's lists of
// leaders and ministers. Otherwise a name with an institution word
// ("COUNCIL", "ARMY", "MINISTRY") is an organisation, as is any company
// (MNC); a name of one word is a person only when its codes are dated
// ("KREMLIN" [RUSGOV] is not); a longer name is a person when its codes are
// dated (people hold offices for a time; institutions are coded without
// dates) or when it starts with a known first name or an initial
// ("GLENN_GREENWALD" [MED]).
func (g *gaz) classify(b block, src int, head []string, a actorCode) (bool, string) {
	if src == srcCountries && strings.Contains(strings.ToUpper(b.comment), "COUNTRYINFO") {
		return true, "person: CountryInfo comment"
	}
	core := g.stripTitles(head)
	if len(core) == 0 {
		core = head
	}
	for _, t := range core {
		if institutionWords[strings.ToLower(t)] {
			return false, "org: institution word"
		}
	}
	if a.sector == "MNC" {
		return false, "org: company code"
	}
	dated := false
	for _, c := range b.codes {
		dated = dated || !c.undated
	}
	switch {
	case len(core) == 1 && dated:
		return true, "person: one word, dated codes"
	case len(core) == 1:
		return false, "org: one word, undated codes"
	case dated:
		return true, "person: dated codes"
	case g.first[strings.Trim(core[0], ".")] != 0 || isInitial(core[0]):
		return true, "person: first name"
	case g.given[core[0]]:
		return true, "person: given name of a CountryInfo person"
	}
	return false, "org: undated codes"
}

// givenNames collects the first words of the CountryInfo people, a list of
// given names from every country to complement names-en's English ones
// ("BASHAR", "NARENDRA"); words that are also common, institution or
// nationality words are left out.
func (g *gaz) givenNames(blocks []block) {
	g.given = make(map[string]bool)
	for _, b := range blocks {
		if !strings.Contains(strings.ToUpper(b.comment), "COUNTRYINFO") {
			continue
		}
		t := tokens(b.names[0])
		if len(t) < 2 {
			continue
		}
		w := t[0]
		low := strings.ToLower(w)
		if letters(w) < 2 || g.common[low] || institutionWords[low] || g.demonyms[w] != "" || g.ccKeys[w] ||
			honorifics[low] || royalTitles[low] {
			continue
		}
		g.given[w] = true
	}
	g.counts["given names from CountryInfo"] = len(g.given)
}

func isInitial(t string) bool { return len(t) == 2 && t[1] == '.' }

// tokens splits a dictionary name into upper-case words: "_" and spaces
// separate words; a parenthesised part is dropped ("PEOPLE'S_LIBERATION_
// FORCES_(EL_SALVADOR)_"), except an abbreviation of three or more letters,
// which is returned as a last token after "|" ("..._ARMY_(CIRA)_").
func tokens(raw string) []string {
	s := strings.ToUpper(strings.ReplaceAll(raw, "_", " "))
	var abbr string
	if i := strings.IndexByte(s, '('); i >= 0 {
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			j = len(s) - i - 1
		}
		inner := strings.TrimSpace(s[i+1 : i+j])
		if !strings.Contains(inner, " ") && len(inner) >= 3 && len(inner) <= 8 {
			abbr = inner
		}
		s = s[:i] + " " + s[i+j+1:]
	}
	out := strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(s))
	if abbr != "" {
		out = append(out, "|", abbr)
	}
	return out
}
