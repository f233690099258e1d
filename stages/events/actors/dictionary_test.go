package actors

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

const testActors = `
ARNOR_ [ARN]
+ARNORIAN
ARNOR_GOVERNMENT [ARNGOV]
KING_OF_ARNOR [ARNELI]
GOLLUM  # dated roles only
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
SAM_GAMGEE [HOB]
	[ORCHOB 20100109-20100112]
	[HOBMIL 20080120-20121109]
U.S.S.R
	[USR <911226]
U.S.S.R_ARMY [USRMIL]
AL-QAEDA [IMGMOSALQ]
`

func testDict(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Parse(
		File{Kind: Actors, Name: "a.actors.txt", R: strings.NewReader(testActors)},
		File{Kind: Agents, Name: "a.agents.txt", R: strings.NewReader("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\n" +
			"PRESIDENT [~GOV]\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\nHUMAN_RIGHTS_BODY [NGO~]\n")},
		File{Kind: Discards, Name: "a.discards.txt", R: strings.NewReader("BASEBALL\n+WORLD_CUP_\nWORLD_CUP_FINAL\n")},
	)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestActor(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		words string
		i     int
		on    time.Time
		n     int
		code  string
	}{
		{"THE KING OF ARNOR SAID", 1, day(2000, 1, 1), 3, "ARNELI"},
		{"THE ARNOR GOVERNMENT SAID", 1, day(2000, 1, 1), 2, "ARNGOV"}, // longest
		{"ARNOR SAID", 0, day(2000, 1, 1), 1, "ARN"},
		{"ARNORIAN TROOPS", 0, day(2000, 1, 1), 1, "ARN"}, // synonym
		{"GOLLUM", 0, day(1995, 5, 31), 1, "HOB"},
		{"GOLLUM", 0, day(1995, 6, 1), 1, "HOB"}, // "<" and "-" both hold: the first wins
		{"GOLLUM", 0, day(1995, 6, 2), 1, "HOBGOV"},
		{"SMEAGOL", 0, day(1999, 8, 15), 1, "HOBGOV"},
		{"SMEAGOL", 0, day(1999, 8, 16), 1, "HOBREB"},
		{"SAM GAMGEE", 0, day(2010, 1, 12), 2, "ORCHOB"}, // end date included
		{"SAM GAMGEE", 0, day(2010, 1, 13), 2, "HOBMIL"},
		{"SAM GAMGEE", 0, day(2013, 1, 1), 2, "HOB"}, // default
		{"U.S.S. R", 0, day(1990, 1, 1), 2, "USR"},   // "U.S.S.R" is split as the tokenizer splits it
		{"U.S.S. R ARMY", 0, day(1999, 1, 1), 3, "USRMIL"},
		{"AL - QAEDA", 0, day(2010, 1, 1), 3, "IMGMOSALQ"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		n, code, ok := d.Actor(words, tt.i, tt.on)
		if !ok || n != tt.n || code != tt.code {
			t.Errorf("Actor(%q, %d, %s) = %d, %q, %v; want %d, %q", tt.words, tt.i, tt.on.Format(time.DateOnly), n, code, ok, tt.n, tt.code)
		}
	}
	misses := []struct {
		words string
		i     int
	}{{"U.S.S. R", 0}, {"KING OF", 0}, {"ARNOR", 1}, {"ARNOR", -1}, {"AL QAEDA", 0}, {"", 0}}
	for _, tt := range misses {
		if n, code, ok := d.Actor(strings.Fields(tt.words), tt.i, day(2000, 1, 1)); ok {
			t.Errorf("Actor(%q, %d, 2000-01-01) = %d, %q, true; want none", tt.words, tt.i, n, code)
		}
	}
	_, e1, _ := d.ActorEntry([]string{"GOLLUM"}, 0)
	_, e2, _ := d.ActorEntry([]string{"SMEAGOL"}, 0)
	if e1 == nil || e1 != e2 || e1.Phrases[0] != "GOLLUM" {
		t.Errorf("ActorEntry(GOLLUM) = %v, ActorEntry(SMEAGOL) = %v; want one entry", e1, e2)
	}
}

func TestAgent(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		words string
		n     int
		code  string
	}{
		{"CONGRESSMAN", 1, "~LEG"}, {"CONGRESSMEN", 1, "~LEG"}, {"PRESIDENTS", 1, "~GOV"},
		{"ATTORNEY GENERAL", 2, "~JUD"}, {"ATTORNEYS GENERAL", 2, "~JUD"}, {"HUMAN RIGHTS BODIES", 3, "NGO~"},
		{"POLICE", 1, "~COP"},
	}
	for _, tt := range tests {
		n, code, ok := d.Agent(strings.Fields(tt.words), 0)
		if !ok || n != tt.n || code != tt.code {
			t.Errorf("Agent(%q, 0) = %d, %q, %v; want %d, %q", tt.words, n, code, ok, tt.n, tt.code)
		}
	}
	for _, w := range []string{"CONGRESSMANS", "POLICES", "ATTORNEY GENERALS", "CONGRESS"} {
		if n, code, ok := d.Agent(strings.Fields(w), 0); ok {
			t.Errorf("Agent(%q, 0) = %d, %q, true; want none", w, n, code)
		}
	}
}

