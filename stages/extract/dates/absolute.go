package dates

// Absolute dates: month names with a day or a year, months alone after a
// cue, years after a cue, and numeric dates.

// month finds a date headed by the month name at s:e: "April 12, 2025",
// "April 12", "Apr. 12", "12 April 2025", "12th of April", "April 2025",
// and, after a cue, "in April".
func (f *Finder) month(s, e int, w *entry) int {
	t := f.text
	if !isUpper(t[s]) {
		return 0 // "may", "march": a month is always capitalised
	}
	m := int(w.id)
	p := e
	if w.abbr && p < len(t) && t[p] == '.' {
		p++
	}
	day, y, end := f.afterMonth(p)
	start := s
	if day == 0 {
		if d, ds := f.dayBefore(s); d > 0 {
			day, start = d, ds
			if end == 0 {
				end = e
			}
		}
	}
	switch {
	case day == 0 && y == 0:
		if w.abbr {
			return 0 // "Jan", "Dec": names as often as months
		}
		return f.monthAlone(s, e, m)
	case day == 0:
		return f.emit(start, end, monthOf(y, m, 0))
	}
	return f.emitDay(start, end, y, m, day, -1)
}

// afterMonth parses what may follow a month name at p: a day of the month
// and a year, a day, or a year. It returns zeros when there is neither.
func (f *Finder) afterMonth(p int) (day, year, end int) {
	t := f.text
	q := skipBlanks(t, p)
	if q == p {
		return 0, 0, 0
	}
	if d, de, ok := dayAt(t, q); ok {
		r := de
		if r < len(t) && t[r] == ',' {
			r++
		}
		if r2 := skipBlanks(t, r); r2 > de {
			if y, ye, ok := yearAt(t, r2); ok {
				return d, y, ye
			}
		}
		return d, 0, de
	}
	if y, ye, ok := yearAt(t, q); ok {
		return 0, y, ye
	}
	return 0, 0, 0
}

// dayAt parses a day of the month at p: one or two digits from 1 to 31
// with an optional ordinal suffix, as a whole word. A time, a decimal or a
// thousands separator after the digits makes it no day ("May 5:30",
// "April 1,000").
func dayAt(t string, p int) (day, end int, ok bool) {
	e := p
	for e < len(t) && isDigit(t[e]) && e-p < 3 {
		e++
	}
	if e == p || e-p > 2 {
		return 0, 0, false
	}
	day = atoi(t, p, e)
	if day < 1 || day > 31 {
		return 0, 0, false
	}
	if e+1 < len(t) && isOrdinal(t[e], t[e+1]) {
		e += 2
	}
	if !numberEnds(t, e) {
		return 0, 0, false
	}
	return day, e, true
}

// yearAt parses a year at p: four digits from 1000 to 2199, as a whole
// number.
func yearAt(t string, p int) (year, end int, ok bool) {
	e := p
	for e < len(t) && isDigit(t[e]) && e-p < 5 {
		e++
	}
	if e-p != 4 || !numberEnds(t, e) {
		return 0, 0, false
	}
	year = atoi(t, p, e)
	return year, e, year >= 1000 && year <= 2199
}

// numberEnds reports whether a number that ends at e ends there as a
// whole: no letter, digit or percent sign follows, and no '.', ',', '/'
// or ':' that continues it with more digits.
func numberEnds(t string, e int) bool {
	if e >= len(t) {
		return true
	}
	switch c := t[e]; {
	case isAlnum(c), c == '%':
		return false
	case c == '.' || c == ',' || c == '/' || c == ':':
		return e+1 >= len(t) || !isDigit(t[e+1])
	}
	return true
}

// isOrdinal reports whether a, b is an ordinal suffix: st, nd, rd, th.
func isOrdinal(a, b byte) bool {
	switch a | 0x20 {
	case 's':
		return b|0x20 == 't'
	case 'n', 'r':
		return b|0x20 == 'd'
	case 't':
		return b|0x20 == 'h'
	}
	return false
}

