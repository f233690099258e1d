package verbdict

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

func parseString(name, text string, opt Options) (*Dict, error) {
	return Parse(name, strings.NewReader(text), opt)
}

var knownOpt = Options{Known: func(c string) bool { return testKnown[c] }}

// TestParse reads a small dictionary in the format of CAMEO.2.0.txt:
// synsets with their plurals, blocks whose code goes to the verbs that give
// none, patterns, transformations counted; and finds every problem, not
// the first.
func TestParse(t *testing.T) {
	good := `# header
####### SYNONYM SETS #######
&CURRENCY
+DOLLAR
+CASH_
&AUXVERB1_
+WAS
####### VERB PATTERNS #######
---  VISIT   [042:043]  ---
VISIT
TOUR [043]
- * (TO +)   [042]   # VISIT
- $ * &CURRENCY [042:043]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`
	d, err := parseString("good.txt", good, knownOpt)
	if err != nil {
		t.Fatalf("Parse(good) error = %v", err)
	}
	if got := strings.Join(d.Synsets["&CURRENCY"], "|"); got != "DOLLAR|DOLLARS|CASH" {
		t.Errorf("&CURRENCY = %s; want DOLLAR|DOLLARS|CASH", got)
	}
	if got := strings.Join(d.Synsets["&AUXVERB1"], "|"); got != "WAS" {
		t.Errorf("&AUXVERB1 = %s; want WAS (no plurals for a label ending in _)", got)
	}
	if len(d.Blocks) != 1 || len(d.Blocks[0].Verbs) != 2 || len(d.Blocks[0].Patterns) != 2 || d.Transformations != 1 {
		t.Fatalf("Parse(good) = %+v; want one block of 2 verbs, 2 patterns, 1 transformation", d)
	}
	if v := d.Blocks[0].Verbs; v[0].Code != "042:043" || !v[0].Inherited || v[1].Code != "043" || v[1].Inherited {
		t.Errorf("verbs = %+v; want 042:043 (the block's), 043 (its own)", v)
	}

	bad := `####### SYNONYM SETS #######
&CURRENCY
+DOLLAR
####### VERB PATTERNS #######
---  VISIT   [042]  ---
VISIT
- * &MONEY [042]
- * (TO + [042]
---  EMPTY   [---]  ---
&CURRENCY
`
	_, err = parseString("bad.txt", bad, knownOpt)
	if err == nil {
		t.Fatal("Parse(bad) = nil error; want four problems")
	}
	for _, want := range []string{"bad.txt:7: undefined synset &MONEY", "bad.txt:8: unclosed",
		"bad.txt:9: block EMPTY has neither verbs nor patterns", "bad.txt:10: bad verb line"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(bad) error lacks %q:\n%v", want, err)
		}
	}
}

// TestParseUnsectioned reads a dictionary in the format of
// PETR.Validate.verbs.txt: no section headers, synonym sets between the
// blocks, "<!-- -->" comments, a synonym set inside another, codes CAMEO
// does not have.
func TestParseUnsectioned(t *testing.T) {
	text := `<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->
<!-- a comment with a # in it -->
&TIETYPES
+MILITARY
+ECONOMIC_

--- ABANDON  [345]  ---
ABANDON    # pas 15 Jul 2003
KLM_NOP_+RST [002]
+ABC_DEF_GHI
- * NEW_&TIETYPES_RELATIONS [903]

&ACCORDSYN  # a synset of synsets
+&TIETYPES
+CLOSER

<!-- a comment
over # three
lines -->
--- ACCORD  [---] ---
ACCORD
- INCHING &ACCORDSYN *  [075A]
`
	d, err := parseString("validate.txt", text, Options{})
	if err != nil {
		t.Fatalf("Parse error = %v", err)
	}
	if got := strings.Join(d.Synsets["&ACCORDSYN"], "|"); got != "MILITARY|MILITARIES|ECONOMIC|CLOSER|CLOSERS" {
		t.Errorf("&ACCORDSYN = %s; want &TIETYPES's phrases, then CLOSER", got)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("Parse = %d blocks; want 2", len(d.Blocks))
	}
	b := d.Blocks[0]
	var forms []string
	for _, v := range b.Verbs {
		forms = append(forms, v.Code+" "+v.Forms[0])
	}
	if got := strings.Join(forms, "|"); got != "345 ABANDON|002 KLM NOP RST|345 ABC DEF GHI" {
		t.Errorf("ABANDON's verbs = %s; want 345 ABANDON|002 KLM NOP RST|345 ABC DEF GHI", got)
	}
	if p := d.Blocks[1].Patterns; len(p) != 1 || p[0].Code != "075A" || p[0].Line != 22 {
		t.Errorf("ACCORD's patterns = %+v; want one of code 075A at line 22", p)
	}

	// A synonym set ends the block before it: what follows needs a block.
	_, err = parseString("v.txt", "--- A [010] ---\nA\n&S\n+B\n- * B [010]\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "v.txt:5: verb or pattern outside a block") {
		t.Errorf("Parse(pattern after a synset) error = %v; want v.txt:5 outside a block", err)
	}
	_, err = parseString("v.txt", "--- A [010] ---\nA <!-- open\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "v.txt:2: <!-- comment never closed") {
		t.Errorf("Parse(unclosed comment) error = %v; want v.txt:2 never closed", err)
	}
	_, err = parseString("v.txt", "&S\n+&T\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "v.txt:2: undefined synset &T") {
		t.Errorf("Parse(undefined inner synset) error = %v; want v.txt:2 undefined", err)
	}
}

