package quotes

import (
	"unicode"
	"unicode/utf8"
)

// content is what the rules need to know about a quotation's text.
type content struct {
	words      int  // words holding a letter or digit, counted up to 4
	title      bool // two or more words, all capitalised but function words
	lowerStart bool // the first letter is lower case
	terminal   bool // it ends in '.', '!', '?' or '…'
	soft       bool // it ends in ',', '?', '!' or a dash: an attribution may follow
}

// contentOf describes t[start:end]. It reads the text only as far as it
// needs: the word count stops at 4 and the title test at the first
// lower-case word.
func contentOf(t string, start, end int) content {
	var c content
	caps, titleOK := 0, true
	for i := start; i < end && (c.words < 4 || titleOK); {
		s, e, ok := wordAfter(t, i, end)
		if !ok {
			i++ // a line break inside an unclosed quotation
			continue
		}
		i = e
		cs, ce := core(t, s, e)
		if cs == ce {
			continue
		}
		if c.words == 0 {
			c.lowerStart = isLowerAt(t, cs)
		}
		c.words++
		switch {
		case isUpperAt(t, cs):
			caps++
		case isLowerAt(t, cs) && lookup(t[cs:ce])&(cStop|cDet|cConnector) != 0 && ce-cs <= 4:
			// "of", "the", "and" stay lower case in titles
		case isLowerAt(t, cs):
			titleOK = false
		}
	}
	if end > start {
		r, _ := utf8.DecodeLastRuneInString(t[start:end])
		switch r {
		case '.', '!', '?', '…':
			c.terminal = true
		}
		switch r {
		case ',', '!', '?', '—', '–', '-':
			c.soft = true
		}
	}
	// Capitalised words are a name or a title: “Better Idea of Afghan
	// Girls”, “History”; but “Yes,” and “Never!” are said.
	c.title = titleOK && (caps >= 2 || caps == 1 && c.words == 1 && !c.soft && !c.terminal)
	return c
}

// trimSpace narrows t[s:e] to exclude white space at both ends.
func trimSpace(t string, s, e int) (int, int) {
	for s < e && (isSpace(t[s]) || t[s] == '\n') {
		s++
	}
	for e > s && (isSpace(t[e-1]) || t[e-1] == '\n') {
		e--
	}
	return s, e
}

// precededByWord reports whether the opening mark at i follows a word
// (one space between), not punctuation or the start of a paragraph:
// said it was a “final peace agreement” against said: “We…”.
func precededByWord(t string, i int) bool {
	if i > 0 && t[i-1] == ' ' {
		i--
	}
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// commaAfter reports whether a comma follows the closing mark at i: the
// “…”, it added style.
func commaAfter(t string, i, hi int) bool {
	for i < hi && isSpace(t[i]) {
		i++
	}
	return i < hi && t[i] == ','
}

// mentionBefore reports whether the word before the opening mark at i
// introduces words or a name rather than speech: the term “…”, dubbed
// “…”, known as “…”. It reads no further left than lo.
func mentionBefore(t string, lo, i int) bool {
	s, e, ok := wordBefore(t, lo, i)
	if !ok || e != i && e != i-1 {
		return false
	}
	cs, ce := core(t, s, e)
	if ce != e || !isLowerAt(t, cs) {
		return false
	}
	if lookup(t[cs:ce])&cMention != 0 {
		return true
	}
	if t[cs:ce] != "as" {
		return false
	}
	ps, pe, ok := wordBefore(t, lo, s)
	return ok && (t[ps:pe] == "known" || t[ps:pe] == "referred")
}
