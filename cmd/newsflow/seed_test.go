package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
	"github.com/newsflow/newsflow/pipeline/event"
)

// seedExpected is ../shared/examples/seed-expected.json: what a correct
// run of the whole pipeline must find in the worked example.
type seedExpected struct {
	Entities []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Country string   `json:"country"`
		Role    string   `json:"role"`
		Merge   []string `json:"merge"`
	} `json:"entities"`
	NotEntities []string `json:"not_entities"`
	Countries   []string `json:"countries"`
	Dates       []struct {
		Text        string `json:"text"`
		Value       string `json:"value"`
		Granularity string `json:"granularity"`
	} `json:"dates"`
	Quotes []struct {
		Speaker  string `json:"speaker"`
		Contains string `json:"contains"`
	} `json:"quotes"`
	// Events are checked as events_about says: event lists the types
	// accepted; parties must all be among the event's actors and
	// recipients (names or codes); actor among its actors; mode and
	// location when given.
	Events []eval.SeedEvent `json:"events"`
}

// TestSeedExpected runs "newsflow process" on the worked example and
// checks every assertion of seed-expected.json.
func TestSeedExpected(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/examples/seed-expected.json")
	if err != nil {
		t.Skipf("worked example not available: %v", err)
	}
	var want seedExpected
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	if code := runMain(t.Context(), e, []string{"process", "../../../shared/examples/seed-article.json"}); code != 0 {
		t.Fatalf("process exit %d: %s", code, stderr.String())
	}
	var ev event.ArticleEvent
	if err := json.Unmarshal(stdout.Bytes(), &ev); err != nil {
		t.Fatal(err)
	}

	// Offsets are exact everywhere.
	for _, ent := range ev.Entities {
		for _, m := range ent.Mentions {
			field := ev.Text
			if m.Field == event.FieldTitle {
				field = ev.Title
			}
			if m.Start < 0 || m.End > len(field) || field[m.Start:m.End] != m.Text {
				t.Errorf("entity %s mention %+v: %q[%d:%d] is not its text", ent.Name, m, m.Field, m.Start, m.End)
			}
		}
	}
	for _, d := range ev.Dates {
		if ev.Text[d.Start:d.End] != d.Text {
			t.Errorf("date %+v: text[%d:%d] is not its text", d, d.Start, d.End)
		}
	}
	for _, q := range ev.Quotes {
		if ev.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote %+v: text[%d:%d] is not its text", q, q.Start, q.End)
		}
	}

	for _, w := range want.Entities {
		t.Run("entity "+w.Name, func(t *testing.T) {
			var got *event.Entity
			for k := range ev.Entities {
				if ev.Entities[k].Name == w.Name {
					got = &ev.Entities[k]
				}
			}
			if got == nil {
				t.Fatalf("no entity named %q; entities: %s", w.Name, entityList(ev.Entities))
			}
			if got.Type != w.Type {
				t.Errorf("%s: type %s; want %s", w.Name, got.Type, w.Type)
			}
			if w.Country != "" && got.Country != w.Country {
				t.Errorf("%s: country %q; want %q", w.Name, got.Country, w.Country)
			}
			if w.Role != "" && !strings.EqualFold(got.Role, w.Role) {
				t.Errorf("%s: role %q; want %q", w.Name, got.Role, w.Role)
			}
			for _, form := range w.Merge {
				inText, inTitle := containsWord(ev.Text, form), containsWord(ev.Title, form)
				var text, title bool
				for _, m := range got.Mentions {
					text = text || m.Text == form && m.Field == ""
					title = title || m.Text == form && m.Field == event.FieldTitle
				}
				if inText && !text || !inText && inTitle && !title {
					t.Errorf("%s: no mention %q merged in (in the text %v, the title %v); mentions: %v", w.Name, form, inText, inTitle, mentionTexts(got))
				}
			}
		})
	}
	for _, not := range want.NotEntities {
		for _, ent := range ev.Entities {
			for _, m := range ent.Mentions {
				if m.Text == not || strings.Contains(m.Text, not) {
					t.Errorf("%q is an entity mention (%s %s); it must not be", not, ent.Type, ent.Name)
				}
			}
		}
	}
	countries := map[string]bool{}
	for _, ent := range ev.Entities {
		countries[ent.Country] = true
	}
	for _, c := range want.Countries {
		if !countries[c] {
			t.Errorf("no entity of country %s", c)
		}
	}
	for _, w := range want.Dates {
		found := false
		for _, d := range ev.Dates {
			found = found || d.Text == w.Text && d.Value == w.Value && d.Granularity == w.Granularity
		}
		if !found {
			t.Errorf("no date %q = %s (%s); dates: %+v", w.Text, w.Value, w.Granularity, ev.Dates)
		}
	}
	for _, q := range ev.Events {
		for _, p := range append(slices.Clone(q.Actors), q.Recipients...) {
			if ev.Text[p.Start:p.End] != p.Text {
				t.Errorf("event %s party %+v: text[%d:%d] is not its text", q.Type, p, p.Start, p.End)
			}
		}
		if tr := q.Evidence.Trigger; ev.Text[tr.Start:tr.End] != tr.Text {
			t.Errorf("event %s trigger %+v: not its text", q.Type, tr)
		}
	}
	for _, w := range want.Events {
		found := false
		for _, q := range ev.Events {
			found = found || w.Matches(q)
		}
		if !found {
			t.Errorf("no event %v of %q (actor %q, parties %v, location %q, mode %q); events: %s",
				w.Event, w.Text, w.Actor, w.Parties, w.Location, w.Mode, eventList(ev.Events))
		}
	}
	for _, w := range want.Quotes {
		found := false
		for _, q := range ev.Quotes {
			found = found || strings.Contains(q.Text, w.Contains) && q.SpeakerName == w.Speaker
		}
		if !found {
			t.Errorf("no quote containing %q by %s; quotes: %+v", w.Contains, w.Speaker, ev.Quotes)
		}
	}
}

// containsWord reports whether form stands in text as a word of its own.
func containsWord(text, form string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], form)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(form)
		before := start == 0 || !isWordByte(text[start-1])
		after := end == len(text) || !isWordByte(text[end])
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func entityList(ents []event.Entity) string {
	var b strings.Builder
	for _, e := range ents {
		b.WriteString(e.Type + " " + e.Name + "; ")
	}
	return b.String()
}

func mentionTexts(e *event.Entity) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, m.Text)
	}
	return out
}

func eventList(evs []event.Coding) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%s %s:", e.Type, e.Mode)
		for _, p := range e.Actors {
			b.WriteString(" " + p.Name)
		}
		b.WriteString(" ->")
		for _, p := range e.Recipients {
			b.WriteString(" " + p.Name)
		}
		b.WriteString("; ")
	}
	return b.String()
}
