package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// articles3KB cuts the GUM news documents (read in place; CC BY) into
// articles of about 3 KB at paragraph breaks.
func articles3KB(b *testing.B) []string {
	docs, err := gum.Read("../../../shared/corpora/gum-news")
	if err != nil {
		b.Skipf("GUM corpus not available: %v", err)
	}
	return gum.Articles(docs, 3000)
}

// BenchmarkExtract runs the whole stage (tokens, entities, dates, quotes)
// on ~3 KB news articles; ns/op is per article.
func BenchmarkExtract(b *testing.B) {
	texts := articles3KB(b)
	s, err := New(DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	pub := time.Date(2017, 7, 18, 0, 0, 0, 0, time.UTC)
	ctx := b.Context()
	b.SetBytes(int64(gum.MeanLen(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := pipeline.Doc{Text: texts[i%len(texts)], PublishedAt: pub, Language: event.Language{Code: "en"}}
		if err := s.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkExtractParts runs the stage with one part on at a time, on the
// same articles: where the time of BenchmarkExtract goes ("tokens" is the
// tokenizer alone, which every part shares).
func BenchmarkExtractParts(b *testing.B) {
	texts := articles3KB(b)
	pub := time.Date(2017, 7, 18, 0, 0, 0, 0, time.UTC)
	for _, part := range []string{"tokens", "entities", "dates", "quotes"} {
		cfg := DefaultConfig()
		cfg.Entities, cfg.Dates, cfg.Quotes = part == "entities", part == "dates", part == "quotes"
		s, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(part, func(b *testing.B) {
			b.SetBytes(int64(gum.MeanLen(texts)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d := pipeline.Doc{Text: texts[i%len(texts)], PublishedAt: pub, Language: event.Language{Code: "en"}}
				if err := s.Process(b.Context(), &d); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkProseNER runs github.com/jdkato/prose/v3's tokenizer, tagger
// and named-entity recogniser on the same articles, for comparison: it
// finds entities only (no dates, quotes or merging).
func BenchmarkProseNER(b *testing.B) {
	texts := articles3KB(b)
	b.SetBytes(int64(gum.MeanLen(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc, err := prose.NewDocument(texts[i%len(texts)], prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Entities()
		i++
	}
}

// BenchmarkExtract1MBNoPunctuation shows the stage is linear in its
// input: 1 MB and 2 MB of lower-case words without punctuation.
func BenchmarkExtract1MBNoPunctuation(b *testing.B) {
	words := []string{"the", "talks", "went", "on", "for", "hours", "and", "nobody", "said", "anything", "new"}
	for _, size := range []int{1 << 20, 2 << 20} {
		var sb strings.Builder
		for k := 0; sb.Len() < size; k++ {
			sb.WriteString(words[k%len(words)])
			sb.WriteByte(' ')
		}
		text := sb.String()
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			s, _ := New(DefaultConfig())
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				d := pipeline.Doc{Text: text, Language: event.Language{Code: "en"}}
				_ = s.Process(b.Context(), &d)
			}
		})
	}
}
