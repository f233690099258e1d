package dates

// Dates counted in units of time from the publication or from the last
// date found: "last week", "this year", "earlier this month", "two days
// ago", "in two weeks", "a year earlier", "the day before".

// unit finds a date headed by the unit of time w at s:e.
func (f *Finder) unit(s, e int, w *entry) int {
	t := f.text
	if e+1 < len(t) && t[e] == '-' && isLetter(t[e+1]) {
		return 0 // "year-long", "year-end": a compound, not a date
	}
	if n, ns := f.count(s); n > 0 {
		return f.counted(ns, s, e, w, n)
	}
	b, ok := f.before(s)
	if !ok || b.gap != ' ' {
		return 0 // "four-year", "mid-year": a compound, not a date
	}
	switch b.id() {
	case wThis, wLast, wNext, wPast, wComing, wCurrent, wPrevious, wFollowing:
		return f.modified(b, e, w)
	case wThe:
		return f.theUnit(b, e, w)
	}
	return 0
}

// count returns the number of units written before the unit at s, with
// digits ("3 weeks"), in words ("two days", "a year", "twenty-five
// years") or in an editor's brackets ("[Ten] years"), and where it
// starts; n is 0 when there is none.
func (f *Finder) count(s int) (n, start int) {
	t := f.text
	i := s
	for i > f.lim && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i == s || i <= f.lim {
		return 0, 0
	}
	bracket := t[i-1] == ']'
	if bracket {
		i--
	}
	b, ok := f.before(i)
	if !ok || b.gap != 0 {
		return 0, 0
	}
	start = b.s
	if bracket {
		if b.s == 0 || t[b.s-1] != '[' {
			return 0, 0
		}
		start = b.s - 1
	}
	switch {
	case b.num:
		if b.e-b.s > 3 || b.s > 0 && (t[b.s-1] == ',' || t[b.s-1] == '.') {
			return 0, 0
		}
		n = atoi(t, b.s, b.e)
	case b.id() == wNumber:
		n = int(b.w.val)
		if tens, ok := f.before(b.s); ok && n < 10 && !bracket && tens.gap == '-' &&
			tens.id() == wNumber && tens.w.val >= 20 && tens.w.val%10 == 0 {
			n, start = n+int(tens.w.val), tens.s // "twenty-five"
		}
	}
	return n, start
}

// counted finds a date of n units w, the number starting at ns and the
// unit at s:e: "two days ago", "a year from now", "two years later"
// (from the last date found) and "in two weeks". The last is a date only
// with a future-tense cue, as "for the first time in two years" looks
// back over a span of time.
func (f *Finder) counted(ns, s, e int, w *entry, n int) int {
	start, end, sign, anchored := ns, e, 0, false
	nx, ok := f.after(e)
	switch {
	case !ok:
	case nx.is(wAgo):
		sign, end = -1, nx.e
	case nx.is(wFrom):
		if nn, ok := f.after(nx.e); ok && nn.is(wNow) {
			sign, end = 1, nn.e
		}
	case nx.is(wLater):
		sign, end, anchored = 1, nx.e, true
	case nx.is(wEarlier):
		sign, end, anchored = -1, nx.e, true
	}
	if sign == 0 {
		b, ok := f.before(ns)
		if !ok || !b.is(wIn) || f.tenseOf(b.s, e) != tenseFuture {
			return 0
		}
		sign, start = 1, b.s
	}
	base := f.pub
	if anchored {
		if !f.found || !fits(f.last.gran, w.id) {
			return 0
		}
		base = f.last.day
	}
	v, ok := shift(base, w.id, sign*n)
	if !ok {
		return 0
	}
	return f.emit(start, end, v)
}

