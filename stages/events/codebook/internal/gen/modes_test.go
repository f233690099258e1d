package main

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/events/codebook/internal/verbdict"
)

func TestReadModes(t *testing.T) {
	d := &verbdict.Dict{Blocks: []verbdict.Block{{Verbs: []verbdict.Verb{{Forms: []string{"RESIGN", "RESIGNED"}}, {Forms: []string{"HACK"}}}}}}
	types := &ploverTypes{Events: []ploverType{{Event: "RETREAT", Modes: []string{"resign"}}, {Event: "COERCE", Modes: []string{"cyber"}}}}
	known := func(code string) bool { return code == "176" }
	tests := []struct {
		text, wantErr string
		want          int
	}{
		{"RESIGN - RETREAT/resign\nHACK 176 COERCE/cyber # a comment\n", "", 2},
		{"QUIT - RETREAT/resign", "modes.txt:1: QUIT is no verb", 0},
		{"HACK 999 COERCE/cyber", "code 999 is not in the PLOVER table", 0},
		{"HACK - ASSAULT/cyber", "ASSAULT is no PLOVER type", 0},
		{"\nRESIGN - RETREAT/quit", "modes.txt:2: quit is no mode of RETREAT", 0},
		{"RESIGN RETREAT/resign", "want LEMMA CAMEO EVENT/mode", 0},
	}
	for _, tt := range tests {
		rules, err := readModes(tt.text, d, known, types)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("readModes(%q) = %v; want no error", tt.text, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("readModes(%q) = %v; want an error with %q", tt.text, err, tt.wantErr)
		case len(rules) != tt.want:
			t.Errorf("readModes(%q) = %d rules; want %d", tt.text, len(rules), tt.want)
		}
	}
}
