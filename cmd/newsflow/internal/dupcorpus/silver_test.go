package dupcorpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/corpus"
)

func TestJaccard(t *testing.T) {
	const fox = "the quick brown fox jumps over the lazy dog"
	tests := []struct {
		a, b string
		want float64
	}{
		{fox, fox, 1},
		{fox, "The  quick brown\nfox jumps over the lazy dog", 1},      // case and white space
		{fox, "the quick brown fox jumps over the lazy cat", 4.0 / 6},  // 4 of 5 shingles shared
		{fox, "the quick brown fox jumps", 1.0 / 5},                    // a 5-word text has one shingle
		{fox, "the quick brown fox jumps over the lazy dog.", 4.0 / 6}, // punctuation stays on the word
		{"hello world", "HELLO   world", 1},                            // shorter than a shingle
		{"hello world", "hello world again", 0},                        // one shingle each, not equal
		{fox, "nothing in common at all here", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := Jaccard(Words(tt.a), Words(tt.b)); got != tt.want {
			t.Errorf("Jaccard(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSimilar(t *testing.T) {
	docs := [][]string{
		Words("the quick brown fox jumps over the lazy dog"),
		Words("the quick brown fox jumps over the lazy cat"),
		Words("The quick brown fox jumps over the lazy dog"),
		Words("nothing in common at all here"),
		Words("hello world"),
		Words("Hello World"),
	}
	got := fmt.Sprint(Similar(docs, 0.5))
	want := fmt.Sprint([]Pair{{0, 1, 4.0 / 6, 4.0 / 5}, {0, 2, 1, 1}, {1, 2, 4.0 / 6, 4.0 / 5}, {4, 5, 1, 1}})
	if got != want {
		t.Errorf("Similar(docs, 0.5) = %s; want %s", got, want)
	}

	// Against every pair computed one by one, on random texts of few
	// words so that shingles repeat.
	r := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("a b c d e f")
	docs = make([][]string, 80)
	for i := range docs {
		for range 3 + r.IntN(20) {
			docs[i] = append(docs[i], vocab[r.IntN(len(vocab))])
		}
	}
	var brute []Pair
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if jac := Jaccard(docs[i], docs[j]); jac >= 0.3 {
				brute = append(brute, Pair{i, j, jac, containment(docs[i], docs[j])})
			}
		}
	}
	if got, want := fmt.Sprint(Similar(docs, 0.3)), fmt.Sprint(brute); got != want {
		t.Errorf("Similar(random docs, 0.3) =\n%s\nwant, pair by pair,\n%s", got, want)
	}
	brute = brute[:0]
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if c := containment(docs[i], docs[j]); c >= 0.6 {
				brute = append(brute, Pair{i, j, Jaccard(docs[i], docs[j]), c})
			}
		}
	}
	if got, want := fmt.Sprint(Overlapping(docs, 0.6)), fmt.Sprint(brute); got != want {
		t.Errorf("Overlapping(random docs, 0.6) =\n%s\nwant, pair by pair,\n%s", got, want)
	}
}

// containment returns the share of the smaller shingle set of a and b
// that the larger holds, computed one set against the other.
func containment(a, b []string) float64 {
	s := newShingler()
	sa, sb := s.set(a), s.set(b)
	inter := 0
	for _, x := range sa {
		if slices.Contains(sb, x) {
			inter++
		}
	}
	return float64(inter) / float64(min(len(sa), len(sb)))
}

func TestExactGroups(t *testing.T) {
	texts := []string{
		"Profit rose.\n    It was good.",
		"PROFIT ROSE. IT WAS GOOD.",
		"Profit rose, it was good.", // punctuation differs
		"profit  rose.\tit was good.",
		"Other text",
		"other   TEXT",
	}
	got := fmt.Sprint(ExactGroups(texts))
	if want := "[[0 1 3] [4 5]]"; got != want {
		t.Errorf("ExactGroups(%q) = %s; want %s", texts, got, want)
	}
}

