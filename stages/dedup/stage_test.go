package dedup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func newStage(tb testing.TB, store Store) *Stage {
	tb.Helper()
	s, err := New(DefaultConfig(), store, prometheus.NewRegistry(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func process(tb testing.TB, s *Stage, id, text string) *event.Dedup {
	tb.Helper()
	d := &pipeline.Doc{ID: id, Text: text}
	if err := s.Process(tb.Context(), d); err != nil {
		tb.Fatalf("Process(%s) = %v", id, err)
	}
	if d.Dedup == nil {
		tb.Fatalf("Process(%s) left Dedup nil", id)
	}
	return d.Dedup
}

// edits of the test story, each with the kind of copy it makes.
func edits(story string) []struct{ name, text, kind string } {
	paras := strings.Split(story, "\n\n")
	typos := strings.NewReplacer("engineers", "enginers", "decision", "decison", "estimated", "estimatd")
	return []struct{ name, text, kind string }{
		{"same text", story, event.DedupExact},
		{"case, spacing and quotes", strings.ReplaceAll(strings.ReplaceAll(strings.ToUpper(story[:1])+story[1:], "  ", " "), "\"", "“"), event.DedupExact},
		{"dateline and credits", "NORTHBRIDGE (Reuters) - " + story + "\n\n(Reporting by Jane Doe; Editing by John Roe)", event.DedupExact},
		{"byline", "By Anna Field\n\n" + story, event.DedupExact},
		{"last paragraph dropped", strings.Join(paras[:len(paras)-1], "\n\n"), event.DedupNear},
		{"typos", typos.Replace(story), event.DedupNear},
		{"paragraph added", story + "\n\nThe council will meet again on Thursday to discuss the budget.", event.DedupNear},
	}
}

func TestProcessCopies(t *testing.T) {
	story := readTestdata(t, "story.txt")
	for _, tt := range edits(story) {
		t.Run(tt.name, func(t *testing.T) {
			s := newStage(t, NewMemStore(0))
			first := process(t, s, "first", story)
			if first.Kind != event.DedupOriginal || first.ClusterID != "first" || first.ClusterSize != 1 {
				t.Fatalf("Process(first) = %+v; want an original, its own cluster of 1", first)
			}
			got := process(t, s, "copy", tt.text)
			if got.Kind != tt.kind || got.ClusterID != "first" || got.Of != "first" || got.ClusterSize != 2 {
				t.Errorf("Process(%s) = %+v; want kind %s of first, cluster first of 2", tt.name, got, tt.kind)
			}
		})
	}
}

func TestProcessDifferentStories(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"unrelated", readTestdata(t, "story.txt"), readTestdata(t, "other.txt")},
		{"one template, other company and figures",
			"Northwind Industries Inc said its board declared a quarterly dividend of 12 cents per share, payable April 1 to shareholders of record on March 15. The company paid 10 cents in the prior quarter.",
			"Bluefield Corp said its board declared a quarterly dividend of 35 cents per share, payable May 20 to shareholders of record on May 2. The company paid 30 cents in the prior quarter."},
		{"one template, other figures",
			"Shares of Harbor Mining rose 4.2 percent to 18.40 dollars in early trading on Monday after the company raised its forecast for the year.",
			"Shares of Harbor Mining fell 3.1 percent to 16.05 dollars in early trading on Friday after the company cut its forecast for the year."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStage(t, NewMemStore(0))
			process(t, s, "a", tt.a)
			if got := process(t, s, "b", tt.b); got.Kind != event.DedupOriginal || got.ClusterID != "b" {
				t.Errorf("Process(b) = %+v; want an original", got)
			}
		})
	}
}

func TestProcessRedelivered(t *testing.T) {
	s := newStage(t, NewMemStore(0))
	story := readTestdata(t, "story.txt")
	for i := range 3 {
		if got := process(t, s, "one", story); got.Kind != event.DedupOriginal || got.ClusterSize != 1 {
			t.Errorf("Process(one), delivery %d = %+v; want the original, cluster of 1", i+1, got)
		}
	}
}

