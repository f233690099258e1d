package token

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fragments are pieces of news text and of hostile input, joined at
// random by the property test and given to the fuzzer as seeds.
var fragments = []string{
	"The", "cat", "sat.", "U.S.", "U.S.A.", "a.m.", "e.g.", "Dr.", "St.", "Jan.", "Inc.", "No.", "No. 10",
	"J.", "K.", "Rowling", "Trump’s", "Jones'", "O'Brien", "don't", "it's", "’90s", "'60s",
	"5.93", "1,750", "155,221", "2017,2018", "06:12", "21st", "5%", "$58.40", "2017-2018",
	"Russia-Ukraine", "tete-a-tete", "—", "–", "-", "...", "…", "?", "!", "?!", ".", ",", ";", ":",
	"“Yes.”", "“", "”", "‘", "’", `"`, "'", "«", "»", "„", "(", ")", "[", "]", "(He left.)",
	"ÉCOLE", "Zürich", "cafe\u0301", "\u0301", "Путин", "می\u200cشود", "\u200d", "👍", "\ufffd",
	"\xff", "\xc3", "\xe2\x80", "\x00", "\t", "\u00a0", "\u2028", "\u2029", "\r\n", "\n",
	"a'", "'s", "s'", "’s", "1.", "1,", "1:", ".5", "..", "A.B", "A.B.", "x.y.", "'", "''",
}

// randomText joins n fragments with single spaces and, now and then, a
// paragraph break, as clean text is; when hostile, also with no space or
// with odd white space.
func randomText(r *rand.Rand, n int, hostile bool) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			switch k := r.IntN(10); {
			case k == 0:
				b.WriteString("\n\n")
			case hostile && k == 1:
			case hostile && k == 2:
				b.WriteString(" \t\n ")
			default:
				b.WriteByte(' ')
			}
		}
		f := fragments[r.IntN(len(fragments))]
		if !hostile {
			f = strings.Join(strings.Fields(f), "")
			if f == "" {
				f = "x"
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// TestProperties checks the promises of the package doc on many random
// texts: exact offsets, white space only between tokens, consistent kinds
// and flags, sentences that cover the tokens; and that clean text is
// rebuilt exactly from its tokens and their SpaceBefore and
// ParagraphStart flags.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tk Tokenizer
	for i := range 5000 {
		hostile := i%2 == 1
		text := randomText(r, 1+r.IntN(40), hostile)
		toks, sents := tk.Tokenize(text)
		if err := checkTokens(text, toks, sents); err != nil {
			t.Fatalf("Tokenize(%q): %v", text, err)
		}
		if !hostile {
			if got := rebuild(text, toks); got != text {
				t.Fatalf("rebuild(Tokenize(%q)) = %q; want the text", text, got)
			}
		}
	}
}

// TestAllocs checks that a warm Tokenizer allocates nothing.
func TestAllocs(t *testing.T) {
	text := articleText(t)
	var tk Tokenizer
	tk.Tokenize(text)
	if n := testing.AllocsPerRun(100, func() { tk.Tokenize(text) }); n != 0 {
		t.Errorf("Tokenize allocates %v times a call; want 0", n)
	}
}

// FuzzTokenize checks, on any input, that Tokenize does not panic and
// keeps the promises checkTokens tests, and that a used Tokenizer gives
// what a fresh one does.
func FuzzTokenize(f *testing.F) {
	for _, s := range fragments {
		f.Add(s)
	}
	for _, s := range []string{
		"", " ", "\n\n", "He said “it is over.” The end.", "in the U.S. The President",
		"Washington D.C. The first", "J. K. Rowling", "St. Petersburg’s library", "(He left.) Then",
		"a\xffb", "\xe2\x80\x9c", "It was... Then", "No. 10 and No. The",
	} {
		f.Add(s)
	}
	f.Add(seedText(f))
	f.Add(articleText(f))
	var used Tokenizer
	f.Fuzz(func(t *testing.T, text string) {
		var fresh Tokenizer
		toks, sents := fresh.Tokenize(text)
		if err := checkTokens(text, toks, sents); err != nil {
			t.Fatalf("Tokenize(%q): %v", text, err)
		}
		used.Tokenize(text + " " + text)
		utoks, usents := used.Tokenize(text)
		if !slices.Equal(utoks, toks) || !slices.Equal(usents, sents) {
			t.Fatalf("Tokenize(%q) on a used Tokenizer differs from a fresh one", text)
		}
	})
}
