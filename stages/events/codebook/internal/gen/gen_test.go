package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

var testKnown = map[string]bool{"010": true, "020": true, "0213": true, "042": true, "043": true, "051": true, "110": true, "190": true}

func TestRegularForms(t *testing.T) {
	tests := []struct{ verb, want string }{
		{"ASK", "ASKS ASKED ASKING"},
		{"AGREE", "AGREES AGREED AGREEING"},
		{"URGE", "URGES URGED URGING"},
		{"RALLY", "RALLIES RALLIED RALLYING"},
		{"STAY", "STAYS STAYED STAYING"},
		{"STOP", "STOPS STOPPED STOPPING"},
		{"VISIT", "VISITS VISITED VISITING"},
		{"FIX", "FIXES FIXED FIXING"},
		{"PUSH", "PUSHES PUSHED PUSHING"},
	}
	for _, tt := range tests {
		if got := strings.Join(regularForms(tt.verb), " "); got != tt.want {
			t.Errorf("regularForms(%s) = %s; want %s", tt.verb, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct{ noun, want string }{
		{"DRONE", "DRONES"}, {"DRONES", ""}, {"ARMY", "ARMIES"}, {"DAY", "DAYS"},
		{"PROCESS", "PROCESSES"}, {"BUS", "BUSES"}, {"MATCH", "MATCHES"}, {"TALKS", ""},
	}
	for _, tt := range tests {
		if got := plural(tt.noun); got != tt.want {
			t.Errorf("plural(%s) = %q; want %q", tt.noun, got, tt.want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	synsets := map[string][]string{"&CURRENCY": {"DOLLAR", "DOLLARS"}}
	tests := []struct {
		line      string
		pre, post string
		code      string
		err       string
	}{
		{line: "* {JUDICIAL ASSISTANCE} [0213]", post: "{ JUDICIAL ASSISTANCE }", code: "0213"},
		{line: "$ * (FOR &CURRENCY) (WITH +) [020]", pre: "$", post: "( FOR &CURRENCY ) ( WITH + )", code: "020"},
		{line: "** LEAVE ^ INTO + [042:043]", post: "LEAVE ^ INTO +", code: "042:043"},
		{line: "* SUPPORT [:051]", post: "SUPPORT", code: ":051"},
		{line: "*SCEPTICAL [010]", post: "SCEPTICAL", code: "010"},
		{line: "FIGHTER_&CURRENCY * [190]", pre: "FIGHTER_&CURRENCY", code: "190"},
		{line: "* [042:043]", code: "042:043"},
		{line: "* (FOR {HELP) [020]", err: "unbalanced )"},
		{line: "* {FOR (HELP) [020]", err: "nested ("},
		{line: "* (FOR HELP [020]", err: "unclosed"},
		{line: "* HELP) [020]", err: "unbalanced )"},
		{line: "* &WEATHER [020]", err: "undefined synset &WEATHER"},
		{line: "* HELP [999]", err: "unknown CAMEO code 999"},
		{line: "* HELP [080!]", err: "bad code"},
		{line: "HELP [020]", err: "one *"},
		{line: "* HELP * [020]", err: "one *"},
		{line: "* HELP", err: "no code"},
	}
	for _, tt := range tests {
		p, err := parsePattern(tt.line, synsets, testKnown)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parsePattern(%q) error = %v; want %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parsePattern(%q) error = %v", tt.line, err)
			continue
		}
		if got := strings.Join(p.pre, " "); got != tt.pre {
			t.Errorf("parsePattern(%q).pre = %q; want %q", tt.line, got, tt.pre)
		}
		if got := strings.Join(p.post, " "); got != tt.post || p.code != tt.code {
			t.Errorf("parsePattern(%q) = %q [%s]; want %q [%s]", tt.line, got, p.code, tt.post, tt.code)
		}
	}
}

func TestParseVerb(t *testing.T) {
	tests := []struct {
		line, code, forms, err string
	}{
		{line: "GIVE {GAVE GIVEN} [020]", code: "020", forms: "GIVE|GAVE|GIVEN|GIVES|GIVED|GIVING"},
		{line: "+ASK_FOR {+ASKED_FOR, +ASKING_FOR} [020]", code: "020", forms: "ASK FOR|ASKED FOR|ASKING FOR|ASKS FOR"},
		{line: "HASTEN", code: "", forms: "HASTEN|HASTENS|HASTENED|HASTENING"},
		{line: "+ANGERED_BY {}", code: "", forms: "ANGERED BY"},
		{line: "GIVE [777]", err: "unknown CAMEO code"},
		{line: "give", err: "bad verb line"},
	}
	for _, tt := range tests {
		v, err := parseVerb(tt.line, testKnown)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseVerb(%q) error = %v; want %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil || v.code != tt.code || strings.Join(v.forms, "|") != tt.forms {
			t.Errorf("parseVerb(%q) = %s %s, %v; want %s %s", tt.line, v.code, strings.Join(v.forms, "|"), err, tt.code, tt.forms)
		}
	}
}

// TestReadVerbs reads a small dictionary in the published format: synsets
// with their plurals, blocks whose code goes to the verbs that give none,
// patterns, transformations counted; and finds every problem, not the
// first.
func TestReadVerbs(t *testing.T) {
	dir := t.TempDir()
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
	path := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := readVerbs(path, testKnown, nil)
	if err != nil {
		t.Fatalf("readVerbs(good) error = %v", err)
	}
	if got := strings.Join(d.synsets["&CURRENCY"], "|"); got != "DOLLAR|DOLLARS|CASH" {
		t.Errorf("&CURRENCY = %s; want DOLLAR|DOLLARS|CASH", got)
	}
	if got := strings.Join(d.synsets["&AUXVERB1"], "|"); got != "WAS" {
		t.Errorf("&AUXVERB1 = %s; want WAS (no plurals for a label ending in _)", got)
	}
	if len(d.blocks) != 1 || len(d.blocks[0].verbs) != 2 || len(d.blocks[0].patterns) != 2 || d.transformations != 1 {
		t.Fatalf("readVerbs(good) = %+v; want one block of 2 verbs, 2 patterns, 1 transformation", d)
	}
	if v := d.blocks[0].verbs; v[0].code != "042:043" || v[1].code != "043" {
		t.Errorf("verb codes = %s, %s; want 042:043 (the block's), 043", v[0].code, v[1].code)
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
`
	path = filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = readVerbs(path, testKnown, nil)
	if err == nil {
		t.Fatal("readVerbs(bad) = nil error; want three problems")
	}
	for _, want := range []string{"bad.txt:7: undefined synset &MONEY", "bad.txt:8: unclosed", "bad.txt:9: block EMPTY has neither verbs nor patterns"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("readVerbs(bad) error lacks %q:\n%v", want, err)
		}
	}
}

// TestCorpus runs the generator's checks on the real inputs: they pass with
// the listed corrections, and every correction is used.
func TestCorpus(t *testing.T) {
	dir, err := corpora.Dir()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := run(dir, out, false); err != nil {
		t.Fatal(err)
	}
	// The generated files are those committed: go generate was run.
	for _, f := range []string{"generated/verbs.txt.gz", "generated/plover.txt", "generated/LICENSE-PETRARCH2", "data_gen.go"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			// The bytes of gzip may change with the Go version; the
			// content may not.
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes now: run go generate ./stages/events/codebook/", f)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
