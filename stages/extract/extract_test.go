package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

var pub = time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)

func TestStageContract(t *testing.T) {
	pipelinetest.TestStage(t, newStage(t), func() []*pipeline.Doc {
		return []*pipeline.Doc{
			{ID: "a", Text: "Kremlin spokesman Dmitry Peskov said on Friday: “Talks will go on.”", PublishedAt: pub, Language: event.Language{Code: "en"}},
			{ID: "b", Text: "Der Minister sagte am Freitag, dass die Gespräche weitergehen.", PublishedAt: pub, Language: event.Language{Code: "de"}},
			{ID: "c", Text: "", PublishedAt: pub},
		}
	})
}

func TestProcess(t *testing.T) {
	text := "White House Press Secretary Karoline Leavitt spoke on Friday. “We are hopeful,” she said.\n\n" +
		"Kremlin spokesman Dmitry Peskov said the talks “went well.” The Kremlin said: “Nothing is agreed.”"
	d := &pipeline.Doc{Text: text, PublishedAt: pub, Language: event.Language{Code: "en"}}
	if err := newStage(t).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	speakers := map[string]string{}
	for _, q := range d.Quotes {
		speakers[q.Text] = q.SpeakerName
		if q.Speaker == "" {
			t.Errorf("quote %q: no speaker entity", q.Text)
		}
	}
	want := map[string]string{
		"We are hopeful,":    "Karoline Leavitt", // a pronoun, resolved to the last fitting person
		"went well.":         "Dmitry Peskov",    // the person, not the organisation before the role
		"Nothing is agreed.": "Kremlin",          // organisations speak too
	}
	for q, who := range want {
		if speakers[q] != who {
			t.Errorf("speaker of %q = %q; want %q (quotes: %+v)", q, speakers[q], who, d.Quotes)
		}
	}
	if len(d.Dates) != 1 || d.Dates[0].Value != "2025-04-11" {
		t.Errorf("dates = %+v; want Friday = 2025-04-11", d.Dates)
	}
}

func TestProcessSkipsOtherLanguages(t *testing.T) {
	d := &pipeline.Doc{Text: "Le président Emmanuel Macron a parlé vendredi.", PublishedAt: pub, Language: event.Language{Code: "fr"}}
	if err := newStage(t).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities)+len(d.Dates)+len(d.Quotes) != 0 || len(d.Warnings) != 1 {
		t.Errorf("Process(French) = %d entities, %d dates, %d quotes, warnings %v; want none and one warning",
			len(d.Entities), len(d.Dates), len(d.Quotes), d.Warnings)
	}
}

// FuzzExtract checks what every part promises on any text: no panic (a
// panic would only be a warning, so warnings are checked too), offsets
// within the text and equal to the texts given, ids that quotes refer to.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "U.S. President Donald Trump met Putin in St. Petersburg on Friday.",
		"“Unclosed quote\n\nNext paragraph", "She said: “x” – Y", "A-B-C D.E.F. G's H’s “‘x’”",
		strings.Repeat("Mr. ", 50), "Wu Chi-wai of the Democratic Party and Poland", "\u201c\u201d\u2018\u2019",
	} {
		f.Add(s)
	}
	s := newStage(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the clean stage hands on valid UTF-8 only
		}
		d := &pipeline.Doc{Text: text, PublishedAt: pub, Language: event.Language{Code: "en"}}
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatalf("Process(%q) = %v", text, err)
		}
		for _, w := range d.Warnings {
			t.Fatalf("Process(%q) warned: %s", text, w.Message)
		}
		ids := map[string]bool{}
		for _, e := range d.Entities {
			ids[e.ID] = true
			if len(e.Mentions) == 0 {
				t.Fatalf("Process(%q): entity %s without mentions", text, e.Name)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("Process(%q): mention %+v is not text[%d:%d]", text, m, m.Start, m.End)
				}
			}
		}
		for _, x := range d.Dates {
			if x.Start < 0 || x.End > len(text) || text[x.Start:x.End] != x.Text {
				t.Fatalf("Process(%q): date %+v is not its text", text, x)
			}
		}
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(text) || text[q.Start:q.End] != q.Text {
				t.Fatalf("Process(%q): quote %+v is not its text", text, q)
			}
			if q.Speaker != "" && !ids[q.Speaker] {
				t.Fatalf("Process(%q): quote speaker %s is no entity", text, q.Speaker)
			}
		}
	})
}
