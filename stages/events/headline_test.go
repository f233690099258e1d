package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract"
)

func TestHeadlineTrimsSection(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Putin meets Witkoff | World News", "Putin meets Witkoff"},
		{"  Putin meets Witkoff ", "  Putin meets Witkoff"}, // offsets stay the title's
		{" \t ", ""},
		{"Putin meets Witkoff", "Putin meets Witkoff"},
		{"", ""},
	} {
		if got := headline(tc.in); got != tc.want {
			t.Errorf("headline(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// headlined returns an article of title and text, through the extract
// stage, as the pipeline gives it to the events stage.
func headlined(t *testing.T, title, text string) *pipeline.Doc {
	t.Helper()
	x, err := extract.New(extract.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Doc{ID: "t", Title: title, Text: text, PublishedAt: pub, Language: event.Language{Code: "en"}}
	if err := x.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestProcessHeadline(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []string // summaries, the headline's marked "title: "
	}{
		{"title case", "Kenyan Police Arrest Protesters in Nairobi", "The crowd dispersed by noon.",
			[]string{"title: COERCE/arrest Police (KEN COP) → Protesters in Nairobi (KEN OPP) ~2025-04-12"}},
		{"sentence case", "Russian troops attack Kharkiv power plant", "Officials gave no details.",
			[]string{"title: ASSAULT troops (RUS MIL) → Kharkiv (UKR) ~2025-04-12"}},
		{"the text reports it too", "Kenyan Police Arrest Protesters", "Kenyan police arrested protesters in Nairobi on Friday.",
			[]string{"COERCE/arrest police (KEN COP) → protesters in Nairobi (KEN OPP) 2025-04-11"}},
		{"the text reports it with its recipient", "Russia launches 120 drones overnight", "Russia launched 120 drones at Ukraine overnight.",
			[]string{"ASSAULT/drone Russia (RUS) → Ukraine (UKR) ~2025-04-12"}},
		{"a section after a bar", "Kenyan Police Arrest Protesters | Africa", "The crowd dispersed by noon.",
			[]string{"title: COERCE/arrest Police (KEN COP) → Protesters (OPP) ~2025-04-12"}},
		{"spaces before the title", "  Kenyan Police Arrest Protesters", "The crowd dispersed by noon.",
			[]string{"title: COERCE/arrest Police (KEN COP) → Protesters (OPP) ~2025-04-12"}},
		{"no event", "Weather: Sunny Spells Ahead", "It rained all day.", nil},
		{"a past participle after a party is a passive", "Journalist detained in Iran", "Officials gave no details.",
			[]string{"title: COERCE/arrest → Journalist (MED) @ Iran ~2025-04-12"}},
		{"with its doer after by", "Students abducted by gunmen in Kaduna", "Officials gave no details.",
			[]string{"title: ASSAULT/abduct gunmen in Kaduna (NGA UAF) → Students (EDU) ~2025-04-12"}},
		{"aid is undergone", "Asylum seekers rescued in the Andaman Sea", "Officials gave no details.",
			[]string{"title: AID → Asylum seekers (REF) @ Andaman Sea ~2025-04-12"}},
		{"off a coast, as in one", "Three fishermen killed off Somali coast", "Officials gave no details.",
			[]string{"title: ASSAULT → fishermen (AGR) ~2025-04-12"}},
		{"a protest is made, not undergone", "Protesters marched in Nairobi", "Officials gave no details.",
			[]string{"title: PROTEST/demo Protesters (OPP) @ Nairobi ~2025-04-12"}},
		{"a headline on the text's first line", "", "Three soldiers killed in Gaza strike\n\nThe army gave no details.",
			[]string{"ASSAULT → soldiers (MIL) @ Gaza ~2025-04-12"}},
		{"the text's first sentence, long and cut, is no headline", "",
			"Panamanian soldiers fought for independence from Colombia in 1903, and a century later historians still disagree about the cause of the war and its many victims\n\nThe war was short.",
			[]string{"ASSAULT soldiers (PAN MIL) → Colombia (COL) 1903 [historical]", "ACCUSE/disapprove historians (EDU) → victims (CVL) 1903 [historical]"}},
	}
	s := newStage(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := headlined(t, tt.title, tt.text)
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				in, field := d.Text, ""
				if e.Evidence.Field == event.FieldTitle {
					in, field = d.Title, "title: "
				}
				// Every offset is into the field the event names.
				tr := e.Evidence.Trigger
				if in[tr.Start:tr.End] != tr.Text {
					t.Errorf("trigger %q at [%d, %d) of %q", tr.Text, tr.Start, tr.End, in)
				}
				for _, p := range slices.Concat(e.Actors, e.Recipients) {
					if in[p.Start:p.End] != p.Text {
						t.Errorf("party %q at [%d, %d) of %q", p.Text, p.Start, p.End, in)
					}
				}
				got = append(got, field+e.Summary())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Process(%q, %q) events =\n  %s\nwant\n  %s", tt.title, tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
