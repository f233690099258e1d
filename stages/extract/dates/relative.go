package dates

// Days named relative to the publication: weekdays, "today" and its
// kin, parts of a day.

// weekday finds a date headed by the weekday wd (Sunday 0) at s:e:
// "Friday", "on Tuesday night", "last Friday", "next Monday", and the
// dateline "Friday, July 21, 2017".
func (f *Finder) weekday(s, e, wd int) int {
	t := f.text
	if end := f.dateline(s, e, wd); end > 0 {
		return end
	}
	b, ok := f.before(s)
	prev := wNone
	if ok && b.gap == ' ' {
		prev = b.id()
	}
	if prev == wHoliday && isUpper(t[b.s]) {
		return 0 // "Good Friday", "Super Tuesday": a named day
	}
	if e+1 < len(t) && t[e] == ' ' && isUpper(t[e+1]) && !f.timeWordAt(e+1) {
		// A capitalised word right after makes a name ("Sunday Times")
		// unless a preposition of time says it is a day ("on Friday
		// Putin said").
		switch prev {
		case wOn, wBy, wSince, wUntil, wFrom, wLast, wNext, wThis, wPast, wComing, wBefore, wAfter, wOf:
		default:
			return 0
		}
	}
	start, mod := s, wNone
	switch prev {
	case wLast, wNext, wThis, wPast, wComing:
		start, mod = b.s, prev
		if prev == wPast || prev == wComing {
			if b2, ok := f.before(b.s); ok && b2.is(wThis) {
				start = b2.s // "this past Friday", "this coming Friday"
			}
		}
	}
	end := f.dayPartAfter(e)
	pw := weekday(f.pub)
	var z int
	switch mod {
	case wLast, wPast: // the latest before the publication day
		z = f.pub - ((pw-wd+6)%7 + 1)
	case wNext, wComing: // the first after it
		z = f.pub + (wd-pw+6)%7 + 1
	case wThis: // in the publication's week, Monday to Sunday
		z = monday(f.pub) + (wd+6)%7
	default:
		if f.tenseOf(start, end) == tenseFuture {
			z = f.pub + (wd-pw+7)%7
		} else {
			z = f.pub - (pw-wd+7)%7
		}
	}
	return f.emit(start, end, when{z, granDay})
}

// timeWordAt reports whether a month name or a part of a day starts at p,
// capitalised words that may follow a weekday in a date.
func (f *Finder) timeWordAt(p int) bool {
	n, ok := f.after(p)
	if !ok || n.w == nil {
		return false
	}
	id := n.w.id
	return id <= wDecember || id >= wMorning && id <= wNight
}

// dateline finds a weekday followed by a full date, "Friday, July 21,
// 2017", "Friday 21 July 2017", "Friday, July 21", and returns its end, or
// 0. The date gives the value; the weekday only helps choose a missing
// year.
func (f *Finder) dateline(s, e, wd int) int {
	t := f.text
	p := e
	if p < len(t) && t[p] == ',' {
		p++
	}
	q := skipBlanks(t, p)
	if q == e || q >= len(t) {
		return 0
	}
	day, m, y, end := 0, 0, 0, 0
	if isDigit(t[q]) {
		d, de, ok := dayAt(t, q)
		if !ok {
			return 0
		}
		if m, end = f.monthAt(de); m == 0 {
			return 0
		}
		day = d
		r := end
		if r < len(t) && t[r] == ',' {
			r++
		}
		if r2 := skipBlanks(t, r); r2 > end {
			if yy, ye, ok := yearAt(t, r2); ok {
				y, end = yy, ye
			}
		}
	} else {
		if m, p = f.monthAt(e); m == 0 {
			return 0
		}
		if day, y, end = f.afterMonth(p); day == 0 {
			return 0
		}
	}
	return f.emitDay(s, end, y, m, day, wd)
}

// monthAt returns the capitalised month name that follows p after an
// optional comma and blanks, and its end past an abbreviation's period.
func (f *Finder) monthAt(p int) (m, end int) {
	t := f.text
	if p < len(t) && t[p] == ',' {
		p++
	}
	q := skipBlanks(t, p)
	if q >= len(t) || !isUpper(t[q]) {
		return 0, 0
	}
	end = skipMonth(t, q)
	w := lookup(t[q:end])
	if w == nil || w.id > wDecember {
		return 0, 0
	}
	if w.abbr && end < len(t) && t[end] == '.' {
		end++
	}
	return int(w.id), end
}

// skipMonth returns the end of the letters at q, past the period of an
// abbreviation.
func skipMonth(t string, q int) int {
	for q < len(t) && isLetter(t[q]) {
		q++
	}
	if q < len(t) && t[q] == '.' && q >= 3 && isLetter(t[q-3]) {
		if w := lookup(t[q-3 : q]); w != nil && w.abbr {
			q++
		}
	}
	return q
}

// deictic finds "today", "tonight", "yesterday" and "tomorrow" at s:e, with
// a part of a day after them ("yesterday afternoon").
func (f *Finder) deictic(s, e int, id wid) int {
	t := f.text
	if isUpper(t[s]) {
		if b, ok := f.before(s); ok && b.gap == ' ' && !b.num && isUpper(t[b.s]) {
			return 0 // "USA Today", "Russia Today": a name
		}
	}
	z := f.pub
	switch id {
	case wYesterday:
		z--
	case wTomorrow:
		z++
	}
	end := e
	if id != wTonight {
		end = f.dayPartAfter(e)
	}
	return f.emit(s, end, when{z, granDay})
}

// dayPartAfter returns the end of a part of a day ("morning", "night")
// that follows e after one space, or e.
func (f *Finder) dayPartAfter(e int) int {
	n, ok := f.after(e)
	if ok && n.gap == ' ' && n.s == e+1 && n.w != nil && n.w.id >= wMorning && n.w.id <= wNight {
		return n.e
	}
	return e
}

// dayPart finds "this morning", "this evening" (the publication day) and
// "last night" (the day before) at s:e. A part of a day after a weekday or
// "yesterday" is found with it.
func (f *Finder) dayPart(s, e int, id wid) int {
	b, ok := f.before(s)
	switch {
	case ok && b.is(wThis):
		return f.emit(b.s, e, when{f.pub, granDay})
	case ok && b.is(wLast) && id == wNight:
		return f.emit(b.s, e, when{f.pub - 1, granDay})
	}
	return 0
}
