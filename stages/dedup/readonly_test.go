package dedup

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// TestReadOnlyLeavesStateAlone judges copies with the read-only view: the
// answers are those Process gives, and nothing is indexed, stored or
// counted, so that an article asked about is not seen.
func TestReadOnlyLeavesStateAlone(t *testing.T) {
	story := readTestdata(t, "story.txt")
	judge := func(t *testing.T, st pipeline.Stage, id, text string) *event.Dedup {
		t.Helper()
		d := &pipeline.Doc{ID: id, Text: text}
		if err := st.Process(t.Context(), d); err != nil || d.Dedup == nil {
			t.Fatalf("ReadOnly().Process(%s) = %v, %+v", id, err, d.Dedup)
		}
		return d.Dedup
	}
	for _, tt := range edits(story) {
		t.Run(tt.name, func(t *testing.T) {
			store := NewMemStore(0)
			s := newStage(t, store)
			ro := s.ReadOnly()
			if got := judge(t, ro, "asked", story); got.Kind != event.DedupOriginal || got.ClusterID != "asked" || got.ClusterSize != 1 {
				t.Errorf("ReadOnly().Process(asked) on an empty index = %+v; want an original of 1", got)
			}
			if got := process(t, s, "first", story); got.Kind != event.DedupOriginal {
				t.Fatalf("Process(first) after asking about the same text = %+v; want an original: the question left no trace", got)
			}
			for range 2 { // twice: the first question is not remembered either
				got := judge(t, ro, "copy", tt.text)
				if got.Kind != tt.kind || got.Of != "first" || got.ClusterID != "first" || got.ClusterSize != 2 {
					t.Errorf("ReadOnly().Process(%s) = %+v; want kind %s of first, cluster first of 2 with it", tt.name, got, tt.kind)
				}
			}
			if got := judge(t, ro, "first", story); got.Kind != event.DedupOriginal || got.ClusterSize != 1 {
				t.Errorf("ReadOnly().Process(first) = %+v; want the answer first had: an original of 1", got)
			}
			if n := s.idx.len(); n != 1 {
				t.Errorf("index holds %d articles; want 1 (first alone)", n)
			}
			store.mu.Lock()
			entries := len(store.entries)
			store.mu.Unlock()
			if entries != 1 {
				t.Errorf("store holds %d entries; want 1 (first's claim)", entries)
			}
			if n := testutil.ToFloat64(s.metrics.duplicates.WithLabelValues(tt.kind)); n != 0 {
				t.Errorf("newsflow_duplicates_total{kind=%q} = %v; want 0: questions are not copies published", tt.kind, n)
			}
			if got := process(t, s, "copy", tt.text); got.Kind != tt.kind || got.ClusterSize != 2 {
				t.Errorf("Process(copy) after the questions = %+v; want kind %s in a cluster of 2", got, tt.kind)
			}
		})
	}
}

func TestReadOnlyStagesSwapsDedup(t *testing.T) {
	s := newStage(t, NewMemStore(0))
	got := pipeline.ReadOnlyStages([]pipeline.Stage{s})
	if _, isStage := got[0].(*Stage); isStage || got[0].Name() != name {
		t.Errorf("ReadOnlyStages([dedup]) = [%T %s]; want the read-only view named %s", got[0], got[0].Name(), name)
	}
	if _, ok := got[0].(pipeline.Lifecycle); ok {
		t.Error("the read-only view implements Lifecycle; want none: the stage keeps the index current")
	}
}
