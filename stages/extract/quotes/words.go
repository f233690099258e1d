package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cleaned text separates words with single spaces and paragraphs with
// line breaks, so a word is a run of bytes without white space. These
// helpers work on byte offsets into the text and never allocate.

// isSpace reports whether c is white space inside a paragraph.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// wordAfter returns the first word in t[i:hi]. It stops at a line break:
// no word is found past the end of the paragraph.
func wordAfter(t string, i, hi int) (s, e int, ok bool) {
	for i < hi && isSpace(t[i]) {
		i++
	}
	if i >= hi || t[i] == '\n' {
		return i, i, false
	}
	s = i
	for i < hi && !isSpace(t[i]) && t[i] != '\n' {
		i++
	}
	return s, i, true
}

// wordBefore returns the last word in t[lo:i], stopping at a line break.
func wordBefore(t string, lo, i int) (s, e int, ok bool) {
	for i > lo && isSpace(t[i-1]) {
		i--
	}
	if i <= lo || t[i-1] == '\n' {
		return i, i, false
	}
	e = i
	for i > lo && !isSpace(t[i-1]) && t[i-1] != '\n' {
		i--
	}
	return i, e, true
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x2000 <= r && r <= 0x206F:
		return false // general punctuation: quotation marks, dashes
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// core trims the word t[s:e] to its letters and digits: punctuation
// around it goes, except the final period of an initialism ("U.S.").
func core(t string, s, e int) (cs, ce int) {
	if s < e && isASCIIAlnum(t[s]) && isASCIIAlnum(t[e-1]) {
		return s, e // the common case: a bare word
	}
	cs, ce = s, e
	for cs < ce && t[cs] < utf8.RuneSelf && !isASCIIAlnum(t[cs]) {
		cs++
	}
	for ce > cs && t[ce-1] < utf8.RuneSelf && !isASCIIAlnum(t[ce-1]) {
		ce--
	}
	for cs < ce {
		r, n := utf8.DecodeRuneInString(t[cs:ce])
		if isAlnum(r) {
			break
		}
		cs += n
	}
	for ce > cs {
		r, n := utf8.DecodeLastRuneInString(t[cs:ce])
		if isAlnum(r) {
			break
		}
		ce -= n
	}
	if ce < e && t[ce] == '.' && strings.IndexByte(t[cs:ce], '.') >= 0 {
		ce++
	}
	return cs, ce
}

// isUpperAt reports whether the rune at t[i] is an upper-case letter.
func isUpperAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsUpper(r)
}

// isLowerAt reports whether the rune at t[i] is a lower-case letter.
func isLowerAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLower(r)
}

// isCapWord reports whether the core t[cs:ce] looks like part of a name:
// capitalised, or an Arabic-style particle before a capital ("al-Amr").
func isCapWord(t string, cs, ce int) bool {
	if isUpperAt(t, cs) {
		return true
	}
	if h := strings.IndexByte(t[cs:ce], '-'); h > 0 && h <= 3 {
		return isUpperAt(t, cs+h+1)
	}
	return false
}

// isAcronym reports whether w is two or more capital letters (digits,
// periods and ampersands allowed): "US", "KCNA", "U.S.", "AT&T".
func isAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			n++
		case '0' <= c && c <= '9' || c == '.' || c == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// isPossessive reports whether the word t[s:e], with core t[cs:ce], is a
// possessive: "Russia's", "Jones’", "the Kremlin’s".
func isPossessive(t string, s, e, cs, ce int) bool {
	w := t[cs:ce]
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	tail := t[ce:e]
	return strings.HasSuffix(w, "s") && (strings.HasPrefix(tail, "'") || strings.HasPrefix(tail, "’"))
}

// isInitialism reports whether the core is an initialism or an initial:
// "U.S.", "J.".
func isInitialism(w string) bool {
	return strings.IndexByte(w, '.') >= 0 || utf8.RuneCountInString(w) == 1
}

// trailingPunct reports whether the word t[s:e] ends in punctuation that
// ends a noun phrase: a comma, colon, sentence end or bracket, but not a
// possessive apostrophe nor the period of an abbreviation or initial.
func trailingPunct(t string, s, e, cs, ce int) bool {
	tail := t[ce:e]
	if tail == "" {
		return false
	}
	if tail == "'" || tail == "’" {
		return !strings.HasSuffix(t[cs:ce], "s")
	}
	if tail == "." {
		w := t[cs:ce]
		return !isInitialism(w) && lookup(w)&cAbbrev == 0
	}
	return true
}

// endsSentence reports whether the word t[s:e] ends a sentence: it ends
// in '.', '!', '?' or an ellipsis, possibly inside closing brackets, is no
// abbreviation or initial, and what follows it before hi starts a
// sentence (a capital, a digit, an opening mark, a line break) or is hi.
func endsSentence(t string, s, e, hi int) bool {
	switch c := t[e-1]; {
	case c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' && c != ')' && c != ']' && c != '"' && c != '\'':
		return false // most words: "said", "Gazette,"
	}
	j := e
	for j > s {
		c := t[j-1]
		if c == ')' || c == ']' || c == '"' || c == '\'' {
			j--
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		if r, n := utf8.DecodeLastRuneInString(t[s:j]); r == '’' || r == '”' || r == '»' {
			j -= n
			continue
		}
		break
	}
	if j == s {
		return false
	}
	switch c := t[j-1]; {
	case c == '!' || c == '?':
	case c == '.':
		cs, ce := core(t, s, j)
		if ce > cs && t[ce-1] == '.' {
			ce-- // the initialism kept its period
		}
		w := t[cs:ce]
		if cs < ce && j-1 == ce {
			if c := lookup(w); c&cAbbrev != 0 && c&cRole != 0 {
				return false // "Mr. Smith"
			}
			if isInitialism(w) || lookup(w)&cAbbrev != 0 {
				// "U.S. President" goes on; "Washington D.C. The team"
				// ends: a capitalised function word starts a sentence.
				return functionWordAfter(t, e, hi)
			}
		}
	case strings.HasSuffix(t[s:j], "…"):
	default:
		return false
	}
	return startsSentence(t, e, hi)
}

// startsSentence reports whether the text from i can start a sentence:
// nothing before hi, a line break, or a word starting with a capital, a
// digit or an opening mark or bracket.
func startsSentence(t string, i, hi int) bool {
	for i < hi && isSpace(t[i]) {
		i++
	}
	if i >= hi || t[i] == '\n' {
		return true
	}
	c := t[i]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '"' || c == '\'' || c == '(' || c == '['
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsUpper(r) || r == '“' || r == '‘' || r == '«' || r == '„'
}

// functionWordAfter reports whether the word after i is a capitalised
// function word ("The", "He", "In"): after an abbreviation, the sign
// that a sentence ended.
func functionWordAfter(t string, i, hi int) bool {
	s, e, ok := wordAfter(t, i, hi)
	if !ok || !isUpperAt(t, s) {
		return false
	}
	cs, ce := core(t, s, e)
	return lookup(t[cs:ce])&(cDet|cPronoun|cStop|cCommon) != 0
}
