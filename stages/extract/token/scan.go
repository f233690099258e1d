package token

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// word scans the word or number that starts at text[start], a letter, mark
// or digit, emits it and returns where it ends.
func (t *Tokenizer) word(start int) int {
	s := t.text
	var (
		f                Flags
		letters, uppers  int
		digits, group    int  // digits in the token, and in its current digit group
		digitAfterLetter bool // a letter precedes a digit: a word like "G7", not "21st"
		point            bool // a decimal point was joined
	)
	j := start
scan:
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			k := byteClass[c]
			switch {
			case k&cLower != 0:
				// Most bytes of English are lower-case letters: take
				// their run in one loop.
				i := j
				j = ascii.LowerEnd(s, j+1)
				letters += j - i
				continue
			case k&cUpper != 0:
				if letters == 0 {
					f |= Upper
				}
				letters++
				uppers++
			case k&cDigit != 0:
				digitAfterLetter = digitAfterLetter || letters > 0
				digits++
				group++
			case c == '\'':
				if !apostropheInWord(s, j+1) {
					break scan
				}
			case c == '.' || c == ',' || c == ':':
				if letters > 0 || digits == 0 || !joinsNumber(s, j, group, point) {
					break scan
				}
				point = point || c == '.'
				group = 0
			default:
				break scan
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch runeClass(r) {
		case rLetter:
			if letters == 0 && (unicode.IsUpper(r) || unicode.IsTitle(r)) {
				f |= Upper
			}
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		case rDigit:
			digitAfterLetter = digitAfterLetter || letters > 0
			digits++
			group++
		case rMark, rJoiner:
		case rApos:
			if !apostropheInWord(s, j+size) {
				break scan
			}
		default:
			break scan
		}
		j += size
	}

	kind := Word
	if digits > 0 && !digitAfterLetter {
		kind = Number
	}
	if letters >= 2 && uppers == letters {
		f |= AllUpper
	}
	if kind == Word && digits == 0 && j < len(s) && s[j] == '.' {
		j, f = abbrev(s, start, j, letters, f)
	}
	t.emit(start, j, kind, f)
	return j
}

// apostropheInWord reports whether an apostrophe before s[i], after a
// letter or digit, is inside a word ("O'Brien", "don't"): a letter follows
// and it is not the possessive clitic "'s" at the end of the word.
func apostropheInWord(s string, i int) bool {
	if n, _ := letterAt(s, i); n == 0 {
		return false
	}
	return s[i] != 's' && s[i] != 'S' || isWordAt(s, i+1)
}

// joinsNumber reports whether the separator s[i] ('.', ',' or ':') after
// a number's digit group of group digits joins the next digits to the
// number: a decimal point before a digit; a thousands separator before
// exactly three digits, after a first group of at most three; a time's
// colon before exactly two digits, after a group of one or two.
func joinsNumber(s string, i, group int, point bool) bool {
	switch s[i] {
	case '.':
		return isDigitAt(s, i+1)
	case ',':
		return !point && group <= 3 && digitsAt(s, i+1) == 3
	case ':':
		return !point && group <= 2 && digitsAt(s, i+1) == 2
	}
	return false
}

// asciiPunct emits the ASCII punctuation at text[i], c, and returns where
// it ends.
func (t *Tokenizer) asciiPunct(i int, c byte) int {
	switch c {
	case '.':
		k := i + 1
		for k < len(t.text) && t.text[k] == '.' {
			k++
		}
		t.emit(i, k, Punct, 0)
		return k
	case '"':
		t.straightQuote(i, false)
		return i + 1
	case '\'':
		return t.apostrophe(i, 1)
	}
	t.emit(i, i+1, Punct, 0)
	return i + 1
}

