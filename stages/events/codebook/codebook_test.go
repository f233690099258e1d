package codebook

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	events := []struct {
		cameo, typ, mode string
		quad             int
	}{
		{"042", "CONSULT", "visit", 1},
		{"041", "CONSULT", "phone", 1},
		{"190", "ASSAULT", "", 4},
		{"1952", "ASSAULT", "drone", 4}, // weighs as 195
		{"010", "STATEMENT", "", 0},
		{"0213", "APPEAL", "", 0},
		{"112", "ACCUSE", "allege", 3},     // PLOVER 2.0's mode table, not the 2021 table's
		{"114", "ACCUSE", "disapprove", 3}, // a complaint
		{"195", "ASSAULT", "aerial", 4},
		{"164", "REJECT", "meet", 3}, // negotiations halted: a cancelled meeting
	}
	for _, tt := range events {
		e, ok := c.Event(tt.cameo)
		if !ok || e.Type != tt.typ || e.Mode != tt.mode || e.Quad != tt.quad {
			t.Errorf("Event(%s) = %+v, %v; want %s %q quad %d", tt.cameo, e, ok, tt.typ, tt.mode, tt.quad)
		}
	}
	verbs := []struct {
		form, lemma, code string
	}{
		{"ASKED", "ASK", "020"},
		{"ASKED FOR", "ASK FOR", "020"},
		{"VISITED", "VISIT", "042:043"},
		{"GAVE", "GIVE", ""}, // checked below against its block
	}
	for _, tt := range verbs {
		v, ok := c.Verb(tt.form)
		if !ok || v.Lemma != tt.lemma || tt.code != "" && v.Code != tt.code {
			t.Errorf("Verb(%s) = %+v, %v; want lemma %s code %s", tt.form, v, ok, tt.lemma, tt.code)
		}
	}
	if _, ok := c.Verb("ASKS FOR"); !ok {
		t.Error(`Verb("ASKS FOR") not found: regular forms of a multi-word verb`)
	}
	ask, _ := c.Verb("ASK")
	found := false
	for _, p := range c.Patterns(ask.Block) {
		if p.Code == "0213" && strings.Join(p.Post, " ") == "EXTRADITION" && len(p.Pre) == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("Patterns(ASK) lack \"* EXTRADITION [0213]\"")
	}
	if s := c.Synset("&CURRENCY"); len(s) == 0 || s[0] != "MONEY" {
		t.Errorf(`Synset("&CURRENCY") = %v; want MONEY first`, s)
	}
	if c.MaxVerbWords() < 2 {
		t.Errorf("MaxVerbWords() = %d; want at least 2", c.MaxVerbWords())
	}
	if ty, ok := c.Type("ASSAULT"); !ok || ty.Quad != 4 || len(ty.Modes) == 0 {
		t.Errorf(`Type("ASSAULT") = %+v, %v`, ty, ok)
	}
}

// TestEveryCodeMaps checks that every code a verb or pattern gives has a
// PLOVER event: the generator refuses unknown codes, and this keeps the
// loader honest about the files it embeds.
func TestEveryCodeMaps(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	check := func(code, where string) {
		for _, part := range strings.Split(code, ":") {
			if part == "" || part == "---" {
				continue
			}
			if _, ok := c.Event(part); !ok {
				t.Errorf("%s: code %s has no PLOVER event", where, part)
			}
		}
	}
	for form, v := range c.verbs {
		check(v.Code, form)
	}
	for _, b := range c.blocks {
		for _, p := range b.patterns {
			check(p.Code, b.meaning)
		}
	}
}

func TestParseRejects(t *testing.T) {
	if _, err := parse(verbsGz, []byte("M\t042\tCONSULT\tvisit\t\n")); err == nil {
		t.Error("parse with a truncated plover table = nil error")
	}
	if _, err := parse([]byte("not gzip"), ploverTxt); err == nil {
		t.Error("parse with a corrupt verbs file = nil error")
	}
}

func TestGoldstein(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code string
		want float64
	}{
		{"042", 1.9}, {"0874", 10}, {"190", -10}, {"1952", -10}, {"176", -7}, {"010", 0},
	}
	for _, tt := range tests {
		if e, ok := c.Event(tt.code); !ok || e.Goldstein != tt.want {
			t.Errorf("Event(%s).Goldstein = %v, %v; want %v", tt.code, e.Goldstein, ok, tt.want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse(verbsGz, ploverTxt); err != nil {
			b.Fatal(err)
		}
	}
}
