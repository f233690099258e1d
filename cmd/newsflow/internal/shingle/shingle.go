// Package shingle scores extracted text against gold text with the metric
// of the article-extraction-benchmark (github.com/scrapinghub/
// article-extraction-benchmark), so that newsflow's numbers compare with
// the ones published there.
//
// A text is split into tokens, the matches of Python's \w+ on a str: runs
// of '_' and of characters of the Unicode categories L (Lu, Ll, Lt, Lm, Lo)
// and N (Nd, Nl, No). Combining marks (Mn, Mc, Me) are not word characters
// there, so they split tokens ("cafe\u0301" is "cafe"), and so does any
// punctuation ("don't" is "don" and "t"). Tokens are case-sensitive.
// The categories come from Go's Unicode tables; they differ from those of
// the Python that runs the benchmark only in characters that one of the
// two Unicode versions has not assigned yet.
//
// The shingles of a text are its runs of N = 4 consecutive tokens; a text
// of 1 to 3 tokens has the one shingle of all its tokens, an empty text
// none. Each text is a multiset of shingles, and a page scores
//
//	TP = Σ min(gold, pred), FP = Σ max(0, pred-gold), FN = Σ max(0, gold-pred)
//
// over all shingles. Page and corpus precision, recall and F1 follow the
// benchmark's rules, described at Counts.Precision, Counts.Recall and
// Aggregate.
package shingle

import (
	"unicode"
	"unicode/utf8"
)

// N is the number of tokens in a shingle.
const N = 4

// key is a shingle as the ids of its tokens. Ids start at 1, so the zero
// padding of a text shorter than N tokens can never equal a real token,
// and shingles of different lengths never compare equal, as Python tuples
// of different lengths do not.
type key [N]uint32

// Score returns the shingle overlap of pred with truth. It allocates its
// tables on every call; a Scorer reuses them.
func Score(truth, pred string) Counts {
	var s Scorer
	return s.Score(truth, pred)
}

// Scorer scores texts with tables reused from call to call. The zero value
// is ready to use. A Scorer is not safe for concurrent use.
type Scorer struct {
	// ids interns tokens so that a shingle is N small integers rather
	// than a joined string: exact, and no allocation per shingle.
	ids    map[string]uint32
	toks   []uint32
	counts map[key]int32
}

// Score returns the shingle overlap of pred with truth.
func (s *Scorer) Score(truth, pred string) Counts {
	if s.ids == nil {
		s.ids = make(map[string]uint32)
		s.counts = make(map[key]int32)
	}
	// The tables hold substrings of the texts: clearing them when done
	// keeps a long-lived Scorer from pinning the last pages in memory.
	defer clear(s.ids)
	defer clear(s.counts)

	s.tokenize(truth)
	nTruth := 0
	s.shingles(func(k key) {
		s.counts[k]++
		nTruth++
	})

	// Σ min(gold, pred) is the number of predicted shingles that can
	// each be matched with a gold one not matched yet; the rest of each
	// side are the false positives and negatives.
	s.tokenize(pred)
	nPred, tp := 0, 0
	s.shingles(func(k key) {
		nPred++
		if c := s.counts[k]; c > 0 {
			s.counts[k] = c - 1
			tp++
		}
	})
	return Counts{TP: tp, FP: nPred - tp, FN: nTruth - tp}
}

// tokenize sets s.toks to the ids of text's tokens.
func (s *Scorer) tokenize(text string) {
	s.toks = s.toks[:0]
	eachToken(text, func(tok string) {
		id, ok := s.ids[tok]
		if !ok {
			id = uint32(len(s.ids)) + 1
			s.ids[tok] = id
		}
		s.toks = append(s.toks, id)
	})
}

// shingles calls f with each shingle of s.toks.
func (s *Scorer) shingles(f func(key)) {
	t := s.toks
	if len(t) == 0 {
		return
	}
	if len(t) < N {
		var k key
		copy(k[:], t)
		f(k)
		return
	}
	for i := 0; i+N <= len(t); i++ {
		f(key(t[i : i+N]))
	}
}

// Tokens returns the tokens of text, as the benchmark splits it.
func Tokens(text string) []string {
	var toks []string
	eachToken(text, func(tok string) { toks = append(toks, tok) })
	return toks
}

// eachToken calls f with each token of text, a substring of it.
func eachToken(text string, f func(string)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			// An invalid byte decodes as U+FFFD, a symbol: a separator,
			// as it would be in the Python string it stands for.
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWord(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(text[start:])
	}
}

// isWord reports whether r matches Python's \w on a str: '_' or a rune
// for which str.isalnum() is true (categories L and N).
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// asciiWord is isWord for ASCII, the common case, without a table search.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()
