package dupcorpus

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

const sampleText = `The company said "it's early days" for the plan.

Analysts at 'Wood Mackenzie' expect a 4.5 pct rise.

Shares fell 2p to 242p.`

func TestAddBoilerplate(t *testing.T) {
	text := regexp.QuoteMeta(sampleText)
	tests := []struct {
		kind string
		want string // the whole result
	}{
		{Byline, `By [A-Z][a-z]+ [A-Z][a-z]+\n\n` + text},
		{Dateline, `[A-Z][A-Z ]+ \(Reuters\) - ` + text},
		{Credits, text + `\n\n\(Reporting by [A-Z][a-z]+ [A-Z][a-z]+; Editing by [A-Z][a-z]+ [A-Z][a-z]+\)`},
		{Copyright, text + `\n\nCopyright 2026 [A-Z][A-Za-z .-]+\. All rights reserved\.`},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			re := regexp.MustCompile(`\A` + tt.want + `\z`)
			for seed := range uint64(10) {
				got := AddBoilerplate(rand.New(rand.NewPCG(seed, 0)), sampleText, tt.kind)
				if !re.MatchString(got) {
					t.Errorf("AddBoilerplate(%s) seed %d = %q; want %s", tt.kind, seed, got, re)
				}
				if again := AddBoilerplate(rand.New(rand.NewPCG(seed, 0)), sampleText, tt.kind); again != got {
					t.Errorf("AddBoilerplate(%s) seed %d = %q, then %q; want the same", tt.kind, seed, got, again)
				}
			}
		})
	}
}

func TestChangeQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said "it's fine" and 'ok'.`, `He said “it’s fine” and ‘ok’.`},
		{`"Yes," she said, "1987's (best)".`, `“Yes,” she said, “1987’s (best)”.`},
		{`“Yes,” she said, ‘it’s’`, `"Yes," she said, 'it's'`},
		{"no quotes at all", "no quotes at all"},
	}
	for _, tt := range tests {
		if got := ChangeQuotes(tt.in); got != tt.want {
			t.Errorf("ChangeQuotes(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	// Straight to typographic and back is the identity.
	if got := ChangeQuotes(ChangeQuotes(sampleText)); got != sampleText {
		t.Errorf("ChangeQuotes(ChangeQuotes(%q)) = %q; want it unchanged", sampleText, got)
	}
}

func TestChangeWhitespace(t *testing.T) {
	for seed := range uint64(20) {
		got := ChangeWhitespace(rand.New(rand.NewPCG(seed, 0)), sampleText)
		if got == sampleText {
			t.Errorf("ChangeWhitespace seed %d = the text; want a change", seed)
		}
		if Normalize(got) != Normalize(sampleText) || strings.Join(Paragraphs(got), "|") != strings.Join(Paragraphs(sampleText), "|") {
			t.Errorf("ChangeWhitespace seed %d = %q; want only white space changed", seed, got)
		}
	}
}

func TestNewHeadline(t *testing.T) {
	tests := []struct{ title, text string }{
		{"BRITISH TELECOM CAUTIOUS ON EARNINGS PROSPECTS", "British Telecom said profit growth would slow. It cited costs."},
		{"Greek court rules worship of ancient Greek deities is legal", "A Greek court has ruled that worshippers may associate."},
		{"x", "x"},
	}
	for _, tt := range tests {
		for seed := range uint64(20) {
			got := NewHeadline(rand.New(rand.NewPCG(seed, 0)), tt.title, tt.text)
			if got == tt.title || got == "" {
				t.Errorf("NewHeadline(%q) seed %d = %q; want another headline", tt.title, seed, got)
			}
		}
	}
}

// TestDress checks that cosmetic changes leave the words alone: undoing
// the boilerplate, the quotes and the white space gives the text back.
func TestDress(t *testing.T) {
	line := regexp.MustCompile(`\A(By [A-Z][a-z]+ [A-Z][a-z]+|\(Reporting by .*\)|Copyright 2026 .*)\z`)
	dateline := regexp.MustCompile(`\A[A-Z][A-Z ]+ \(Reuters\) - `)
	undo := func(text string) string {
		var kept []string
		for _, p := range Paragraphs(text) {
			if !line.MatchString(p) {
				kept = append(kept, dateline.ReplaceAllString(p, ""))
			}
		}
		return strings.Join(kept, "\n\n")
	}
	seen := make(map[string]bool)
	for seed := range uint64(40) {
		title, text, c := dress(rand.New(rand.NewPCG(seed, 0)), "TITLE", sampleText)
		title2, text2, c2 := dress(rand.New(rand.NewPCG(seed, 0)), "TITLE", sampleText)
		if title != title2 || text != text2 || c.String() != c2.String() {
			t.Fatalf("dress seed %d differs between two runs", seed)
		}
		seen[c.String()] = true
		if c.Headline != (title != "TITLE") {
			t.Errorf("dress seed %d: headline %q, Headline %v; want a new one exactly when said", seed, title, c.Headline)
		}
		undone := undo(text)
		if c.Quotes {
			undone = ChangeQuotes(undone)
		}
		if Normalize(undone) != Normalize(sampleText) {
			t.Errorf("dress seed %d (%s) = %q; want the words of the text and boilerplate only", seed, c, text)
		}
		if len(c.Boilerplate) == 0 && !c.Quotes && !c.Whitespace && text != sampleText {
			t.Errorf("dress seed %d = %q with no change listed; want the text", seed, text)
		}
	}
	if len(seen) < 8 {
		t.Errorf("dress over 40 seeds made %d kinds of change; want variety", len(seen))
	}
}
