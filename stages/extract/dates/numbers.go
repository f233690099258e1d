package dates

import "strings"

// Dates written with digits only: ISO dates, unambiguous numeric dates and
// years after a cue.

// number tries the date expressions that the digits at s:e can head and
// returns the end of the date found, or 0.
func (f *Finder) number(s, e int) int {
	t := f.text
	if s > 0 && (isLetter(t[s-1]) || t[s-1] == '_') {
		return 0 // "A4", "COVID-19": part of a name
	}
	switch n := e - s; {
	case n == 4:
		if end := f.isoDate(s, e); end > 0 {
			return end
		}
		return f.year(s, e)
	case n <= 2 && e < len(t) && t[e] == '/':
		return f.numericDate(s, e)
	}
	return 0
}

// isoDate finds "2025-04-12" or "2025/04/12" at s, the year being s:e.
func (f *Finder) isoDate(s, e int) int {
	t := f.text
	if e+6 > len(t) || (t[e] != '-' && t[e] != '/') || !digits2(t, e+1) || t[e+3] != t[e] || !digits2(t, e+4) {
		return 0
	}
	end := e + 6
	if end < len(t) && (isDigit(t[end]) || t[end] == t[e]) {
		return 0
	}
	if s > 0 && (t[s-1] == '-' || t[s-1] == '/' || t[s-1] == '.') {
		return 0
	}
	y, m, d := atoi(t, s, e), atoi(t, e+1, e+3), atoi(t, e+4, e+6)
	if !validDay(y, m, d) {
		return 0
	}
	return f.emit(s, end, dayOf(y, m, d))
}

// digits2 reports whether t[p:p+2] are two digits.
func digits2(t string, p int) bool { return isDigit(t[p]) && isDigit(t[p+1]) }

// numericDate finds a day/month/year or month/day/year date at s, the
// first number being s:e. Only an unambiguous one counts: one of the two
// first numbers is over 12, or both are equal. "04/12/2025" is skipped:
// April 12 in the US, 4 December elsewhere.
func (f *Finder) numericDate(s, e int) int {
	t := f.text
	if s > 0 && (isDigit(t[s-1]) || t[s-1] == '/' || t[s-1] == '.' || t[s-1] == '-') {
		return 0
	}
	p := e + 1
	q := p
	for q < len(t) && isDigit(t[q]) && q-p < 3 {
		q++
	}
	if q == p || q-p > 2 || q >= len(t) || t[q] != '/' {
		return 0
	}
	y, end, ok := yearAt(t, q+1)
	if !ok || end < len(t) && t[end] == '/' {
		return 0
	}
	a, b := atoi(t, s, e), atoi(t, p, q)
	var m, d int
	switch {
	case a > 12 && b <= 12:
		d, m = a, b
	case b > 12 && a <= 12:
		m, d = a, b
	case a == b:
		m, d = a, a
	default:
		return 0
	}
	if !validDay(y, m, d) {
		return 0
	}
	return f.emit(s, end, dayOf(y, m, d))
}