// nonASCII handles the rune at text[i], which is not ASCII, and returns
// where the next one starts.
func (t *Tokenizer) nonASCII(i int) int {
	r, size := utf8.DecodeRuneInString(t.text[i:])
	if r == utf8.RuneError && size == 1 {
		t.emit(i, i+1, Symbol, 0)
		return i + 1
	}
	switch runeClass(r) {
	case rLetter, rMark, rDigit:
		return t.word(i)
	case rSpace:
		// Nothing to record: SpaceBefore comes from the offsets.
	case rBreak:
		t.lineBreak()
	case rOpenQ:
		if r == '‘' || r == '‚' || r == '‛' {
			t.openSingle = true
		}
		t.emit(i, i+size, Quote, OpenQuote)
	case rCloseQ:
		t.emit(i, i+size, Quote, CloseQuote)
	case rApos:
		return t.apostrophe(i, size)
	case rEllipsis, rPunct:
		t.emit(i, i+size, Punct, 0)
	default:
		t.emit(i, i+size, Symbol, 0)
	}
	return i + size
}

// apostrophe handles an apostrophe, ' or ’ of size bytes at text[i], that
// is not inside a word: a possessive clitic, an elided decade, or a
// quotation mark. It returns where the token ends.
func (t *Tokenizer) apostrophe(i, size int) int {
	s := t.text
	k := i + size
	// Text split into words by a tokenizer before ours spaces the clitic
	// off ("Trump 's decision", "Nokia ’ s sale"); a lone "s" after a
	// quotation mark is no word, so it is still the clitic.
	spaced := len(t.toks) > 0 && t.end >= 0 && i == t.end+1 && s[t.end] == ' '
	if n := len(t.toks); n > 0 && (i == t.end || spaced) {
		if prev := t.toks[n-1]; prev.Kind == Word || prev.Kind == Number {
			// "Trump’s", "U.S.'s"; then "Jones'", unless a single
			// quotation is open and this closes it.
			s1 := k
			if spaced && s1+1 < len(s) && s[s1] == ' ' {
				s1++
			}
			if s1 < len(s) && (s[s1] == 's' || s[s1] == 'S') && !isWordAt(s, s1+1) &&
				(!spaced || s1+1 == len(s) || s[s1+1] == ' ') {
				f := Possessive
				if s[s1] == 'S' {
					f |= Upper
				}
				t.emit(i, s1+1, Word, f)
				return s1 + 1
			}
			if last := s[prev.End-1]; !spaced && (last == 's' || last == 'S') && !t.openSingle && !isWordAt(s, k) {
				t.emit(i, k, Word, Possessive)
				return k
			}
		}
	}
	if i != t.end && digitsAt(s, k) == 2 && k+2 < len(s) && s[k+2] == 's' && !isWordAt(s, k+3) {
		t.emit(i, k+3, Number, 0)
		return k + 3
	}
	if size == 1 {
		t.straightQuote(i, true)
	} else {
		t.openSingle = false
		t.emit(i, k, Quote, CloseQuote)
	}
	return k
}

// straightQuote emits the straight quotation mark at text[i], " or ' (when
// single). It opens when white space, the start of the text, an opening
// bracket, an opening quote or a dash precedes it and no white space
// follows; otherwise it closes.
func (t *Tokenizer) straightQuote(i int, single bool) {
	open := false
	if !isSpaceAt(t.text, i+1) {
		if i != t.end {
			open = true
		} else {
			prev := t.toks[len(t.toks)-1]
			open = prev.Kind == Quote && prev.Flags&OpenQuote != 0 ||
				prev.Kind == Punct && opensQuote(t.text[prev.Start:prev.End])
		}
	}
	if single {
		t.openSingle = open
	}
	if open {
		t.emit(i, i+1, Quote, OpenQuote)
	} else {
		t.emit(i, i+1, Quote, CloseQuote)
	}
}

// opensQuote reports whether p, the text of a Punct token, is one after
// which a straight quotation mark opens: an opening bracket or a dash.
func opensQuote(p string) bool {
	switch p {
	case "(", "[", "{", "-", "–", "—":
		return true
	}
	return false
}
