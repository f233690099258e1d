package shingle

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"separators only", " ,.-\n\t!", nil},
		{"words and punctuation", "The cat, the hat.", []string{"The", "cat", "the", "hat"}},
		{"apostrophe splits", "don't", []string{"don", "t"}},
		{"underscore joins", "snake_case _x_ a__b", []string{"snake_case", "_x_", "a__b"}},
		{"digits", "3.5 per cent in 2024", []string{"3", "5", "per", "cent", "in", "2024"}},
		{"letters and digits join", "Москва 2024г. A4", []string{"Москва", "2024г", "A4"}},
		{"other numbers join (No)", "x² ¼cup", []string{"x²", "¼cup"}},
		{"precomposed letter", "caf\u00e9 au lait", []string{"caf\u00e9", "au", "lait"}},
		{"combining mark splits (Mn)", "cafe\u0301 au lait", []string{"cafe", "au", "lait"}},
		{"combining mark inside", "e\u0301x", []string{"e", "x"}},
		// ह ि(Mc) न ्(Mn) द ी(Mc): the consonants alone remain.
		{"Devanagari marks split", "हिन्दी", []string{"ह", "न", "द"}},
		{"CJK run", "東京都に行く", []string{"東京都に行く"}},
		{"symbols and invalid bytes separate", "a€b\xffc", []string{"a", "b", "c"}},
		{"no-break space separates", "a\u00a0b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Tokens(%q) = %q; want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		want              Counts
		p, r              float64
	}{
		{"identical", "a b c d e", "a b c d e", Counts{2, 0, 0}, 1, 1},
		// gold (abcd)(bcde), pred (abcd)
		{"prediction short of gold", "a b c d e", "a b c d", Counts{1, 0, 1}, 1, 0.5},
		// gold (abcd), pred (zabc)(abcd)(bcdz)
		{"prediction with extra", "a b c d", "z a b c d z", Counts{1, 2, 0}, 1.0 / 3, 1},
		{"punctuation and spacing ignored", "A b, c. D!", "A\nb c D", Counts{1, 0, 0}, 1, 1},
		{"case matters", "A b c d", "a b c d", Counts{0, 1, 1}, 0, 0},
		{"fewer than 4 tokens, same", "a b c", "a, b, c", Counts{1, 0, 0}, 1, 1},
		{"fewer than 4 tokens, one token", "word", "word", Counts{1, 0, 0}, 1, 1},
		// (abc) is not (abcd): tuples of different lengths differ.
		{"fewer than 4 tokens vs 4", "a b c", "a b c d", Counts{0, 1, 1}, 0, 0},
		{"fewer than 4 tokens, different", "a b", "a c", Counts{0, 1, 1}, 0, 0},
		{"both empty", "", "", Counts{0, 0, 0}, 1, 1},
		{"both without tokens", "...", " - ", Counts{0, 0, 0}, 1, 1},
		{"empty prediction", "a b c d e", "", Counts{0, 0, 2}, 0, 0},
		{"empty gold", "", "a b c d e", Counts{0, 2, 0}, 0, 0},
		// gold: xyzw×2 yzwx zwxy wxyz (5); pred: xyzw
		{"repeated gold shingle", "x y z w x y z w", "x y z w", Counts{1, 0, 4}, 1, 0.2},
		// pred (12 tokens, 9 shingles): xyzw×3 yzwx×2 zwxy×2 wxyz×2
		{"repeated shingles both sides", "x y z w x y z w", "x y z w x y z w x y z w", Counts{5, 4, 0}, 5.0 / 9, 1},
		// gold cafe,au,lait,noir (one shingle); pred café,... (another)
		{"combining mark vs precomposed", "cafe\u0301 au lait noir", "caf\u00e9 au lait noir", Counts{0, 1, 1}, 0, 0},
		{"underscore joins", "a_b c d e", "a b c d e", Counts{0, 2, 1}, 0, 0},
	}
	var s Scorer
	for _, tt := range tests {
		for _, got := range []Counts{Score(tt.truth, tt.pred), s.Score(tt.truth, tt.pred)} {
			if got != tt.want {
				t.Errorf("%s: Score(%q, %q) = %+v; want %+v", tt.name, tt.truth, tt.pred, got, tt.want)
			}
			if p, r := got.Precision(), got.Recall(); !near(p, tt.p) || !near(r, tt.r) {
				t.Errorf("%s: precision, recall = %v, %v; want %v, %v", tt.name, p, r, tt.p, tt.r)
			}
		}
	}
}

