package token

import (
	"fmt"
	"slices"
	"testing"
)

// sentences returns the text of each sentence of in.
func sentences(in string) []string {
	var tk Tokenizer
	_, sents := tk.Tokenize(in)
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text(in)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{}},
		{"one", "The cat sat", []string{"The cat sat"}},
		{"two", "The cat sat. The dog ran.", []string{"The cat sat.", "The dog ran."}},
		{"question and exclamation", "Why? Because! Then", []string{"Why?", "Because!", "Then"}},
		{"lower case after period", "It cost 5 p. per unit. done", []string{"It cost 5 p. per unit. done"}},
		{"no space after period", "It ended.Then more", []string{"It ended.Then more"}},
		{"number starts", "It rose in 2017. 2018 was worse.", []string{"It rose in 2017.", "2018 was worse."}},
		{"symbol starts", "It rose. $5 million was lost.", []string{"It rose.", "$5 million was lost."}},

		// Abbreviations.
		{"U.S. then opener", "He lives in the U.S. The President said so.", []string{"He lives in the U.S.", "The President said so."}},
		{"U.S. then name", "He met U.S. President Donald Trump.", []string{"He met U.S. President Donald Trump."}},
		{"D.C. then opener", "Washington D.C. The first", []string{"Washington D.C.", "The first"}},
		{"a.m. then opener", "It began at 6 a.m. It ended at noon.", []string{"It began at 6 a.m.", "It ended at noon."}},
		{"Inc. then opener", "He joined Acme Inc. He left in May.", []string{"He joined Acme Inc.", "He left in May."}},
		{"Inc. then lower", "Acme Inc. said on Monday.", []string{"Acme Inc. said on Monday."}},
		{"Jan. then number", "It was Jan. 5. The end.", []string{"It was Jan. 5.", "The end."}},
		{"Jr. then opener", "He met Martin Luther King Jr. They talked.", []string{"He met Martin Luther King Jr.", "They talked."}},
		{"title then name", "He met Dr. Smith in St. Petersburg.", []string{"He met Dr. Smith in St. Petersburg."}},
		{"title then opener", "Gov. Brown spoke. Gov. The end", []string{"Gov. Brown spoke.", "Gov. The end"}},
		{"U.S. Sen.", "In the U.S. Sen. Smith voted.", []string{"In the U.S. Sen. Smith voted."}},
		{"Ph.D. then opener", "She has a Ph.D. She earned it.", []string{"She has a Ph.D.", "She earned it."}},
		{"initials", "J. K. Rowling wrote it. He read it.", []string{"J. K. Rowling wrote it.", "He read it."}},
		{"initial then opener", "Plan B. The end", []string{"Plan B. The end"}},
		{"No.", "He lives at No. 10 Downing Street. It is old.", []string{"He lives at No. 10 Downing Street.", "It is old."}},
		{"abbreviation then quote", "in the U.S. “We agree,” he said.", []string{"in the U.S. “We agree,” he said."}},

		// Quotes and brackets.
		{"ends inside typographic quotes", "He said: “It is over.” The talks ended.", []string{"He said: “It is over.”", "The talks ended."}},
		{"ends inside straight quotes", `He said: "It is over." The talks ended.`, []string{`He said: "It is over."`, "The talks ended."}},
		{"quote then lower", "“Stop!” he said. They did.", []string{"“Stop!” he said.", "They did."}},
		{"quote continues", "“Yes,” he said. “No.” Then", []string{"“Yes,” he said.", "“No.”", "Then"}},
		{"quote after period", "It ended. “We won,” he said.", []string{"It ended.", "“We won,” he said."}},
		{"two sentences in a quote", "“Stop. Now.” He left.", []string{"“Stop.", "Now.”", "He left."}},
		{"parenthesised sentence", "He left. (He came back later.) Then he left again.", []string{"He left.", "(He came back later.)", "Then he left again."}},
		{"period after bracket", "He left (for good). Then", []string{"He left (for good).", "Then"}},
		{"single quotes", "He said ‘no.’ The end", []string{"He said ‘no.’", "The end"}},

		// Ellipses.
		{"ellipsis then upper", "It was... Then it ended.", []string{"It was...", "Then it ended."}},
		{"ellipsis then lower", "It was... over.", []string{"It was... over."}},
		{"ellipsis rune", "Well… Maybe.", []string{"Well…", "Maybe."}},

		// Paragraphs.
		{"headline", "Storm Hits Boston\n\nA storm hit Boston.", []string{"Storm Hits Boston", "A storm hit Boston."}},
		{"dateline", "BOSTON (Reuters) —\n\nA storm.", []string{"BOSTON (Reuters) —", "A storm."}},
		{"paragraph after title", "He met Dr.\n\nSmith left.", []string{"He met Dr.", "Smith left."}},
		{"single line break", "Line one\nline two", []string{"Line one", "line two"}},
		{"unclosed quote ends at paragraph", "She said “it is over\n\nThen", []string{"She said “it is over", "Then"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) sentences = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want string // each sentence's paragraph and first token
	}{
		{"One. Two.\n\nThree.\n\n\n\nFour. Five.", "0:One 0:Two 1:Three 2:Four 2:Five"},
		{"\n\nA\n\nB\n\n", "0:A 1:B"},
		{"A\r\nB\u2029C\u2028D\u0085E", "0:A 1:B 2:C 3:D 4:E"},
	}
	for _, tt := range tests {
		var tk Tokenizer
		toks, sents := tk.Tokenize(tt.in)
		got := ""
		for i, s := range sents {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%d:%s", s.Paragraph, toks[s.First].Text(tt.in))
		}
		if got != tt.want {
			t.Errorf("Tokenize(%q) paragraphs = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestReuse checks that a Tokenizer gives the same result however it was
// used before, and that the text of a long call does not leak into a
// short one.
func TestReuse(t *testing.T) {
	inputs := []string{articleText(t), "Short. Text.", "", "He said “it is over", articleText(t)[:500]}
	var reused Tokenizer
	reused.Tokenize(articleText(t) + articleText(t))
	for _, in := range inputs {
		var fresh Tokenizer
		wantToks, wantSents := fresh.Tokenize(in)
		gotToks, gotSents := reused.Tokenize(in)
		if !slices.Equal(gotToks, wantToks) || !slices.Equal(gotSents, wantSents) {
			t.Errorf("Tokenize(%.40q) on a used Tokenizer differs from a fresh one", in)
		}
	}
}
