package extract

import (
	"testing"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// titleMentions returns, for each entity with a mention in the title, its
// name and the texts of those mentions.
func titleMentions(t *testing.T, d *pipeline.Doc) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Field != event.FieldTitle {
				continue
			}
			if d.Title[m.Start:m.End] != m.Text {
				t.Errorf("%s: title mention %+v: title[%d:%d] = %q", e.Name, m, m.Start, m.End, d.Title[m.Start:m.End])
			}
			out[e.Name] = append(out[e.Name], m.Text)
		}
	}
	return out
}

func TestTitleMentions(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              map[string][]string // entity name → its title mentions
		entities          int                 // entities in all
	}{
		{"joins the text's entities", "US envoy meets Putin in Moscow",
			"Special envoy Steve Witkoff met President Vladimir Putin in Moscow on Friday.",
			map[string][]string{"Vladimir Putin": {"Putin"}, "Moscow": {"Moscow"}, "United States": {"US"}}, 4},
		{"a known place of the title alone", "Talks in Geneva",
			"The two delegations met for four hours.",
			map[string][]string{"Geneva": {"Geneva"}}, 1},
		{"an unknown name of the title alone is dropped", "World News: Grand Plans Unveiled",
			"The council approved the budget on Tuesday.",
			map[string][]string{}, 0},
		{"an unknown name of a title in sentence case is kept", "Kovalchuk to meet Xi in Beijing next week",
			"The two delegations met for four hours.",
			map[string][]string{"Kovalchuk": {"Kovalchuk"}, "Xi Jinping": {"Xi"}, "Beijing": {"Beijing"}}, 3},
		{"an unknown name of a title in capitals is dropped", "ZENTRIX WIDGETS POSTS RECORD PROFIT",
			"The company's sales rose.",
			map[string][]string{}, 0},
		{"no title", "", "Vladimir Putin spoke.", map[string][]string{}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &pipeline.Doc{Title: tt.title, Text: tt.text, PublishedAt: pub, Language: event.Language{Code: "en"}}
			if err := newStage(t).Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			got := titleMentions(t, d)
			if len(got) != len(tt.want) {
				t.Errorf("title mentions = %v; want %v", got, tt.want)
			}
			for name, texts := range tt.want {
				if len(got[name]) != len(texts) || got[name][0] != texts[0] {
					t.Errorf("title mentions of %s = %v; want %v (all: %v)", name, got[name], texts, got)
				}
			}
			if len(d.Entities) != tt.entities {
				t.Errorf("%d entities (%s); want %d", len(d.Entities), names(d.Entities), tt.entities)
			}
			for i, e := range d.Entities {
				if want := "e" + string(rune('1'+i)); e.ID != want || e.Salience <= 0 {
					t.Errorf("entity %d = id %s, salience %v; want %s, positive", i, e.ID, e.Salience, want)
				}
			}
		})
	}
}

func names(ents []event.Entity) string {
	var s string
	for _, e := range ents {
		s += e.Name + "; "
	}
	return s
}
