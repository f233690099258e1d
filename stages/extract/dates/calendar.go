package dates

import "github.com/newsflow/newsflow/stages/internal/calendar"

// Calendar arithmetic on day numbers (days since 1970-01-01 in the
// proleptic Gregorian calendar). A resolved date never has a time or a
// zone: resolution happens on the publication's calendar date, so integer
// arithmetic is exact and much cheaper than time.Time.

// gran is the granularity of a resolved date.
type gran uint8

const (
	granDay gran = iota
	granWeek
	granMonth
	granYear
)

var granNames = [...]string{granDay: "day", granWeek: "week", granMonth: "month", granYear: "year"}

// when is a resolved date: the day number of its first day and its
// granularity. A week starts on its Monday, a month and a year on their
// first day.
type when struct {
	day  int
	gran gran
}

// daysFromCivil returns the day number of y-m-d (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civil returns the year, month and day of a day number.
func civil(z int) (y, m, d int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekday returns the weekday of a day number, Sunday 0 as in time.Weekday.
func weekday(z int) int {
	return ((z % 7) + 11) % 7 // 1970-01-01 was a Thursday
}

// monday returns the day number of the Monday of z's ISO week.
func monday(z int) int {
	return z - (weekday(z)+6)%7
}

// isoWeek returns the ISO 8601 year and week of a day number.
func isoWeek(z int) (year, week int) {
	thu := monday(z) + 3 // the week belongs to the year of its Thursday
	year, _, _ = civil(thu)
	return year, (thu-daysFromCivil(year, 1, 1))/7 + 1
}

// validDay reports whether y-m-d is a date.
func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= calendar.DaysIn(y, m)
}

// dayOf returns a day-granularity when.
func dayOf(y, m, d int) when { return when{daysFromCivil(y, m, d), granDay} }

// monthOf returns the month that is n months after y-m, as a when.
func monthOf(y, m, n int) when {
	i := y*12 + m - 1 + n
	y = i / 12
	if i%12 != 0 && i < 0 {
		y-- // floor division
	}
	return when{daysFromCivil(y, i-y*12+1, 1), granMonth}
}

// yearOf returns year y as a when.
func yearOf(y int) when { return when{daysFromCivil(y, 1, 1), granYear} }

// weekOf returns the ISO week that holds day z.
func weekOf(z int) when { return when{monday(z), granWeek} }

// appendValue appends w as ISO 8601 at its granularity: "2025-04-11",
// "2025-W15", "2025-04" or "2025". It reports false, appending nothing,
// for a year outside 1–9999, which ISO 8601 cannot write in four digits.
func appendValue(b []byte, w when) ([]byte, bool) {
	y, m, d := civil(w.day)
	if w.gran == granWeek {
		var wk int
		y, wk = isoWeek(w.day)
		m = wk // written after "-W"
	}
	if y < 1 || y > 9999 {
		return b, false
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	switch w.gran {
	case granDay:
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	case granWeek:
		b = append(b, '-', 'W', byte('0'+m/10), byte('0'+m%10))
	case granMonth:
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
	}
	return b, true
}
