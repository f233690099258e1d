package verbdict

import (
	"strings"
	"testing"
)

var testKnown = map[string]bool{"010": true, "020": true, "0213": true, "042": true, "043": true, "051": true, "110": true, "190": true}

// testParser is a parser between lines, with &CURRENCY defined and the
// codes of testKnown known.
func testParser() *parser {
	return &parser{
		name: "test",
		opt:  Options{Known: func(c string) bool { return testKnown[c] }},
		d:    &Dict{Synsets: map[string][]string{"&CURRENCY": {"DOLLAR", "DOLLARS"}, "&FIGHT_OF_WORDS": {"DUEL"}}},
	}
}

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

func TestStripComments(t *testing.T) {
	tests := []struct {
		in        string
		open      bool
		want      string
		stillOpen bool
	}{
		{in: "ASK  # pas 2 May 2005", want: "ASK  "},
		{in: "VOW ;tony  3/9/91", want: "VOW "},
		{in: "- * X [903] #  -PAS 12.01.12 ; more", want: "- * X [903] "},
		{in: "<!-- SYNSETS -->", want: ""},
		{in: "ASK <!-- a # in a comment --> FOR # end", want: "ASK  FOR "},
		{in: "ASK <!-- to the next line", want: "ASK ", stillOpen: true},
		{in: "still in the comment # -- ", open: true, want: "", stillOpen: true},
		{in: "end --> GIVE", open: true, want: " GIVE"},
		{in: "A < B", want: "A < B"},
		{in: "- * X [###]", want: "- * X ["},
	}
	for _, tt := range tests {
		got, open := stripComments(tt.in, tt.open)
		if got != tt.want || open != tt.stillOpen {
			t.Errorf("stripComments(%q, %v) = %q, %v; want %q, %v", tt.in, tt.open, got, open, tt.want, tt.stillOpen)
		}
	}
}

func TestParsePattern(t *testing.T) {
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
		{line: "* &CURRENCY_GIFTS [190]", post: "&CURRENCY_GIFTS", code: "190"},
		{line: "* (IN &FIGHT_OF_WORDS) [110]", post: "( IN &FIGHT_OF_WORDS )", code: "110"},
		{line: "SO IN_AND_*_OUT_AGAIN NOW [020]", pre: "SO IN_AND_", post: "OUT_AGAIN NOW", code: "020"},
		{line: "SUGGESTED_+ * DEMAND_&CURRENCY [020]", pre: "SUGGESTED +", post: "DEMAND_&CURRENCY", code: "020"},
		{line: "A_$_B_C * [020]", pre: "A $ B_C", code: "020"},
		{line: "ANTI- + * [020]", pre: "ANTI- +", code: "020"},
		{line: "* [042:043]", code: "042:043"},
		{line: "* (FOR {HELP) [020]", err: "unbalanced )"},
		{line: "* {FOR (HELP) [020]", err: "nested ("},
		{line: "* (FOR HELP [020]", err: "unclosed"},
		{line: "* HELP) [020]", err: "unbalanced )"},
		{line: "* &WEATHER [020]", err: "undefined synset &WEATHER"},
		{line: "* &WEATHER_REPORT [020]", err: "undefined synset &WEATHER"},
		{line: "* HELP [999]", err: "unknown CAMEO code 999"},
		{line: "* HELP [080!]", err: "bad code"},
		{line: "* help [020]", err: "bad token"},
		{line: "HELP [020]", err: "one *"},
		{line: "* HELP * [020]", err: "one *"},
		{line: "* HELP", err: "no code"},
	}
	p := testParser()
	for _, tt := range tests {
		pat, err := p.parsePattern(tt.line)
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
		if got := strings.Join(pat.Pre, " "); got != tt.pre {
			t.Errorf("parsePattern(%q).Pre = %q; want %q", tt.line, got, tt.pre)
		}
		if got := strings.Join(pat.Post, " "); got != tt.post || pat.Code != tt.code {
			t.Errorf("parsePattern(%q) = %q [%s]; want %q [%s]", tt.line, got, pat.Code, tt.post, tt.code)
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
		{line: "BREAK { BROKE BROKEN  }", forms: "BREAK|BROKE|BROKEN|BREAKS|BREAKED|BREAKING"},
		{line: "KLM_NOP_+RST [042]", code: "042", forms: "KLM NOP RST|KLM NOP RSTS|KLM NOP RSTED|KLM NOP RSTING"},
		{line: "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }", forms: "WIRE TAP|WIRE TAPPED|WIRE TAPPING|WIRE TAPS|WIRE TAPPED|WIRE TAPPING"},
		{line: "+A_+B", err: "bad verb"},
		{line: "GIVE [777]", err: "unknown CAMEO code"},
		{line: "give", err: "bad verb line"},
		{line: "LASH OUT", err: "bad verb line"},
	}
	p := testParser()
	for _, tt := range tests {
		v, err := p.parseVerb(tt.line)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseVerb(%q) error = %v; want %q", tt.line, err, tt.err)
			}
			continue
		}
		// appendNew keeps each form once.
		want := strings.Join(dedup(strings.Split(tt.forms, "|")), "|")
		if err != nil || v.Code != tt.code || strings.Join(v.Forms, "|") != want {
			t.Errorf("parseVerb(%q) = %s %s, %v; want %s %s", tt.line, v.Code, strings.Join(v.Forms, "|"), err, tt.code, want)
		}
	}
}

func dedup(list []string) []string {
	var out []string
	for _, s := range list {
		out = appendNew(out, s)
	}
	return out
}

func TestBlockHeader(t *testing.T) {
	tests := []struct{ line, meaning, code string }{
		{"---  VISIT   [042:043]  ---", "VISIT", "042:043"},
		{"---  REVOKE_   [---]  ---", "REVOKE_", "---"},
		{"--- LASH OUT  [122] ---", "LASH OUT", "122"},
		{"--- TROUBLED  [---]", "TROUBLED", "---"}, // "# NOUN ---" was a comment
		{"--- ARM_ [182]  ---", "ARM_", "182"},
		{"--- DELAY [120]  [031:031]  ---", "", ""},
		{"--- [120] ---", "", ""},
	}
	for _, tt := range tests {
		var meaning, code string
		if m := blockRE.FindStringSubmatch(tt.line); m != nil {
			meaning, code = strings.Join(strings.Fields(m[1]), " "), m[2]
		}
		if meaning != tt.meaning || code != tt.code {
			t.Errorf("header %q = %q [%s]; want %q [%s]", tt.line, meaning, code, tt.meaning, tt.code)
		}
	}
}

func TestCheckCode(t *testing.T) {
	tests := []struct {
		code  string
		known bool // with testKnown as Known
		ok    bool // with every code kept
	}{
		{"042", true, true}, {"042:043", true, true}, {":051", true, true}, {"---", true, true},
		{"999", false, true}, {"075A", false, true}, {"+++", false, true}, {"025?", false, true},
		{"080!", false, false}, {"04 2", false, false}, {"042:043:051", false, false},
	}
	strict := testParser()
	loose := testParser()
	loose.opt.Known = nil
	for _, tt := range tests {
		if err := strict.checkCode(tt.code); (err == nil) != tt.known {
			t.Errorf("checkCode(%s) with Known = %v; want ok %v", tt.code, err, tt.known)
		}
		if err := loose.checkCode(tt.code); (err == nil) != tt.ok {
			t.Errorf("checkCode(%s) without Known = %v; want ok %v", tt.code, err, tt.ok)
		}
	}
}
