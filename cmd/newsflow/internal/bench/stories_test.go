package bench

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"
)

// reutersDir is Reuters-21578, read in place: shared/ sits beside the
// repository, and this package is four levels under its root.
var reutersDir = filepath.Join("..", "..", "..", "..", "..", "shared", "corpora", "reuters21578")

// storyCorpora names the soak's base texts: generated, from an empty
// directory, and Reuters-21578, which may be missing.
func storyCorpora(t *testing.T) map[string]string {
	return map[string]string{
		"generated": t.TempDir(),
		"reuters":   reutersDir,
	}
}

// skipWithoutCorpus skips t when dir is missing.
func skipWithoutCorpus(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus: %v", err)
	}
}

// TestStoriesAreNew checks that the soak's stories are new to the words
// dedup compares: stories of one base share almost no word 3-shingle.
func TestStoriesAreNew(t *testing.T) {
	for name, dir := range storyCorpora(t) {
		t.Run(name, func(t *testing.T) {
			skipWithoutCorpus(t, dir)
			s, _, err := newStoryMaker(dir, 3072)
			if err != nil {
				t.Fatalf("newStoryMaker(%q, 3072): %v", dir, err)
			}
			checkNewStories(t, s)
		})
	}
}

// checkNewStories compares stories of s that share a base.
func checkNewStories(t *testing.T, s *storyMaker) {
	t.Helper()
	n := len(s.bases)
	// Stories n apart share their base; 3n apart, the words replaced too.
	for _, pair := range [][2]int{{0, n}, {1, 1 + 3*n}, {5, 5 + 6*n}, {7, 8}} {
		a, b := s.article(pair[0]), s.article(pair[1])
		if a.ID == b.ID || a.Body == b.Body {
			t.Fatalf("stories %d and %d: same id or body", pair[0], pair[1])
		}
		sa, sb := shingles(a.Body), shingles(b.Body)
		shared := 0
		for k := range sa {
			if sb[k] {
				shared++
			}
		}
		j := float64(shared) / float64(len(sa)+len(sb)-shared)
		t.Logf("stories %d and %d: shingle Jaccard %.3f", pair[0], pair[1], j)
		if j > 0.25 {
			t.Errorf("stories %d and %d of one base: shingle Jaccard %.2f; want well under dedup's 0.5", pair[0], pair[1], j)
		}
	}
}

// shingles is the set of word 3-shingles of text, lower-cased.
func shingles(text string) map[string]bool {
	var w []string
	eachWord(strings.ToLower(text), func(word string) { w = append(w, word) })
	set := make(map[string]bool)
	for i := 2; i < len(w); i++ {
		set[w[i-2]+" "+w[i-1]+" "+w[i]] = true
	}
	return set
}

// TestStoryIsDeterministic checks that a story depends on its number only.
func TestStoryIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	s1, _, err := newStoryMaker(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	s2, _, err := newStoryMaker(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 1, 999, 12345} {
		if a, b := s1.article(n), s2.article(n); !reflect.DeepEqual(a, b) {
			t.Errorf("article(%d) = %+v, then %+v; want the same", n, a, b)
		}
		if got, want := s1.article(n).ID, "soak-"+strconv.Itoa(n); got != want {
			t.Errorf("article(%d).ID = %q; want %q", n, got, want)
		}
	}
}

func TestNextWord(t *testing.T) {
	for _, tt := range []struct {
		in                 string
		before, word, rest string
	}{
		{"", "", "", ""},
		{"  ,;", "  ,;", "", ""},
		{"hello world", "", "hello", " world"},
		{"  (U.S.) said", "  (", "U.S", ".) said"},
		{"4.5 pct", "", "4.5", " pct"},
		{"«Zürich» ist", "«", "Zürich", "» ist"},
		{"don't\tstop", "", "don't", "\tstop"},
		{"end.", "", "end", "."},
	} {
		before, word, rest := nextWord(tt.in)
		if before != tt.before || word != tt.word || rest != tt.rest {
			t.Errorf("nextWord(%q) = %q, %q, %q; want %q, %q, %q", tt.in, before, word, rest, tt.before, tt.word, tt.rest)
		}
	}
}

func TestWordKind(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"bank", plainWord},
		{"Bank", capitalisedWord},
		{"Élysée", capitalisedWord},
		{"1987", numberWord},
		{"Q4", numberWord},
		{"é", plainWord},
	} {
		if got := wordKind(tt.in); got != tt.want {
			t.Errorf("wordKind(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

// BenchmarkStory is the feeder's work per article: making a new story and
// encoding it.
func BenchmarkStory(b *testing.B) {
	s, _, err := newStoryMaker(reutersDir, 3072)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		if _, err := json.Marshal(s.article(n)); err != nil {
			b.Fatal(err)
		}
		n++
	}
}
