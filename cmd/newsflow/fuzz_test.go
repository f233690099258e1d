package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
)

// fuzzHandler is the whole chain of `newsflow process` (decode, clean,
// extract, dedup on an in-memory store, encode), without NATS.
func fuzzHandler(tb testing.TB) *pipeline.ArticleHandler {
	tb.Helper()
	h, err := config.Default().NewHandler(prometheus.NewRegistry(), slog.New(slog.DiscardHandler), "test")
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// FuzzPipeline sends any bytes through the whole chain as one message:
// the result is an event that is valid JSON, or a permanent error with a
// dead-letter reason; never a panic, never a transient error.
func FuzzPipeline(f *testing.F) {
	f.Add(seedArticle(f))
	files, _ := filepath.Glob("testdata/bad/*--*")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"body":"<html><body><p>Ministers met in Paris on Friday.</p></body></html>","content_type":"text/html"}`))
	var h *pipeline.ArticleHandler
	n := 0
	msgTime := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		if n%10_000 == 0 {
			h = fuzzHandler(t) // a fresh in-memory store now and then: it keeps every entry
		}
		n++
		d, err := h.Process(t.Context(), data, msgTime)
		if err != nil {
			if !pipeline.IsPermanent(err) || pipeline.ReasonOf(err) == "" {
				t.Fatalf("Process(%q) = %v; want a permanent error with a reason", data, err)
			}
			return
		}
		out, err := h.Output(d, nil)
		if err != nil {
			t.Fatalf("Output(Process(%q)) = %v", data, err)
		}
		if !json.Valid(out.Data) {
			t.Fatalf("Output(Process(%q)) is not valid JSON: %s", data, out.Data)
		}
	})
}
