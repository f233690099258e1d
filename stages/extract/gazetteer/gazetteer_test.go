package gazetteer

import (
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLookupFirst(t *testing.T) {
	tests := []struct {
		name    string
		kind    Kind
		country string
		gid     int    // 0: not checked
		canon   string // "": not checked
		sector  string // "": not checked
	}{
		{"St. Petersburg", City, "RU", 498817, "Saint Petersburg", ""},
		{"Saint Petersburg", City, "RU", 498817, "", ""},
		{"Kiev", City, "UA", 703448, "Kyiv", ""},
		{"Kyiv", City, "UA", 703448, "Kyiv", ""},
		{"Washington", City, "US", 4140963, "", ""},
		{"Paris", City, "FR", 2988507, "", ""},
		{"Moscow", City, "RU", 524901, "", ""},
		{"Bombay", City, "IN", 1275339, "Mumbai", ""},
		{"NYC", City, "US", 5128581, "New York City", ""},
		{"U.S.", Country, "US", 6252001, "United States", ""},
		{"US", Country, "US", 6252001, "", ""},
		{"United States", Country, "US", 6252001, "", ""},
		{"America", Country, "US", 0, "", ""},
		{"UK", Country, "GB", 0, "United Kingdom", ""},
		{"Britain", Country, "GB", 0, "", ""},
		{"Russian Federation", Country, "RU", 0, "Russia", ""},
		{"Republic of Korea", Country, "KR", 0, "", ""},
		{"Czech Republic", Country, "CZ", 0, "", ""},
		{"Côte d'Ivoire", Country, "CI", 0, "", ""},
		{"Côte d’Ivoire", Country, "CI", 0, "", ""},
		{"Burma", Country, "MM", 0, "", ""},
		{"Holland", Country, "NL", 0, "Netherlands", ""},
		{"U.A.E.", Country, "AE", 0, "", ""},
		{"Georgia", Country, "GE", 0, "", ""},
		{"Texas", Region, "US", 4736286, "", ""},
		{"Bavaria", Region, "DE", 2951839, "", ""},
		{"Crimea", Region, "UA", 703883, "", ""},
		{"Europe", Area, "", 6255148, "", ""},
		{"Mideast", Area, "", 0, "Middle East", ""},
		{"Gulf", Area, "", 0, "Persian Gulf", ""}, // not Gulf Province, Papua New Guinea
		{"Putin", Person, "RU", 0, "Vladimir Putin", "GOV"},
		{"Vladimir Putin", Person, "RU", 0, "Vladimir Putin", "GOV"},
		{"Bashar al-Assad", Person, "SY", 0, "", ""},
		{"Ban Ki-moon", Person, "KR", 0, "Ban Ki-moon", "IGO"},
		{"Kerry", Person, "US", 0, "John Kerry", ""},
		{"Obama", Person, "US", 0, "Barack Obama", ""},
		{"Al Jazeera", Org, "QA", 0, "Al Jazeera", "MED"},
		{"Kremlin", Org, "RU", 0, "Kremlin", "GOV"},
		{"White House", Org, "US", 0, "White House", "GOV"},
		{"AP", Org, "US", 0, "Associated Press", "MED"},
		{"UN", Org, "", 0, "United Nations", "IGO"},
		{"NATO", Org, "", 0, "NATO", "IGO"},
		{"EU", Org, "", 0, "European Union", "IGO"},
		{"Hamas", Org, "PS", 0, "", ""},
	}
	for _, tt := range tests {
		got := Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) = nothing, want %v %s", tt.name, tt.kind, tt.country)
			continue
		}
		e := got[0]
		if e.Kind != tt.kind || e.Country != tt.country || (tt.gid != 0 && e.GeoNamesID != tt.gid) ||
			(tt.canon != "" && e.Name != tt.canon) || (tt.sector != "" && e.Sector != tt.sector) {
			t.Errorf("Lookup(%q)[0] = %+v, want %v %s %d %q %s", tt.name, e, tt.kind, tt.country, tt.gid, tt.canon, tt.sector)
		}
	}
}

func TestLookupCandidates(t *testing.T) {
	has := func(list []Entry, kind Kind, country string, gid int) bool {
		for _, e := range list {
			if e.Kind == kind && e.Country == country && (gid == 0 || e.GeoNamesID == gid) {
				return true
			}
		}
		return false
	}
	w := Lookup("Washington")
	if !has(w, City, "US", 4140963) || !has(w, Region, "US", 5815135) {
		t.Errorf("Washington: want the capital and the state, have %v", w)
	}
	if c := w[0]; !c.Capital || c.Feature != "PPLC" || c.Admin1 != "DC" {
		t.Errorf("Washington[0] = %+v, want the national capital in DC", c)
	}
	p := Lookup("Paris")
	if p[0].Country != "FR" || !has(p[1:], City, "US", 0) {
		t.Errorf("Paris: want France first, then US candidates: %v", p)
	}
	for i := 1; i < len(p); i++ {
		if p[i].Kind == City && p[i].Country == "FR" {
			t.Errorf("Paris: a second French city %v", p[i])
		}
	}
	if g := Lookup("Georgia"); g[0].Kind != Country || !has(g, Region, "US", 0) {
		t.Errorf("Georgia: want the country first and the US state: %v", g)
	}
	if k := Lookup("Kiev"); !has(k, Region, "UA", 0) {
		t.Errorf("Kiev: want the oblast too: %v", k)
	}
	if c := Lookup("Congo"); len(c) != 2 || c[0].Country != "CD" || c[1].Country != "CG" {
		t.Errorf("Congo = %v, want CD then CG", c)
	}
	m := Lookup("Moscow")[0]
	if m.Lat < 55.7 || m.Lat > 55.8 || m.Lon < 37.6 || m.Lon > 37.7 || m.Population < 10_000_000 {
		t.Errorf("Moscow = %+v", m)
	}
}

