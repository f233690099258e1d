package gazetteer

import (
	"hash/maphash"
	"unicode/utf8"
)

// foldMap is one of the word lists looked up in any case (demonyms, first
// names, roles, common words), keyed by the upper-cased word, with a
// filter of its keys. A recogniser asks about most capitalised words of a
// text, and most are in none of the lists: the filter, a few kilobytes
// that stay in the cache, turns those away after one hash of the word,
// which a word of ASCII letters gets upper-cased on the stack.
type foldMap[V any] struct {
	m    map[string]V
	has  filter
	seed maphash.Seed
}

// newFoldMap wraps m, whose keys are upper case as foldAppend makes them.
func newFoldMap[V any](m map[string]V) foldMap[V] {
	f := foldMap[V]{m: m, seed: maphash.MakeSeed()}
	hashes := make([]uint64, 0, len(m))
	for k := range m {
		hashes = append(hashes, maphash.String(f.seed, k))
	}
	f.has = newFilter(hashes)
	return f
}

// get returns the value of s upper-cased as foldAppend does it.
func (f *foldMap[V]) get(s string) (V, bool) {
	var buf [maxFoldBytes]byte
	k, ok := upperASCII(&buf, s)
	if !ok {
		k, ok = foldAppend(buf[:0], s)
	}
	if !ok || !f.has.mayHold(maphash.Bytes(f.seed, k)) {
		var zero V
		return zero, false
	}
	v, ok := f.m[string(k)]
	return v, ok
}

// upperASCII upper-cases s into buf if s is ASCII and fits; otherwise it
// returns false and leaves s to foldAppend.
func upperASCII(buf *[maxFoldBytes]byte, s string) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}
