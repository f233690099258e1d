package htmlmeta

import (
	"strings"
	"time"
)

// Plausibility floors. Structured values (JSON-LD, meta, <time datetime>)
// may carry the dates of digitised print archives, so they only have to
// be after 1900, which also rejects the zero time ("0001-01-01") that
// templates emit for a missing value; the other such value, the Unix
// epoch day, is rejected separately. Dates guessed from a URL or from
// running text must be after 1990, before which no web page was
// published, so an older "date" there is a number that is not one.
var (
	floorStructured = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	floorGuessed    = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
)

// plausible reports whether t can be a publication date seen at now: not
// before floor, not the Unix epoch day, and not more than a day ahead of
// now (a day covers pages stamped in a time zone ahead of ours).
func plausible(t, floor, now time.Time) bool {
	if t.Before(floor) || t.After(now.Add(24*time.Hour)) {
		return false
	}
	u := t.UTC()
	return !(u.Year() == 1970 && u.YearDay() == 1)
}

// parseDate parses a structured date value: ISO 8601 (RFC 3339 and its
// variants: with or without seconds, fraction, zone or time, "T" or space
// between date and time, "+00:00", "+0000" or "+00" zones, "-" or "/"
// between date parts), RFC 1123 and the English forms of parseEnglish,
// YYYYMMDD, and Unix times in seconds (10 digits) or milliseconds (13).
// Text after a recognised date is ignored. A value without a zone is UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if isDigit(s[0]) {
		if allDigits(s) {
			return parseDigits(s)
		}
		if t, _, ok := parseISO(s); ok {
			return t, true
		}
	}
	if t, _, ok := parseEnglish(s); ok {
		return t, true
	}
	return parseLate(s)
}

// parseLate finds a date that does not start the value, as in "01:38 PM
// IST Nov 20, 2019" or "Posted Nov 20, 2019", and applies a time that
// precedes it.
func parseLate(s string) (time.Time, bool) {
	t, start, _, ok := scanDate(s, 1)
	if !ok {
		return t, false
	}
	if hour, minute, sec, z, n := readEnglishTime(s[:start]); n > 0 {
		y, m, d := t.Date()
		return mkdate(y, int(m), d, hour, minute, sec, 0, z)
	}
	return t, true
}

// parseDigits reads an all-digit date: YYYYMMDD, or Unix seconds or
// milliseconds.
func parseDigits(s string) (time.Time, bool) {
	switch len(s) {
	case 8:
		return mkdate(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:]), 0, 0, 0, 0, zone{})
	case 10:
		return time.Unix(int64(atoi(s)), 0).UTC(), true
	case 13:
		return time.UnixMilli(int64(atoi(s))).UTC(), true
	}
	return time.Time{}, false
}

// parseISO parses an ISO 8601 date or date-time at the start of s and
// returns it with the number of bytes read.
func parseISO(s string) (time.Time, int, bool) {
	var t time.Time
	if len(s) < 8 || !isDigits(s[:4]) {
		return t, 0, false
	}
	sep := s[4]
	if sep != '-' && sep != '/' {
		return t, 0, false
	}
	year := atoi(s[:4])
	i := 5
	month, n := readNum(s[i:], 2)
	if n == 0 || i+n >= len(s) || s[i+n] != sep {
		return t, 0, false
	}
	i += n + 1
	day, n := readNum(s[i:], 2)
	if n == 0 {
		return t, 0, false
	}
	i += n
	if i < len(s) && isDigit(s[i]) {
		return t, 0, false
	}
	hour, minute, sec, nsec := 0, 0, 0, 0
	var z zone
	if i+5 < len(s) && (s[i] == 'T' || s[i] == ' ') && isDigits(s[i+1:i+3]) && s[i+3] == ':' {
		j := i + 1
		hour, minute, sec, nsec, n = readClock(s[j:])
		if n == 0 {
			return t, 0, false
		}
		j += n
		if zz, m := readZone(s[j:]); m > 0 {
			z = zz
			j += m
		}
		i = j
	}
	t, ok := mkdate(year, month, day, hour, minute, sec, nsec, z)
	return t, i, ok
}

// readClock reads "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff" at the start of
// s.
func readClock(s string) (hour, minute, sec, nsec, n int) {
	if len(s) < 5 || !isDigits(s[:2]) || s[2] != ':' || !isDigits(s[3:5]) {
		return 0, 0, 0, 0, 0
	}
	hour, minute, n = atoi(s[:2]), atoi(s[3:5]), 5
	if len(s) >= n+3 && s[n] == ':' && isDigits(s[n+1:n+3]) {
		sec = atoi(s[n+1 : n+3])
		n += 3
		if n+1 < len(s) && (s[n] == '.' || s[n] == ',') && isDigit(s[n+1]) {
			n++
			scale := 100000000
			for n < len(s) && isDigit(s[n]) {
				nsec += int(s[n]-'0') * scale
				scale /= 10
				n++
			}
		}
	}
	return hour, minute, sec, nsec, n
}

