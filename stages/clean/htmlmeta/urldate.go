package htmlmeta

import (
	"strings"
	"time"
)

// urlDate returns the publication date a URL's path encodes, in the
// forms news sites use:
//
//	/2025/04/12/   /2025/4/12/   /2025/apr/12/     day
//	/2025-04-12/   /2025_04_12   -20250412-        day
//	/2025/04/                                      month: the 1st, UTC
//
// A month-only path gives the first of the month: the month is known and
// a whole-month date is no worse than none for sorting and windows, but
// callers that need the day should treat source "url" with care. The
// year must be a whole run of four digits and the eight-digit form must
// stand alone between separators, so ids and prices are not read as
// dates; dates outside 1990 to now plus a day are rejected.
func urlDate(rawURL string, now time.Time) (time.Time, bool) {
	p := urlPath(rawURL)
	for i := 0; i+4 <= len(p); i++ {
		if !isDigit(p[i]) || (i > 0 && isAlnum(p[i-1])) {
			continue
		}
		run := digitRun(p[i:])
		var t time.Time
		ok := false
		switch {
		case run == 4:
			t, ok = pathDate(p[i:])
		case run == 8 && (i+8 == len(p) || !isAlnum(p[i+8])):
			t, ok = mkdate(atoi(p[i:i+4]), atoi(p[i+4:i+6]), atoi(p[i+6:i+8]), 0, 0, 0, 0, zone{})
		}
		if ok && plausible(t, floorGuessed, now) {
			return t, true
		}
		i += run - 1
	}
	return time.Time{}, false
}

// pathDate reads a date that starts with a four-digit year at the start
// of p: year/month/day (month as digits or an English name), year-mm-dd,
// year_mm_dd, or year/month followed by "/" or the end of the path.
func pathDate(p string) (time.Time, bool) {
	year := atoi(p[:4])
	if len(p) < 6 {
		return time.Time{}, false
	}
	sep := p[4]
	rest := p[5:]
	switch sep {
	case '/':
		month, n := readNum(rest, 2)
		if n == 0 || (n < len(rest) && isDigit(rest[n])) {
			w := word(rest)
			if month, n = monthNum(w), len(w); month == 0 {
				return time.Time{}, false
			}
		}
		if n == len(rest) || rest[n] != '/' {
			if n == len(rest) {
				return mkdate(year, month, 1, 0, 0, 0, 0, zone{})
			}
			return time.Time{}, false
		}
		rest = rest[n+1:]
		day, m := readNum(rest, 2)
		if m > 0 && (m == len(rest) || !isAlnum(rest[m])) {
			return mkdate(year, month, day, 0, 0, 0, 0, zone{})
		}
		return mkdate(year, month, 1, 0, 0, 0, 0, zone{})
	case '-', '_':
		if len(rest) < 5 || !isDigits(rest[:2]) || rest[2] != sep || !isDigits(rest[3:5]) ||
			(len(rest) > 5 && isDigit(rest[5])) {
			return time.Time{}, false
		}
		return mkdate(year, atoi(rest[:2]), atoi(rest[3:5]), 0, 0, 0, 0, zone{})
	}
	return time.Time{}, false
}

// urlPath returns the path of an absolute or relative URL: what follows
// the host, up to the query or fragment.
func urlPath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			return ""
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

// digitRun returns the number of ASCII digits at the start of s.
func digitRun(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }
