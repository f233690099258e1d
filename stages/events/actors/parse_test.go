package actors

import (
	"errors"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"VLADIMIR_PUTIN_", "VLADIMIR PUTIN"},
		{"RUSSIAN_PRESIDENT_VLADIMIR_V._PUTIN", "RUSSIAN PRESIDENT VLADIMIR V. PUTIN"},
		{"AL-QAEDA", "AL - QAEDA"},
		{"PEOPLE'S_LIBERATION_ARMY", "PEOPLE 'S LIBERATION ARMY"},
		{"PEOPLE_'S", "PEOPLE 'S"},
		{"O'BRIEN_ D'IVOIRE", "O'BRIEN D'IVOIRE"},
		{"U.S._U.S.A._U.N", "U.S. U.S.A. U. N"},
		{"DMITRI_A.MEDVEDEV", "DMITRI A. MEDVEDEV"},
		{"ARMY_(AAIA)_", "ARMY ( AAIA )"},
		{"AT&T CROATIA/HRVATSKA", "AT & T CROATIA / HRVATSKA"},
		{"JOURNALISTS'_UNION", "JOURNALISTS ' UNION"},
		{"hope_'87", "HOPE ' 87"},
		{"MANFRED_WÖRNER_ Erdoğan", "MANFRED WORNER ERDOGAN"},
	}
	for _, tt := range tests {
		got, err := tokens(nil, tt.in)
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("tokens(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		// Written back joined by "_", a phrase reads the same.
		again, _ := tokens(nil, strings.Join(got, "_"))
		if strings.Join(again, " ") != tt.want {
			t.Errorf("tokens(%q) = %q; want %q", strings.Join(got, "_"), again, tt.want)
		}
	}
	for _, in := range []string{"Z\x1aROUAL", "D\uFFFDIVOIRE", "СССР", "\xff"} {
		if got, err := tokens(nil, in); err == nil {
			t.Errorf("tokens(%q) = %q; want an error", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"080508", 20080508}, {"300101", 20300101}, {"310101", 19310101}, {"991231", 19991231},
		{"20121109", 20121109}, {"000229", 20000229}, {"19000228", 19000228},
		{"19000229", 0}, {"991301", 0}, {"9008223", 0}, {"201005011", 0}, {"08050", 0}, {"-80508", 0},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.want == 0 && err == nil || tt.want != 0 && got != tt.want {
			t.Errorf("parseDate(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestPluralOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PRESIDENT", "PRESIDENTS"}, {"ARMY", "ARMIES"}, {"ATTORNEY", "ATTORNEYS"}, {"CONGRESS", "CONGRESSES"},
		{"COACH", "COACHES"}, {"FORCE", "FORCES"}, {"G8", ""}, {")", ""},
	}
	for _, tt := range tests {
		if got := pluralOf(tt.in); got != tt.want {
			t.Errorf("pluralOf(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestParseErrors checks that each malformed line is an error that names
// its file and line.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		kind Kind
		text string
		line int
		msg  string
	}{
		{Actors, "ARNOR [ARN]\n[ARN 990101]\n", 2, "bad dates"},
		{Actors, "ARNOR [ARN]\n\t[ARN 991301-000101]\n", 2, "bad date"},
		{Actors, "ARNOR [ARN]\n\t[ARN 000101-990101]\n", 2, "end before they start"},
		{Actors, "ARNOR [ARN]\n\t[ARN >2010050111]\n", 2, "bad date"},
		{Actors, "# c\nARNOR\n+ARNORIAN\n\nGONDOR [GON]\n", 2, "has no code"},
		{Actors, "ARNOR [ARN]\n\t[GON]\n", 2, "second default"},
		{Actors, "+ARNOR\n", 1, "before any actor"},
		{Actors, "[ARN]\n", 1, "before any actor"},
		{Actors, "ARNOR [ARN]\n+ARNORIAN [ARN]\n", 2, "code on a synonym"},
		{Actors, "ARNOR [ARN] Antilles\n", 1, "where a [code] was expected"},
		{Actors, "ARNOR [ARN\n", 1, "unclosed ["},
		{Actors, "ARNOR [A R N]\n", 1, "bad dates"},
		{Actors, "ARNOR [A.N]\n", 1, "bad code"},
		{Actors, "ARNOR] [ARN]\n", 1, "bracket in phrase"},
		{Actors, "Z\x1aROUAL [ARN]\n", 1, "U+001A"},
		{Actors, "ARNOR [ARN]\n<!-- open\nGONDOR [GON]\n", 2, "never closed"},
		{Agents, "PRESIDENT\n", 1, "needs one [code]"},
		{Agents, "PRESIDENT [~GOV}\n", 1, "needs one [code]"},
		{Agents, "PRESIDENT [GOV]\n", 1, "bad agent code"},
		{Agents, "PRESIDENT } [~GOV]\n", 1, "bracket"},
		{Agents, "PRESIDENT {PRESIDENTS} X [~GOV]\n", 1, "want {plural}"},
		{Agents, "CONGRESS!PERSON! [~LEG]\n", 1, "not defined"},
		{Agents, "!P! = MAN, MEN\nAD!P!_!P! [~GOV]\n", 2, "more than one"},
		{Agents, "!P! = MAN, MEN\nCONGRESS!P! {CONGRESSFOLK} [~GOV]\n", 2, "a plural with"},
		{Agents, "!P! = MAN, \n", 1, "bad form"},
		{Discards, "BASEBALL\n+[BAT]\n", 2, "bad discard"},
	}
	for _, tt := range tests {
		_, err := Parse(File{Kind: tt.kind, Name: "x.txt", R: strings.NewReader(tt.text)})
		var le *LineError
		if !errors.As(err, &le) || le.File != "x.txt" || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
			t.Errorf("Parse(%v %q) error = %v; want x.txt:%d: …%s…", tt.kind, tt.text, err, tt.line, tt.msg)
		}
	}
}

// TestParseComments checks the comment forms PETRARCH's reader skips.
func TestParseComments(t *testing.T) {
	text := "<!-- HEADER -->\n<!-- \n# a note\n# -->\n<! -- NOT QUITE A COMMENT -->\n" +
		"ARNOR [ARN] # a note\nGONDOR <!-- aside --> [GON]\n\t\n"
	d, err := Parse(File{Kind: Actors, Name: "x.txt", R: strings.NewReader(text)})
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"ARNOR": "ARN", "GONDOR": "GON"} {
		if n, code, ok := d.Actor([]string{w}, 0, day(2000, 1, 1)); !ok || n != 1 || code != want {
			t.Errorf("Actor(%s) = %d, %q, %v; want 1, %q", w, n, code, ok, want)
		}
	}
	if e, _, _, _ := d.Counts(); e != 2 {
		t.Errorf("Counts() entries = %d; want 2", e)
	}
}
