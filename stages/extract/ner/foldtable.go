package ner

import (
	"strings"
	"unicode/utf8"
)

// cueTable holds cueWords in an open-addressing table keyed by foldHash:
// a lookup hashes the word as written, with no lower-cased copy, and most
// probes end at the first slot, which holds the word itself: one read of
// memory, where other work leaves the table out of the cache.
var cueTable = func() foldTable {
	n := 64
	for n < 2*len(cueWords) {
		n *= 2
	}
	t := foldTable{slots: make([]foldSlot, n), mask: uint64(n - 1)}
	for w, c := range cueWords {
		if len(w) > len(foldSlot{}.word) {
			panic("ner: cue word " + w + " is too long")
		}
		h := foldHash(w)
		i := h & t.mask
		for t.slots[i].h != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = foldSlot{h: h, cue: c, n: uint8(len(w))}
		copy(t.slots[i].word[:], w)
	}
	return t
}()

type foldTable struct {
	slots []foldSlot
	mask  uint64
}

// foldSlot is 32 bytes, two to a cache line.
type foldSlot struct {
	h    uint64
	cue  cue
	n    uint8
	word [19]byte // lower case, n bytes
}

// get returns the cues of word, compared with its ASCII letters
// lower-cased.
func (t *foldTable) get(word string) cue {
	h := foldHash(word)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.h == 0 {
			return 0
		}
		if s.h == h && equalFold(word, s.word[:s.n]) {
			return s.cue
		}
	}
}

// equalFold is strings.EqualFold(s, string(b)), with ASCII compared
// inline: a list's words are mostly ASCII, the text's as well.
func equalFold(s string, b []byte) bool {
	if len(s) != len(b) {
		return strings.EqualFold(s, string(b))
	}
	for i := 0; i < len(b); i++ {
		x, y := s[i], b[i]
		if x|y >= utf8.RuneSelf {
			return strings.EqualFold(s, string(b))
		}
		if l := x | 0x20; x != y && (l != y|0x20 || l < 'a' || l > 'z') {
			return false
		}
	}
	return true
}

// foldHash hashes s with ASCII letters lower-cased, never 0. The text's
// every lower-case word is hashed (collectLower), so it reads whole words
// of memory, not bytes: eight bytes at a time, then the last eight (which
// may overlap), or for short words two four-byte or three single-byte
// reads that between them cover every byte. Folding sets bit 0x20 of
// every byte, which lower-cases ASCII letters (and the second byte of
// Latin-1 letters); the few other pairs it joins ('@' and '`') only make a
// rare name look common.
func foldHash(s string) uint64 {
	const fold = 0x2020202020202020
	n := len(s)
	h := uint64(n) * 0x9e3779b97f4a7c15
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = foldMix(h, load64(s[i:])|fold)
		}
		// The last eight bytes of the word, overlapping the chunk before
		// when the length is not a multiple of eight.
		h = foldMix(h, load64(s[n-8:])|fold)
	case n >= 4:
		h = foldMix(h, (load32(s)|load32(s[n-4:])<<32)|fold)
	case n > 0:
		h = foldMix(h, (uint64(s[0])|uint64(s[n/2])<<8|uint64(s[n-1])<<16)|fold)
	}
	return h | 1
}

func foldMix(h, x uint64) uint64 {
	h = (h ^ x) * 0xff51afd7ed558ccd
	return h ^ h>>32
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
