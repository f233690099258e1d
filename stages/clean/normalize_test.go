package clean

import (
	"context"
	"strings"
	"testing"
)

// normalize runs the normalizer alone on s.
func normalize(s string) string {
	var n normalizer
	n.reset(1<<30, false)
	if err := n.write(context.Background(), s); err != nil {
		panic(err)
	}
	text, _ := n.finish(1 << 30)
	return string(text)
}

// wire is hard-wrapped copy in the style of 1980s news wires: paragraphs
// start with indentation, lines are broken near 65 columns.
const wire = `CITY APPROVES NEW BRIDGE OVER THE RIVER
    MILLTOWN, March 3 - The city council voted on Tuesday to
build a second bridge over the Milltown river, ending a debate
that had lasted for more than six years.
    The bridge is expected to cost about 40 mln dlrs and will
be paid for by a state grant and a local bond issue, officials
said.
`

const wireClean = "CITY APPROVES NEW BRIDGE OVER THE RIVER\n\n" +
	"MILLTOWN, March 3 - The city council voted on Tuesday to build a second bridge over the Milltown river, ending a debate that had lasted for more than six years.\n\n" +
	"The bridge is expected to cost about 40 mln dlrs and will be paid for by a state grant and a local bond issue, officials said."

// letter is hard-wrapped text with blank lines between paragraphs.
const letter = `Dear members,

The annual meeting of the Riverside Garden Society will take
place on Saturday 14 June at the village hall, starting at ten
in the morning.

Members who wish to put a motion to the meeting should send it
to the secretary by the end of May.

With best wishes,
The Committee
`

const letterClean = "Dear members,\n\n" +
	"The annual meeting of the Riverside Garden Society will take place on Saturday 14 June at the village hall, starting at ten in the morning.\n\n" +
	"Members who wish to put a motion to the meeting should send it to the secretary by the end of May.\n\n" +
	"With best wishes,\n\nThe Committee"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"white space only", " \t\r\n \u00a0\u3000\n", ""},
		{"controls only", "\x00\x01\x7f\u0080\u009f\ufeff\u200b", ""},
		{"plain", "Hello, world.", "Hello, world."},
		{"nfc composes", "cafe\u0301 cre\u0300me", "caf\u00e9 cr\u00e8me"},
		{"nfc after removal", "e\x00\u0301", "\u00e9"},
		{"nfc singleton", "\u212b ngstr\u00f6m", "\u00c5 ngstr\u00f6m"},
		{"nul removed", "a\x00b", "ab"},
		{"c0 removed", "a\x01\x02\x1bb\x7f", "ab"},
		{"c1 removed", "a\u0080\u0092b", "ab"},
		{"invisible removed", "\ufeffso\u00adft\u200bly\u2060", "softly"},
		{"zwj zwnj kept", "\u0645\u06cc\u200c\u0634\u0648\u062f \U0001F469\u200d\U0001F4BB", "\u0645\u06cc\u200c\u0634\u0648\u062f \U0001F469\u200d\U0001F4BB"},
		{"bidi marks kept", "a\u200fb", "a\u200fb"},
		{"crlf", "one.\r\ntwo.\r\n", "one.\n\ntwo."},
		{"cr", "one.\rtwo.", "one.\n\ntwo."},
		{"nbsp", "10\u00a0km", "10 km"},
		{"unicode spaces", "a\u2002b\u2009c\u202fd\u205fe\u3000f\u1680g", "a b c d e f g"},
		{"tab", "a\tb", "a b"},
		{"collapse", "a  \t  b   c", "a b c"},
		{"trim lines", "  \t one.  \n\n  two.\t ", "one.\n\ntwo."},
		{"typographic kept", "\u201cIt\u2019s over\u201d \u2014 \u2018ok\u2019 \u2013 \u00abnon\u00bb", "\u201cIt\u2019s over\u201d \u2014 \u2018ok\u2019 \u2013 \u00abnon\u00bb"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"invalid run", "a\xff\xfe\xfdb", "a\ufffdb"},
		{"truncated rune", "a\xe2\x82", "a\ufffd"},
		{"invalid runs apart", "\xff \xff", "\ufffd \ufffd"},
		{"replacement kept", "a\ufffdb", "a\ufffdb"},
		{"blank lines", "one.\n\n\n\n\ntwo.", "one.\n\ntwo."},
		{"single newline paragraphs", "First paragraph.\nSecond paragraph.\nThird.", "First paragraph.\n\nSecond paragraph.\n\nThird."},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		{"line separator", "a\u2028b", "a\n\nb"},
		{"vt ff nel", "a\vb\fc\u0085d", "a\n\nb\n\nc\n\nd"},
		{"hard-wrapped wire", wire, wireClean},
		{"hard-wrapped letter", letter, letterClean},
		{"indentation breaks", "The first paragraph runs on over here and\nthen continues on this line of the text\nthat ends here.\n  The second one starts here and runs on\nover this line, and it ends right here.",
			"The first paragraph runs on over here and then continues on this line of the text that ends here.\n\nThe second one starts here and runs on over this line, and it ends right here."},
		{"tab indentation", "Line one of the text that is wrapped and\nline two of the text that is wrapped and\n\tthen a new paragraph that starts here and\nends on this line of the text right here.",
			"Line one of the text that is wrapped and line two of the text that is wrapped and\n\nthen a new paragraph that starts here and ends on this line of the text right here."},
		{"list items kept apart", "Things the council decided this week are\nlisted below for the members to review:\n- a new bridge over the river in the town\n- two more teachers for the school on Hill Street\n1. first item\n2) second item",
			"Things the council decided this week are listed below for the members to review:\n\n- a new bridge over the river in the town\n\n- two more teachers for the school on Hill Street\n\n1. first item\n\n2) second item"},
		{"heading not joined", "Council approves budget for next two years\nThe city council approved the budget on Tuesday.\nIt takes effect in July.",
			"Council approves budget for next two years\n\nThe city council approved the budget on Tuesday.\n\nIt takes effect in July."},
		{"short lines kept", "Shr 1.12 dlrs vs 94 cts\nNet 14.6 mln vs 12.4 mln\nRevs 212.4 mln vs 190.1 mln", "Shr 1.12 dlrs vs 94 cts\n\nNet 14.6 mln vs 12.4 mln\n\nRevs 212.4 mln vs 190.1 mln"},
		{"long lines not wrapped", strings.Repeat("word ", 30) + "\n" + strings.Repeat("more ", 30) + "\n" + strings.Repeat("last ", 30),
			strings.TrimSpace(strings.Repeat("word ", 30)) + "\n\n" + strings.TrimSpace(strings.Repeat("more ", 30)) + "\n\n" + strings.TrimSpace(strings.Repeat("last ", 30))},
		{"closing quote ends sentence", "He said the plan was \u201cgood for the city.\u201d\nShe said the plan was \u201cbad for the city.\u201d\nThey said the plan was \u201cfine for the city.\u201d",
			"He said the plan was \u201cgood for the city.\u201d\n\nShe said the plan was \u201cbad for the city.\u201d\n\nThey said the plan was \u201cfine for the city.\u201d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize(tt.in); got != tt.want {
				t.Errorf("normalize(%q) =\n%q; want\n%q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, in := range []string{wire, letter, seedBody(t), "a\xffb\r\nc\u0301\u00a0\u00a0d\n\n\n  e"} {
		once := normalize(in)
		if twice := normalize(once); twice != once {
			t.Errorf("normalize(normalize(%q)) =\n%q; want\n%q", in, twice, once)
		}
	}
}