// year finds a year, the four digits at s:e, when something says it is
// one (see the package documentation): "in 2017", "since 1987", "1997 and
// 1998", "from 2004 to 2009", "the 2014 protests", "Fan Expo 2016",
// "from file, 2008." A number with nothing of the kind ("2017 people") is
// a count.
func (f *Finder) year(s, e int) int {
	t := f.text
	y := atoi(t, s, e)
	if y < 1000 || y > 2199 || !numberEnds(t, e) {
		return 0
	}
	if e < len(t) && t[e] == '-' && e+1 < len(t) && isDigit(t[e+1]) {
		if _, _, ok := yearAt(t, e+1); !ok {
			return 0 // "2024-25", a season or a fiscal year
		}
	}
	if s > 0 {
		switch t[s-1] {
		case '.', ',', ':', '/', '$', '#', '+':
			return 0 // part of a number, an amount or a code
		case '-':
			if b, ok := f.before(s); !f.coordinated(s) && !(ok && b.id() == wMid) {
				return 0 // a phone number, a code
			}
		}
	}
	if f.coordinated(s) {
		return f.emit(s, e, yearOf(y))
	}
	start := s
	weak := y >= 1900 && y <= 2099 // the range weak cues accept
	b, ok := f.before(s)
	switch {
	case !ok:
		if !weak || !f.captionYear(s, e) {
			return 0
		}
	case b.w != nil && (b.gap == ' ' || b.gap == '-' && b.w.id == wMid):
		switch b.w.id {
		case wIn, wSince, wUntil, wBy, wFrom, wBefore, wAfter, wDuring, wThrough,
			wBetween, wYear, wFiscal, wSeason:
		case wOf:
			if !weak && !clauseEnds(t, e) {
				return 0 // "a survey of 1709 schoolchildren"; "the War of 1812."
			}
		case wEarly, wMid, wLate:
			start = b.s
		case wOver, wAround:
			if !f.rangeAfter(e) {
				return 0 // "over 2000 people"
			}
		case wThe:
			if !weak {
				return 0
			}
		default:
			if !weak || !f.nameBefore(b) {
				return 0
			}
		}
	case b.gap == ' ' && b.w == nil && !b.num:
		if !weak || !f.nameBefore(b) {
			return 0
		}
	default:
		return 0
	}
	return f.emit(start, e, yearOf(y))
}

// rangeAfter reports whether a year follows e as the end of a range:
// "-2050", " - 2050", " – 2050", " to 2050".
func (f *Finder) rangeAfter(e int) bool {
	t := f.text
	p := skipBlanks(t, e)
	switch {
	case strings.HasPrefix(t[p:], "-"):
		p++
	case strings.HasPrefix(t[p:], "–"):
		p += len("–")
	case strings.HasPrefix(t[p:], "to "):
		p += 2
	default:
		return false
	}
	_, _, ok := yearAt(t, skipBlanks(t, p))
	return ok
}

// nameBefore reports whether the word b before a year is a capitalised
// word inside a sentence, as in an event's name: "Fan Expo Canada 2016",
// "FIFA World Cup 2018". A capital at the start of a sentence says
// nothing ("About 2000 came").
func (f *Finder) nameBefore(b tok) bool {
	t := f.text
	if !isUpper(t[b.s]) {
		return false
	}
	i := b.s
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return false
	}
	switch t[i-1] {
	case '.', '!', '?', '\n', '"', ':':
		return false
	}
	return true
}

// captionYear reports whether the year at s:e stands alone after a comma
// at the end of a sentence or line, as in a photo credit: "from file,
// 2008."
func (f *Finder) captionYear(s, e int) bool {
	t := f.text
	if s < 2 || t[s-1] != ' ' || t[s-2] != ',' {
		return false
	}
	if e == len(t) {
		return true
	}
	switch t[e] {
	case '.', ')', '\n', ';':
		return true
	}
	return false
}

// coordinated reports whether the text from the end of the last date found
// to s only joins two dates: "1997 and 1998", "2004 to 2009", "2000 -
// 2050", "March or April".
func (f *Finder) coordinated(s int) bool {
	if len(f.dst) == f.first || s < f.lim || s-f.lim > 12 {
		return false
	}
	g := f.text[f.lim:s]
	i, j := 0, len(g)
	for i < j && (g[i] == ' ' || g[i] == '\t') {
		i++
	}
	for j > i && (g[j-1] == ' ' || g[j-1] == '\t') {
		j--
	}
	g = g[i:j]
	switch len(g) {
	case 1:
		return g[0] == '-' // a comma alone may end a clause: "in 2017, 2000 people"
	case 3:
		if g == "–" || g == "—" { // en and em dash
			return true
		}
	}
	for _, c := range [...]string{"and", "or", "to", "through", "until", ", and", "and in", "or in"} {
		if len(g) == len(c) && equalFold(g, c) {
			return true
		}
	}
	return false
}
