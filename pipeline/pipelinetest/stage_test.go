package pipelinetest_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// words keeps the contract: it counts the words of the text.
type words struct{}

func (words) Name() string { return "words" }

func (words) Process(_ context.Context, d *pipeline.Doc) error {
	d.WordCount = len(strings.Fields(d.Text))
	return nil
}

// shout replaces an input field: it upper-cases the title.
type shout struct{}

func (shout) Name() string { return "shout" }

func (shout) Process(_ context.Context, d *pipeline.Doc) error {
	d.Title = strings.ToUpper(d.Title)
	return nil
}

// forgetful drops the warnings of the stages before it.
type forgetful struct{}

func (forgetful) Name() string { return "forgetful" }

func (forgetful) Process(_ context.Context, d *pipeline.Doc) error {
	d.Warnings = []event.Warning{{Stage: "forgetful", Message: "text looks short"}}
	return nil
}

// counter numbers the Docs it sees: no two answers are the same.
type counter struct{ n atomic.Int64 }

func (*counter) Name() string { return "counter" }

func (c *counter) Process(_ context.Context, d *pipeline.Doc) error {
	d.WordCount = int(c.n.Add(1))
	return nil
}

// copies finds copies by text, as a dedup stage does, and is Stateful: the
// answer to an article depends on those seen before it. It remembers each
// article's answer by ID, so that a redelivery gets the same answer, with
// its cluster's size as it is now; unless forgetIDs, which makes it take a
// redelivery for a copy of itself.
type copies struct {
	forgetIDs bool

	mu      sync.Mutex
	first   map[string]string      // text -> id of its first article
	size    map[string]int         // cluster -> articles seen in it
	answers map[string]event.Dedup // id -> answer given
}

func newCopies(forgetIDs bool) *copies {
	return &copies{forgetIDs: forgetIDs, first: map[string]string{}, size: map[string]int{}, answers: map[string]event.Dedup{}}
}

func (*copies) Name() string { return "copies" }

func (c *copies) Process(_ context.Context, d *pipeline.Doc) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.answers[d.ID]
	if !ok || c.forgetIDs {
		a = event.Dedup{Kind: event.DedupOriginal, ClusterID: d.ID}
		if id, ok := c.first[d.Text]; ok {
			a = event.Dedup{Kind: event.DedupExact, ClusterID: id, Of: id}
		} else {
			c.first[d.Text] = d.ID
		}
		c.size[a.ClusterID]++
		c.answers[d.ID] = a
	}
	a.ClusterSize = c.size[a.ClusterID]
	d.Dedup = &a
	return nil
}

// fragile panics on a cancelled context instead of returning.
type fragile struct{}

func (fragile) Name() string { return "fragile" }

func (fragile) Process(ctx context.Context, d *pipeline.Doc) error {
	if ctx.Err() != nil {
		panic("use of a cancelled context")
	}
	return nil
}

// fickle has a new name on every call.
type fickle struct{ n atomic.Int64 }

func (f *fickle) Name() string { return fmt.Sprint("fickle-", f.n.Add(1)) }

func (*fickle) Process(context.Context, *pipeline.Doc) error { return nil }

func newDocs() []*pipeline.Doc {
	const story = "The council voted on Tuesday to close the old bridge."
	return []*pipeline.Doc{
		{ID: "a", Title: "Bridge closed", Text: story},
		{ID: "b", Text: story},
		{ID: "c", Text: "A comet will pass close to the sun."},
		{ID: "d"},
	}
}

// checks are the names of the checks CheckStage may report.
var checks = []string{"Name", "Deterministic", "Redelivered", "OnlyAdds", "Concurrent", "Cancelled"}

