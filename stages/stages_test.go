package stages_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages"
	"github.com/newsflow/newsflow/stages/dedup"
)

func names(ss []pipeline.Stage) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name())
	}
	return out
}

func TestNew(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*stages.Config)
		want  []string // stage names, in order
		fails []string // fields the error names, when the config is invalid
	}{
		{name: "defaults", edit: func(*stages.Config) {}, want: []string{"clean", "extract", "events", "dedup"}},
		{name: "dedup disabled", edit: func(c *stages.Config) { c.Dedup.Enabled = false }, want: []string{"clean", "extract", "events"}},
		{name: "events disabled", edit: func(c *stages.Config) { c.Events.Enabled = false }, want: []string{"clean", "extract", "dedup"}},
		{name: "events min confidence", edit: func(c *stages.Config) { c.Events.MinConfidence = 1.5 }, fails: []string{"events.min_confidence"}},
		{name: "dedup threshold", edit: func(c *stages.Config) { c.Dedup.Threshold = 2 }, fails: []string{"dedup.threshold"}},
		{
			// A disabled stage's configuration is still checked: turning
			// it on later must not reveal an old mistake.
			name: "disabled dedup threshold", edit: func(c *stages.Config) { c.Dedup.Enabled, c.Dedup.Threshold = false, 0 },
			fails: []string{"dedup.threshold"},
		},
		{
			name: "every problem at once",
			edit: func(c *stages.Config) {
				c.Clean.MaxTextBytes = 1
				c.Dedup.MaxEntries = 1
			},
			fails: []string{"clean.max_text_bytes", "dedup.max_entries"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := stages.DefaultConfig()
			tt.edit(&cfg)
			ss, err := stages.New(cfg, stages.Deps{})
			if len(tt.fails) > 0 {
				if err == nil {
					t.Fatalf("New(%s) = %v, nil; want an error naming %v", tt.name, names(ss), tt.fails)
				}
				for _, f := range tt.fails {
					if !strings.Contains(err.Error(), f) {
						t.Errorf("New(%s) = %v; want an error naming %s", tt.name, err, f)
					}
				}
				// The fields are there for programs too, such as
				// newsflow validate.
				var fes pipeline.FieldErrors
				if !errors.As(err, &fes) {
					t.Fatalf("New(%s) = %v (%T); want it to wrap pipeline.FieldErrors", tt.name, err, err)
				}
				var fields []string
				for _, fe := range fes {
					fields = append(fields, fe.Field)
				}
				if !slices.Equal(fields, tt.fails) {
					t.Errorf("New(%s): fields %v; want %v", tt.name, fields, tt.fails)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%s) = %v", tt.name, err)
			}
			if got := names(ss); !slices.Equal(got, tt.want) {
				t.Errorf("New(%s) = %v; want %v", tt.name, got, tt.want)
			}
		})
	}
}

// TestNewDeps checks that the stages use what Deps gives them: the dedup
// stages of two replicas built on one store see each other's articles, and
// the stages' metrics are registered where asked.
func TestNewDeps(t *testing.T) {
	store := dedup.NewMemStore(0)
	// dedupOn builds the stages of one replica and returns its dedup stage.
	dedupOn := func(reg prometheus.Registerer) pipeline.Stage {
		t.Helper()
		ss, err := stages.New(stages.DefaultConfig(), stages.Deps{DedupStore: store, Registerer: reg})
		if err != nil {
			t.Fatalf("New = %v", err)
		}
		s := ss[len(ss)-1]
		if s.Name() != "dedup" {
			t.Fatalf("New: last stage %s; want dedup", s.Name())
		}
		return s
	}
	// Each replica has a registry of its own, as it would in its own
	// process.
	reg := prometheus.NewRegistry()
	one, two := dedupOn(reg), dedupOn(prometheus.NewRegistry())

	const text = "The city council voted on Tuesday to close the old harbour bridge to heavy traffic."
	first, second := &pipeline.Doc{ID: "a", Text: text}, &pipeline.Doc{ID: "b", Text: text}
	if err := one.Process(t.Context(), first); err != nil {
		t.Fatal(err)
	}
	if err := two.Process(t.Context(), second); err != nil {
		t.Fatal(err)
	}
	if second.Dedup == nil || second.Dedup.Kind != event.DedupExact || second.Dedup.Of != "a" {
		t.Errorf("Process(b) on the second replica: Dedup = %+v; want an exact copy of a", second.Dedup)
	}

	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mf := range mfs {
		got = append(got, mf.GetName())
	}
	if !slices.Contains(got, "newsflow_dedup_store_available") {
		t.Errorf("metrics registered = %v; want newsflow_dedup_store_available among them", got)
	}
}
