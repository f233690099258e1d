package quotes

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// show renders quotations as strings for comparison: the quotation, then
// the speaker's kind and mention, role, verb and flags.
func show(text string, qs []Quote) []string {
	out := []string{}
	for _, q := range qs {
		var b strings.Builder
		fmt.Fprintf(&b, "%q", text[q.Start:q.End])
		if sp := q.Speaker; sp.Kind != NoSpeaker {
			fmt.Fprintf(&b, " %s:%q", sp.Kind, text[sp.Start:sp.End])
			if sp.RoleEnd > sp.RoleStart {
				fmt.Fprintf(&b, " role:%q", text[sp.RoleStart:sp.RoleEnd])
			}
		}
		if q.Verb != "" {
			fmt.Fprintf(&b, " verb:%q", q.Verb)
		}
		for _, f := range []struct {
			on   bool
			name string
		}{{q.Partial, "partial"}, {!q.Closed, "unclosed"}, {q.Continues, "continues"}, {q.Inherited, "inherited"}} {
			if f.on {
				b.WriteString(" " + f.name)
			}
		}
		out = append(out, b.String())
	}
	return out
}

var findTests = []struct {
	name, text string
	want       []string
}{
	{"quote then subject and verb",
		"“We take document security seriously,” she said.",
		[]string{`"We take document security seriously," Pronoun:"she" verb:"said"`}},
	{"verb before its subject",
		"“It would have been much worse,” said Ambassador Mohib.",
		[]string{`"It would have been much worse," Name:"Mohib" role:"Ambassador" verb:"said"`}},
	{"colon after the verb, role before the name",
		"Kremlin spokesman Dmitry Peskov said: “The talks were useful.”",
		[]string{`"The talks were useful." Name:"Dmitry Peskov" role:"Kremlin spokesman" verb:"said"`}},
	{"that-clause fragment",
		"She added that U.S. President Donald Trump “is frustrated with both sides of the conflict.”",
		[]string{`"is frustrated with both sides of the conflict." Pronoun:"She" verb:"added" partial`}},
	{"according to",
		"According to the ministry, “the situation is under control.”",
		[]string{`"the situation is under control." Nominal:"the ministry" verb:"According to"`}},
	{"told reporters",
		"Smith told reporters “we will not back down” after the vote.",
		[]string{`"we will not back down" Name:"Smith" verb:"told" partial`}},
	{"appositive",
		"Jeff Rathke, the State Department spokesperson, said, “We urge restraint.”",
		[]string{`"We urge restraint." Name:"Jeff Rathke" role:"the State Department spokesperson" verb:"said"`}},
	{"spokesman for",
		"A spokesman for the ministry said “talks will continue next week.”",
		[]string{`"talks will continue next week." Nominal:"A spokesman for the ministry" verb:"said" partial`}},
	{"verb preferred to a reporting noun",
		"The ministry said in a statement that “talks will continue next week.”",
		[]string{`"talks will continue next week." Nominal:"The ministry" verb:"said" partial`}},
	{"short fragment governed by a speech verb",
		"At the press conference, Levitt said it was a step towards a “final peace agreement.”",
		[]string{`"final peace agreement." Name:"Levitt" verb:"said" partial`}},
	{"two fragments, one verb",
		"He called the sentence “dangerous” and “ideological”.",
		[]string{`"dangerous" Pronoun:"He" verb:"called" partial`, `"ideological" Pronoun:"He" verb:"called" partial`}},
	{"scare quote",
		"Critics mocked the “plan” for weeks.",
		nil},
	{"capitalised name, not speech",
		"The Syrian team named its robot “Robogee” and listed its country as “Hope” on the shirts.",
		nil},
	{"words mentioned",
		"The report added the words “and Emergency” to the name.",
		nil},
	{"passive is no attribution",
		"The army has been told to prepare for a “state of war”.",
		nil},
	{"noun, not verb",
		"The asylum claims “backlog” grew again.",
		nil},
	{"nested quotation",
		"“He told me ‘never again’ yesterday,” she said.",
		[]string{`"He told me ‘never again’ yesterday," Pronoun:"she" verb:"said"`}},
	{"single marks outside",
		"‘He said “no” to me,’ she added.",
		[]string{`"He said “no” to me," Pronoun:"she" verb:"added"`}},
	{"straight quotes",
		`"We are ready," the minister said. "The plan is 'final' now."`,
		[]string{`"We are ready," Nominal:"the minister" verb:"said"`,
			`"The plan is 'final' now." Nominal:"the minister" verb:"said" inherited`}},
	{"apostrophes are not marks",
		"The Kremlin’s statement cited Jones’ remarks from the ’90s. “We disagree,” he said.",
		[]string{`"We disagree," Pronoun:"he" verb:"said"`}},
	{"possessive inside single marks",
		"‘The Joneses’ car was gone,’ she said.",
		[]string{`"The Joneses’ car was gone," Pronoun:"she" verb:"said"`}},
	{"inch marks",
		`They laid a 6" pipe and a 12" pipe.`,
		nil},
	{"dash attribution",
		"“Cool clock, Ahmed. We should inspire more kids like you.” — Barack Obama",
		[]string{`"Cool clock, Ahmed. We should inspire more kids like you." Name:"Barack Obama"`}},
	{"cited title",
		"“Document found on street not secret, say feds” — The Canadian Press, August 15, 2008",
		nil},
	{"unclosed: ends with its paragraph",
		"She added that Trump “is frustrated with both sides.\n\nThe talks resume on Monday.",
		[]string{`"is frustrated with both sides." Pronoun:"She" verb:"added" partial unclosed`}},
	{"reopened in the next paragraph",
		"“The first part of the statement.\n\n“The second part,” the minister said.",
		[]string{`"The first part of the statement." Nominal:"the minister" verb:"said" unclosed inherited`,
			`"The second part," Nominal:"the minister" verb:"said" continues`}},
	{"run on over a paragraph break",
		"Harry Kane said, “It felt good out there.\n\nWe could have scored two.” England won.",
		[]string{`"It felt good out there." Name:"Harry Kane" verb:"said" unclosed`,
			`"We could have scored two." Name:"Harry Kane" verb:"said" continues inherited`}},
	{"paragraph ending in a colon",
		"US President Barack Obama tweeted:\n\n“Cool clock, Ahmed.”",
		[]string{`"Cool clock, Ahmed." Name:"Barack Obama" role:"US President" verb:"tweeted"`}},
	{"speaker of the sentence before",
		"Heald noted the findings. “Pollution matters a great deal to farmers.”",
		[]string{`"Pollution matters a great deal to farmers." Name:"Heald" verb:"noted" inherited`}},
	{"no inheritance over a sentence",
		"“We won,” he said. The crowd left. “It was a long night for everyone.”",
		[]string{`"We won," Pronoun:"he" verb:"said"`, `"It was a long night for everyone."`}},
	{"abbreviation does not end the sentence",
		"He spoke in Washington D.C. The senator, asked about it, said “it is over” and left.",
		[]string{`"it is over" Nominal:"The senator" verb:"said" partial`}},
	{"guillemets",
		"«We will win,» the general said.",
		[]string{`"We will win," Nominal:"the general" verb:"said"`}},
	{"low-nine marks",
		"„We will win,“ the general said.",
		[]string{`"We will win," Nominal:"the general" verb:"said"`}},
	{"name in commas",
		"The secretary general of the council, Nunzio Galantino, has called it “a dangerous ruling”.",
		[]string{`"a dangerous ruling" Name:"Nunzio Galantino" verb:"called" partial`}},
	{"empty marks",
		"He drew “” on the board and “ ” too.",
		nil},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		got := show(tt.text, Find(nil, tt.text))
		want := tt.want
		if want == nil {
			want = []string{}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: Find(%q)\n got %s\nwant %s", tt.name, tt.text,
				strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
}

// TestFindAppends checks that Find keeps what dst holds and that a
// continuation never reaches into it.
func TestFindAppends(t *testing.T) {
	text := "“The first part of the statement.\n\n“The second part,” she said."
	dst := []Quote{{Start: 1, End: 2}}
	got := Find(dst, text)
	if len(got) != 3 || got[0] != (Quote{Start: 1, End: 2}) {
		t.Fatalf("Find(dst) = %+v, want dst's quote then two", got)
	}
	if got[1].Speaker.Kind != Pronoun {
		t.Errorf("first part: speaker %v, want the pronoun", got[1].Speaker)
	}
}

// seedPath is the worked example of the pipeline, shared by the packages.
const seedPath = "../../../../shared/examples/seed-article.json"

// seedText returns the body of the seed article as the clean stage gives
// it: each line break of the body a paragraph break "\n\n".
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Skipf("seed article not available: %v", err)
	}
	var a struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(b, &a); err != nil {
		tb.Fatalf("seed article: %v", err)
	}
	return strings.ReplaceAll(strings.TrimSpace(a.Body), "\n", "\n\n")
}

