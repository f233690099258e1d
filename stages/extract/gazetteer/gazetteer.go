package gazetteer

//go:generate go run ./internal/gen

import (
	"iter"
	"maps"
	"strconv"
	"sync"

	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// Kind is what an entry names.
type Kind uint8

// Kinds of entries.
const (
	Country Kind = 1 + iota // a country or territory with an ISO 3166-1 code
	Region                  // a first-level administrative division (GeoNames admin-1)
	City                    // a populated place of GeoNames cities15000
	Person                  // a person of the PETRARCH2 dictionaries
	Org                     // an organisation, curated or from PETRARCH2
	Area                    // a continent or a world region ("Middle East"), curated
)

var kindNames = [...]string{"", "country", "region", "city", "person", "org", "area"}

// String returns the kind's name in lower case ("city").
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Type returns the entity type of the kind: "LOC" for places, "PER" or
// "ORG", as event.Entity.Type has them.
func (k Kind) Type() string {
	switch k {
	case Person:
		return "PER"
	case Org:
		return "ORG"
	case Country, Region, City, Area:
		return "LOC"
	}
	return ""
}

// Entry is one thing the gazetteer knows.
type Entry struct {
	Kind Kind
	// Name is the canonical name: "Kyiv", "Saint Petersburg", "Vladimir
	// Putin", "Kremlin", "United States".
	Name string
	// Country is the ISO 3166-1 alpha-2 code: the country itself, the
	// country of a place, the country a person or organisation belongs
	// to; "" when none (international organisations).
	Country string
	// Admin1 is the GeoNames admin-1 code of a city or region ("TX",
	// "11"): a city is in the region of its country with the same code.
	Admin1 string
	// Feature is the GeoNames feature code of a city (PPLC national
	// capital, PPLA regional capital, PPL...), "ADM1" for a region, ""
	// otherwise.
	Feature string
	// GeoNamesID is the place's GeoNames id, 0 for people and
	// organisations.
	GeoNamesID int
	// Lat and Lon locate a city, to 1e-4 degrees. GeoNames' country and
	// region tables carry no coordinates: they are 0 for countries and
	// regions, which have GeoNamesID instead.
	Lat, Lon float32
	// Population is a city's or country's; 0 for regions.
	Population int64
	// Capital reports a national capital.
	Capital bool
	// Sector is the CAMEO sector of a person or organisation: GOV, MIL,
	// LEG, JUD, OPP, REB, ELI (elite: former officials), MED, IGO, NGO,
	// MNC (company), PTY (party), ...; "" if none.
	Sector string
}

// CountryInfo is what GeoNames says of a country beyond its Entry.
type CountryInfo struct {
	Code       string // ISO 3166-1 alpha-2
	ISO3       string // ISO 3166-1 alpha-3
	Name       string // the canonical name, as in its Entry
	Capital    string
	Continent  string // AF, AN, AS, EU, NA, OC or SA
	Population int64
	GeoNamesID int
}

var (
	loadOnce sync.Once
	foldOnce sync.Once
	tab      *table
)

// Load loads the gazetteer now, with the index of LookupFold. Otherwise
// every function loads what it needs on first use: all but LookupFold the
// entries and the exact index, LookupFold its own index as well. A program
// calls Load at start-up to keep that time off its first request.
func Load() { getFold() }

func get() *table {
	loadOnce.Do(load)
	return tab
}

func getFold() *table {
	t := get()
	foldOnce.Do(func() { loadFold(t) })
	return t
}

// Lookup returns every entry one of whose names is exactly name, as
// written in text: "US" is the United States, "us" nothing. Entries are
// ranked: countries, curated organisations, people, PETRARCH
// organisations, cities by population (a city's own name counting five
// times against an alternate name), then regions. The slice is shared:
// callers must not modify it. A name with diacritics that no entry has
// is looked up without them ("Luiz Inácio Lula da Silva"). Lookup does not
// allocate.
func Lookup(name string) []Entry {
	t := get()
	r, ok := t.exact.get(name)
	if !ok {
		if ascii.Only(name) {
			return nil
		}
		var buf [2 * maxFoldBytes]byte
		b, changed := unaccent(buf[:0], name)
		if !changed {
			return nil
		}
		if r, ok = t.exact.getBytes(b); !ok {
			return nil
		}
	}
	return t.list(r)
}

// LookupFold is Lookup ignoring case, for names written in capitals
// ("UNITED STATES", "VLADIMIR PUTIN") or cased otherwise than the
// gazetteer has them ("Bashar Al-Assad"). It finds more than Lookup,
// including what case tells apart: LookupFold("who") is the World Health
// Organization. It does not allocate.
func LookupFold(name string) []Entry {
	t := getFold()
	var buf [maxFoldBytes]byte
	k, ok := foldAppend(buf[:0], name)
	if !ok {
		return nil
	}
	r, ok := t.fold.getFolded(k)
	if !ok {
		return nil
	}
	return t.list(r)
}

// Demonym returns the country of a nationality adjective or noun, in any
// case: "Russian" and "Russians" are RU, "British" and "Britons" GB.
func Demonym(word string) (country string, ok bool) {
	return get().demonyms.get(word)
}

// FirstName reports whether name is an English first name of the names-en
// lists, in any case, and its gender: 'M', 'F', or 'U' for names given to
// both.
func FirstName(name string) (gender byte, ok bool) {
	return get().first.get(name)
}

// Role returns the CAMEO sector of a title or role, in any case:
// "President" and "Prime Minister" are GOV, "general" MIL, "spokesman" MED
// (as PETRARCH codes it). A role whose sector is its holder's employer
// ("chairman", "founder") is known with sector "".
func Role(phrase string) (sector string, ok bool) {
	return get().roles.get(phrase)
}

// Roles yields every title or role Role knows, in capitals ("PRIME
// MINISTER"), with its sector, in no particular order: for a caller that
// indexes them with words of its own.
func Roles() iter.Seq2[string, string] { return maps.All(get().roles.m) }

// Demonyms yields every nationality adjective or noun Demonym knows, in
// capitals ("RUSSIAN"), with its country, in no particular order.
func Demonyms() iter.Seq2[string, string] { return maps.All(get().demonyms.m) }

// CountryName returns the canonical name of the country with ISO 3166-1
// alpha-2 code ("RU": "Russia"), or "".
func CountryName(code string) string {
	return get().countries[code].Name
}

// LookupCountry returns the country with ISO 3166-1 alpha-2 code.
func LookupCountry(code string) (CountryInfo, bool) {
	c, ok := get().countries[code]
	return c, ok
}

// CommonWord reports whether word, written in lower case or capitalised,
// is one of the gazetteer's common English words ("Reading", "Nice",
// "March", "The"). Names that are stop words ("The", "May", "Of") are
// never found by Lookup; places with a common word for a name are, and a
// caller seeing one at the start of a sentence should want more evidence.
// "US", in capitals, is not a common word.
func CommonWord(word string) bool {
	if !lowerOrCapitalised(word) {
		return false
	}
	_, ok := get().common.get(word)
	return ok
}
