package dupcorpus

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// word returns the i-th word of a vocabulary in which no typo of a word
// is a word: prefix, then each base-26 digit of i as a doubled letter. A
// dropped letter leaves an odd length; a swap breaks a pair or the prefix.
func word(prefix string, i int) string {
	b := []byte(prefix)
	for {
		c := 'a' + byte(i%26)
		b = append(b, c, c)
		if i /= 26; i == 0 {
			return string(b)
		}
	}
}

// synthetic returns a text of paragraphs of sentences of distinct words,
// the sentences' lengths cycling through lens; next is the first word's
// index.
func synthetic(prefix string, paras, sents int, lens []int, next *int) string {
	var ps []string
	for p := range paras {
		var words []string
		for s := range sents {
			n := lens[(p*sents+s)%len(lens)]
			for k := range n {
				w := word(prefix, *next)
				*next++
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				if k == n-1 {
					w += "."
				}
				words = append(words, w)
			}
		}
		ps = append(ps, strings.Join(words, " "))
	}
	return strings.Join(ps, "\n\n")
}

// isTypo says whether t is s with two adjacent letters swapped or one
// letter dropped.
func isTypo(s, t string) bool {
	a, b := []rune(s), []rune(t)
	switch len(a) - len(b) {
	case 1:
		for i := range a {
			if string(a[:i])+string(a[i+1:]) == t {
				return unicode.IsLetter(a[i])
			}
		}
	case 0:
		for i := 0; i+1 < len(a); i++ {
			c := append([]rune(nil), a...)
			c[i], c[i+1] = c[i+1], c[i]
			if string(c) == t && s != t {
				return true
			}
		}
	}
	return false
}

func TestTypo(t *testing.T) {
	tests := []struct {
		word    string
		changes bool
	}{
		{"market", true},
		{"Reuters,", true},
		{"U.S.", true},
		{"a", true},
		{"aa", true}, // no swap changes it: a letter is dropped
		{"1987", false},
		{"--", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			for seed := range uint64(20) {
				got := Typo(rand.New(rand.NewPCG(seed, 0)), tt.word)
				if again := Typo(rand.New(rand.NewPCG(seed, 0)), tt.word); again != got {
					t.Fatalf("Typo(%q) = %q, then %q with the same seed; want the same", tt.word, got, again)
				}
				if tt.changes && !isTypo(tt.word, got) || !tt.changes && got != tt.word {
					t.Errorf("Typo(%q) seed %d = %q; want a swap or a dropped letter: %v", tt.word, seed, got, tt.changes)
				}
			}
		})
	}
}

func TestEditText(t *testing.T) {
	next := 0
	text := synthetic("wx", 8, 3, []int{4, 9, 12, 6, 15}, &next)
	var pool Pool
	for i := range 6 {
		pool.Add("other-"+string(rune('a'+i)), synthetic("pq", 3, 2, []int{3, 5, 8, 11, 20, 30}, &next))
	}
	pool.Add("self", synthetic("wx", 2, 2, []int{5}, &next)) // never added: the story's own
	src := strings.Fields(text)
	inSource := make(map[string]bool)
	for _, w := range src {
		inSource[w] = true
	}
	var ops Edits
	for _, level := range Levels {
		t.Run(LevelLabel(level), func(t *testing.T) {
			for seed := range uint64(10) {
				got, e := EditText(rand.New(rand.NewPCG(seed, 7)), "self", text, level, &pool)
				again, _ := EditText(rand.New(rand.NewPCG(seed, 7)), "self", text, level, &pool)
				if again != got {
					t.Fatalf("EditText(level %d, seed %d) differs between two runs", level, seed)
				}
				if want := Target(level, len(src)); e.Words != len(src) || e.Affected() != want {
					t.Errorf("EditText(level %d, seed %d) edits = %+v, %d affected; want %d words, %d affected", level, seed, e, e.Affected(), len(src), want)
				}
				if level > 0 && e.Typos < 1 {
					t.Errorf("EditText(level %d, seed %d) typos = 0; want at least 1", level, seed)
				}
				// Every word of the copy is the source's, added from the
				// pool, or a typo of a source word that is gone.
				kept, added, typos := 0, 0, 0
				missing := make(map[string]bool)
				for w := range inSource {
					missing[w] = true
				}
				var typoed []string
				for _, w := range strings.Fields(got) {
					switch {
					case inSource[w]:
						kept++
						delete(missing, w)
					case strings.HasPrefix(strings.ToLower(w), "pq"):
						added++
					default:
						typos++
						typoed = append(typoed, w)
					}
				}
				if kept != len(src)-e.DroppedWords-e.Typos || added != e.AddedWords || typos != e.Typos {
					t.Errorf("EditText(level %d, seed %d): kept, added, typos = %d, %d, %d; want %d, %d, %d",
						level, seed, kept, added, typos, len(src)-e.DroppedWords-e.Typos, e.AddedWords, e.Typos)
				}
				for _, w := range typoed {
					found := false
					for s := range missing {
						found = found || isTypo(s, w)
					}
					if !found {
						t.Errorf("EditText(level %d, seed %d): word %q is neither the source's, added nor a typo", level, seed, w)
					}
				}
				if n, want := len(Paragraphs(got)), 8-e.DroppedParagraphs+e.AddedParagraphs; n != want {
					t.Errorf("EditText(level %d, seed %d) = %d paragraphs; want %d", level, seed, n, want)
				}
				if level == 0 && got != text {
					t.Errorf("EditText(level 0) = %q; want the text", got)
				}
				ops.DroppedParagraphs += e.DroppedParagraphs
				ops.AddedParagraphs += e.AddedParagraphs
				ops.DroppedSentences += e.DroppedSentences
				ops.AddedSentences += e.AddedSentences
			}
		})
	}
	if ops.DroppedParagraphs == 0 || ops.AddedParagraphs == 0 || ops.DroppedSentences == 0 || ops.AddedSentences == 0 {
		t.Errorf("EditText over all levels and seeds made edits %+v; want every kind of paragraph and sentence edit", ops)
	}
}

func TestTarget(t *testing.T) {
	tests := []struct{ level, n, want int }{
		{0, 300, 0}, {5, 150, 8}, {5, 100, 5}, {10, 155, 16}, {20, 222, 44}, {30, 10, 3},
	}
	for _, tt := range tests {
		if got := Target(tt.level, tt.n); got != tt.want {
			t.Errorf("Target(%d, %d) = %d; want %d", tt.level, tt.n, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One two. Three four.", []string{"One two.", "Three four."}},
		{"Mr. Smith went to the U.S. on Monday. He left.", []string{"Mr. Smith went to the U.S. on Monday.", "He left."}},
		{`He said "no." Then "yes."`, []string{`He said "no."`, `Then "yes."`}},
		{"Profit rose 4.5 pct. 1987 was good.", []string{"Profit rose 4.5 pct.", "1987 was good."}},
		{"J. Smith said so", []string{"J. Smith said so"}},
		{"no end here. and no capital", []string{"no end here. and no capital"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range sentences(strings.Fields(tt.in)) {
			got = append(got, strings.Join(s, " "))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentences(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
