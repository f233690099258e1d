package events

import (
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

// TestKeyStable pins the keys of a few events: a key groups the same event
// across articles and across releases, so its hash must not change.
func TestKeyStable(t *testing.T) {
	putin := event.Party{Entity: "e1", Name: "Vladimir Putin", Code: "RUS", Sector: "GOV"}
	witkoff := event.Party{Entity: "e2", Name: "Steve Witkoff", Code: "USA", Sector: "GOV"}
	police := event.Party{Code: "", Sector: "COP"}
	for _, tc := range []struct {
		name string
		e    event.Coding
		want string
	}{
		{"dyad", event.Coding{Type: "CONSULT", Actors: []event.Party{witkoff}, Recipients: []event.Party{putin}, Date: "2025-04-11"}, "4e23a8a10e6c4a48"},
		{"actors in any order", event.Coding{Type: "CONSULT", Actors: []event.Party{putin, witkoff}, Date: "2025-04-11"}, "10671196103f3b36"},
		{"other order", event.Coding{Type: "CONSULT", Actors: []event.Party{witkoff, putin}, Date: "2025-04-11"}, "10671196103f3b36"},
		{"agent by its codes", event.Coding{Type: "COERCE", Actors: []event.Party{police}, Recipients: []event.Party{putin, witkoff, police, putin, witkoff}, Date: "2025"}, "f5363e32a3f85b22"},
		{"no parties", event.Coding{Type: "PROTEST"}, "c1bb8b957244e749"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := key(&tc.e); got != tc.want {
				t.Errorf("key(%+v) = %s; want %s", tc.e, got, tc.want)
			}
		})
	}
}
