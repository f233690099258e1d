package dates

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// sat is the default publication time of the tests: Saturday 2025-04-12,
// as in the seed article.
var sat = time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)

// found is a date as the tests write it: its text and value. The
// granularity follows from the value's form.
type found struct{ text, value string }

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		pub  time.Time // sat when zero
		want []found
	}{
		// Absolute dates.
		{"month day year", "It opened on April 12, 2025.", time.Time{}, []found{{"April 12, 2025", "2025-04-12"}}},
		{"day month year", "It opened on 12 April 2025.", time.Time{}, []found{{"12 April 2025", "2025-04-12"}}},
		{"abbreviation", "Filed Apr. 12 and Sept. 3, 2024.", time.Time{}, []found{{"Apr. 12", "2025-04-12"}, {"Sept. 3, 2024", "2024-09-03"}}},
		{"month day", "It opened April 12.", time.Time{}, []found{{"April 12", "2025-04-12"}}},
		{"ordinal", "on April 12th or the 3rd of May", time.Time{}, []found{{"April 12th", "2025-04-12"}, {"3rd of May", "2025-05-03"}}},
		{"no comma before year", "from January 23 - March 9 2014", time.Time{}, []found{{"January 23", "2025-01-23"}, {"March 9 2014", "2014-03-09"}}},
		{"nearest across new year", "It happened on December 28.", day(2025, 1, 5), []found{{"December 28", "2024-12-28"}}},
		{"nearest ahead", "The launch is June 28.", day(2025, 4, 13), []found{{"June 28", "2025-06-28"}}},
		{"past tense day", "He was arrested on January 5.", day(2025, 12, 20), []found{{"January 5", "2025-01-05"}}},
		{"future tense day", "The vote is to be held from November 20 to December 11.", day(2015, 5, 7),
			[]found{{"November 20", "2015-11-20"}, {"December 11", "2015-12-11"}}},
		{"schedule begun", "The show is to run from January 23 through March 9.", day(2014, 1, 28),
			[]found{{"January 23", "2014-01-23"}, {"March 9", "2014-03-09"}}},
		{"month year", "between July 2003 and December 2004", time.Time{}, []found{{"July 2003", "2003-07"}, {"December 2004", "2004-12"}}},
		{"in month", "a second term in January", time.Time{}, []found{{"January", "2025-01"}}},
		{"month this month", "They met in April.", time.Time{}, []found{{"April", "2025-04"}}},
		{"month past", "They met in May.", time.Time{}, []found{{"May", "2024-05"}}},
		{"month future", "The summit will be held in May.", time.Time{}, []found{{"May", "2025-05"}}},
		{"month modifiers", "since March, last April, next April, this June", time.Time{},
			[]found{{"March", "2025-03"}, {"last April", "2024-04"}, {"next April", "2026-04"}, {"this June", "2025-06"}}},
		{"month edges", "by mid-April or early January", time.Time{}, []found{{"mid-April", "2025-04"}, {"early January", "2025-01"}}},
		{"month coordinated", "in March and April", time.Time{}, []found{{"March", "2025-03"}, {"April", "2025-04"}}},
		{"iso", "Released 2025-04-12T09:00Z.", time.Time{}, []found{{"2025-04-12", "2025-04-12"}}},
		{"numeric unambiguous", "on 25/12/2024 and 12/25/2024", time.Time{}, []found{{"25/12/2024", "2024-12-25"}, {"12/25/2024", "2024-12-25"}}},
		{"numeric ambiguous", "on 04/12/2025", time.Time{}, nil},
		{"decade", "in the 1990s and the 1960s", time.Time{}, nil},
		{"dateline", "Friday, July 21, 2017\n\nA group", time.Time{}, []found{{"Friday, July 21, 2017", "2017-07-21"}}},
		{"dateline day first", "Friday 21 July 2017: a group", time.Time{}, []found{{"Friday 21 July 2017", "2017-07-21"}}},
		{"dateline no year", "Friday, April 4", time.Time{}, []found{{"Friday, April 4", "2025-04-04"}}},

		// Years.
		{"year cues", "in 2017, since 1987, by 2050, until 1999, during 2001", time.Time{},
			[]found{{"2017", "2017"}, {"1987", "1987"}, {"2050", "2050"}, {"1999", "1999"}, {"2001", "2001"}}},
		{"year count", "2017 people came; In 2017, 2000 people came.", time.Time{}, []found{{"2017", "2017"}}},
		{"year range", "from 2004 to 2009, over 2000 - 2050, in 1997 and 1998", time.Time{},
			[]found{{"2004", "2004"}, {"2009", "2009"}, {"2000", "2000"}, {"2050", "2050"}, {"1997", "1997"}, {"1998", "1998"}}},
		{"year quantity", "over 2000 people, around 1500 homes, of 1709 pupils", time.Time{}, nil},
		{"year of", "10% of 2000 levels; the War of 1812.", time.Time{}, []found{{"2000", "2000"}, {"1812", "1812"}}},
		{"year the", "before the 2014 protests", time.Time{}, []found{{"2014", "2014"}}},
		{"year name", "at Fan Expo Canada 2016 in Toronto", time.Time{}, []found{{"2016", "2016"}}},
		{"year caption", "Leung Yiu-chung; from file, 2008.", time.Time{}, []found{{"2008", "2008"}}},
		{"year edge", "early 2016 and mid-2024", time.Time{}, []found{{"early 2016", "2016"}, {"mid-2024", "2024"}}},
		{"year not", "the 2024-25 season, $2017, 1990s, No. 2017, 555-2017", time.Time{}, nil},

		// Days relative to the publication.
		{"deictic", "today, yesterday, tomorrow and tonight", time.Time{},
			[]found{{"today", "2025-04-12"}, {"yesterday", "2025-04-11"}, {"tomorrow", "2025-04-13"}, {"tonight", "2025-04-12"}}},
		{"weekday past", "On Friday, he met Putin.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"weekday pub day", "Saturday's talks", time.Time{}, []found{{"Saturday", "2025-04-12"}}},
		{"weekday earlier", "It closed on Sunday.", time.Time{}, []found{{"Sunday", "2025-04-06"}}},
		{"weekday future", "The vote will be held on Friday.", time.Time{}, []found{{"Friday", "2025-04-18"}}},
		{"weekday future after", "On Monday the board will vote.", time.Time{}, []found{{"Monday", "2025-04-14"}}},
		{"weekday fronted", "On Wednesday, Mohamed and his father are to travel.", time.Time{}, []found{{"Wednesday", "2025-04-16"}}},
		{"weekday said", "He said on Friday it will go ahead.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"weekday modifiers", "last Friday, next Monday, this Tuesday, this past Sunday, next Saturday", time.Time{},
			[]found{{"last Friday", "2025-04-11"}, {"next Monday", "2025-04-14"}, {"this Tuesday", "2025-04-08"},
				{"this past Sunday", "2025-04-06"}, {"next Saturday", "2025-04-19"}}},
		{"day parts", "on Tuesday night, Monday morning, yesterday afternoon, this morning, last night", time.Time{},
			[]found{{"Tuesday night", "2025-04-08"}, {"Monday morning", "2025-04-07"}, {"yesterday afternoon", "2025-04-11"},
				{"this morning", "2025-04-12"}, {"last night", "2025-04-11"}}},
		{"weekday coming", "this coming Monday, Friday 21 March", time.Time{},
			[]found{{"this coming Monday", "2025-04-14"}, {"Friday 21 March", "2025-03-21"}}},
		{"weekday due to", "The match was called off due to the storm on Friday.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"weekday is due to", "The minister is due to travel to Baku on Thursday.", day(2025, 4, 9), []found{{"Thursday", "2025-04-10"}}},
		{"weekday is due", "The ruling is due on Friday.", time.Time{}, []found{{"Friday", "2025-04-18"}}},
		{"weekday due after", "On Thursday, the minister is due to travel to Baku.", day(2025, 4, 9), []found{{"Thursday", "2025-04-10"}}},
		{"weekday was due", "The report was due on Friday.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"weekday is due to cause", "The delay is due to the storm on Friday.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"weekday expected to", "The minister is expected to arrive on Thursday.", day(2025, 4, 9), []found{{"Thursday", "2025-04-10"}}},
		{"weekday plans to", "She plans to meet the governor on Monday.", day(2025, 4, 9), []found{{"Monday", "2025-04-14"}}},
		{"weekday hopes to", "The club hopes to sign him on Friday.", day(2025, 4, 9), []found{{"Friday", "2025-04-11"}}},
		{"weekday hopes noun", "Their hopes were dashed on Friday.", day(2025, 4, 9), []found{{"Friday", "2025-04-04"}}},
		{"weekday modal", "A ruling could come on Friday.", day(2025, 4, 9), []found{{"Friday", "2025-04-11"}}},
		{"weekday reported future", "Rescuers said they would resume the search on Thursday.", day(2025, 4, 9), []found{{"Thursday", "2025-04-10"}}},
		{"weekday name", "The Sunday Times, Good Friday, USA Today", time.Time{}, nil},
		{"weekday before name", "On Friday Putin said", time.Time{}, []found{{"Friday", "2025-04-11"}}},

		// Weeks, months and years relative to the publication.
		{"weeks", "this week, last week, next week, this past week", time.Time{},
			[]found{{"this week", "2025-W15"}, {"last week", "2025-W14"}, {"next week", "2025-W16"}, {"this past week", "2025-W14"}}},
		{"months", "this month, last month, earlier this month, next month", time.Time{},
			[]found{{"this month", "2025-04"}, {"last month", "2025-03"}, {"earlier this month", "2025-04"}, {"next month", "2025-05"}}},
		{"years", "this year, last year, later this year, next year's", time.Time{},
			[]found{{"this year", "2025"}, {"last year", "2024"}, {"later this year", "2025"}, {"next year", "2026"}}},
		{"ago", "two days ago, three weeks ago, a year ago, [Ten] years ago, 3 months ago, twenty-five years ago", time.Time{},
			[]found{{"two days ago", "2025-04-10"}, {"three weeks ago", "2025-W12"}, {"a year ago", "2024"},
				{"[Ten] years ago", "2015"}, {"3 months ago", "2025-01"}, {"twenty-five years ago", "2000"}}},
		{"decades ago", "a decade ago, two decades ago", time.Time{}, []found{{"a decade ago", "2015"}, {"two decades ago", "2005"}}},
		{"coming", "the coming week", time.Time{}, []found{{"the coming week", "2025-W16"}}},
		{"from now", "a year from now", time.Time{}, []found{{"a year from now", "2026"}}},
		{"in future", "It will reopen in two weeks.", time.Time{}, []found{{"in two weeks", "2025-W17"}}},
		{"in span", "for the first time in two years", time.Time{}, nil},
		{"spans", "the past week, the last year, over the next year, in the coming weeks", time.Time{}, nil},

		// Days counted from the last date found.
		{"anchored day", "It began on Friday; the day before, it rained. The next day, it cleared.", time.Time{},
			[]found{{"Friday", "2025-04-11"}, {"the day before", "2025-04-10"}, {"The next day", "2025-04-11"}}},
		{"anchored year", "In 2008 it opened. A year later, it closed; the previous year, it grew.", time.Time{},
			[]found{{"2008", "2008"}, {"A year later", "2009"}, {"the previous year", "2008"}}},
		{"anchored week", "On April 2, it began; the following week, it ended.", time.Time{},
			[]found{{"April 2", "2025-04-02"}, {"the following week", "2025-W15"}}},
		{"anchored coarse", "In 2008 it began; the next day, it ended.", time.Time{}, []found{{"2008", "2008"}}},
		{"anchored none", "the day before, it rained", time.Time{}, nil},
		{"anchored event", "On Friday, the day before the vote, it rained.", time.Time{}, []found{{"Friday", "2025-04-11"}}},
		{"day before yesterday", "the day before yesterday", time.Time{}, []found{{"the day before yesterday", "2025-04-10"}}},

		// Not dates.
		{"modal", "Putin and Witkoff may discuss it. May I?", time.Time{}, nil},
		{"march", "They will march. The March for Life.", time.Time{}, nil},
		{"compounds", "a four-year term, a two-day visit, year-long talks, a mid-year review", time.Time{}, nil},
		{"numbers", "at 9:00, call 555-2017, won 3-0, 2017 people, April 1,000 times", time.Time{}, nil},
		{"abbreviation alone", "Jan and Dec left.", time.Time{}, nil},
		{"name May", "Theresa May said", time.Time{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := tt.pub
			if pub.IsZero() {
				pub = sat
			}
			got := Find(nil, tt.text, pub)
			checkRefs(t, tt.text, got)
			if !sameFound(got, tt.want) {
				t.Errorf("Find(%q, %s) = %v; want %v", tt.text, pub.Format(time.DateOnly), show(got), tt.want)
			}
		})
	}
}

// day returns noon of y-m-d in UTC.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func sameFound(got []event.DateRef, want []found) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Value != w.value {
			return false
		}
	}
	return true
}

