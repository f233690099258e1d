package pipelinetest

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
)

// TestStage checks the contract every stage keeps, on docs made by newDocs
// (called once per check, so that each check gets fresh Docs):
//   - Name is non-empty and stable;
//   - Process only adds: input fields that held a value are unchanged
//     (empty ones may be filled), and warnings already on the Doc stay;
//   - Process is deterministic: the same input gives the same Doc;
//   - Process is safe for concurrent calls (run the test with -race);
//   - Process returns when its context is already cancelled.
func TestStage(t *testing.T, s pipeline.Stage, newDocs func() []*pipeline.Doc) {
	t.Helper()
	ctx := context.Background()

	t.Run("Name", func(t *testing.T) {
		if s.Name() == "" || s.Name() != s.Name() {
			t.Errorf("Name() = %q; want a stable non-empty name", s.Name())
		}
	})

	t.Run("OnlyAdds", func(t *testing.T) {
		for i, d := range newDocs() {
			d.Warn("earlier", "a warning from an earlier stage")
			before := inputs(d)
			if err := s.Process(ctx, d); err != nil {
				continue // a rejected Doc may be left as it is
			}
			if diffs := before.changed(inputs(d)); len(diffs) > 0 {
				t.Errorf("doc %d: Process replaced input fields %v:\n got %+v\nwant %+v", i, diffs, inputs(d), before)
			}
			if len(d.Warnings) == 0 || d.Warnings[0].Stage != "earlier" {
				t.Errorf("doc %d: Process dropped an earlier warning: %+v", i, d.Warnings)
			}
		}
	})

	t.Run("Deterministic", func(t *testing.T) {
		first, second := newDocs(), newDocs()
		for i := range first {
			err1 := s.Process(ctx, first[i])
			err2 := s.Process(ctx, second[i])
			if (err1 == nil) != (err2 == nil) {
				t.Errorf("doc %d: errors differ between runs: %v, then %v", i, err1, err2)
				continue
			}
			if !reflect.DeepEqual(first[i], second[i]) {
				t.Errorf("doc %d: two runs on the same input differ:\n%+v\n%+v", i, first[i], second[i])
			}
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		var wg sync.WaitGroup
		for range 4 {
			for _, d := range newDocs() {
				wg.Go(func() { _ = s.Process(ctx, d) })
			}
		}
		wg.Wait()
	})

	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		for _, d := range newDocs() {
			_ = s.Process(cctx, d) // must return; any result is allowed
		}
	})
}

// docInputs are the fields of a Doc that a stage must not change once they
// hold a value; a stage may fill one that is empty (a title or authors from
// HTML, a publication time better than the message's).
type docInputs struct {
	ID, Body, ContentType, URL, Source, InputLanguage, Title string
	Authors                                                  []string
	Metadata                                                 map[string]string
	PublishedAt, ReceivedAt                                  any
}

func inputs(d *pipeline.Doc) docInputs {
	in := docInputs{
		ID: d.ID, Body: d.Body, ContentType: d.ContentType, URL: d.URL, Source: d.Source,
		InputLanguage: d.InputLanguage, Title: d.Title, Authors: d.Authors, Metadata: d.Metadata,
		ReceivedAt: d.ReceivedAt,
	}
	if d.PublishedSource == pipeline.PublishedFromInput {
		in.PublishedAt = d.PublishedAt
	}
	return in
}

// changed reports the fields of before that held a value and differ in
// after.
func (before docInputs) changed(after docInputs) []string {
	var diffs []string
	check := func(name string, was, is any, empty bool) {
		if !empty && !reflect.DeepEqual(was, is) {
			diffs = append(diffs, name)
		}
	}
	check("ID", before.ID, after.ID, before.ID == "")
	check("Body", before.Body, after.Body, false)
	check("ContentType", before.ContentType, after.ContentType, before.ContentType == "")
	check("URL", before.URL, after.URL, before.URL == "")
	check("Source", before.Source, after.Source, before.Source == "")
	check("InputLanguage", before.InputLanguage, after.InputLanguage, before.InputLanguage == "")
	check("Title", before.Title, after.Title, before.Title == "")
	check("Authors", before.Authors, after.Authors, len(before.Authors) == 0)
	check("Metadata", before.Metadata, after.Metadata, before.Metadata == nil)
	check("PublishedAt", before.PublishedAt, after.PublishedAt, before.PublishedAt == nil)
	check("ReceivedAt", before.ReceivedAt, after.ReceivedAt, false)
	return diffs
}
