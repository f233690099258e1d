package token

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// seedPath is the worked example of the pipeline, shared by the packages.
const seedPath = "../../../../shared/examples/seed-article.json"

// seedText returns the body of the seed article as the clean stage gives
// it: no white space around it, and each line break of this body (which
// is not hard-wrapped) a paragraph break "\n\n".
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Skipf("seed article not available: %v", err)
	}
	var a struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(b, &a); err != nil {
		tb.Fatalf("seed article: %v", err)
	}
	return strings.ReplaceAll(strings.TrimSpace(a.Body), "\n", "\n\n")
}

// articleText returns testdata/article.txt, a 3 KB wire story written for
// these tests, as the clean stage gives it.
func articleText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// lowercaseWords returns n bytes of lower-case words and single spaces: no
// punctuation, no capital, one endless sentence.
func lowercaseWords(n int) string {
	words := strings.Fields(`
the of and to in a that is was he for it with as his on be at by had are
but from or have an they which one you were her all she there would
their we him been has when who will more no if out so said what up its
about into than them can only other new some could time these two may
then do first any my now such like our over man me even most made after
also did many before must through back years where much your way well
down should because each just those people how too little state good
very make world still own see men work long get here between both life
being under never day same another know while last might us great old
year off come since against go came right used take three`)
	var b strings.Builder
	b.Grow(n)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+i/len(words))%len(words)])
	}
	return b.String()[:n]
}

func benchmarkText(b *testing.B, text string) {
	var tk Tokenizer
	tk.Tokenize(text) // grow the buffers once
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tk.Tokenize(text)
	}
}

// BenchmarkTokenize measures a 3 KB English news article, the unit of the
// pipeline's performance budget, and the seed article.
func BenchmarkTokenize(b *testing.B) {
	b.Run("article3KB", func(b *testing.B) { benchmarkText(b, articleText(b)) })
	b.Run("seed", func(b *testing.B) { benchmarkText(b, seedText(b)) })
}

// BenchmarkTokenize1MBNoPunctuation shows that time grows linearly with
// the text: MB/s is the same at 1 MB and 2 MB, although the text is one
// sentence of lower-case words.
func BenchmarkTokenize1MBNoPunctuation(b *testing.B) {
	b.Run("1MB", func(b *testing.B) { benchmarkText(b, lowercaseWords(1<<20)) })
	b.Run("2MB", func(b *testing.B) { benchmarkText(b, lowercaseWords(2<<20)) })
}
