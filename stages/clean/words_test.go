package clean

import "testing"

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"hello", 1},
		{"Hello, world.", 2},
		{"don't", 1},
		{"don\u2019t stop", 2},
		{"U.S. officials", 2},
		{"U.S", 1},
		{"3.5 pct", 2},
		{"1,750 tonnes", 2},
		{"tete-a-Tete", 1},
		{"well\u2010known", 1},
		{"a - b", 2},
		{"a--b", 2},
		{"end. Next", 2},
		{"end.Next", 1},
		{"'quoted'", 1},
		{"\u201cquoted\u201d words", 2},
		{"...", 0},
		{"\u2014 \u2013 !", 0},
		{"caf\u00e9 cre\u0300me", 2},
		{"\u0301alone", 1},
		{"km\u00b2", 1},
		{"\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440", 2},
		{"\u0645\u06cc\u200c\u0634\u0648\u062f", 1},
		{"\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e", 2},
		{"\u6771\u4eac\u90fd", 3},
		{"\u6771\u4eac2020", 3},
		{"\u3072\u3089\u304c\u306a\u30ab\u30bf\u30ab\u30ca", 8},
		{"\u30e9\u30fc\u30e1\u30f3", 4},
		{"\ud55c\uad6d\uc5b4 \ubb38\uc7a5", 2},
		{"emoji \U0001F600 here", 2},
		{"tab\tseparated\nlines", 3},
		{"\ufffd", 0},
	}
	for _, tt := range tests {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestCountWordsSeed(t *testing.T) {
	// Checked with an independent regular expression of the same rule:
	// [^\W_]+(?:['’\-.,·][^\W_]+)*
	const want = 315
	if got := countWords(cleanText(t, seedBody(t))); got != want {
		t.Errorf("countWords(seed) = %d; want %d", got, want)
	}
}