func TestDiscard(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		words     string
		n         int
		story, ok bool
	}{
		{"BASEBALL", 1, false, true}, {"WORLD CUP", 2, true, true}, {"WORLD CUP FINAL", 3, false, true},
		{"BASEBALLS", 0, false, false}, {"WORLD", 0, false, false},
	}
	for _, tt := range tests {
		n, story, ok := d.Discard(strings.Fields(tt.words), 0)
		if n != tt.n || story != tt.story || ok != tt.ok {
			t.Errorf("Discard(%q, 0) = %d, %v, %v; want %d, %v, %v", tt.words, n, story, ok, tt.n, tt.story, tt.ok)
		}
	}
}

func TestWithAgent(t *testing.T) {
	tests := []struct{ actor, agent, want string }{
		{"RUS", "~GOV", "RUSGOV"}, {"RUS", "NGO~", "NGORUS"}, {"RUSGOV", "~GOV", "RUSGOV"}, {"", "~GOV", "GOV"},
	}
	for _, tt := range tests {
		if got := WithAgent(tt.actor, tt.agent); got != tt.want {
			t.Errorf("WithAgent(%q, %q) = %q; want %q", tt.actor, tt.agent, got, tt.want)
		}
	}
}

// TestWriteParse checks that a dictionary written and parsed again is the
// same: the generator relies on it. Two dictionaries are compared by what
// they hold, their entries and what they write, not by their indexes,
// whose hashes are seeded per index.
func TestWriteParse(t *testing.T) {
	d := testDict(t)
	write := func(d *Dictionary) [][]byte {
		var out [][]byte
		for _, k := range []Kind{Actors, Agents, Discards} {
			var b bytes.Buffer
			if err := d.Write(&b, k); err != nil {
				t.Fatal(err)
			}
			out = append(out, b.Bytes())
		}
		return out
	}
	written := write(d)
	var files []File
	for k, kind := range []Kind{Actors, Agents, Discards} {
		files = append(files, File{Kind: kind, Name: kind.String(), R: bytes.NewReader(written[k])})
	}
	again, err := Parse(files...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.entries, d.entries) || !reflect.DeepEqual(write(again), written) {
		t.Errorf("Parse(Write(d)) differs from d")
	}
	e1, a1, g1, d1 := d.Counts()
	e2, a2, g2, d2 := again.Counts()
	if e1 != e2 || a1 != a2 || g1 != g2 || d1 != d2 {
		t.Errorf("Parse(Write(d)).Counts() = %d, %d, %d, %d; want %d, %d, %d, %d", e2, a2, g2, d2, e1, a1, g1, d1)
	}
}