func TestPageRules(t *testing.T) {
	tests := []struct {
		c        Counts
		p, r, f1 float64
	}{
		{Counts{0, 0, 0}, 1, 1, 1}, // nothing wrong: both empty
		{Counts{3, 0, 0}, 1, 1, 1}, // nothing wrong
		{Counts{0, 0, 5}, 0, 0, 0}, // nothing predicted
		{Counts{0, 2, 0}, 0, 0, 0}, // nothing to find
		{Counts{0, 2, 5}, 0, 0, 0}, // all wrong
		{Counts{3, 1, 0}, 0.75, 1, 6.0 / 7},
		{Counts{1, 1, 2}, 0.5, 1.0 / 3, 0.4},
	}
	for _, tt := range tests {
		if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f1) {
			t.Errorf("%+v: P, R, F1 = %v, %v, %v; want %v, %v, %v", tt.c, p, r, f, tt.p, tt.r, tt.f1)
		}
	}
}

func TestAggregate(t *testing.T) {
	pages := []Counts{
		{3, 1, 0}, // P 0.75, R 1
		{0, 0, 5}, // P 0 but TP+FP = 0: not in the precision mean; R 0
		{0, 2, 0}, // P 0; R 0 but TP+FN = 0: not in the recall mean
		{0, 0, 0}, // in neither mean
		{1, 0, 1}, // P 1, R 0.5
	}
	got := Aggregate(pages)
	// P = (0.75 + 0 + 1)/3 = 7/12, R = (1 + 0 + 0.5)/3 = 1/2,
	// F1 = 2·(7/12)·(1/2) / (7/12 + 1/2) = 7/13.
	want := Result{Precision: 7.0 / 12, PrecisionPages: 3, Recall: 0.5, RecallPages: 3, F1: 7.0 / 13}
	if got.PrecisionPages != want.PrecisionPages || got.RecallPages != want.RecallPages ||
		!near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) {
		t.Errorf("Aggregate() = %+v; want %+v", got, want)
	}
	if r := Aggregate(nil); r != (Result{}) {
		t.Errorf("Aggregate(nil) = %+v; want zero", r)
	}
	if r := Aggregate([]Counts{{0, 0, 0}}); r != (Result{}) {
		t.Errorf("Aggregate(empty pages) = %+v; want zero", r)
	}
	slices.Reverse(pages)
	if r := Aggregate(pages); r != got {
		t.Errorf("Aggregate(reversed) = %+v; want %+v (order-independent)", r, got)
	}
}

// TestScoreMatchesReference compares Score with the plainest
// implementation of the definition, shingles joined into strings, on
// random texts with many repeats.
func TestScoreMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "the", "É", "x_y", "1"}
	seps := []string{" ", ", ", ". ", "\n\n", "-", "'"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		return b.String()
	}
	var s Scorer
	for range 5000 {
		truth, pred := text(), text()
		if got, want := s.Score(truth, pred), reference(truth, pred); got != want {
			t.Fatalf("Score(%q, %q) = %+v; reference %+v", truth, pred, got, want)
		}
	}
}

func FuzzScore(f *testing.F) {
	f.Add("a b c d e", "a b c d")
	f.Add("cafe\u0301 au lait", "x y z w x y z w")
	f.Fuzz(func(t *testing.T, truth, pred string) {
		if got, want := Score(truth, pred), reference(truth, pred); got != want {
			t.Fatalf("Score(%q, %q) = %+v; reference %+v", truth, pred, got, want)
		}
	})
}

// reference is the metric written as defined, for testing.
func reference(truth, pred string) Counts {
	count := func(text string) map[string]int {
		toks := Tokens(text)
		m := map[string]int{}
		if len(toks) > 0 && len(toks) < N {
			m[strings.Join(toks, "\x00")]++
		}
		for i := 0; i+N <= len(toks); i++ {
			m[strings.Join(toks[i:i+N], "\x00")]++
		}
		return m
	}
	tc, pc := count(truth), count(pred)
	var c Counts
	for k, p := range pc {
		c.TP += min(p, tc[k])
		c.FP += max(0, p-tc[k])
	}
	for k, n := range tc {
		c.FN += max(0, n-pc[k])
	}
	return c
}

func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var words []string
	for range 400 {
		words = append(words, strings.Repeat("w", 1+rng.IntN(8))+string(rune('a'+rng.IntN(26))))
	}
	text := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(words[rng.IntN(len(words))])
			sb.WriteString(" ")
		}
		return sb.String()
	}
	truth := text(500) // about 3 KB
	pred := text(300) + truth[:1500]
	var s Scorer
	b.SetBytes(int64(len(truth) + len(pred)))
	b.ReportAllocs()
	for b.Loop() {
		s.Score(truth, pred)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
