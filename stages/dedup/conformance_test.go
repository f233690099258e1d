package dedup_test

import (
	"os"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
	"github.com/newsflow/newsflow/stages/dedup"
)

// TestStageContract runs the conformance checks of a Stateful stage: the
// Docs relate to each other, so that the answers checked are those of
// copies as well as of originals.
func TestStageContract(t *testing.T) {
	b, err := os.ReadFile("testdata/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	story := string(b)
	paras := strings.Split(story, "\n\n")
	near := strings.Join(paras[:len(paras)-1], "\n\n")

	newStage := func() *dedup.Stage {
		s, err := dedup.New(dedup.DefaultConfig(), dedup.NewMemStore(0), prometheus.NewRegistry(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	newDocs := func() []*pipeline.Doc {
		return []*pipeline.Doc{
			{ID: "original", Body: story, Text: story},
			{ID: "exact", Body: "By Anna Field\n\n" + story, Text: "By Anna Field\n\n" + story}, // a byline added
			{ID: "near", Body: near, Text: near},                                                // the last paragraph cut
			{ID: "other", Text: "Scientists at the Ravenhill Observatory have found a comet."},
			{ID: "empty"},
			// Empty again: a copy of the one before, with input fields
			// that must stay as they are.
			{ID: "empty-again", Title: "Nothing here", Authors: []string{"A"}, Metadata: map[string]string{"k": "v"}},
			{Text: "An article without an id."},
		}
	}
	pipelinetest.TestStage(t, newStage(), newDocs, pipelinetest.Stateful)

	// The checks are only as good as the Docs: they must make copies of
	// each kind, not originals alone.
	s := newStage()
	kinds := map[string]bool{}
	for _, d := range newDocs() {
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatalf("Process(%s) = %v", d.ID, err)
		}
		kinds[d.Dedup.Kind] = true
	}
	for _, k := range []string{event.DedupOriginal, event.DedupExact, event.DedupNear} {
		if !kinds[k] {
			t.Errorf("kinds of the Docs = %v; want %s among them", kinds, k)
		}
	}
}
