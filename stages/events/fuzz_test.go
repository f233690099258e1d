package events

import (
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

// FuzzProcess checks that any text, with the entities and dates extract
// finds in it, codes without a crash into events whose every span lies in
// the text and says what it quotes.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"",
		"Russian President Vladimir Putin met US special envoy Steve Witkoff in Saint Petersburg on Friday.",
		"Israeli troops were attacked by protesters, police said; they did not arrest anyone.",
		"Moscow and Kiev urged Washington to reach a ceasefire, which Trump will not accept.",
		"said said met met by by and and , , ; ;",
		"\xff\xfe attacked \u00a0 Ünder Paris, Texas",
	} {
		f.Add("", s)
		f.Add(s, "")
	}
	f.Add("Kenyan Police Arrest Protesters | World", "Kenyan police arrested protesters.")
	s := newStage(f)
	f.Fuzz(func(t *testing.T, title, body string) {
		d := headlined(t, title, body)
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatalf("Process(%q, %q) = %v", title, body, err)
		}
		for _, e := range d.Events {
			// Offsets are into the text, or the title for the headline's.
			text := d.Text
			if e.Evidence.Field == event.FieldTitle {
				text = d.Title
			}
			checkSpan(t, text, "evidence", e.Evidence.Start, e.Evidence.End)
			tr := e.Evidence.Trigger
			checkSpan(t, text, "trigger", tr.Start, tr.End)
			if tr.Start < e.Evidence.Start || tr.End > e.Evidence.End || text[tr.Start:tr.End] != tr.Text {
				t.Errorf("Process(%q): trigger %q at [%d,%d) outside its sentence [%d,%d) or misquoted",
					text, tr.Text, tr.Start, tr.End, e.Evidence.Start, e.Evidence.End)
			}
			for _, p := range append(append([]event.Party(nil), e.Actors...), e.Recipients...) {
				checkSpan(t, text, "party", p.Start, p.End)
				if text[p.Start:p.End] != p.Text {
					t.Errorf("Process(%q): party text %q; want %q", text, p.Text, text[p.Start:p.End])
				}
			}
			if e.Type == "" || (len(e.CAMEO.Code) != 3 && len(e.CAMEO.Code) != 4) || e.CAMEO.Root != e.CAMEO.Code[:2] {
				t.Errorf("Process(%q): event %q with CAMEO %+v", text, e.Type, e.CAMEO)
			}
			if e.Confidence < s.cfg.MinConfidence || e.Confidence > 1 || e.Date == "" || e.Key == "" {
				t.Errorf("Process(%q): confidence %v, date %q, key %q", text, e.Confidence, e.Date, e.Key)
			}
		}
	})
}

func checkSpan(t *testing.T, text, what string, start, end int) {
	t.Helper()
	if start < 0 || start > end || end > len(text) {
		t.Fatalf("Process(%q): %s span [%d,%d) outside the text of %d bytes", text, what, start, end, len(text))
	}
}
