package calendar

import (
	"slices"
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Month
		ok   bool
	}{
		{"january", time.January, true},
		{"January", time.January, true},
		{"JANUARY", time.January, true},
		{"Jan", time.January, true},
		{"may", time.May, true},
		{"Sep", time.September, true},
		{"Sept", time.September, true},
		{"september", time.September, true},
		{"Dec", time.December, true},
		{"", 0, false},
		{"Ma", 0, false},
		{"Marc", 0, false},       // a name, not a month
		{"Augus", 0, false},      // only the listed abbreviations
		{"Sept.", 0, false},      // the period is the caller's to drop
		{"Septembers", 0, false}, // longer than any month
		{"Mai", 0, false},
		{"J\u00e1n", 0, false},
	}
	for _, tt := range tests {
		got, ok := Month(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Month(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		in   string
		want time.Weekday
		ok   bool
	}{
		{"sunday", time.Sunday, true},
		{"Monday", time.Monday, true},
		{"TUESDAY", time.Tuesday, true},
		{"Tue", time.Tuesday, true},
		{"Tues", time.Tuesday, true},
		{"Wed", time.Wednesday, true},
		{"Thu", time.Thursday, true},
		{"Thur", time.Thursday, true},
		{"Thurs", time.Thursday, true},
		{"Fri", time.Friday, true},
		{"sat", time.Saturday, true},
		{"Saturday", time.Saturday, true},
		{"", 0, false},
		{"Mo", 0, false}, // too short to tell
		{"Tu", 0, false},
		{"Sundays", 0, false}, // longer than the name
		{"Sunny", 0, false},
		{"Wend", 0, false},
		{"Fri.", 0, false},
	}
	for _, tt := range tests {
		got, ok := Weekday(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Weekday(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestNames checks that the names agree with the time package's and that
// every name and abbreviation looks up as its own month or day.
func TestNames(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		name := MonthName(m)
		if !equalFold(m.String(), name) {
			t.Errorf("MonthName(%v) = %q; want %q in lower case", m, name, m.String())
		}
		for _, w := range append([]string{name}, MonthAbbrevs(m)...) {
			if got, ok := Month(w); got != m || !ok {
				t.Errorf("Month(%q) = %v, %v; want %v, true", w, got, ok, m)
			}
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := WeekdayName(d)
		if !equalFold(d.String(), name) {
			t.Errorf("WeekdayName(%v) = %q; want %q in lower case", d, name, d.String())
		}
		if got, ok := Weekday(name); got != d || !ok {
			t.Errorf("Weekday(%q) = %v, %v; want %v, true", name, got, ok, d)
		}
	}
	for _, m := range []time.Month{0, 13} {
		if got := MonthName(m); got != "" {
			t.Errorf("MonthName(%d) = %q; want \"\"", m, got)
		}
		if got := MonthAbbrevs(m); got != nil {
			t.Errorf("MonthAbbrevs(%d) = %q; want nil", m, got)
		}
	}
	for _, d := range []time.Weekday{-1, 7} {
		if got := WeekdayName(d); got != "" {
			t.Errorf("WeekdayName(%d) = %q; want \"\"", d, got)
		}
	}
}

func TestMonthAbbrevs(t *testing.T) {
	tests := []struct {
		in   time.Month
		want []string
	}{
		{time.January, []string{"jan"}},
		{time.May, nil},
		{time.September, []string{"sep", "sept"}},
		{time.December, []string{"dec"}},
	}
	for _, tt := range tests {
		if got := MonthAbbrevs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("MonthAbbrevs(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
	// The slice is the caller's: changing it changes no later answer.
	MonthAbbrevs(time.September)[0] = "x"
	if got := MonthAbbrevs(time.September)[0]; got != "sep" {
		t.Errorf("MonthAbbrevs(September)[0] = %q after a caller's change; want \"sep\"", got)
	}
}

func TestLookupsDoNotAllocate(t *testing.T) {
	for name, f := range map[string]func(){
		"Month":        func() { Month("September") },
		"Month miss":   func() { Month("Marc") },
		"Weekday":      func() { Weekday("Thurs") },
		"Weekday miss": func() { Weekday("Sunny") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per run; want 0", name, n)
		}
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct{ y, m, want int }{
		{2025, 1, 31}, {2025, 2, 28}, {2024, 2, 29}, {1900, 2, 28}, {2000, 2, 29}, {2025, 4, 30}, {2025, 12, 31},
	}
	for _, tt := range tests {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d; want %d", tt.y, tt.m, got, tt.want)
		}
	}
}
