package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// TestLoad checks a few Phoenix entries in the embedded dictionary
// against Phoenix.Countries.actors.txt and Phoenix.agents.txt.
func TestLoad(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	checkActors(t, d, []actorCase{
		// VLADIMIR_PUTIN_: [RUSELI 700101-990809] [RUSGOV 991231-080507]
		// [RUSGOV 990809-000507] [RUSGOV >080508] [RUSELI].
		{"VLADIMIR PUTIN", day(2005, 1, 1), 2, "RUSGOV"},
		{"VLADIMIR PUTIN", day(1985, 1, 1), 2, "RUSELI"},
		{"PUTIN", day(2012, 6, 1), 1, "RUSGOV"},
		{"PUTIN", day(1960, 1, 1), 1, "RUSELI"}, // before every role: the default
		{"RUSSIAN PRESIDENT VLADIMIR V. PUTIN", day(2001, 1, 1), 5, "RUSGOV"},
		{"AFGHANISTAN", day(2010, 1, 1), 1, "AFG"},
		{"BORIS YELTSIN", day(1995, 1, 1), 2, "RUSGOV"}, // a synonym line corrected
		{"THE UNITED NATIONS", day(2010, 1, 1), 3, "IGOUNO"},
		{"U.N.", day(2010, 1, 1), 1, "IGOUNO"}, // corrected: no code as published
	})
	_, putin, _ := d.ActorEntry([]string{"VLADIMIR", "PUTIN"}, 0)
	_, synonym, _ := d.ActorEntry([]string{"PUTIN"}, 0)
	if putin == nil || putin != synonym || putin.Default != "RUSELI" || len(putin.Roles) != 4 {
		t.Errorf("ActorEntry(PUTIN) = %+v; want the entry of VLADIMIR_PUTIN_ with 4 roles, default RUSELI", synonym)
	}
	agents := []struct {
		words string
		n     int
		code  string
	}{
		{"PRESIDENT", 1, "~GOVPRS"}, {"CONGRESSMEN", 1, "~LEG"}, {"FOREIGN MINISTRY", 2, "~GOV"}, {"POLICEMEN", 1, "~COP"},
	}
	for _, tt := range agents {
		n, code, ok := d.Agent(strings.Fields(tt.words), 0)
		if !ok || n != tt.n || !strings.HasPrefix(code, tt.code[:4]) {
			t.Errorf("Agent(%q, 0) = %d, %q, %v; want %d, %s…", tt.words, n, code, ok, tt.n, tt.code[:4])
		}
	}
	if _, story, ok := d.Discard([]string{"BASEBALL"}, 0); !ok || story {
		t.Errorf("Discard(BASEBALL) = %v, %v; want a sentence discard", story, ok)
	}
}

// TestValidation reads the validation dictionaries of PETRARCH's unit
// tests, as the evaluation does, and checks codes the unit-test records
// expect.
func TestValidation(t *testing.T) {
	dir := corporaDir(t)
	v := filepath.Join(dir, "petrarch2-validation")
	d, err := ParseFiles(filepath.Join(v, "PETR.Validate.actors.txt"), filepath.Join(v, "PETR.Validate.agents.txt"),
		filepath.Join(v, "PETR.Validate.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkActors(t, d, []actorCase{
		// The DATE records of PETR.UnitTest.records.xml.
		{"SAM GAMGEE", day(2008, 1, 19), 2, "HOBCIV"},
		{"SAM GAMGEE", day(2010, 1, 12), 2, "ORCHOB"},
		{"SAM GAMGEE", day(2010, 1, 13), 2, "HOBMIL"},
		{"HAMFAST GAMGEE", day(2014, 1, 4), 2, "HOB"},
		{"SMEAGOL", day(1995, 11, 1), 1, "HOBGOV"},
		{"SLINKER", day(2001, 1, 1), 1, "HOBREB"},
		{"ZIMBABWE", day(1978, 12, 23), 1, "RHO"},
		{"PRINCE OF DOL AMROTH", day(1995, 1, 1), 4, "---"},
		{"PRINCE OF DOL AMROTH", day(1996, 1, 1), 4, "DOL"},
		{"ARNOR", day(1996, 1, 1), 1, "ARN"},
		{"LORIEN", day(1996, 1, 1), 1, "ELR/GAL"},
		{"MORDOR", day(1996, 1, 1), 1, "MOR"},
		{"BARAD - DUR", day(1996, 1, 1), 3, "MOR"},
	})
	for _, w := range []string{"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON", "CONGRESSES"} {
		if n, code, ok := d.Agent([]string{w}, 0); !ok || n != 1 || code != "~LEG" {
			t.Errorf("Agent(%q, 0) = %d, %q, %v; want 1, ~LEG", w, n, code, ok)
		}
	}
	if n, code, ok := d.Agent(strings.Fields("MINISTRIES OF SILLY WALKS"), 0); !ok || n != 4 || code != "~GOV" {
		t.Errorf("Agent(MINISTRIES OF SILLY WALKS, 0) = %d, %q, %v; want 4, ~GOV", n, code, ok)
	}
	if n, code, ok := d.Agent([]string{"GOLDEN", "GEESE"}, 0); !ok || n != 2 || code != "~GGS" {
		t.Errorf("Agent(GOLDEN GEESE, 0) = %d, %q, %v; want 2, ~GGS", n, code, ok)
	}
	if n, story, ok := d.Discard(strings.Fields("MANCHESTER UNITED"), 0); !ok || n != 2 || !story {
		t.Errorf("Discard(MANCHESTER UNITED, 0) = %d, %v, %v; want 2, story", n, story, ok)
	}
	if n, story, ok := d.Discard(strings.Fields("YEARS LATER"), 0); !ok || n != 2 || story {
		t.Errorf("Discard(YEARS LATER, 0) = %d, %v, %v; want 2, sentence", n, story, ok)
	}
}

// actorCase is an actor phrase that must be found, whole, with a code on
// a date.
type actorCase struct {
	words string
	on    time.Time
	n     int
	code  string
}

func checkActors(t *testing.T, d *Dictionary, cases []actorCase) {
	t.Helper()
	for _, tt := range cases {
		n, code, ok := d.Actor(strings.Fields(tt.words), 0, tt.on)
		if !ok || n != tt.n || code != tt.code {
			t.Errorf("Actor(%q, 0, %s) = %d, %q, %v; want %d, %q", tt.words, tt.on.Format(time.DateOnly), n, code, ok, tt.n, tt.code)
		}
	}
}

// corporaDir returns ../shared/corpora, or fails: the tests that read
// the published dictionaries need them.
func corporaDir(t *testing.T) string {
	t.Helper()
	dir, err := corpora.Dir()
	if err == nil {
		_, err = os.Stat(dir)
	}
	if err != nil {
		t.Fatalf("the corpora kept beside the repository (../shared/corpora) are needed: %v", err)
	}
	return dir
}