func TestCheckStage(t *testing.T) {
	tests := []struct {
		name     string
		stage    pipeline.Stage
		features []pipelinetest.Feature
		// want are the texts the error must hold, one per violation,
		// each starting with the name of its check; none when the stage
		// keeps the contract.
		want []string
	}{
		{"keeps the contract", words{}, nil, nil},
		{"keeps the contract, stateful", words{}, []pipelinetest.Feature{pipelinetest.Stateful}, nil},
		{"stateful", newCopies(false), []pipelinetest.Feature{pipelinetest.Stateful}, nil},
		{
			"replaces an input field", shout{}, nil,
			[]string{`OnlyAdds: doc 0 ("a"): Process replaced input fields:` + "\n\tTitle = \"BRIDGE CLOSED\"; want \"Bridge closed\""},
		},
		{
			"drops earlier warnings", forgetful{}, nil,
			[]string{`OnlyAdds: doc 0 ("a"): Process dropped an earlier warning`, `OnlyAdds: doc 3 ("d"): Process dropped an earlier warning`},
		},
		{
			"nondeterministic", &counter{}, nil,
			[]string{`Deterministic: doc 0 ("a"): two runs on the same input differ:` + "\n\tWordCount = 8; want 1"},
		},
		{
			"nondeterministic, stateful", &counter{}, []pipelinetest.Feature{pipelinetest.Stateful},
			[]string{`Redelivered: doc 0 ("a"): a redelivery got another answer than the first delivery:` + "\n\tWordCount = 2; want 1"},
		},
		{
			"stateful, not declared", newCopies(false), nil,
			[]string{`Deterministic: doc 0 ("a"): two runs on the same input differ:` + "\n\tDedup = " +
				`{"fingerprint":"","cluster_id":"a","cluster_size":2,"kind":"original","similarity":0}; want ` +
				`{"fingerprint":"","cluster_id":"a","cluster_size":1,"kind":"original","similarity":0}`},
		},
		{
			"stateful, takes a redelivery for a copy", newCopies(true), []pipelinetest.Feature{pipelinetest.Stateful},
			[]string{`Redelivered: doc 0 ("a"): a redelivery got another answer than the first delivery:` + "\n\tDedup = " +
				`{"fingerprint":"","cluster_id":"a","cluster_size":2,"kind":"exact","similarity":0,"of":"a"}; want ` +
				`{"fingerprint":"","cluster_id":"a","cluster_size":1,"kind":"original","similarity":0}`},
		},
		{
			"panics when cancelled", fragile{}, nil,
			[]string{`Cancelled: doc 0 ("a"): Process panicked: use of a cancelled context`},
		},
		{
			"unstable name", &fickle{}, nil,
			[]string{`Name: Name() = "fickle-1", then "fickle-2"; want a stable, non-empty name`},
		},
		{
			"unknown feature", words{}, []pipelinetest.Feature{42},
			[]string{"pipelinetest: unknown Feature(42)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pipelinetest.CheckStage(tt.stage, newDocs, tt.features...)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("CheckStage(%s) = %v; want nil", tt.stage.Name(), err)
				}
				return
			}
			if err == nil {
				t.Fatalf("CheckStage(%s) = nil; want %q", tt.stage.Name(), tt.want)
			}
			got := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("CheckStage(%s) = %v; want it to hold %q", tt.stage.Name(), got, w)
				}
			}
			// A violation is reported by its own check only.
			for _, c := range checks {
				reported := strings.Contains(got, c+": ")
				wanted := strings.Contains(strings.Join(tt.want, "\n"), c+": ")
				if reported != wanted {
					t.Errorf("CheckStage(%s) = %v; check %s reported %v, want %v", tt.stage.Name(), got, c, reported, wanted)
				}
			}
		})
	}
}

// TestTestStage runs TestStage on stages that keep the contract: its
// subtests must pass.
func TestTestStage(t *testing.T) {
	pipelinetest.TestStage(t, words{}, newDocs)
	t.Run("Stateful", func(t *testing.T) {
		pipelinetest.TestStage(t, newCopies(false), newDocs, pipelinetest.Stateful)
	})
}

func TestFeatureString(t *testing.T) {
	for f, want := range map[pipelinetest.Feature]string{
		pipelinetest.Stateful: "Stateful",
		0:                     "Feature(0)",
	} {
		if got := f.String(); got != want {
			t.Errorf("Feature(%d).String() = %q; want %q", int(f), got, want)
		}
	}
}