func TestCorrections(t *testing.T) {
	fixes := []Correction{
		{Line: 2, Was: "A B", Now: "+A_B", Why: "a space for _"},
		{Line: 3, Was: "- * X [", Now: "", Why: "dropped"},
	}
	text := "--- A [010] ---\nA B # comment\n- * X [###]\n"
	d, err := parseString("c.txt", text, Options{Corrections: fixes, Strict: true})
	if err != nil {
		t.Fatalf("Parse with corrections error = %v", err)
	}
	if v := d.Blocks[0].Verbs; len(v) != 1 || v[0].Forms[0] != "A B" || len(d.Blocks[0].Patterns) != 0 {
		t.Errorf("Parse with corrections = %+v; want the verb A B and no pattern", d.Blocks[0])
	}
	// Loose, a correction applies wherever its line is.
	if _, err := parseString("c.txt", "\n"+text, Options{Corrections: fixes}); err != nil {
		t.Errorf("Parse with moved lines, loose, error = %v", err)
	}
	_, err = parseString("c.txt", "\n"+text, Options{Corrections: fixes, Strict: true})
	if err == nil || !strings.Contains(err.Error(), "c.txt:3: correction for line 2 found here") {
		t.Errorf("Parse with moved lines, strict, error = %v; want c.txt:3 found here", err)
	}
	_, err = parseString("c.txt", "--- A [010] ---\nA\n", Options{Corrections: fixes, Strict: true})
	if err == nil || !strings.Contains(err.Error(), "c.txt:3: correction no longer applies") {
		t.Errorf("Parse without the corrected lines, strict, error = %v; want c.txt:3 no longer applies", err)
	}
}

// TestPublished reads the published dictionaries with their corrections,
// strictly: each correction is still needed where it is listed.
func TestPublished(t *testing.T) {
	dir, err := corpora.Dir()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		fixes  []Correction
		blocks int
		// needed says every correction is: the line is an error without
		// it. (CAMEO's line 3412 reads as well without.)
		needed bool
	}{
		{filepath.Join("petrarch2-dictionaries", "CAMEO.2.0.txt"), CAMEOCorrections, 397, false},
		{filepath.Join("petrarch2-validation", "PETR.Validate.verbs.txt"), ValidateCorrections, 261, true},
	}
	for _, tt := range tests {
		text, err := os.ReadFile(filepath.Join(dir, tt.path))
		if err != nil {
			t.Fatalf("%v (the corpora are kept in ../shared/corpora beside the repository)", err)
		}
		d, err := parseString(tt.path, string(text), Options{Corrections: tt.fixes, Strict: true})
		if err != nil {
			t.Errorf("Parse(%s) error = %v", tt.path, err)
			continue
		}
		if len(d.Blocks) != tt.blocks {
			t.Errorf("Parse(%s) = %d blocks; want %d", tt.path, len(d.Blocks), tt.blocks)
		}
		if !tt.needed {
			continue
		}
		_, err = parseString(tt.path, string(text), Options{})
		for _, c := range tt.fixes {
			if want := tt.path + ":" + strconv.Itoa(c.Line) + ":"; err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Parse(%s) without corrections: no error at line %d (%s)", tt.path, c.Line, c.Why)
			}
		}
	}
}

