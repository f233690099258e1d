package events

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// foreignStage returns a stage that codes with the dictionaries of
// testdata/foreign, in PETRARCH's format and with codes of their own, as
// PETRARCH's test dictionaries have them, and with k's options.
func foreignStage(t *testing.T, k Knowledge) *Stage {
	t.Helper()
	dir := filepath.Join("testdata", "foreign")
	f, err := os.Open(filepath.Join(dir, "verbs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cb, err := codebook.FromDictionary(f.Name(), f)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.ParseFiles(filepath.Join(dir, "test.actors.txt"), filepath.Join(dir, "test.agents.txt"), filepath.Join(dir, "test.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	k.Codebook, k.Actors, k.Unmapped = cb, dict, true
	s, err := NewWith(DefaultConfig(), k)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSayingUnderAnotherCode codes with a dictionary that files "said"
// under appeal (023), as PETRARCH's test dictionary does: what the verb
// alone codes to nobody is still a bare statement, left out when the
// sentence codes nothing else, and a pattern of the verb keeps its own
// code.
func TestSayingUnderAnotherCode(t *testing.T) {
	testEvents(t, foreignStage(t, Knowledge{}), []eventsTest{
		{"alone, to nobody", "An Arnor official said on Saturday.", nil},
		{"beside another event", "Arnor attacked Gondor, an Arnor official said on Saturday.",
			[]string{"190 ARN GON", "023 ARNGOV"}},
		{"a pattern of its own", "An Arnor official said the offer was unsatisfactory.",
			[]string{"131 ARNGOV"}},
	}, codes)
}

// TestReciprocal codes "MET [031:032]", whose two codes are of one PLOVER
// type: one event, unless PETRARCH's reverse events are asked for.
func TestReciprocal(t *testing.T) {
	const text = "Arnor met Gondor on Saturday."
	testEvents(t, foreignStage(t, Knowledge{}), []eventsTest{{"one event", text, []string{"031 ARN GON"}}}, codes)
	testEvents(t, foreignStage(t, Knowledge{Reciprocal: true}), []eventsTest{{"reciprocal", text, []string{"031 ARN GON", "032 GON ARN"}}}, codes)
}

// TestCountryOfTheDictionariesQualifies codes a role after a country that
// only the dictionaries know: the text's country, not the person's code in
// the dictionaries, is whom the person acts for.
func TestCountryOfTheDictionariesQualifies(t *testing.T) {
	testEvents(t, foreignStage(t, Knowledge{}), []eventsTest{
		{"possessive, adjectives, role", "Gondor's awful and evil minister Calimehtar attacked Arnor.", []string{"190 GONGOV ARN"}},
		{"the person alone", "Calimehtar attacked Arnor.", []string{"190 CAL ARN"}},
	}, codes)
}

// TestPatternSyntax codes with the ways PETRARCH's dictionaries write
// patterns and verbs:
//   - a pattern of TABARI's complex-event code "+++", which PETRARCH does
//     not implement: the verb's other patterns code;
//   - the words of a name joined by underscores in the text, as the
//     dictionaries join them;
//   - "^", a phrase to step over, a word at least, which need be no party;
//   - "WIRE_+TAP", a verb of two words whose second is inflected: "wire
//     tapped" is its past, not its base form, which needs a plural
//     subject; a pattern that negates it ("WILL NOT *") codes what the
//     negated verb says, no refusal; a participle that codes nothing after
//     a noun says what the noun is, the object going on over it;
//   - a word joined to the verb by "_" ("RECENTLY_*"), which matches only
//     right before the verb;
//   - a synset whose label holds "_" ("&SIEGE_ENGINE").
func TestPatternSyntax(t *testing.T) {
	testEvents(t, foreignStage(t, Knowledge{}), []eventsTest{
		{"complex code", "Arnor restored fxll ties with Gondor.", []string{"064 ARN GON"}},
		{"underscores", "Arnor attacked the Prince of Dol_Amroth.", []string{"190 ARN DOL"}},
		{"a party to step over", "Arnor warned their Gondor allies about the Prince of Dol Amroth.", []string{"162 ARN DOL"}},
		{"a phrase of no party to step over", "Arnor warned their readers loudly about the Prince of Dol Amroth.", []string{"162 ARN DOL"}},
		{"no phrase to step over", "Arnor warned their about the Prince of Dol Amroth.", []string{"160 ARN DOL"}},
		{"past of a verb of two words", "Gondor wire tapped Arnor.", []string{"1711 GON ARN"}},
		{"a pattern that negates", "Gondor will not wire tap Arnor.", []string{"081 GON ARN"}},
		{"a participle after a noun", "Gondor wire tapped all cables leading into Arnor.", []string{"1711 GON ARN"}},
		{"joined to the verb", "Gondor recently allowed Arnor in.", []string{"025 GON ARN"}},
		{"a word between", "Gondor recently has allowed Arnor in.", []string{"080 GON ARN"}},
		{"a synset's label with an underscore", "Arnor attacked Gondor with trebuchets.", []string{"194 ARN GON"}},
	}, codes)
}

// codes writes e as its CAMEO code and its parties' codes: "190 ARN GON".
func codes(e *event.Coding) string {
	w := []string{e.CAMEO.Code}
	for _, p := range slices.Concat(e.Actors, e.Recipients) {
		w = append(w, p.Code+p.Sector)
	}
	return strings.Join(w, " ")
}

// TestActorsOnly codes with dictionaries that replace the embedded ones:
// their agents give the sectors ("security officials" are GOV in them,
// COP in the gazetteer's) and their codes the names ("Kuwait" is KUW in
// them, KWT in ISO 3166), where the gazetteer's, built from the embedded
// dictionaries, come first without ActorsOnly.
func TestActorsOnly(t *testing.T) {
	tests := []eventsTest{
		{"agent of the dictionaries", "Three security officials attacked Gondor.", []string{"190 GOV GON"}},
		{"a qualifier's code", "The Kuwait government attacked Gondor.", []string{"190 KUWGOV GON"}},
		{"no agent of theirs", "Gondor attacked the villages of Arnor.", []string{"190 GON ARN"}},
	}
	testEvents(t, foreignStage(t, Knowledge{ActorsOnly: true}), tests, codes)
}