func TestReutersText(t *testing.T) {
	tests := []struct{ body, want string }{
		{
			"BankAmerica Corp is not under\npressure to act.\n    Some analysts said\nthey recommended it.\n Reuter\n",
			"BankAmerica Corp is not under pressure to act.\n\nSome analysts said they recommended it.",
		},
		{"Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n REUTER", "Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000"},
		{"one  two\n\nthree\tfour", "one two\n\nthree four"},
		{"Reuter", ""},
	}
	for _, tt := range tests {
		if got := ReutersText(tt.body); got != tt.want {
			t.Errorf("ReutersText(%q) = %q; want %q", tt.body, got, tt.want)
		}
	}
}

func TestShapeAndFigures(t *testing.T) {
	text := "Qtly div 12-1/2 cts vs 12-1/2 cts prior\n\nPay April 15 to <ABC> holders\n\nRecord March 20, 1985's (350-mln-dlr)"
	if got, want := strings.Join(shape(text), " "), "qtly div # cts vs # cts prior pay C # to C holders record C # # #"; got != want {
		t.Errorf("shape(%q) = %q; want %q", text, got, want)
	}
	if got, want := strings.Join(figures(text), " "), "12-1/2 12-1/2 15 20 1985 350"; got != want {
		t.Errorf("figures(%q) = %q; want %q", text, got, want)
	}
}

func TestDiffer(t *testing.T) {
	const notice = "Qtly div 12 cts vs 12 cts prior\n\nPay April 15\n\nRecord March 20"
	const other = "Qtly div eight cts vs eight cts prior\n\nPay April 1\n\nRecord March 13"
	tests := []struct {
		name                         string
		titleA, textA, titleB, textB string
		want                         bool
	}{
		{"tickers differ", "ALPHA INC <ALP> SETS QUARTERLY", notice, "BETA CORP <BET> SETS PAYOUT", notice, true},
		{"same headline", "ALPHA INC <ALP> SETS QUARTERLY", notice, "ALPHA INC <ALP> SETS QUARTERLY", other, false},
		{"same ticker, other figures", "ALPHA INC <ALP> SETS QUARTERLY", notice, "ALPHA INC <ALP> QTLY DIVIDEND", other, false},
		{"no company, figures differ both ways", "FED ADDS RESERVES", "Fed adds 1.5 billion at 6-1/8 pct", "FED ADDS RESERVES VIA REPOS", "Fed adds 2.5 billion at 6-1/8 pct", true},
		{"no company, one story cut short", "NTT FORECASTS PROFITS FALL", "Profit 328 billion, sales 5,506 billion", "NTT SEES PROFIT FALL", "Profit 328 billion", false},
		{"one subject, ticker on one side only", "CAROLIN MINES <CRLNF> HAS ASSAYS", "Carolin Mines Ltd said assays ran 0.64", "CAROLIN MINES HAS NEW ASSAYS", "Carolin Mines Ltd said assays ran 1.0", false},
		{"subjects differ", "GOLD FIND", "Alpha Mines Ltd said it found 3 ounces", "GOLD FOUND", "Beta Gold Corp said it found 5 ounces", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := differ(tt.titleA, tt.textA, tt.titleB, tt.textB); got != tt.want {
				t.Errorf("differ(%q, %q, %q, %q) = %v; want %v", tt.titleA, tt.textA, tt.titleB, tt.textB, got, tt.want)
			}
		})
	}
}