// zone is a time zone read from a date: an offset in seconds east of UTC,
// or a generic US zone (ET, CT, MT, PT) whose offset depends on the date.
type zone struct {
	off       int
	usGeneric bool
}

// location returns the zone's location on the given date. A generic US
// zone applies daylight saving time by the rule in force since 2007
// (second Sunday of March to first Sunday of November), exact for recent
// news and off by an hour at worst for older pages.
func (z zone) location(year int, month time.Month, day int) *time.Location {
	off := z.off
	if z.usGeneric && usDST(year, month, day) {
		off += 3600
	}
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

// readZone reads a zone designator at the start of s: "Z", "+hh:mm",
// "+hhmm", "+hh", or, after an optional space, one of the abbreviations
// of zoneNames ("UTC", "GMT", "ET", ...). It returns the zone and the
// bytes read, or 0 bytes when there is none.
func readZone(s string) (zone, int) {
	if len(s) > 1 && s[0] == ' ' && s[1] != ' ' {
		if z, n := readZone(s[1:]); n > 0 {
			return z, n + 1
		}
		return zone{}, 0
	}
	if s == "" {
		return zone{}, 0
	}
	switch c := s[0]; c {
	case 'Z':
		if len(s) == 1 || !isLetter(s[1]) {
			return zone{}, 1
		}
	case '+', '-':
		if len(s) < 3 || !isDigits(s[1:3]) {
			return zone{}, 0
		}
		off, n := atoi(s[1:3])*3600, 3
		if len(s) >= 6 && s[3] == ':' && isDigits(s[4:6]) {
			off += atoi(s[4:6]) * 60
			n = 6
		} else if len(s) >= 5 && isDigits(s[3:5]) {
			off += atoi(s[3:5]) * 60
			n = 5
		}
		if off > 14*3600 || (n < len(s) && isDigit(s[n])) {
			return zone{}, 0
		}
		if c == '-' {
			off = -off
		}
		return zone{off: off}, n
	}
	w := word(s)
	if len(w) < 2 || len(w) > 4 {
		return zone{}, 0
	}
	var buf [4]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] &^ 0x20 // ASCII upper case
	}
	if z, ok := zoneNames[string(buf[:len(w)])]; ok {
		return z, len(w)
	}
	return zone{}, 0
}

// zoneNames are the zone abbreviations news pages print. Abbreviations
// that name several zones are read in their most common sense in
// English-language news: IST as India, CST as US Central, BST as British
// Summer Time.
var zoneNames = map[string]zone{
	"UTC": {}, "GMT": {}, "UT": {},
	"EST": {off: -5 * 3600}, "EDT": {off: -4 * 3600},
	"CST": {off: -6 * 3600}, "CDT": {off: -5 * 3600},
	"MST": {off: -7 * 3600}, "MDT": {off: -6 * 3600},
	"PST": {off: -8 * 3600}, "PDT": {off: -7 * 3600},
	"ET": {off: -5 * 3600, usGeneric: true}, "CT": {off: -6 * 3600, usGeneric: true},
	"MT": {off: -7 * 3600, usGeneric: true}, "PT": {off: -8 * 3600, usGeneric: true},
	"BST": {off: 3600}, "CET": {off: 3600}, "CEST": {off: 2 * 3600},
	"EET": {off: 2 * 3600}, "EEST": {off: 3 * 3600},
	"IST": {off: 5*3600 + 1800}, "JST": {off: 9 * 3600}, "KST": {off: 9 * 3600},
	"AEST": {off: 10 * 3600}, "AEDT": {off: 11 * 3600},
}

// mkdate builds a date, rejecting out-of-range fields instead of letting
// time.Date normalise "February 31" into March.
func mkdate(year, month, day, hour, minute, sec, nsec int, z zone) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	if hour == 24 && (minute != 0 || sec != 0) {
		return time.Time{}, false
	}
	m := time.Month(month)
	if time.Date(year, m, day, 0, 0, 0, 0, time.UTC).Day() != day {
		return time.Time{}, false
	}
	return time.Date(year, m, day, hour, minute, sec, nsec, z.location(year, m, day)), true
}

// usDST reports whether US daylight saving time is in force on the date.
func usDST(year int, month time.Month, day int) bool {
	switch {
	case month < time.March || month > time.November:
		return false
	case month > time.March && month < time.November:
		return true
	case month == time.March:
		return day >= nthSunday(year, time.March, 2)
	default:
		return day < nthSunday(year, time.November, 1)
	}
}

// nthSunday returns the day of the month of its nth Sunday.
func nthSunday(year int, month time.Month, nth int) int {
	wd := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (7-int(wd))%7 + 7*(nth-1)
}

// readNum reads up to max digits at the start of s.
func readNum(s string, max int) (v, n int) {
	for n < len(s) && n < max && isDigit(s[n]) {
		v = v*10 + int(s[n]-'0')
		n++
	}
	return v, n
}

// atoi converts a string of digits that is known to fit in an int.
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool { return s != "" && allDigits(s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// word returns the run of ASCII letters at the start of s.
func word(s string) string {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return s[:i]
}
