package codebook

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// readCorpus returns a file of ../shared/corpora; the tests that need one
// fail without it, as the generator does.
func readCorpus(t testing.TB, path ...string) []byte {
	t.Helper()
	dir, err := corpora.Dir()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(append([]string{dir}, path...)...))
	if err != nil {
		t.Fatalf("%v: the corpora must be in ../shared/corpora beside the repository", err)
	}
	return b
}

func validation(t testing.TB) *Codebook {
	t.Helper()
	text := readCorpus(t, "petrarch2-validation", "PETR.Validate.verbs.txt")
	c, err := FromDictionary("PETR.Validate.verbs.txt", bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFromDictionary reads PETRARCH's unit-test dictionary and finds its
// verbs and patterns with their codes.
func TestFromDictionary(t *testing.T) {
	c := validation(t)
	if c.Blocks() != 261 {
		t.Errorf("Blocks() = %d; want 261", c.Blocks())
	}
	verbs := []struct {
		form, lemma, code string
		inherited         bool
	}{
		{"ABANDON", "ABANDON", "345", true},
		{"ABANDONED", "ABANDON", "345", true},        // a regular form
		{"KLM NOP RST", "KLM NOP RST", "002", false}, // KLM_NOP_+RST [002]
		{"ABC AARDVARK ADVOCATE", "ABC AARDVARK ADVOCATE", "003", false},
		{"BROKE", "BREAK", "1717", true},            // BREAK { BROKE BROKEN  }
		{"BROKEN DOWN", "BREAK DOWN", "1717", true}, // +BREAK_DOWN {… +BROKEN_DOWN }
		{"WIRE TAPPED", "WIRE TAP", "1711", true},   // WIRE_+TAP {WIRE_+TAPPED …}
		{"CORDONING OFF", "CORDON OFF", "1721", true},
		{"STEOPPED", "STOP", "190", true},      // as misspelt
		{"DOWNPLAY", "DOWNPLAY", "014", false}, // in DELAY [120] [031:031]
		{"POSTPONED", "POSTPONE", "120", true}, // the first of the two codes
		{"LASH OUT", "LASH OUT", "122", true},  // corrected from "LASH OUT"
		{"RULED OUT", "RULE OUT", "111", true}, // a regular form of RULE_OUT
		{"TROUBLED", "TROUBLED", "---", false}, // "--- TROUBLED [---] # NOUN ---"
		{"REPORTS", "REPORT", "025?", true},    // a code PLOVER has not
		{"VISITED", "VISIT", "032:032", true},
	}
	for _, tt := range verbs {
		v, ok := c.Verb(tt.form)
		if !ok || v.Lemma != tt.lemma || v.Code != tt.code || v.Inherited != tt.inherited {
			t.Errorf("Verb(%s) = %+v, %v; want lemma %s code %s inherited %v", tt.form, v, ok, tt.lemma, tt.code, tt.inherited)
		}
	}
	for _, form := range []string{"LASH", "OUT", "RULE"} {
		if v, ok := c.Verb(form); ok {
			t.Errorf("Verb(%s) = %+v; want none (LASH OUT is one verb)", form, v)
		}
	}

	patterns := []struct {
		verb, pre, post, code string
	}{
		{"ASK", "", "FOR &ECONSANCT", "172"},
		{"ACCORD", "SUGGESTED +", "DEMAND_&GENINT_CONVENTIONS", "111"}, // SUGGESTED_+ * …
		{"ACCORD", "IN_", "", "075A"},
		{"ACKNOWLEDGE", "SO IN_AND_", "OUT_AGAIN NOW", "074"},
		{"WELCOME", "", "&TIETYPES_MEMOS FROM", "911"},
		{"VOW", "", "RESIST &TESTSYN3", "113"},
		{"RESTORE", "", "DIPLXMATIC", "---"}, // [###] corrected
		{"RESTORE", "", "FXLL DIPLOMATIC", "+++"},
		{"CRITICIZE", "HEAVILY UNJUSTLY", "", "123"},
		{"EXTRADITE", "+ WAS_", "TO_ ^ FROM $", "174"},
		{"URGE", "", "TO_FREEZE SETTLEMENT_ACTIVITY", "102b"},
	}
	for _, tt := range patterns {
		v, ok := c.Verb(tt.verb)
		if !ok {
			t.Errorf("Verb(%s) not found", tt.verb)
			continue
		}
		found := slices.ContainsFunc(c.Patterns(v.Block), func(p Pattern) bool {
			return strings.Join(p.Pre, " ") == tt.pre && strings.Join(p.Post, " ") == tt.post && p.Code == tt.code
		})
		if !found {
			t.Errorf("Patterns(%s) lack %q * %q [%s]", tt.verb, tt.pre, tt.post, tt.code)
		}
	}

	synsets := []struct{ name, phrase string }{
		{"&ECONSANCT", "ECONOMIC SANCTIONS"},
		{"&CURRENCY", "AUSTRIAN FLORIN"},
		{"&NEGATVAUXVRB", "DID N'T"},
		{"&ACCORDSYN", "MILITARY"}, // +&TIETYPES
		{"&ACCORDSYN", "DOLLARS"},  // +&CURRENCY
		{"&PREPOSIT1", "AGAINST"},
	}
	for _, tt := range synsets {
		if s := c.Synset(tt.name); !slices.Contains(s, tt.phrase) {
			t.Errorf("Synset(%s) = %v; want %s among them", tt.name, s, tt.phrase)
		}
	}
	if c.MaxVerbWords() != 3 {
		t.Errorf("MaxVerbWords() = %d; want 3", c.MaxVerbWords())
	}
	// The PLOVER table is Load's; WEIS codes it lacks have no event.
	if e, ok := c.Event("042"); !ok || e.Type != "CONSULT" {
		t.Errorf(`Event("042") = %+v, %v; want CONSULT`, e, ok)
	}
	if e, ok := c.Event("345"); ok {
		t.Errorf(`Event("345") = %+v; want none`, e)
	}
	if ty, ok := c.Type("ASSAULT"); !ok || ty.Quad != 4 {
		t.Errorf(`Type("ASSAULT") = %+v, %v`, ty, ok)
	}
}

func TestFromDictionaryErrors(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"--- A [010] ---\nA\n- * (B [010]\n", "bad.txt:3: unclosed ( or {"},
		{"--- A [010] ---\nA\n- * &NONE [010]\n", "bad.txt:3: undefined synset &NONE"},
		{"--- A [010] ---\n\na b\n", "bad.txt:3: bad verb line"},
		{"--- A [010!] ---\nA\n", "bad.txt:1: block A: bad code [010!]"},
		{"A\n", "bad.txt:1: verb or pattern outside a block"},
		{"--- A [010] ---\nA <!-- \n", "bad.txt:2: <!-- comment never closed"},
		{"####### SYNONYM SETS\n&A\nB\n", "bad.txt:3: unexpected line in the synonym sets"},
	}
	for _, tt := range tests {
		_, err := FromDictionary("bad.txt", strings.NewReader(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("FromDictionary(%q) error = %v; want %q", tt.text, err, tt.want)
		}
	}
}

// TestFromDictionaryCAMEO reads the dictionary Load's data comes from: the
// two agree on every verb form and pattern of the dictionary (Load's
// blocks add newsflow's supplement).
func TestFromDictionaryCAMEO(t *testing.T) {
	text := readCorpus(t, "petrarch2-dictionaries", "CAMEO.2.0.txt")
	supplement, err := os.ReadFile(filepath.Join("internal", "gen", "supplement.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := FromDictionary("CAMEO.2.0.txt", bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for form, v := range c.Forms() {
		if w, ok := l.Verb(form); !ok || w != v {
			t.Errorf("Verb(%s) = %+v from the dictionary, %+v, %v from Load", form, v, w, ok)
		}
	}
	for b := range c.Blocks() {
		got, want := c.Patterns(b), l.Patterns(b)
		if len(got) > len(want) {
			t.Errorf("block %d: %d patterns from the dictionary, %d from Load", b, len(got), len(want))
			continue
		}
		for k := range got {
			if !slices.Equal(got[k].Pre, want[k].Pre) || !slices.Equal(got[k].Post, want[k].Post) ||
				got[k].Code != want[k].Code && !recoded(supplement, want[k]) {
				t.Errorf("block %d pattern %d = %+v from the dictionary, %+v from Load", b, k, got[k], want[k])
			}
		}
	}
	for name, phrases := range c.synsets {
		if !slices.Equal(l.Synset(name), phrases) {
			t.Errorf("Synset(%s) differs from Load's", name)
		}
	}
}

// recoded reports whether the supplement has a pattern line that gives p
// its code: a pattern of the supplement written as the dictionary's
// recodes it.
func recoded(supplement []byte, p Pattern) bool {
	words := strings.Fields(strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(strings.Join(p.Post, " ")))
	for line := range strings.Lines(string(supplement)) {
		if !strings.HasPrefix(line, "- ") || !strings.Contains(line, "["+p.Code+"]") {
			continue
		}
		fields := strings.Fields(strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(line))
		if slices.Equal(fields[2:len(fields)-1], words) {
			return true
		}
	}
	return false
}

func BenchmarkFromDictionary(b *testing.B) {
	text := readCorpus(b, "petrarch2-validation", "PETR.Validate.verbs.txt")
	for b.Loop() {
		if _, err := FromDictionary("PETR.Validate.verbs.txt", bytes.NewReader(text)); err != nil {
			b.Fatal(err)
		}
	}
}
