package htmlmeta

import (
	"strings"
	"time"

	"github.com/newsflow/newsflow/stages/internal/calendar"
)

// parseEnglish parses an English date at the start of s and returns it
// with the number of bytes read. The forms, each with an optional leading
// weekday ("Tue," "Tuesday") and an optional time after it:
//
//	April 12, 2025      Apr. 12, 2025     April 12th 2025
//	12 April 2025       12th of April, 2025   Tue, 12 Apr 2025 (RFC 1123)
//
// The time is "9:00", "09:00:00", "9.00" or "9 a.m.", optionally with
// AM/PM (any case, with or without dots) and a zone (see readZone), and
// may be separated from the date by a comma, "at", a dash, "|" or "·".
// A year is required: "April 12" alone is too ambiguous to be worth it.
func parseEnglish(s string) (time.Time, int, bool) {
	var t time.Time
	i := 0
	if w := word(s); w != "" && isWeekday(w) {
		i = skipSpace(s, skipByte(s, skipByte(s, len(w), '.'), ','))
	}
	var month, day, n int
	if w := word(s[i:]); w != "" {
		if month = monthNum(w); month == 0 {
			return t, 0, false
		}
		i = skipSpace(s, skipByte(s, i+len(w), '.'))
		if day, n = readNum(s[i:], 2); n == 0 {
			return t, 0, false
		}
		i = skipSpace(s, skipByte(s, skipOrdinal(s, i+n), ','))
	} else {
		if day, n = readNum(s[i:], 2); n == 0 {
			return t, 0, false
		}
		i = skipSpace(s, skipOrdinal(s, i+n))
		if hasPrefixFold(s[i:], "of ") {
			i = skipSpace(s, i+3)
		}
		w := word(s[i:])
		if month = monthNum(w); month == 0 {
			return t, 0, false
		}
		i = skipSpace(s, skipByte(s, skipByte(s, i+len(w), '.'), ','))
	}
	if i+4 > len(s) || !isDigits(s[i:i+4]) || (i+4 < len(s) && isDigit(s[i+4])) {
		return t, 0, false
	}
	year := atoi(s[i : i+4])
	i += 4
	hour, minute, sec, z := 0, 0, 0, zone{}
	if h, m, sc, zz, n := readEnglishTime(s[i:]); n > 0 {
		hour, minute, sec, z = h, m, sc, zz
		i += n
	}
	t, ok := mkdate(year, month, day, hour, minute, sec, 0, z)
	return t, i, ok
}

// readEnglishTime reads the optional time after an English date,
// separator included, or reports 0 bytes.
func readEnglishTime(s string) (hour, minute, sec int, z zone, n int) {
	i := skipSpace(s, skipByte(s, 0, ','))
	for _, sep := range [...]string{"at ", "- ", "| ", "· ", "— ", "– "} {
		if hasPrefixFold(s[i:], sep) {
			i = skipSpace(s, i+len(sep))
			break
		}
	}
	hour, n = readNum(s[i:], 2)
	if n == 0 {
		return 0, 0, 0, z, 0
	}
	i += n
	clock := false
	if i+2 < len(s) && (s[i] == ':' || s[i] == '.') && isDigits(s[i+1:i+3]) {
		minute, clock = atoi(s[i+1:i+3]), true
		i += 3
		if i+2 < len(s) && s[i] == ':' && isDigits(s[i+1:i+3]) {
			sec = atoi(s[i+1 : i+3])
			i += 3
		}
	}
	if i < len(s) && isDigit(s[i]) {
		return 0, 0, 0, z, 0
	}
	j := skipSpace(s, i)
	if pm, m := readMeridiem(s[j:]); m > 0 {
		if hour < 1 || hour > 12 {
			return 0, 0, 0, z, 0
		}
		hour %= 12
		if pm {
			hour += 12
		}
		i, clock = j+m, true
	}
	if !clock {
		return 0, 0, 0, z, 0
	}
	if zz, m := readZone(s[i:]); m > 0 {
		z, i = zz, i+m
	}
	return hour, minute, sec, z, i
}

// readMeridiem reads "am", "pm", "a.m." or "p.m." in any case.
func readMeridiem(s string) (pm bool, n int) {
	if len(s) < 2 {
		return false, 0
	}
	c := s[0] | 0x20
	if c != 'a' && c != 'p' {
		return false, 0
	}
	switch {
	case s[1]|0x20 == 'm':
		n = 2
	case len(s) >= 4 && s[1] == '.' && s[2]|0x20 == 'm' && s[3] == '.':
		n = 4
	default:
		return false, 0
	}
	if n < len(s) && isLetter(s[n]) {
		return false, 0
	}
	return c == 'p', n
}

// findDate returns the first plausible date, in the forms of parseISO and
// parseEnglish, in a snippet of page text such as a byline. A date right
// after "updated", "modified" or "edited" is passed over: it is the
// revision, not the publication.
func findDate(s string, now time.Time) (time.Time, bool) {
	for i := 0; i < len(s); {
		t, start, end, ok := scanDate(s, i)
		if !ok {
			break
		}
		if !revision(s[max(0, start-24):start]) && plausible(t, floorGuessed, now) {
			return t, true
		}
		i = end
	}
	return time.Time{}, false
}

// scanDate finds the first date in s[from:] that starts a word, and
// returns it with its byte range.
func scanDate(s string, from int) (t time.Time, start, end int, ok bool) {
	for i := from; i < len(s); i++ {
		if i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) {
			continue
		}
		var n int
		switch c := s[i]; {
		case isDigit(c):
			if t, n, ok = parseISO(s[i:]); !ok {
				t, n, ok = parseEnglish(s[i:])
			}
		case isLetter(c):
			t, n, ok = parseEnglish(s[i:])
		}
		if ok {
			return t, i, i + n, true
		}
	}
	return time.Time{}, 0, 0, false
}

// revision reports whether the text before a date says it is a revision
// date.
func revision(before string) bool {
	return containsFold(before, "updat") || containsFold(before, "modif") || containsFold(before, "edited")
}

// monthNum returns the month (1-12) that w names in English, in full or
// abbreviated ("Sept" included), ignoring case, or 0.
func monthNum(w string) int {
	m, _ := calendar.Month(w)
	return int(m)
}

// isWeekday reports whether w is an English weekday name or an
// abbreviation of at least three letters ("Tue", "Tues"), ignoring case.
func isWeekday(w string) bool {
	_, ok := calendar.Weekday(w)
	return ok
}

// skipOrdinal skips an English ordinal suffix ("st", "nd", "rd", "th")
// at s[i:] when no letter follows it.
func skipOrdinal(s string, i int) int {
	if i+2 <= len(s) && (i+2 == len(s) || !isLetter(s[i+2])) {
		for _, suffix := range [...]string{"st", "nd", "rd", "th"} {
			if hasPrefixFold(s[i:], suffix) {
				return i + 2
			}
		}
	}
	return i
}

// skipByte skips one c at s[i].
func skipByte(s string, i int, c byte) int {
	if i < len(s) && s[i] == c {
		return i + 1
	}
	return i
}

// skipSpace skips spaces (and the no-break spaces of typeset dates) at
// s[i:].
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		default:
			return i
		}
	}
	return i
}
