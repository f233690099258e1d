package quotes

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// articleText returns testdata/article.txt, a 3 KB story written for
// these tests with five quotations, as the clean stage gives it.
func articleText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// lowerWords is n bytes of lower-case words: no punctuation, no capitals.
func lowerWords(n int) string {
	words := []string{"the ", "harbour ", "council ", "voted ", "said ", "barrier ", "on ", "gates "}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:n]
}

// openMarks is n bytes of opening quotation marks.
func openMarks(n int) string { return strings.Repeat("“", n/len("“")) }

func benchFind(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var qs []Quote
	for b.Loop() {
		qs = Find(qs[:0], text)
	}
}

func BenchmarkFindArticle(b *testing.B)    { benchFind(b, articleText(b)) }
func BenchmarkFindLowerWords(b *testing.B) { benchFind(b, lowerWords(1<<20)) }
func BenchmarkFindOpenMarks(b *testing.B)  { benchFind(b, openMarks(1<<20)) }

// TestFindArticle checks the benchmark article's quotations.
func TestFindArticle(t *testing.T) {
	text := articleText(t)
	got := show(text, Find(nil, text))
	want := []string{
		`"This is the day the harbour stops being a threat and starts being an asset again," Name:"Ingrid Halvorsen" role:"Mayor" verb:"told"`,
		`"Every project of this kind has run over budget, and there is no reason to think ours will be the exception," Name:"Tomas Reyes" role:"Councillor" verb:"said"`,
		`"significant uncertainty" Nominal:"the city’s own engineers" verb:"warned" partial`,
		`"We have sandbags in the hallway all year round," Name:"Maria Costa" verb:"said"`,
		`"My children have never known a winter without them." Name:"Maria Costa" verb:"said" inherited`,
		`"the most cost-effective option on the table" Nominal:"The ministry’s own assessment" verb:"described" partial`,
		`"A barrier that is closed too often will slowly kill the estuary it is meant to protect," Pronoun:"she" verb:"warned"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(article):\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// hostile are inputs that a quadratic reading of quotation marks, words
// or paragraphs would make slow, each built to n bytes.
var hostile = map[string]func(n int) string{
	"lower words": lowerWords,
	"open marks":  openMarks,
	"open marks and words": func(n int) string {
		return strings.Repeat("“a ", n/5)
	},
	"straight marks and words": func(n int) string { return strings.Repeat(`"a `, n/3) },
	"single marks":             func(n int) string { return strings.Repeat("'a ‘b ", n/8) },
	"quotes in one sentence": func(n int) string {
		return strings.Repeat("he said “a b c d” and ", n/24)
	},
	"spokesman for": func(n int) string {
		return strings.Repeat("a spokesman for ", n/16) + "said “the end is near.”"
	},
	"one long word": func(n int) string { return strings.Repeat("a", n) + " said “x y z w”" },
	"glued quotations": func(n int) string {
		return "x" + strings.Repeat("“ab cd”", n/14)
	},
	"unclosed paragraphs": func(n int) string {
		return strings.Repeat("He said: “we won.\n\n", n/22)
	},
}

// BenchmarkFindHostile reads each hostile input at 64 KB and at 256 KB:
// Find is linear when the two report about the same MB/s, and a
// quadratic reading shows as a fourfold drop.
func BenchmarkFindHostile(b *testing.B) {
	for _, name := range slices.Sorted(maps.Keys(hostile)) {
		for _, n := range []int{1 << 16, 1 << 18} {
			b.Run(fmt.Sprintf("%s/%dKB", name, n>>10), func(b *testing.B) { benchFind(b, hostile[name](n)) })
		}
	}
}