func TestNotNames(t *testing.T) {
	for _, w := range []string{"Of", "The", "May", "Will", "of", "the", "March", "", "us", "Us", "Valley", "Highlands"} {
		if got := Lookup(w); got != nil {
			t.Errorf("Lookup(%q) = %v, want nothing", w, got)
		}
	}
	// Places named by common words are kept but reported.
	for _, w := range []string{"Reading", "Mobile", "Nice", "Split"} {
		if Lookup(w) == nil || !CommonWord(w) {
			t.Errorf("%s: want a place that CommonWord reports", w)
		}
	}
}

func TestCommonWord(t *testing.T) {
	for w, want := range map[string]bool{
		"the": true, "The": true, "March": true, "reading": true, "Reading": true,
		"US": false, "READING": false, "Kyiv": false, "Putin": false, "": false,
	} {
		if got := CommonWord(w); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestLookupFold(t *testing.T) {
	tests := map[string]string{
		"UNITED STATES":   "United States",
		"united states":   "United States",
		"VLADIMIR PUTIN":  "Vladimir Putin",
		"Bashar Al-Assad": "Bashar al-Assad",
		"KYIV":            "Kyiv",
		"CÔTE D'IVOIRE":   "Ivory Coast",
		"côte d'ivoire":   "Ivory Coast",
		"AL JAZEERA":      "Al Jazeera",
	}
	for in, want := range tests {
		got := LookupFold(in)
		if len(got) == 0 || got[0].Name != want {
			t.Errorf("LookupFold(%q) = %v, want %s first", in, got, want)
		}
	}
	if got := LookupFold(strings.Repeat("A", 1000)); got != nil {
		t.Errorf("LookupFold(long) = %v", got)
	}
}

// TestFoldCoversExact checks that the generator and foldAppend fold alike:
// every name is found by LookupFold with at least its Lookup entries.
func TestFoldCoversExact(t *testing.T) {
	x := get().exact
	for _, k := range x.keys {
		name := x.text[k.off : k.off+k.n]
		exact, fold := Lookup(name), LookupFold(name)
		for _, e := range exact {
			found := false
			for _, f := range fold {
				found = found || f == e
			}
			if !found {
				t.Fatalf("LookupFold(%q) = %v lacks %v", name, fold, e)
			}
		}
	}
}

func TestSharedSlices(t *testing.T) {
	for _, name := range []string{"Paris", "Putin", "Kremlin"} {
		l := Lookup(name)
		if len(l) != cap(l) {
			t.Errorf("Lookup(%q): len %d cap %d: an append would overwrite shared data", name, len(l), cap(l))
		}
	}
}

func TestMaxNameWords(t *testing.T) {
	x := get().exact
	longest := 0
	for _, k := range x.keys {
		longest = max(longest, len(strings.Fields(x.text[k.off:k.off+k.n])))
	}
	if longest != MaxNameWords {
		t.Errorf("longest name has %d words, MaxNameWords = %d", longest, MaxNameWords)
	}
}

func TestDemonym(t *testing.T) {
	tests := map[string]string{
		"Russian": "RU", "Russians": "RU", "Ukrainian": "UA", "Ukrainians": "UA", "American": "US",
		"Americans": "US", "British": "GB", "Briton": "GB", "Afghan": "AF", "Chinese": "CN", "French": "FR",
		"German": "DE", "Israeli": "IL", "Israelis": "IL", "Palestinian": "PS", "Iranian": "IR",
		"South Korean": "KR", "North Korean": "KP", "Dutch": "NL", "Filipino": "PH", "RUSSIAN": "RU",
	}
	for w, want := range tests {
		if got, ok := Demonym(w); !ok || got != want {
			t.Errorf("Demonym(%q) = %q, %v, want %s", w, got, ok, want)
		}
	}
	for _, w := range []string{"Martian", "Arab", "Russia", ""} {
		if got, ok := Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q", w, got)
		}
	}
}

func TestFirstName(t *testing.T) {
	tests := map[string]byte{"Karoline": 'F', "KAROLINE": 'F', "John": 'M', "Mary": 'F', "Jordan": 'U'}
	for n, want := range tests {
		if got, ok := FirstName(n); !ok || got != want {
			t.Errorf("FirstName(%q) = %c, %v, want %c", n, got, ok, want)
		}
	}
	if _, ok := FirstName("Putin"); ok {
		t.Error("FirstName(Putin) ok")
	}
}

func TestRole(t *testing.T) {
	tests := map[string]string{
		"President": "GOV", "president": "GOV", "Prime Minister": "GOV", "envoy": "GOV",
		"Press Secretary": "GOV", "spokesman": "MED", "Spokeswoman": "MED", "chairman": "",
		"general": "MIL", "Foreign Minister": "GOV", "senator": "LEG", "presidents": "GOV",
	}
	for p, want := range tests {
		if got, ok := Role(p); !ok || got != want {
			t.Errorf("Role(%q) = %q, %v, want %q", p, got, ok, want)
		}
	}
	if _, ok := Role("banana"); ok {
		t.Error("Role(banana) ok")
	}
}

func TestCountries(t *testing.T) {
	for code, want := range map[string]string{"RU": "Russia", "US": "United States", "NL": "Netherlands", "XK": "Kosovo", "ZZ": ""} {
		if got := CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
	c, ok := LookupCountry("US")
	if !ok || c.ISO3 != "USA" || c.Capital != "Washington" || c.Continent != "NA" || c.GeoNamesID != 6252001 || c.Population < 300e6 {
		t.Errorf("LookupCountry(US) = %+v, %v", c, ok)
	}
}

func TestKind(t *testing.T) {
	for k, want := range map[Kind][2]string{
		Country: {"country", "LOC"}, Region: {"region", "LOC"}, City: {"city", "LOC"},
		Person: {"person", "PER"}, Org: {"org", "ORG"}, 0: {"kind(0)", ""},
	} {
		if k.String() != want[0] || k.Type() != want[1] {
			t.Errorf("Kind %d: %q %q, want %q", k, k.String(), k.Type(), want)
		}
	}
}

// TestConcurrentFirstUse loads a table under a sync.Once from many
// goroutines, as get does, and reads it from all of them; go test -race
// checks that the loading publishes the table safely.
func TestConcurrentFirstUse(t *testing.T) {
	var once sync.Once
	var tb *table
	load := func() *table {
		once.Do(func() {
			var err error
			if tb, err = parse(entriesData, namesData); err != nil {
				t.Error(err)
			} else if err = tb.buildFold(); err != nil {
				t.Error(err)
			}
		})
		return tb
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			x := load()
			if r, ok := x.exact.get("Kyiv"); !ok || x.list(r)[0].GeoNamesID != 703448 {
				t.Error("Kyiv not found")
			}
			var buf [maxFoldBytes]byte
			k, _ := foldAppend(buf[:0], "Kremlin")
			if _, ok := x.fold.getFolded(k); !ok {
				t.Error("KREMLIN not found")
			}
		})
	}
	wg.Wait()
}