// dayBefore finds a day of the month written before the month name at s:
// "12 April", "12th April", "12th of April". It returns the day and where
// it starts, or 0.
func (f *Finder) dayBefore(s int) (day, start int) {
	t := f.text
	b, ok := f.before(s)
	if !ok || b.gap != ' ' {
		return 0, 0
	}
	ordinalOnly := false
	if b.is(wOf) {
		if b, ok = f.before(b.s); !ok || b.gap != ' ' {
			return 0, 0
		}
		ordinalOnly = true
	}
	if !b.num && b.e-b.s == 2 && isOrdinal(t[b.s], t[b.s+1]) {
		// the backward read stopped at the digits of "12th"
		d, ok := f.before(b.s)
		if !ok || !d.num || d.gap != 0 {
			return 0, 0
		}
		b, ordinalOnly = d, false
	}
	if !b.num || ordinalOnly || b.e-b.s > 2 {
		return 0, 0
	}
	if b.s > 0 && (t[b.s-1] == '.' || t[b.s-1] == ',' || t[b.s-1] == '$' || t[b.s-1] == '/') {
		return 0, 0 // part of a bigger number or an amount
	}
	day = atoi(t, b.s, b.e)
	if day < 1 || day > 31 {
		return 0, 0
	}
	return day, b.s
}

// monthAlone finds a month name without day or year, which is a date only
// after a cue: a preposition of time ("in April", "since May"), an edge
// ("early", "mid-", "late"), a modifier ("last April") or a date it is
// coordinated with ("in March and April"). Without one, "May" is the verb
// and "March" the walk.
func (f *Finder) monthAlone(s, e, m int) int {
	start, mod := s, wNone
	cue := f.coordinated(s)
	if b, ok := f.before(s); ok && b.w != nil && (b.gap == ' ' || b.gap == '-' && b.w.id == wMid) {
		switch b.w.id {
		case wIn, wSince, wUntil, wBy, wFrom, wThrough, wDuring, wBefore, wAfter, wOf, wBetween, wAround, wFor:
			cue = true
		case wEarly, wMid, wLate:
			cue, start = true, b.s
		case wLast, wNext, wThis, wComing, wPast:
			cue, start, mod = true, b.s, b.w.id
		}
	}
	if !cue {
		return 0
	}
	py, pm := f.py, f.pm
	y := py
	switch mod {
	case wLast, wPast:
		if m >= pm {
			y--
		}
	case wNext, wComing:
		if m <= pm {
			y++
		}
	case wThis:
	default:
		// News reports the past: a month alone is the latest one, this
		// month included, unless a future-tense cue says otherwise.
		if f.tenseOf(start, e) == tenseFuture {
			if m < pm {
				y++
			}
		} else if m > pm {
			y--
		}
	}
	return f.emit(start, e, monthOf(y, m, 0))
}

// scheduleLag is how many days before the publication a day without a
// year may fall and still be the one a future-tense sentence means: a
// schedule may have begun already ("is to run from January 23 through
// March 9", published January 28).
const scheduleLag = 31

// emitDay emits the day m-d of year y (0: unknown) at s:e. A day without
// a year is the nearest such day to the publication; in a past-tense
// sentence the latest on or before it; in a future-tense sentence the
// nearest from scheduleLag days before it on. When the weekday wd (0–6,
// -1: none) is given, as in "Friday, July 21", a year where the day falls
// on that weekday is preferred.
func (f *Finder) emitDay(s, e, y, m, d, wd int) int {
	if y > 0 {
		if !validDay(y, m, d) {
			return 0
		}
		return f.emit(s, e, dayOf(y, m, d))
	}
	py := f.py
	tn := f.tenseOf(s, e)
	best, bestDiff, bestFit := 0, -1, false
	for c := py - 1; c <= py+1; c++ {
		if !validDay(c, m, d) {
			continue
		}
		z := daysFromCivil(c, m, d)
		diff := z - f.pub
		if tn == tenseFuture && diff < -scheduleLag || tn == tensePast && diff > 0 {
			continue
		}
		if diff < 0 {
			diff = -diff
		}
		fit := wd >= 0 && weekday(z) == wd
		if bestDiff < 0 || fit && !bestFit || fit == bestFit && diff < bestDiff {
			best, bestDiff, bestFit = z, diff, fit
		}
	}
	if bestDiff < 0 {
		return 0 // February 29 with no leap year near
	}
	return f.emit(s, e, when{best, granDay})
}
