package ner

import "strings"

// phoneticKey is a name's consonant skeleton, folded so that the
// spellings one name takes across transliterations and typos share it:
// "Witkoff" and "Vitkov" are both "vtkv", "Leavitt" and "Levitt" "lvt".
// It keeps the first letter's sound, drops vowels (and h, w, y after the
// first letter), folds w to v, f and ph to v, c and q to k (s before e, i,
// y), z to s, x to ks, and collapses repeated letters. It is only used
// between names of one type in one text, where it needs to separate a
// few dozen names, not a population.
func phoneticKey(name string) string {
	var k phonetic
	k.of(name)
	return string(k.b[:k.n])
}

// phonetic is a phonetic key held in a fixed array, so that computing and
// comparing keys does not allocate; names longer than it are compared on
// their first sounds.
type phonetic struct {
	b [24]byte
	n uint8
}

func (p *phonetic) of(name string) {
	var raw [48]byte
	out := raw[:0]
	emit := func(c byte) {
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	s := name
	for i := 0; i < len(s) && len(out) < len(raw)-2; i++ {
		c := lowerASCII(s[i])
		next := byte(0)
		if i+1 < len(s) {
			next = lowerASCII(s[i+1])
		}
		switch {
		case c == 'p' && next == 'h':
			emit('v')
			i++
		case c == 'w' || c == 'f' || c == 'v':
			emit('v')
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				emit('s')
			} else {
				emit('k')
			}
		case c == 'q' || c == 'k':
			emit('k')
		case c == 'z' || c == 's':
			emit('s')
		case c == 'x':
			emit('k')
			emit('s')
		case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h' || c == 'y':
			if i == 0 {
				emit('a') // a leading vowel sound counts once
			} else if len(out) > 0 {
				// A vowel separates doubled consonants ("Ottawa").
				out = append(out, 0)
			}
		case c >= 'a' && c <= 'z':
			emit(c)
		}
	}
	p.n = 0
	for _, c := range out {
		if c != 0 && (p.n == 0 || p.b[p.n-1] != c) && int(p.n) < len(p.b) {
			p.b[p.n] = c
			p.n++
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// editDistance is the Levenshtein distance of two short strings, ASCII
// letters compared without case.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	var prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if lowerASCII(a[i-1]) == lowerASCII(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// nameKey is a word with its phonetic key, computed once.
type nameKey struct {
	word string
	key  phonetic
}

func newNameKey(word string) nameKey {
	k := nameKey{word: word}
	k.key.of(word)
	return k
}

// same reports whether two single words are spellings of one name: the
// same phonetic key of at least three letters, or, for words of six
// letters or more, an edit distance of at most two with the same first
// letter sound.
func (a nameKey) same(b nameKey) bool {
	if strings.EqualFold(a.word, b.word) {
		return true
	}
	if a.key.n >= 3 && a.key == b.key {
		return true
	}
	return len(a.word) >= 6 && len(b.word) >= 6 && a.key.n > 0 && b.key.n > 0 && a.key.b[0] == b.key.b[0] &&
		abs(len(a.word)-len(b.word)) <= 2 && editDistance(a.word, b.word) <= 2
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sameName reports whether two single words are spellings of one name.
func sameName(a, b string) bool {
	return newNameKey(a).same(newNameKey(b))
}
