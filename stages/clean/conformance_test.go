package clean_test

import (
	"os"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
	"github.com/newsflow/newsflow/stages/clean"
)

func TestStageContract(t *testing.T) {
	s, err := clean.New(clean.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/seed.input.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("testdata/page.input.html")
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)
	pipelinetest.TestStage(t, s, func() []*pipeline.Doc {
		return []*pipeline.Doc{
			{ID: "seed", Body: string(seed), Title: "Envoy meets president", PublishedAt: published},
			{ID: "page", Body: string(page), ContentType: "text/html", PublishedAt: published},
			{ID: "de", Body: "Der Minister sagte am Freitag, dass die Gespräche wieder aufgenommen würden.", InputLanguage: "de-DE"},
			{ID: "blank", Body: " \n\t "},
			{ID: "nul", Body: "a\x00b\r\nc\u00a0d", Metadata: map[string]string{"k": "v"}, Authors: []string{"A"}},
		}
	})
}
