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
//   - Process only adds: input fields it was given are unchanged, and
//     warnings already on the Doc stay;
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
			before, title := inputs(d), d.Title
			if err := s.Process(ctx, d); err != nil {
				continue // a rejected Doc may be left as it is
			}
			if after := inputs(d); !reflect.DeepEqual(after, before) {
				t.Errorf("doc %d: Process changed input fields:\n got %+v\nwant %+v", i, after, before)
			}
			// A stage may fill an empty title (from HTML), never replace one.
			if title != "" && d.Title != title {
				t.Errorf("doc %d: Process replaced the title %q with %q", i, title, d.Title)
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

// docInputs are the fields of a Doc that a stage must not change once set.
type docInputs struct {
	ID, Body, ContentType, URL, Source, InputLanguage string
	Authors                                           []string
	Metadata                                          map[string]string
	PublishedAt, ReceivedAt                           any
}

func inputs(d *pipeline.Doc) docInputs {
	return docInputs{
		ID: d.ID, Body: d.Body, ContentType: d.ContentType, URL: d.URL, Source: d.Source,
		InputLanguage: d.InputLanguage, Authors: d.Authors, Metadata: d.Metadata,
		PublishedAt: d.PublishedAt, ReceivedAt: d.ReceivedAt,
	}
}