// modified finds a unit w ending at e after the modifier b: "this week",
// "last month", "next year", "this past week", "the coming week",
// "earlier this month", and, counted from the last date found, "the next
// day", "the previous year", "the following week".
func (f *Finder) modified(b tok, e int, w *entry) int {
	mod, start := b.w.id, b.s
	the, thisPast := false, false
	if p, ok := f.before(b.s); ok && p.w != nil && (p.gap == ' ' || p.gap == '-' && p.w.id == wMid) {
		switch p.w.id {
		case wThe:
			the = true
			start = p.s
			if d, ok := f.before(p.s); ok && d.gap == ' ' {
				switch d.id() {
				case wOver, wIn, wFor, wDuring:
					return 0 // "over the next year": a span of time
				}
			}
		case wThis:
			if mod == wPast || mod == wComing {
				start, thisPast = p.s, true
			}
		case wEarly, wMid, wLate, wEarlier, wLater:
			if mod == wThis || mod == wLast || mod == wNext {
				start = p.s
			}
		}
	}
	if w.plural && (mod != wThis || the) || w.id == wWeekend || w.id == wDecade {
		return 0 // "the last years", "next weeks"; "this years" is "this year's" mistyped
	}
	k, anchored := 0, false
	switch mod {
	case wLast:
		if the {
			return 0 // "the last year": the twelve months before now
		}
		k = -1
	case wPast:
		if !thisPast {
			return 0 // "the past week": a span of time
		}
		k = -1
	case wNext:
		k, anchored = 1, the
	case wComing:
		k = 1
	case wPrevious, wFollowing:
		if !the {
			return 0
		}
		k, anchored = 1, true
		if mod == wPrevious {
			k = -1
		}
	}
	if w.id == wDay && !anchored {
		return 0 // "this day", "next day": not a date by themselves
	}
	base := f.pub
	if anchored {
		if !f.found || !fits(f.last.gran, w.id) {
			return 0
		}
		base = f.last.day
	}
	v, _ := shift(base, w.id, k)
	return f.emit(start, e, v)
}

// theUnit finds "the day before", "the year after" (from the last date
// found), "the day before yesterday" and "the day after tomorrow", the
// unit being w ending at e and b being "the".
func (f *Finder) theUnit(b tok, e int, w *entry) int {
	if w.plural || w.id == wWeekend || w.id == wDecade {
		return 0
	}
	nx, ok := f.after(e)
	if !ok || nx.gap != ' ' {
		return 0
	}
	k := 0
	switch nx.id() {
	case wBefore:
		k = -1
	case wAfter:
		k = 1
	default:
		return 0
	}
	if w.id == wDay {
		if nn, ok := f.after(nx.e); ok && nn.gap == ' ' && (k < 0 && nn.id() == wYesterday || k > 0 && nn.id() == wTomorrow) {
			return f.emit(b.s, nn.e, when{f.pub + 2*k, granDay})
		}
	}
	if !clauseEnds(f.text, nx.e) {
		return 0 // "the day before the vote" counts from the vote
	}
	if !f.found || !fits(f.last.gran, w.id) {
		return 0
	}
	v, _ := shift(f.last.day, w.id, k)
	return f.emit(b.s, nx.e, v)
}

// clauseEnds reports whether punctuation or the end of the text follows p.
func clauseEnds(t string, p int) bool {
	p = skipBlanks(t, p)
	if p == len(t) {
		return true
	}
	switch t[p] {
	case ',', '.', ';', ':', ')', '!', '?', '\n', '"':
		return true
	}
	return false
}

// fits reports whether a date of granularity g is precise enough to count
// units u from: a day for days, a day or a week for weeks, a day or a
// month for months, anything for years.
func fits(g gran, u wid) bool {
	switch u {
	case wDay:
		return g == granDay
	case wWeek:
		return g <= granWeek
	case wMonth:
		return g == granDay || g == granMonth
	}
	return true
}

// shift returns the unit u that is k units away from the day z, at the
// unit's granularity (a decade at year granularity). It reports false for
// a weekend, which no granularity fits.
func shift(z int, u wid, k int) (when, bool) {
	y, m, _ := civil(z)
	switch u {
	case wDay:
		return when{z + k, granDay}, true
	case wWeek:
		return weekOf(z + 7*k), true
	case wMonth:
		return monthOf(y, m, k), true
	case wYear:
		return yearOf(y + k), true
	case wDecade:
		return yearOf(y + 10*k), true
	}
	return when{}, false
}
