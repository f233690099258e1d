package token

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump writes the tokens and sentences of text, one a line: a token as
// "start end kind flags text", a sentence as "start end first last
// paragraph text".
func dump(text string, toks []Token, sents []Sentence) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d tokens: start end kind flags text\n", len(toks))
	for _, t := range toks {
		fmt.Fprintf(&b, "%d %d %v %v %s\n", t.Start, t.End, t.Kind, t.Flags, t.Text(text))
	}
	fmt.Fprintf(&b, "# %d sentences: start end first last paragraph text\n", len(sents))
	for _, s := range sents {
		fmt.Fprintf(&b, "%d %d %d %d %d %s\n", s.Start, s.End, s.First, s.Last, s.Paragraph, s.Text(text))
	}
	return b.String()
}

// TestGolden compares the tokens of the seed article and of the 3 KB
// test article with testdata/*.tokens.golden; go test -update rewrites
// them after a change of rules, to be reviewed in the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		text func(testing.TB) string
	}{
		{"seed", seedText},
		{"article", articleText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text(t)
			var tk Tokenizer
			toks, sents := tk.Tokenize(text)
			if err := checkTokens(text, toks, sents); err != nil {
				t.Fatalf("Tokenize(%s): %v", tt.name, err)
			}
			if got := rebuild(text, toks); got != text {
				t.Errorf("rebuild(Tokenize(%s)) differs from the text", tt.name)
			}
			got := dump(text, toks, sents)
			path := filepath.Join("testdata", tt.name+".tokens.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			want := string(b)
			if got == want {
				return
			}
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := range max(len(gl), len(wl)) {
				g, w := line(gl, i), line(wl, i)
				if g != w {
					t.Fatalf("Tokenize(%s) line %d = %q; want %q (go test -update rewrites %s)", tt.name, i+1, g, w, path)
				}
			}
		})
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end>"
}