// TestLabelReal labels hand-written stories: an exact pair, a near pair,
// an uncertain pair, two dividend notices of different companies (hard
// negatives), two earnings tables under one headline (a template pair,
// but one company: not a hard negative), a story and its first half (far:
// uncertain), two notices alike but for their figures (near, figures in
// conflict: uncertain) and a short text and its first half (too short to
// be far: a negative).
func TestLabelReal(t *testing.T) {
	seq := func(prefix string, n int) []string {
		var out []string
		for i := range n {
			out = append(out, word(prefix, i))
		}
		return out
	}
	near := seq("n", 30)
	nearEdited := append(append([]string(nil), near[:29]...), "changed") // 25 of 27 shingles shared
	unc := seq("u", 20)
	uncEdited := append([]string(nil), unc...)
	uncEdited[10] = "changed" // 11 of 21 shingles shared
	long := seq("l", 120)
	fed := strings.Join(seq("f", 40), " ")
	short := seq("s", 30)
	stories := []corpus.Story{
		{NewID: "1", Title: "A STORY", Body: "Alpha beta gamma delta epsilon\nzeta eta theta.\n Reuter\n"},
		{NewID: "2", Title: "A STORY RESENT", Body: "ALPHA BETA  gamma delta epsilon zeta\neta theta.\n Reuter\n"},
		{NewID: "3", Title: "NEAR", Body: strings.Join(near, " ")},
		{NewID: "4", Title: "NEAR AGAIN", Body: strings.Join(nearEdited, " ")},
		{NewID: "5", Title: "UNCERTAIN", Body: strings.Join(unc, " ")},
		{NewID: "6", Title: "UNCERTAIN TOO", Body: strings.Join(uncEdited, " ")},
		{NewID: "7", Title: "ALPHA INC <ALP> SETS QUARTERLY", Body: "Qtly div 12 cts vs 12 cts prior\n    Pay April 15\n    Record March 20\n Reuter\n"},
		{NewID: "8", Title: "BETA CORP <BET> SETS QUARTERLY", Body: "Qtly div 8 cts vs 8 cts prior\n    Pay April 1\n    Record March 13\n Reuter\n"},
		{NewID: "9", Title: "GAMMA CORP <GAM> 1ST QTR NET", Body: "Shr 10 cts vs 8 cts\n    Net 1,000 vs 900\n    Revs 5.0 mln vs 4.0 mln\n Reuter\n"},
		{NewID: "10", Title: "GAMMA CORP <GAM> 1ST QTR NET", Body: "Shr 11 cts vs 8 cts\n    Net 1,100 vs 900\n    Revs 5.1 mln vs 4.0 mln\n Reuter\n"},
		{NewID: "11", Title: "LONG", Body: strings.Join(long, " ")},
		{NewID: "12", Title: "LONG CUT", Body: strings.Join(long[:55], " ")}, // Jaccard 51/116, Coverage 1
		{NewID: "13", Title: "FED ADDS", Body: fed + " 1.5"},
		{NewID: "14", Title: "FED ADDS", Body: fed + " 2.5"}, // Jaccard 36/38
		{NewID: "15", Title: "SHORT", Body: strings.Join(short, " ")},
		{NewID: "16", Title: "SHORT CUT", Body: strings.Join(short[:15], " ")}, // Jaccard 11/26, Coverage 1
	}
	texts := make([]string, len(stories))
	for i, s := range stories {
		texts[i] = ReutersText(s.Body)
	}
	l := labelReal(stories, texts)

	sv := l.silver
	if sv.ExactGroups != 1 || sv.ExactStories != 2 {
		t.Errorf("exact groups, stories = %d, %d; want 1, 2", sv.ExactGroups, sv.ExactStories)
	}
	var got []string
	for _, b := range sv.Bands {
		got = append(got, fmt.Sprint(b.Pairs, b.FigureConflicts, b.Uncertain))
	}
	if got, want := strings.Join(got, ", "), "2 1 1, 0 0 0, 1 0 1, 1 0 1"; got != want {
		t.Errorf("pairs, figure conflicts, uncertain from 0.9, 0.7, 0.5, far = %s; want %s", got, want)
	}
	if got, want := fmt.Sprint(sv.TemplatePairs, l.hard, l.uncertain), "3 [[6 7]] [[4 5] [10 11] [12 13]]"; got != want {
		t.Errorf("template pairs, hard negatives, uncertain = %s; want %s", got, want)
	}
	same := func(a, b int) bool { return l.story.find(a) == l.story.find(b) }
	for _, tt := range []struct {
		a, b int
		want bool
	}{{0, 1, true}, {2, 3, true}, {4, 5, false}, {6, 7, false}, {8, 9, false}, {0, 2, false}, {10, 11, false}, {12, 13, false}, {14, 15, false}} {
		if got := same(tt.a, tt.b); got != tt.want {
			t.Errorf("stories %s and %s one story = %v; want %v", stories[tt.a].NewID, stories[tt.b].NewID, got, tt.want)
		}
	}
	if l.exactOf[1] != 0 || l.exactOf[3] != 3 {
		t.Errorf("exactOf = %v; want story 2 an exact copy of story 1 only", l.exactOf)
	}
}