func show(refs []event.DateRef) []found {
	var out []found
	for _, r := range refs {
		out = append(out, found{r.Text, r.Value})
	}
	return out
}

// TestSeed checks the worked example: the two dates of seed-expected.json
// and nothing else.
func TestSeed(t *testing.T) {
	var article struct {
		Body        string    `json:"body"`
		PublishedAt time.Time `json:"published_at"`
	}
	var expected struct {
		Dates []struct{ Text, Value, Granularity string }
	}
	readJSON(t, "../../../../shared/examples/seed-article.json", &article)
	readJSON(t, "../../../../shared/examples/seed-expected.json", &expected)
	got := Find(nil, article.Body, article.PublishedAt)
	checkRefs(t, article.Body, got)
	// The expected dates at their places; "Friday" is said twice.
	friday, january := expected.Dates[0], expected.Dates[1]
	want := []struct {
		at   int
		date struct{ Text, Value, Granularity string }
	}{
		{strings.Index(article.Body, "On Friday") + len("On "), friday},
		{strings.Index(article.Body, "on Friday (local time)") + len("on "), friday},
		{strings.Index(article.Body, "in January") + len("in "), january},
	}
	if len(got) != len(want) {
		t.Fatalf("found %v; want Friday, Friday, January", show(got))
	}
	for i, w := range want {
		r := got[i]
		if r.Text != w.date.Text || r.Value != w.date.Value || r.Granularity != w.date.Granularity || r.Start != w.at {
			t.Errorf("date %d = %+v; want %+v at %d", i, r, w.date, w.at)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

// TestTimeZone checks that resolution uses the calendar date of pub in
// pub's own zone, not in UTC.
func TestTimeZone(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	newYork := time.FixedZone("EST", -5*3600)
	tests := []struct {
		pub  time.Time
		want string
	}{
		{time.Date(2025, 4, 12, 1, 0, 0, 0, tokyo), "2025-04-12"},     // 2025-04-11 16:00 UTC
		{time.Date(2025, 4, 11, 23, 30, 0, 0, newYork), "2025-04-11"}, // 2025-04-12 04:30 UTC
		{time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC), "2025-04-12"},
	}
	for _, tt := range tests {
		got := Find(nil, "today", tt.pub)
		if len(got) != 1 || got[0].Value != tt.want {
			t.Errorf("Find(today, %s) = %v; want %s", tt.pub, show(got), tt.want)
		}
	}
}

// TestCalendarEdges checks weeks and months across a year's end.
func TestCalendarEdges(t *testing.T) {
	tests := []struct {
		text string
		pub  time.Time
		want string
	}{
		{"this week", day(2024, 12, 30), "2025-W01"},
		{"last week", day(2024, 12, 30), "2024-W52"},
		{"next week", day(2020, 12, 24), "2020-W53"},
		{"last month", day(2025, 1, 3), "2024-12"},
		{"in December", day(2025, 1, 3), "2024-12"},
		{"next month", day(2025, 12, 3), "2026-01"},
		{"on February 29", day(2024, 6, 1), "2024-02-29"},
		{"on February 29, 2023", day(2024, 6, 1), "2023"}, // no such day; the year stands
		{"two days ago", day(2025, 3, 1), "2025-02-27"},
		{"13 months ago", day(2025, 1, 15), "2023-12"},
	}
	for _, tt := range tests {
		got := Find(nil, tt.text, tt.pub)
		checkRefs(t, tt.text, got)
		var v string
		if len(got) > 0 {
			v = got[0].Value
		}
		if v != tt.want || len(got) > 1 {
			t.Errorf("Find(%q, %s) = %v; want %q", tt.text, tt.pub.Format(time.DateOnly), show(got), tt.want)
		}
	}
}
