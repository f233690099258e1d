package pipeline_test

import (
	"context"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// coding is a stage that codes fixed events, and marks the article a
// duplicate when its body says so.
type coding struct{ events []event.Coding }

func (coding) Name() string { return "coding" }

func (c coding) Process(_ context.Context, d *pipeline.Doc) error {
	d.Events = append(d.Events[:0], c.events...)
	if d.Body == "copy" {
		d.Dedup = &event.Dedup{Kind: event.DedupExact, ClusterID: "a0", ClusterSize: 2}
	}
	return nil
}

func TestHandleCodedEvents(t *testing.T) {
	events := []event.Coding{
		{Type: "CONSULT", Actors: []event.Party{{Name: "Steve Witkoff", Code: "USA"}}, Recipients: []event.Party{{Name: "Vladimir Putin", Code: "RUS"}}},
		{Type: "ASSAULT", Actors: []event.Party{{Name: "gunmen"}, {Name: "Hamas", Code: "PSE"}}},
		{Type: "APPEAL"},
	}
	h := articleHandler(t, coding{events})
	tests := []struct {
		body string
		want []string // subject and id of each output
	}{
		{"original", []string{
			"events.article.und a1:article",
			"events.coded.consult.usa a1:event:1",
			"events.coded.assault.pse a1:event:2", // the first actor with a code
			"events.coded.appeal.xxx a1:event:3",
		}},
		{"copy", []string{"events.duplicate.und a1:duplicate"}}, // a copy's events are its story's
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			src := pipelinetest.NewSource("ARTICLES")
			src.Add("articles.test", []byte(`{"id":"a1","body":"`+tt.body+`"}`))
			m, err := src.Next(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			outs, err := h.Handle(t.Context(), m)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range outs {
				got = append(got, o.Subject+" "+o.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Handle(%s) outputs = %q; want %q", tt.body, got, tt.want)
			}
			for k := range got {
				if got[k] != tt.want[k] {
					t.Errorf("Handle(%s) output %d = %q; want %q", tt.body, k, got[k], tt.want[k])
				}
			}
			for _, o := range outs[1:] {
				var e event.CodedEvent
				if err := json.Unmarshal(o.Data, &e); err != nil {
					t.Fatal(err)
				}
				if e.Schema != event.CodedSchema || e.ID != o.ID || e.ArticleID != "a1" || o.Kind != pipeline.KindCoded {
					t.Errorf("coded event %s = schema %s, id %s, article %s, kind %s", o.ID, e.Schema, e.ID, e.ArticleID, o.Kind)
				}
			}
		})
	}
}
