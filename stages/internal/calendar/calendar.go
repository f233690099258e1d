// Package calendar holds the English names of the months and of the days
// of the week, with their abbreviations, for the stages that read dates
// and names in text. There is one list, so that a word the date finder
// reads as a month is also one the entity recogniser never takes for a
// name, and one the metadata reader accepts in a dateline; and the days
// of each month, for the readers of dates.
//
// Names are given in lower case. The lookups, [Month] and [Weekday],
// ignore ASCII case, take a word without the period an abbreviation may be
// written with ("Sept." is looked up as "Sept") and do not allocate.
package calendar

import "time"

// months holds each month's name and its abbreviations, January first.
// The abbreviations are those of news style: the first three letters, and
// "sept" too; May is never shortened.
var months = [12]struct {
	name    string
	abbrevs []string
}{
	{"january", []string{"jan"}},
	{"february", []string{"feb"}},
	{"march", []string{"mar"}},
	{"april", []string{"apr"}},
	{"may", nil},
	{"june", []string{"jun"}},
	{"july", []string{"jul"}},
	{"august", []string{"aug"}},
	{"september", []string{"sep", "sept"}},
	{"october", []string{"oct"}},
	{"november", []string{"nov"}},
	{"december", []string{"dec"}},
}

// weekdays holds the days' names in time.Weekday order, Sunday first.
var weekdays = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// maxMonthLen is the length of the longest month word, "september".
const maxMonthLen = 9

// monthWords maps every month name and abbreviation to its month.
var monthWords = func() map[string]time.Month {
	m := make(map[string]time.Month)
	for i, mo := range months {
		m[mo.name] = time.Month(i + 1)
		for _, a := range mo.abbrevs {
			m[a] = time.Month(i + 1)
		}
	}
	return m
}()

// MonthName returns the English name of m in lower case ("january"), or
// "" when m is not a month.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return months[m-1].name
}

// MonthAbbrevs returns the abbreviations of m's name in lower case,
// without a period: "jan" for January, "sep" and "sept" for September,
// none for May or for what is not a month. The slice is the caller's.
func MonthAbbrevs(m time.Month) []string {
	if m < time.January || m > time.December {
		return nil
	}
	return append([]string(nil), months[m-1].abbrevs...)
}

// WeekdayName returns the English name of d in lower case ("sunday"), or
// "" when d is not a day of the week.
func WeekdayName(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return ""
	}
	return weekdays[d]
}

// Month returns the month that w names, in full ("September") or
// abbreviated ("Sep", "Sept"), ignoring ASCII case. A longer part of a
// month's name ("Marc", "Augus") is not one: it is more often a name.
func Month(w string) (time.Month, bool) {
	var buf [maxMonthLen]byte
	if len(w) > len(buf) {
		return 0, false
	}
	for i := range len(w) {
		buf[i] = lower(w[i])
	}
	// The conversion in the index expression does not allocate.
	m, ok := monthWords[string(buf[:len(w)])]
	return m, ok
}

// Weekday returns the day of the week that w names, ignoring ASCII case:
// its full name or any start of it of three letters or more, which takes
// in the usual abbreviations ("Tue", "Tues", "Thur", "Thurs"). No two days
// share their first three letters, so the answer is never ambiguous.
func Weekday(w string) (time.Weekday, bool) {
	if len(w) < 3 {
		return 0, false
	}
	for d, name := range weekdays {
		if len(w) <= len(name) && equalFold(w, name[:len(w)]) {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// equalFold reports whether w equals name, which is in lower case,
// ignoring ASCII case.
func equalFold(w, name string) bool {
	if len(w) != len(name) {
		return false
	}
	for i := range len(w) {
		if lower(w[i]) != name[i] {
			return false
		}
	}
	return true
}

// lower returns c in lower case if it is an ASCII capital letter.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// DaysIn returns the number of days of month m (1 to 12) of year y, in
// the proleptic Gregorian calendar.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
