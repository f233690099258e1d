package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds, numbered as the gazetteer package numbers them.
const (
	kindCountry = 1 + iota
	kindRegion
	kindCity
	kindPerson
	kindOrg
	kindArea
)

// Ranking classes order the candidates of a name across kinds: a country
// name is the country ("Georgia", "Jordan"); a curated organisation is what
// news means by its name ("Kremlin", "Amazon"); a known person comes before
// places of the same name ("Obama", Japan; "Hassan", India); places come
// last, cities by population and admin-1 regions after them, since GeoNames
// gives regions no population. Within a class: population, then recency
// (people), then name and id.
const (
	classCountry = iota
	classCuratedOrg
	classPerson
	classOrg
	classCity
	classRegion
)

// Limits on names. A name longer than this is a description, not a name
// (PETRARCH has "UNITED_NATIONS_EDUCATIONAL,_SCIENTIFIC_AND_CULTURAL_...").
const (
	maxWords = 8
	maxBytes = 96
)

type entry struct {
	kind    int
	name    string
	cc      string
	admin1  string
	feature string
	gid     int
	lat     int // degrees × 1e4
	lon     int
	pop     int64
	capital bool
	sector  string
	class   int
	recency int // people: the latest date of their codes, yyyymmdd
	names   []string
	main    []string // a city's own names, as against its alternate names
	curated bool     // curated entries may use short and common names
}

// gaz is everything the generator collects before writing.
type gaz struct {
	entries  []*entry
	demonyms map[string]string // upper case → ISO2
	first    map[string]byte   // upper case → 'M', 'F', 'U'
	roles    map[string]string // upper case phrase → sector
	common   map[string]bool   // lower case common and stop words
	cameo    map[string]string // CAMEO/ISO3 country code → ISO2
	ccName   map[string]string // ISO2 → canonical name
	info     map[string]country
	ccKeys   map[string]bool     // every country name and variant
	curated  map[string]bool     // fold keys of curated organisation names
	given    map[string]bool     // given names of PETRARCH's CountryInfo people
	counts   map[string]int      // what was read, kept and dropped, for -report
	index    map[string][]*entry // the keys, once encoded, for -report
	// shortNames may be keys although shorter than three letters: the
	// surnames of family-first names ("Xi").
	shortNames map[string]bool
}

func build(dir string) (*gaz, error) {
	g := &gaz{
		demonyms: make(map[string]string),
		first:    make(map[string]byte),
		roles:    make(map[string]string),
		common:   make(map[string]bool),
		cameo:    make(map[string]string),
		ccName:   make(map[string]string),
		info:     make(map[string]country),
		ccKeys:   make(map[string]bool),
		curated:  make(map[string]bool),
		counts:   make(map[string]int),

		shortNames: make(map[string]bool),
	}
	for w := range stopWords {
		g.common[w] = true
	}
	for w := range commonWords {
		g.common[w] = true
	}
	geo := filepath.Join(dir, "geonames")
	steps := []func() error{
		func() error { return g.readCountries(filepath.Join(geo, "countryInfo.tsv")) },
		g.addDemonyms,
		g.addOrgs,
		g.addAreas,
		func() error { return g.readFirstNames(filepath.Join(dir, "names-en")) },
		func() error { return g.readAgents(filepath.Join(dir, "petrarch2-dictionaries", "Phoenix.agents.txt")) },
		func() error { return g.readRegions(filepath.Join(geo, "regionInfo.tsv")) },
		func() error { return g.readCities(filepath.Join(geo, "cities15000.zip")) },
		func() error { return g.readActors(filepath.Join(dir, "petrarch2-dictionaries")) },
		g.addSurnames,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// addDemonyms expands the curated demonyms; a word given to two countries
// is an error in the table.
func (g *gaz) addDemonyms() error {
	for cc, list := range demonyms {
		if g.ccName[cc] == "" {
			return fmt.Errorf("demonyms: unknown country %s", cc)
		}
		for _, w := range list {
			forms := []string{strings.TrimSuffix(w, "+")}
			if strings.HasSuffix(w, "+") {
				forms = append(forms, forms[0]+"s")
			}
			for _, f := range forms {
				k := strings.ToUpper(f)
				if old, ok := g.demonyms[k]; ok && old != cc {
					return fmt.Errorf("demonyms: %q given to %s and %s", f, old, cc)
				}
				g.demonyms[k] = cc
			}
		}
	}
	g.counts["demonyms"] = len(g.demonyms)
	return nil
}

// addOrgs adds the curated organisations.
func (g *gaz) addOrgs() error {
	for _, list := range [][]org{orgs, institutions} {
		for _, o := range list {
			if o.cc != "" && g.ccName[o.cc] == "" {
				return fmt.Errorf("orgs: %s: unknown country %s", o.name, o.cc)
			}
			e := &entry{kind: kindOrg, name: o.name, cc: o.cc, sector: o.sector, class: classCuratedOrg, curated: true}
			e.names = append(e.names, o.name)
			if o.variants != "" {
				e.names = append(e.names, strings.Split(o.variants, "|")...)
			}
			for _, n := range e.names {
				g.curated[fold(n)] = true
			}
			g.add(e)
			g.counts["orgs curated"]++
		}
	}
	return nil
}

// add appends an entry; names are checked when the output is built.
func (g *gaz) add(e *entry) { g.entries = append(g.entries, e) }

// keyReason says why a name cannot be a key, or "" when it can. Curated
// names pass every test but the length limits and the stop words.
func (g *gaz) keyReason(name string, e *entry) string {
	switch {
	case name == "" || strings.TrimSpace(name) != name || strings.Contains(name, "  "):
		return "blank"
	case len(name) > maxBytes:
		return "too long"
	case len(strings.Fields(name)) > maxWords:
		return "too many words"
	case !utf8.ValidString(name):
		return "invalid UTF-8"
	case g.stopForm(name):
		return "stop word"
	case e.curated:
		return ""
	case letters(name) < 3 && !g.shortNames[name]:
		return "short"
	case g.common[strings.ToLower(name)] && !(e.kind == kindCity && e.pop >= 100000 && slices.Contains(e.main, name)):
		return "common word"
	}
	for _, r := range name {
		if unicode.Is(unicode.Mn, r) {
			return "combining mark"
		}
	}
	return ""
}

// stopForm reports whether name is a stop word written in lower case or
// capitalised: "Of" and "of", but not "US".
func (g *gaz) stopForm(name string) bool {
	low := strings.ToLower(name)
	if !stopWords[low] {
		return false
	}
	// Stop words are ASCII: name and low have the same length.
	_, n := utf8.DecodeRuneInString(name)
	return name[n:] == low[n:]
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// fold is the key of the case-insensitive map: each rune upper-cased, as
// the gazetteer package's foldAppend does.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// apostropheForms returns name with its apostrophes both straight and
// typographic, since clean keeps the text's own.
func apostropheForms(name string) []string {
	out := []string{name}
	if strings.Contains(name, "'") {
		out = append(out, strings.ReplaceAll(name, "'", "\u2019"))
	}
	if strings.Contains(name, "\u2019") {
		out = append(out, strings.ReplaceAll(name, "\u2019", "'"))
	}
	return out
}
