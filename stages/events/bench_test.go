package events

import (
	"runtime"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// BenchmarkProcess codes the events of ~3 KB news articles (the GUM news
// documents, read in place; CC BY), whose entities and dates the extract
// stage found beforehand: ns/op is the events stage's alone, per article.
func BenchmarkProcess(b *testing.B) {
	docs, err := gum.Read("../../../shared/corpora/gum-news")
	if err != nil {
		b.Fatalf("GUM news, beside the repository in ../shared/corpora: %v", err)
	}
	texts := gum.Articles(docs, 3000)
	x, err := extract.New(extract.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	in := make([]pipeline.Doc, len(texts))
	for k, t := range texts {
		in[k] = pipeline.Doc{Text: t, PublishedAt: pub, Language: event.Language{Code: "en"}}
		if err := x.Process(ctx, &in[k]); err != nil {
			b.Fatal(err)
		}
	}
	s := newStage(b)
	// The set-up's garbage (extraction of every article) is collected now,
	// not during the loop, where its marking would be counted as the
	// stage's.
	runtime.GC()
	b.SetBytes(int64(gum.MeanLen(texts)))
	b.ReportAllocs()
	events, i := 0, 0
	for b.Loop() {
		d := in[i%len(in)]
		d.Events = nil
		if err := s.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
		events += len(d.Events)
		i++
	}
	b.ReportMetric(float64(events)/float64(i), "events/op")
}