// TestSeed checks the three quotations of seed-expected.json: their text,
// their speaker mentions and the third one's missing closing mark.
func TestSeed(t *testing.T) {
	text := seedText(t)
	want := []struct {
		contains, speaker string
		kind              SpeakerKind
		verb              string
		closed            bool
	}{
		{"focused on all aspects of Ukrainian settlements", "The Kremlin", Nominal, "said", true},
		{"final peace agreement", "Levitt", Name, "said", true},
		{"is frustrated with both sides of the conflict", "She", Pronoun, "added", false},
	}
	got := Find(nil, text)
	if len(got) != len(want) {
		t.Fatalf("Find(seed) found %d quotations, want %d:\n%s", len(got), len(want), strings.Join(show(text, got), "\n"))
	}
	for i, w := range want {
		q := got[i]
		if s := text[q.Start:q.End]; !strings.Contains(s, w.contains) {
			t.Errorf("quotation %d = %q, want it to contain %q", i, s, w.contains)
		}
		if s := text[q.Speaker.Start:q.Speaker.End]; s != w.speaker || q.Speaker.Kind != w.kind {
			t.Errorf("quotation %d: speaker %s %q, want %s %q", i, q.Speaker.Kind, s, w.kind, w.speaker)
		}
		if q.Verb != w.verb || text[q.VerbStart:q.VerbEnd] != w.verb {
			t.Errorf("quotation %d: verb %q at [%d:%d], want %q", i, q.Verb, q.VerbStart, q.VerbEnd, w.verb)
		}
		if q.Closed != w.closed {
			t.Errorf("quotation %d: Closed = %v, want %v", i, q.Closed, w.closed)
		}
	}
	// The third runs to the end of its paragraph.
	if q := got[2]; !strings.HasSuffix(text[:q.End], "role in peace talks.") || !strings.HasPrefix(text[q.End:], "\n\n") {
		t.Errorf("unclosed quotation ends at %d: %q", q.End, text[q.Start:q.End])
	}
}
