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
	s := strings.ToLower(name)
	var out []byte
	emit := func(c byte) {
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
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
	b := out[:0]
	for _, c := range out {
		if c != 0 && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// editDistance is the Levenshtein distance of two short strings.
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
			if a[i-1] == b[j-1] {
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
	word, key string
}

func newNameKey(word string) nameKey {
	return nameKey{word: word, key: phoneticKey(word)}
}

// same reports whether two single words are spellings of one name: the
// same phonetic key of at least three letters, or, for words of six
// letters or more, an edit distance of at most two with the same first
// letter sound.
func (a nameKey) same(b nameKey) bool {
	if strings.EqualFold(a.word, b.word) {
		return true
	}
	if len(a.key) >= 3 && a.key == b.key {
		return true
	}
	return len(a.word) >= 6 && len(b.word) >= 6 && a.key != "" && b.key != "" && a.key[0] == b.key[0] &&
		editDistance(strings.ToLower(a.word), strings.ToLower(b.word)) <= 2
}

// sameName reports whether two single words are spellings of one name.
func sameName(a, b string) bool {
	return newNameKey(a).same(newNameKey(b))
}