// FuzzFold checks foldAppend against upper-casing rune by rune, as the
// generator folds keys, and that no input makes a lookup fail.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Kyiv", "côte d'ivoire", "ǅ", "ß", "İstanbul", "\xff", strings.Repeat("é", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Map(unicode.ToUpper, s)
		var buf [maxFoldBytes]byte
		got, ok := foldAppend(buf[:0], s)
		if ok && utf8.ValidString(s) && string(got) != want {
			t.Errorf("foldAppend(%q) = %q, want %q", s, got, want)
		}
		if ok && !foldEqual(s, got) {
			t.Errorf("foldEqual(%q, its fold) = false", s)
		}
		Lookup(s)
		LookupFold(s)
		Demonym(s)
		Role(s)
		CommonWord(s)
	})
}

func TestLookupWithoutDiacritics(t *testing.T) {
	tests := []struct {
		name, want string // want "" for no entry
	}{
		{"Luiz Inácio Lula da Silva", "Luiz Inacio Lula da Silva"},
		{"São Paulo", "São Paulo"}, // GeoNames has it as written
		{"Bogotá", "Bogotá"},
		{"Inácio", ""},
		{"Łódź", "Łódź"},
	}
	for _, tt := range tests {
		got := ""
		if e := Lookup(tt.name); len(e) > 0 {
			got = e[0].Name
		}
		if got != tt.want {
			t.Errorf("Lookup(%q)[0].Name = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestUnaccent(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"Inácio", "Inacio", true},
		{"Erdoğan", "Erdogan", true},
		{"Łukasz Straße", "Lukasz Strasse", true},
		{"Ørsted", "Orsted", true},
		{"Putin", "", false},
		{"Путин", "Путин", false},
	}
	for _, tt := range tests {
		var buf [64]byte
		b, changed := unaccent(buf[:0], tt.in)
		if changed != tt.changed || changed && string(b) != tt.want {
			t.Errorf("unaccent(%q) = %q, %v; want %q, %v", tt.in, b, changed, tt.want, tt.changed)
		}
	}
}