func TestCutText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"aaaa\n\nbbbb\n\ncccc", 12, "aaaa\n\nbbbb"},
		{"aaaa\n\nbbbb\n\ncccc", 11, "aaaa\n\nbbbb"},
		{"aaaa\n\nbbbbbbbbbbbbbbbb", 12, "aaaa\n\nbbbbbb"},
		{"aaaa bbbb cccc", 10, "aaaa bbbb"},
		{"\u00e9\u00e9\u00e9", 5, "\u00e9\u00e9"},
		{"xe\u0301\u0301y", 5, "x"},
	}
	for _, tt := range tests {
		if got := string(cutText([]byte(tt.in), tt.max, true)); got != tt.want {
			t.Errorf("cutText(%q, %d) = %q; want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestNormalizeLimit(t *testing.T) {
	in := strings.Repeat("A sentence of words.\n\n", 1000)
	var n normalizer
	n.reset(2*1024, false)
	if err := n.write(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	text, cut := n.finish(1024)
	if !cut || len(text) > 1024 || len(text) < 1000 || !strings.HasSuffix(string(text), "words.") {
		t.Errorf("finish(1024) of %d bytes = %d bytes ending %q, cut %v; want at most 1024 ending at a paragraph, cut", len(in), len(text), text[max(0, len(text)-10):], cut)
	}
}

func TestNormalizeContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var n normalizer
	n.reset(1<<30, false)
	if err := n.write(ctx, strings.Repeat("x", 2*checkEvery)); err != context.Canceled {
		t.Errorf("write with a cancelled context = %v; want %v", err, context.Canceled)
	}
}
