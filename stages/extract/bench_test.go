package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/newsflow/newsflow/pipeline"
)

// articles3KB cuts the GUM news documents (read in place; CC BY) into
// articles of about 3 KB at paragraph breaks: real news text, the size the
// budget is set for.
func articles3KB(b *testing.B) []string {
	f, err := os.Open("../../../shared/corpora/gum-news/ner-gold.jsonl")
	if err != nil {
		b.Skipf("GUM corpus not available: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		var cur strings.Builder
		for _, p := range strings.Split(d.Text, "\n\n") {
			if cur.Len() > 0 {
				cur.WriteString("\n\n")
			}
			cur.WriteString(p)
			if cur.Len() >= 3000 {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
	}
	return out
}

func meanLen(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n / len(texts)
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
	ctx := context.Background()
	b.SetBytes(int64(meanLen(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := pipeline.Doc{Text: texts[i%len(texts)], PublishedAt: pub, Language: pipeline.Language{Code: "en"}}
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
			b.SetBytes(int64(meanLen(texts)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d := pipeline.Doc{Text: texts[i%len(texts)], PublishedAt: pub, Language: pipeline.Language{Code: "en"}}
				if err := s.Process(context.Background(), &d); err != nil {
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
	b.SetBytes(int64(meanLen(texts)))
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
				d := pipeline.Doc{Text: text, Language: pipeline.Language{Code: "en"}}
				_ = s.Process(context.Background(), &d)
			}
		})
	}
}
