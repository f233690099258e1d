package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// TestDataIsCurrent regenerates the data into a temporary directory and
// compares it with the committed files (decompressed: the bytes of gzip
// may change with the Go version, the content may not).
func TestDataIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the generation in short mode")
	}
	dir, err := corpora.Dir()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkInputs(dir); err != nil {
		t.Skipf("skipping: %v", err)
	}
	out := t.TempDir()
	if err := run(dir, out, false); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join("..", "..")
	for _, name := range []string{"generated/entries.txt.gz", "generated/names.txt.gz"} {
		want, got := gunzipFile(t, filepath.Join(pkg, name)), gunzipFile(t, filepath.Join(out, name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generation: run go generate ./stages/extract/gazetteer/", name)
		}
	}
	want, err1 := os.ReadFile(filepath.Join(pkg, "data_gen.go"))
	got, err2 := os.ReadFile(filepath.Join(out, "data_gen.go"))
	if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
		t.Errorf("data_gen.go differs from a fresh generation (%v, %v)", err1, err2)
	}
}

func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	gz, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := corpora.Gunzip(gz)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheckInputsMissing(t *testing.T) {
	err := checkInputs(t.TempDir())
	if err == nil {
		t.Fatal("no error for an empty corpora directory")
	}
	t.Log(err)
}

func TestPersonTitle(t *testing.T) {
	tests := map[string]string{
		"VLADIMIR_PUTIN_":          "Vladimir Putin",
		"BASHAR_AL-ASSAD":          "Bashar al-Assad",
		"HAZEM_AL_BEBLAWI_":        "Hazem al-Beblawi",
		"BAN_KI-MOON":              "Ban Ki-moon",
		"XI_JINPING":               "Xi Jinping",
		"JOHN_MCCAIN":              "John McCain",
		"CONOR_O'BRIEN":            "Conor O'Brien",
		"OSAMA_BIN_LADEN":          "Osama bin Laden",
		"URSULA_VON_DER_LEYEN":     "Ursula von der Leyen",
		"MARTIN_LUTHER_KING_JR.":   "Martin Luther King Jr.",
		"KING_JUAN_CARLOS_I":       "King Juan Carlos I",
		"JEAN-CLAUDE_JUNCKER":      "Jean-Claude Juncker",
		"VLADIMIR_V._PUTIN":        "Vladimir V. Putin",
		"POPE_JOHN_PAUL_II":        "Pope John Paul II",
		"ABD_AL-AZIZ_BIN_SAUD":     "Abd al-Aziz bin Saud",
		"AL-WALID_BIN_TALAL":       "Al-Walid bin Talal",
		"SHEIKH_HAMAD_BIN_KHALIFA": "Sheikh Hamad bin Khalifa",
	}
	for in, want := range tests {
		if got := personTitle(tokens(in), true); got != want {
			t.Errorf("personTitle(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestOrgTitle(t *testing.T) {
	tests := map[string]string{
		"THE_UNITED_NATIONS_": "The United Nations",
		"CNN":                 "CNN",
		"ZYMOGENETICS_INC_":   "Zymogenetics Inc",
		"ORGANIZATION_FOR_THE_PROHIBITION_OF_CHEMICAL_WEAPONS": "Organization for the Prohibition of Chemical Weapons",
		"UN_SECURITY_COUNCIL": "UN Security Council",
	}
	for in, want := range tests {
		if got := orgTitle(tokens(in)); got != want {
			t.Errorf("orgTitle(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := map[string][]string{
		"VLADIMIR_PUTIN_": {"VLADIMIR", "PUTIN"},
		"UN DEPARTMENT_OF_PEACEKEEPING_OPERATIONS_": {"UN", "DEPARTMENT", "OF", "PEACEKEEPING", "OPERATIONS"},
		"CONTINUITY_IRISH_REPUBLICAN_ARMY_(CIRA)_":  {"CONTINUITY", "IRISH", "REPUBLICAN", "ARMY", "|", "CIRA"},
		"PEOPLE'S_LIBERATION_FORCES_(EL_SALVADOR)_": {"PEOPLE'S", "LIBERATION", "FORCES"},
	}
	for in, want := range tests {
		if got := tokens(in); !slices.Equal(got, want) {
			t.Errorf("tokens(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestCurrentCode(t *testing.T) {
	putin := []code{mustCode("RUSELI 700101-990809"), mustCode("RUSGOV 991231-080507"), mustCode("RUSGOV >080508"), mustCode("RUSELI")}
	gorbachev := []code{mustCode("RUSELI 480101-850311"), mustCode("RUSGOV 900315-911225"), mustCode("RUSELI")}
	minister := []code{mustCode("BENGOVEDU 030701-040331"), mustCode("BENGOVHLH 051101-060430")}
	for _, tt := range []struct {
		codes []code
		want  string
	}{{putin, "RUSGOV"}, {gorbachev, "RUSELI"}, {minister, "BENGOVHLH"}} {
		if c, ok := current(tt.codes); !ok || c.code != tt.want {
			t.Errorf("current(%v) = %v, want %s", tt.codes, c, tt.want)
		}
	}
	if d := parseDate("080508"); d != 20080508 {
		t.Errorf("parseDate(080508) = %d", d)
	}
	if d := parseDate("700101"); d != 19700101 {
		t.Errorf("parseDate(700101) = %d", d)
	}
	if d := parseDate("20121115"); d != 20121115 {
		t.Errorf("parseDate(20121115) = %d", d)
	}
}

func mustCode(s string) code {
	c, ok := parseCode(s)
	if !ok {
		panic(s)
	}
	return c
}

func TestAltReason(t *testing.T) {
	tests := map[string]string{
		"Kiev": "", "St. Petersburg": "", "Rio de Janeiro": "", "Côte-d'Or": "",
		"IEV": "code", "paris": "lower case", "Lungsod ng Paris": "foreign phrase", "Па": "not Latin letters",
		"Pa": "short", "Sankt-Peterburg": "",
	}
	for in, want := range tests {
		if got := altReason(in); got != want {
			t.Errorf("altReason(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRegionWords(t *testing.T) {
	tests := map[string]string{
		"Voronezh Oblast": "Voronezh", "Lagos State": "Lagos", "Republic of Tyva": "Tyva", "Texas": "Texas",
		"Kharkivs’ka Oblast’": "Kharkivs’ka",
	}
	for in, want := range tests {
		if got := stripRegionWords(in); got != want {
			t.Errorf("stripRegionWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"ENVOY": "ENVOYS", "SECRETARY": "SECRETARIES", "BOSS": "BOSSES", "CHAIRMAN": "CHAIRMEN", "PRESIDENT": "PRESIDENTS"} {
		if got := pluralOf(in); got != want {
			t.Errorf("pluralOf(%s) = %s, want %s", in, got, want)
		}
	}
}