// TestParseBase reads a supplement against the dictionary it adds to: its
// patterns use the dictionary's synonym sets, and may not define one of
// them again.
func TestParseBase(t *testing.T) {
	base, err := parseString("base.txt", "####### SYNONYM SETS #######\n&CURRENCY\n+DOLLAR\n", knownOpt)
	if err != nil {
		t.Fatal(err)
	}
	opt := knownOpt
	opt.Base = base
	good := "####### VERB PATTERNS #######\n---  VISIT   [042]  ---\n- * &CURRENCY [042]\n"
	if _, err := parseString("good.txt", good, opt); err != nil {
		t.Errorf("Parse(good) error = %v; want the base's synset known", err)
	}
	if _, err := parseString("alone.txt", good, knownOpt); err == nil || !strings.Contains(err.Error(), "undefined synset &CURRENCY") {
		t.Errorf("Parse without a base error = %v; want the synset undefined", err)
	}
	again := "####### SYNONYM SETS #######\n&CURRENCY\n+EURO\n"
	if _, err := parseString("again.txt", again, opt); err == nil || !strings.Contains(err.Error(), "synset &CURRENCY defined twice") {
		t.Errorf("Parse(again) error = %v; want the base's synset defined twice", err)
	}
}

func TestMerge(t *testing.T) {
	const base = "####### VERB PATTERNS #######\n---  SEPARATE   [---]  ---\nCUT\n"
	tests := []struct {
		name, extra string
		wantErr     string // "" for none
		patterns    map[string]int
	}{
		{"to the dictionary's block", "####### VERB PATTERNS #######\n---  SEPARATE   [---]  ---\n- * TARIFF [110]\n", "",
			map[string]int{"SEPARATE": 1}},
		{"a block of its own twice", "####### VERB PATTERNS #######\n---  HAND_OVER   [---]  ---\n+HAND_OVER\n- * ARMS [051]\n\n---  HAND_OVER   [---]  ---\n- * SUPPLIES [042]\n", "",
			map[string]int{"SEPARATE": 0, "HAND_OVER": 2}},
		{"a block of its own with no verb", "####### VERB PATTERNS #######\n---  CUT   [---]  ---\n- * TARIFF [110]\n", "block CUT has no verb", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parseString("base.txt", base, knownOpt)
			if err != nil {
				t.Fatal(err)
			}
			opt := knownOpt
			opt.Base = d
			extra, err := parseString("extra.txt", tt.extra, opt)
			if err != nil {
				t.Fatal(err)
			}
			err = d.Merge(extra)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Merge error = %v; want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Merge error = %v", err)
			}
			got := map[string]int{}
			for _, b := range d.Blocks {
				got[b.Meaning] += len(b.Patterns)
			}
			if len(d.Blocks) != len(tt.patterns) {
				t.Errorf("Merge: %d blocks; want %d", len(d.Blocks), len(tt.patterns))
			}
			for m, n := range tt.patterns {
				if got[m] != n {
					t.Errorf("Merge: block %s has %d patterns; want %d", m, got[m], n)
				}
			}
		})
	}
}

func TestMergeRecodes(t *testing.T) {
	const base = "####### VERB PATTERNS #######\n---  SEPARATE   [---]  ---\nCUT\n- * TARIFF [110]\n"
	const extra = "####### VERB PATTERNS #######\n---  SEPARATE   [---]  ---\n- * TARIFF [051]\n- * TAX [020]\n"
	d, err := parseString("base.txt", base, knownOpt)
	if err != nil {
		t.Fatal(err)
	}
	opt := knownOpt
	opt.Base = d
	x, err := parseString("extra.txt", extra, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Merge(x); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Blocks[0].Patterns {
		got = append(got, strings.Join(p.Post, " ")+" "+p.Code)
	}
	if want := []string{"TARIFF 051", "TAX 020"}; !slices.Equal(got, want) {
		t.Errorf("Merge: patterns %q; want %q (a pattern written as the dictionary's recodes it)", got, want)
	}
}
