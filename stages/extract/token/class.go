package token

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes of ASCII, looked up in byteClass so that the common case,
// an ASCII letter or a space, costs one load and one test.
const (
	cLower  uint8 = 1 << iota // a-z
	cUpper                    // A-Z
	cDigit                    // 0-9
	cSpace                    // space, tab
	cBreak                    // line feed, carriage return, vertical tab, form feed
	cSymbol                   // ASCII that is a Symbol token; the rest of the printable ASCII is Punct
	cHigh                     // a byte of a multi-byte UTF-8 sequence, or invalid
	cEnd                      // ASCII that ends any word: not alphanumeric, an apostrophe or a period

	cLetter = cLower | cUpper
	cAlnum  = cLetter | cDigit
)

var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
		t[c-'a'+'A'] = cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	t[' '], t['\t'] = cSpace, cSpace
	t['\n'], t['\r'], t['\v'], t['\f'] = cBreak, cBreak, cBreak, cBreak
	// The spec of the Symbol kind: currency, percent and the signs that
	// are not punctuation in running text. C0 controls and DEL, which the
	// clean stage removes, are symbols too, so that every byte is a token
	// or white space.
	for _, c := range "$%&@#*+=<>^`|~\\" {
		t[c] = cSymbol
	}
	for c := 0; c < 0x20; c++ {
		if t[c] == 0 {
			t[c] = cSymbol
		}
	}
	t[0x7f] = cSymbol
	for c := 0; c < 0x80; c++ {
		if t[c]&cAlnum == 0 && c != '\'' && c != '.' {
			t[c] |= cEnd
		}
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = cHigh
	}
	return t
}()

// Classes of a non-ASCII rune, as the tokenizer sees it.
const (
	rOther    uint8 = iota // a Symbol token
	rSpace                 // white space within a line
	rBreak                 // a line or paragraph separator
	rLetter                // a letter: starts and continues a word
	rMark                  // a combining mark: continues a word, or starts one
	rDigit                 // a number character: as a letter, but makes a Number
	rJoiner                // ZWNJ and ZWJ: continue a word, never start one
	rPunct                 // punctuation
	rEllipsis              // "…", a sentence terminal
	rOpenQ                 // an opening quotation mark
	rCloseQ                // a closing quotation mark other than ’
	rApos                  // ’: apostrophe inside a word, closing quote outside
)

// runeClass classifies a non-ASCII rune. The quotation marks and the
// separators come first because the unicode tables would call them
// punctuation and white space.
func runeClass(r rune) uint8 {
	switch r {
	case '“', '‘', '«', '„', '‚', '‹', '‛', '‟':
		return rOpenQ
	case '”', '»', '›':
		return rCloseQ
	case '’':
		return rApos
	case '…':
		return rEllipsis
	case '–', '—', '‐', '‑', '‒', '―', '•', '·':
		// Common in news and costly to find in the unicode tables.
		return rPunct
	case '\u0085', '\u2028', '\u2029':
		return rBreak
	case '\u200c', '\u200d':
		return rJoiner
	case utf8.RuneError:
		return rOther
	}
	switch {
	case unicode.IsLetter(r):
		return rLetter
	case unicode.IsMark(r):
		return rMark
	case unicode.IsNumber(r):
		return rDigit
	case unicode.IsSpace(r):
		return rSpace
	case unicode.IsPunct(r):
		return rPunct
	}
	return rOther
}

// isSpaceAt reports whether s[i:] starts with white space or a line break.
// The end of the text counts as white space.
func isSpaceAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf {
		return byteClass[c]&(cSpace|cBreak) != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	k := runeClass(r)
	return k == rSpace || k == rBreak
}

// isWordAt reports whether s[i:] starts with a rune that continues a word:
// a letter, mark, digit or joiner.
func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return byteClass[c]&cAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch runeClass(r) {
	case rLetter, rMark, rDigit, rJoiner:
		return true
	}
	return false
}

// letterAt returns the size of the letter s[i:] starts with, and whether it
// is upper case; size is 0 when s[i:] does not start with a letter.
func letterAt(s string, i int) (size int, upper bool) {
	if i >= len(s) {
		return 0, false
	}
	if c := s[i]; c < utf8.RuneSelf {
		k := byteClass[c]
		if k&cLetter == 0 {
			return 0, false
		}
		return 1, k&cUpper != 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if runeClass(r) != rLetter {
		return 0, false
	}
	return n, unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isDigitAt reports whether s[i] is an ASCII digit.
func isDigitAt(s string, i int) bool {
	return i < len(s) && byteClass[s[i]]&cDigit != 0
}

// digitsAt returns the number of ASCII digits at s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && byteClass[s[i+n]]&cDigit != 0 {
		n++
	}
	return n
}
