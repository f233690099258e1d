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
		switch snd := sounds[s[i]]; snd {
		case 0: // no letter
		case vowel:
			if i == 0 {
				emit('a') // a leading vowel sound counts once
			} else if len(out) > 0 {
				// A vowel separates doubled consonants ("Ottawa").
				out = append(out, 0)
			}
		case 'p':
			if i+1 < len(s) && lowerASCII(s[i+1]) == 'h' {
				emit('v')
				i++
			} else {
				emit('p')
			}
		case 'c':
			if next := nextLower(s, i); next == 'e' || next == 'i' || next == 'y' {
				emit('s')
			} else {
				emit('k')
			}
		case 'x':
			emit('k')
			emit('s')
		default:
			emit(snd)
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

// vowel is the sound of the vowels, h and y in sounds.
const vowel = 1

// sounds maps each byte to what phonetic makes of it, in either case: w,
// f and v to v, q and k to k, z and s to s, the vowels, h and y to vowel,
// p, c and x to themselves (their sound depends on what follows), other
// letters to themselves, and what is no ASCII letter to 0.
var sounds = func() (t [256]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		snd := c
		switch c {
		case 'w', 'f', 'v':
			snd = 'v'
		case 'q', 'k':
			snd = 'k'
		case 'z', 's':
			snd = 's'
		case 'a', 'e', 'i', 'o', 'u', 'h', 'y':
			snd = vowel
		}
		t[c], t[c-'a'+'A'] = snd, snd
	}
	return t
}()

// nextLower is the byte after s[i], lower-cased, or 0 at the end.
func nextLower(s string, i int) byte {
	if i+1 < len(s) {
		return lowerASCII(s[i+1])
	}
	return 0
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// withinEdits reports whether the Levenshtein distance of two short
// strings, ASCII letters compared without case, is at most k. Only the
// cells within k of the diagonal are computed: a path through any other
// costs more than k already, so a distance of k or less comes out exact
// and a larger one larger than k.
func withinEdits(a, b string, k int) bool {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b)) <= k
	}
	if abs(len(a)-len(b)) > k {
		return false
	}
	const far = 1 << 20 // beyond the band
	var rows [2][65]int
	prev, cur := &rows[0], &rows[1]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[0] = i
		if lo > 1 {
			cur[lo-1] = far
		}
		best := far
		for j := lo; j <= hi; j++ {
			cost := 1
			if lowerASCII(a[i-1]) == lowerASCII(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if best > k && lo > 1 {
			return false // every path through this row costs more than k
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
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
	return strings.EqualFold(a.word, b.word) || a.spells(b)
}

// spells is same for words known to differ in more than case.
func (a nameKey) spells(b nameKey) bool {
	if a.key.n >= 3 && a.key == b.key {
		return true
	}
	return len(a.word) >= 6 && len(b.word) >= 6 && a.key.n > 0 && b.key.n > 0 && a.key.b[0] == b.key.b[0] &&
		withinEdits(a.word, b.word, 2)
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
