package quotes

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkQuotes fails t unless qs, found in text after the one quotation
// prefix given in dst, is well formed: spans inside the text and on rune
// boundaries, quotations in order and not overlapping, the verb as
// written at its offsets, a speaker span exactly when there is a kind.
func checkQuotes(t *testing.T, text string, prefix Quote, qs []Quote) {
	t.Helper()
	if len(qs) == 0 || qs[0] != prefix {
		t.Fatalf("dst's quotation changed or lost: %+v", qs)
	}
	valid := utf8.ValidString(text)
	end := 0
	for _, q := range qs[1:] {
		if !(end <= q.MarkStart && q.MarkStart <= q.Start && q.Start < q.End && q.End <= q.MarkEnd && q.MarkEnd <= len(text)) {
			t.Fatalf("bad spans %+v after %d in %q", q, end, text)
		}
		end = q.MarkEnd
		if q.VerbStart < 0 || q.VerbStart > q.VerbEnd || q.VerbEnd > len(text) || q.Verb != text[q.VerbStart:q.VerbEnd] {
			t.Fatalf("verb %q is not text[%d:%d] in %q", q.Verb, q.VerbStart, q.VerbEnd, text)
		}
		sp := q.Speaker
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(text) || sp.RoleStart < 0 || sp.RoleStart > sp.RoleEnd || sp.RoleEnd > len(text) {
			t.Fatalf("bad speaker %+v in %q", sp, text)
		}
		if (sp.Kind == NoSpeaker) != (sp.End == sp.Start) {
			t.Fatalf("speaker kind %v with span %+v in %q", sp.Kind, sp, text)
		}
		if q.Continues && q.Inherited && sp.Kind == NoSpeaker {
			t.Fatalf("inherited nothing: %+v in %q", q, text)
		}
		if !valid {
			continue
		}
		for _, s := range []string{text[q.Start:q.End], text[sp.Start:sp.End], text[sp.RoleStart:sp.RoleEnd], q.Verb} {
			if !utf8.ValidString(s) {
				t.Fatalf("span %q cuts a rune in %q", s, text)
			}
		}
	}
}

// FuzzFind checks that Find never panics and returns well-formed
// quotations, whatever the text.
func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		f.Add(tt.text)
	}
	f.Add("“a “b ‘c ’d” e’ «f» „g“ \"h 'i' j\" k\n\n“l\n\nm” n")
	f.Add(strings.Repeat("“", 50) + strings.Repeat("”", 50))
	f.Add("said, “" + strings.Repeat("a spokesman for ", 20) + "”")
	f.Add("»Nein«, sagte er. ‚Ja‘ — “x” – Y Z\n\n»")
	f.Fuzz(func(t *testing.T, text string) {
		prefix := Quote{Start: -1}
		checkQuotes(t, text, prefix, Find([]Quote{prefix}, text))
	})
}

// pieces are the parts that randomText strings together: marks in every
// style and position, speech verbs, names, pronouns, punctuation, breaks.
var pieces = []string{
	"“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", " ", " ", " ", "\n\n", "\n",
	"said", "told", "added", "according to", "in a statement", "Smith", "Dmitry Peskov",
	"the Kremlin", "she", "He", "officials", "a spokesman for", "the ministry", ",", ".",
	":", "?", "!", "—", " – ", "U.S.", "Mr.", "Jones’", "don’t", "’90s", "we", "will",
	"win", "the", "plan", "was", "dubbed", "Better Idea", "of", "é", "\xff", "…",
}

// randomText strings n random pieces together.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestWellFormed runs the fuzz checks on texts built from the pieces that
// matter, with a fixed seed, so that they run on every test.
func TestWellFormed(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	prefix := Quote{Start: -1}
	var qs []Quote
	for i := range 5000 {
		text := randomText(r, 1+i%60)
		qs = Find(append(qs[:0], prefix), text)
		checkQuotes(t, text, prefix, qs)
	}
}

// TestPrefixes checks every prefix of the benchmark article, as a text
// cut short in a stream would be: open quotations, half a word, half a
// rune.
func TestPrefixes(t *testing.T) {
	text := articleText(t)
	prefix := Quote{Start: -1}
	var qs []Quote
	for n := range len(text) + 1 {
		qs = Find(append(qs[:0], prefix), text[:n])
		checkQuotes(t, text[:n], prefix, qs)
	}
}
