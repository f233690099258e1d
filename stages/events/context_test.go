package events

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

// TestContextCountry gives the parties that name no country of their own
// the country the article is about, and only when one stands out over
// more than one sentence.
func TestContextCountry(t *testing.T) {
	tests := []eventsTest{
		{"the story's country", "Kenya's parliament passed the budget on Monday. Police arrested 40 protesters on Tuesday. The protests spread to Mombasa.",
			[]string{"COERCE Police (KEN context COP) → protesters (KEN context OPP)"}},
		{"a one-sentence item has no context", "Police arrested 40 protesters on Tuesday after Kenya's parliament passed the budget in Nairobi.",
			[]string{"COERCE Police (COP) → protesters (OPP)"}},
		{"two countries alike: none stands out", "Kenya's parliament passed the budget on Monday, as did Uganda's. Kenya and Uganda share a border. Police arrested 40 protesters on Wednesday.",
			[]string{"COERCE Police (COP) → protesters (OPP)"}},
		{"a party's own country stays", "Kenya's parliament passed the budget on Monday. Ugandan police arrested 40 protesters on Tuesday. The protests spread to Mombasa.",
			[]string{"COERCE police (UGA COP) → protesters (KEN context OPP)"}},
		{"refugees are from elsewhere", "Kenya's parliament passed the budget on Monday. Police arrested 40 refugees on Tuesday. The arrests were made in Mombasa.",
			[]string{"COERCE Police (KEN context COP) → refugees (REF)"}},
	}
	testEvents(t, newStage(t), tests, partyCodes)
}

// partyCodes writes an event's type and its parties' codes, with where
// each code came from.
func partyCodes(e *event.Coding) string {
	var b strings.Builder
	b.WriteString(string(e.Type))
	for k, ps := range [2][]event.Party{e.Actors, e.Recipients} {
		if k == 1 {
			b.WriteString(" →")
		}
		for _, p := range ps {
			codes := strings.TrimSpace(strings.Join([]string{p.Code, p.CodeFrom, p.Sector}, " "))
			b.WriteString(" " + p.Name + " (" + strings.Join(strings.Fields(codes), " ") + ")")
		}
	}
	return b.String()
}
