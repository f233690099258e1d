package officeholders_test

import (
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/internal/officeholders"
)

// TestActors checks that the supplement parses as the actor dictionaries
// do, and that a role holds on the days its dates say and no other.
func TestActors(t *testing.T) {
	d, err := actors.Parse(actors.File{Kind: actors.Actors, Name: "actors.txt", R: strings.NewReader(officeholders.Actors)})
	if err != nil {
		t.Fatalf("Parse(officeholders.Actors) = %v", err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		words []string
		on    string
		want  string
	}{
		{[]string{"TRUMP"}, "2018-06-01", "USAGOV"},
		{[]string{"TRUMP"}, "2022-06-01", "USAELI"},
		{[]string{"DONALD", "TRUMP"}, "2025-04-12", "USAGOV"},
		{[]string{"ZELENSKIY"}, "2019-05-20", "UKRGOV"}, // the first day is included
		{[]string{"ZELENSKIY"}, "2019-05-19", "UKRELI"},
		{[]string{"RISHI", "SUNAK"}, "2024-07-05", "GBRGOV"}, // and the last
		{[]string{"RISHI", "SUNAK"}, "2024-07-06", "GBRELI"},
		{[]string{"MARK", "RUTTE"}, "2025-01-01", "IGOWSTNAT"},
	}
	for _, tt := range tests {
		n, code, ok := d.Actor(tt.words, 0, day(tt.on))
		if !ok || n != len(tt.words) || code != tt.want {
			t.Errorf("Actor(%v, %s) = %d, %q, %v; want %d, %q", tt.words, tt.on, n, code, ok, len(tt.words), tt.want)
		}
	}
}
