package dates

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// FuzzFind checks that any text and publication time give dates with
// valid offsets, in order, not overlapping, with values that parse at
// their granularity, and no panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Friday, July 21, 2017\n\nOn Tuesday, in 2017 and 1998, last week",
		"the day before yesterday, two days ago, [Ten] years ago, twenty-five years ago",
		"April 12, 2025; 12th of April; Apr. 12; 2025-04-12; 25/12/2024; mid-April",
		"The vote will be held on Friday. over 2000 - 2050; from file, 2008.",
		"May", "12 ", "2025-", "Sept.", "[", "-year", "the day after tomorrow",
	} {
		f.Add(s, int64(1744448400), 0)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64, offset int) {
		zone := time.FixedZone("z", offset%(14*3600))
		pub := time.Unix(unix%(9000*365*86400), 0).In(zone) // years -7000 to 10970
		var fd Finder
		checkRefs(t, text, fd.Find(nil, text, pub))
	})
}

// checkValue reports whether value is an ISO 8601 date of granularity g.
func checkValue(value, g string) error {
	layout := map[string]string{"day": time.DateOnly, "month": "2006-01", "year": "2006"}[g]
	if g == "week" {
		var y, w int
		if n, err := fmt.Sscanf(value, "%4d-W%2d", &y, &w); n != 2 || err != nil || len(value) != 8 {
			return fmt.Errorf("week %q does not parse", value)
		}
		// Week w exists when its Thursday is in year y.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -int((jan4.Weekday()+6)%7)+7*(w-1))
		if iy, iw := mon.ISOWeek(); w < 1 || iy != y || iw != w {
			return fmt.Errorf("week %q does not exist", value)
		}
		return nil
	}
	if layout == "" {
		return fmt.Errorf("granularity %q", g)
	}
	if _, err := time.Parse(layout, value); err != nil || len(value) != len(layout) {
		return fmt.Errorf("%s %q does not parse: %v", g, value, err)
	}
	return nil
}

// checkRefs checks what every result must satisfy: exact offsets, order,
// no overlap, and a value that parses at its granularity.
func checkRefs(t *testing.T, text string, refs []event.DateRef) {
	t.Helper()
	end := 0
	for _, r := range refs {
		if r.Start < end || r.End <= r.Start || r.End > len(text) || text[r.Start:r.End] != r.Text {
			t.Fatalf("bad offsets %d:%d %q after %d", r.Start, r.End, r.Text, end)
		}
		end = r.End
		if err := checkValue(r.Value, r.Granularity); err != nil {
			t.Fatalf("%q: %v", r.Text, err)
		}
	}
}

// TestFinderReuse checks that a Finder gives the same result again, with
// values that do not change when it is reused.
func TestFinderReuse(t *testing.T) {
	text := readArticle(t)
	var f Finder
	first := f.Find(nil, text, benchPub)
	saved := show(first)
	f.Find(nil, "yesterday and tomorrow", sat)
	again := f.Find(nil, text, benchPub)
	if !sameFound(first, saved) || !sameFound(again, saved) {
		t.Errorf("reuse changed results:\n%v\n%v\n%v", saved, show(first), show(again))
	}
	if n := len(first); n < 20 {
		t.Errorf("found %d dates in the article, want 20 or more", n)
	}
}

// TestAppend checks that Find appends to dst.
func TestAppend(t *testing.T) {
	dst := []event.DateRef{{Text: "x"}}
	dst = Find(dst, "yesterday", sat)
	if len(dst) != 2 || dst[0].Text != "x" || dst[1].Value != "2025-04-11" {
		t.Errorf("Find appended %v", dst)
	}
}

// TestConcurrent runs the package Find from several goroutines at once,
// for the race detector, and checks they all agree.
func TestConcurrent(t *testing.T) {
	text := readArticle(t)
	want := show(Find(nil, text, benchPub))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := Find(nil, text, benchPub); !sameFound(got, want) {
					t.Errorf("concurrent Find = %v; want %v", show(got), want)
					return
				}
			}
		})
	}
	wg.Wait()
}