// TestProcessConcurrentCopies sends copies of one story through one stage
// from many goroutines: exactly one is the original.
func TestProcessConcurrentCopies(t *testing.T) {
	s := newStage(t, NewMemStore(0))
	story := readTestdata(t, "story.txt")
	var copies []string
	for _, e := range edits(story) {
		copies = append(copies, e.text)
	}
	const n = 32
	kinds := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			kinds[i] = process(t, s, fmt.Sprint("copy-", i), copies[i%len(copies)]).Kind
		})
	}
	wg.Wait()
	originals := 0
	for _, k := range kinds {
		if k == event.DedupOriginal {
			originals++
		}
	}
	if originals != 1 {
		t.Errorf("%d concurrent copies gave %d originals (%v); want 1", n, originals, kinds)
	}
}

// failingStore is a Store whose every call fails, like a store that
// cannot be reached.
type failingStore struct{}

var errUnreachable = errors.New("store unreachable")

func (failingStore) Create(context.Context, string, []byte) ([]byte, bool, error) {
	return nil, false, errUnreachable
}
func (failingStore) Put(context.Context, string, []byte) error { return errUnreachable }
func (failingStore) Watch(context.Context, string, func(string, []byte), func()) error {
	return errUnreachable
}

func TestProcessStoreDown(t *testing.T) {
	reg := prometheus.NewRegistry()
	s, err := New(DefaultConfig(), failingStore{}, reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	story := readTestdata(t, "story.txt")
	process(t, s, "first", story)
	for _, tt := range edits(story)[:5] {
		d := &pipeline.Doc{ID: "copy " + tt.name, Text: tt.text}
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatalf("Process(%s) with the store down = %v; want nil", tt.name, err)
		}
		if d.Dedup.Kind != tt.kind || d.Dedup.ClusterID != "first" {
			t.Errorf("Process(%s) with the store down = %+v; want kind %s of first", tt.name, d.Dedup, tt.kind)
		}
		if len(d.Warnings) != 1 {
			t.Errorf("Process(%s) with the store down: warnings %v; want one", tt.name, d.Warnings)
		}
	}
	if got := testutil.ToFloat64(s.metrics.storeAvailable); got != 0 {
		t.Errorf("newsflow_dedup_store_available = %v with the store down; want 0", got)
	}
	// One failed call per article: the claim, or an exact copy's record.
	if got := testutil.ToFloat64(s.metrics.storeErrors.WithLabelValues("create")) + testutil.ToFloat64(s.metrics.storeErrors.WithLabelValues("put")); got != 6 {
		t.Errorf("newsflow_dedup_store_errors_total{op=create|put} = %v; want 6", got)
	}
	if problems, err := testutil.GatherAndLint(reg); err != nil || len(problems) > 0 {
		t.Errorf("GatherAndLint = %v, %v; want no problems", problems, err)
	}
}

// TestProcessTwoReplicas runs two stages on one store. An exact copy on
// the second replica is found through the store even before the first
// replica's record has reached its index; once it has (Run), so is a near
// copy, and both count in one cluster.
func TestProcessTwoReplicas(t *testing.T) {
	store := NewMemStore(0)
	a, b := newStage(t, store), newStage(t, store)
	story := readTestdata(t, "story.txt")
	process(t, a, "first", story)

	got := process(t, b, "copy", "By Anna Field\n\n"+story)
	if got.Kind != event.DedupExact || got.ClusterID != "first" || got.Of != "first" || got.ClusterSize != 2 {
		t.Errorf("Process(exact copy) on the other replica = %+v; want an exact copy of first, cluster of 2", got)
	}

	// The first replica learns of the copy through the store.
	if err := a.Start(t.Context()); err != nil {
		t.Fatalf("Start = %v", err)
	}
	<-a.Ready()
	paras := strings.Split(story, "\n\n")
	near := process(t, a, "near", strings.Join(paras[:len(paras)-1], "\n\n"))
	if near.Kind != event.DedupNear || near.ClusterID != "first" || near.ClusterSize != 3 {
		t.Errorf("Process(near copy) after the watch = %+v; want a near copy in first's cluster of 3", near)
	}
	if err := a.Stop(t.Context()); err != nil {
		t.Errorf("Stop = %v; want nil", err)
	}
}
