// Package ascii finds runs of ASCII letters, the white space that ends a
// word, and bytes outside ASCII, eight bytes at a time. The
// scanners of stages/extract spend most of their time finding where words
// end; a byte-at-a-time loop costs a mispredicted branch at every word's
// end, a word-at-a-time one mostly none (a word is rarely over 8 bytes).
package ascii

import "math/bits"

const (
	low7 = 0x7f7f7f7f7f7f7f7f
	high = 0x8080808080808080
	fold = 0x2020202020202020
)

// LowerEnd returns the end of the run of lower-case ASCII letters (a-z)
// that starts at i in s: the first index from i that holds another byte,
// or len(s).
func LowerEnd(s string, i int) int { return end(s, i, 0) }

// LetterEnd returns the end of the run of ASCII letters (a-z, A-Z) that
// starts at i in s.
func LetterEnd(s string, i int) int { return end(s, i, fold) }

func end(s string, i int, f uint64) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i:]) | f
		y := x & low7
		atLeastA := (y + 0x1f1f1f1f1f1f1f1f) & high // byte ≥ 'a'
		pastZ := (y + 0x0505050505050505) & high    // byte > 'z'
		other := ^(atLeastA &^ pastZ &^ x) & high   // not a-z, or not ASCII
		if other != 0 {
			return i + bits.TrailingZeros64(other)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i] | byte(f); c < 'a' || c > 'z' {
			return i
		}
	}
	return i
}

// Only reports whether every byte of s is ASCII.
func Only(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s[i:])&high != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SpaceAt returns the index of the first space, tab, carriage return or
// line feed in s[i:hi], or hi.
func SpaceAt(s string, i, hi int) int {
	for i < hi {
		if i+8 <= hi {
			x := load64(s[i:])
			// High bit set in the bytes at most 0x20.
			low := ^((x & low7) + 0x5f5f5f5f5f5f5f5f | x) & high
			if low == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(low) / 8
		}
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			return i
		}
		i++ // another control character, or the bytes left are fewer than 8
	}
	return hi
}

// ByteOrNonASCII returns the index of the first byte from i in s that is
// a, b or c (ASCII bytes) or is outside ASCII, or len(s). Eight bytes at a
// time: a scan for a few marks spends most of its time on bytes that are
// none of them.
func ByteOrNonASCII(s string, i int, a, b, c byte) int {
	const ones = 0x0101010101010101
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i:])
		// A byte of xa is zero where x holds a. (v - ones) &^ v has the
		// high bit set in v's first zero byte (and perhaps in later
		// ones, which only borrow from it), and in no byte before.
		xa, xb, xc := x^(ones*uint64(a)), x^(ones*uint64(b)), x^(ones*uint64(c))
		m := ((xa-ones)&^xa | (xb-ones)&^xb | (xc-ones)&^xc | x) & high
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if d := s[i]; d == a || d == b || d == c || d >= 0x80 {
			return i
		}
	}
	return i
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
