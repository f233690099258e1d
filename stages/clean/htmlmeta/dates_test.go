package htmlmeta

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	const (
		edt = -4 * 3600
		est = -5 * 3600
	)
	tests := []struct {
		in   string
		want time.Time // zero: no date
	}{
		// ISO 8601 and RFC 3339.
		{"2025-04-12T09:30:15Z", date(2025, 4, 12, 9, 30, 0).Add(15 * time.Second)},
		{"2025-04-12T09:30:15.250+02:00", time.Date(2025, 4, 12, 9, 30, 15, 250e6, time.FixedZone("", 7200))},
		{"2025-04-12T09:30+0530", date(2025, 4, 12, 9, 30, 19800)},
		{"2025-04-12T09:30:00-04", date(2025, 4, 12, 9, 30, edt)},
		{"2025-04-12T09:30:00", date(2025, 4, 12, 9, 30, 0)},
		{"2025-04-12 09:30:00 +0000", date(2025, 4, 12, 9, 30, 0)},
		{"2025-04-12 09:30:00 GMT", date(2025, 4, 12, 9, 30, 0)},
		{"2025-04-12T09:30:00 EDT", date(2025, 4, 12, 9, 30, edt)},
		{"2025-04-12", date(2025, 4, 12, 0, 0, 0)},
		{"2025/4/2", date(2025, 4, 2, 0, 0, 0)},
		{" 2025-04-12T09:30:00Z trailing", date(2025, 4, 12, 9, 30, 0)},
		{"20250412", date(2025, 4, 12, 0, 0, 0)},
		{"1744450200", date(2025, 4, 12, 9, 30, 0)},
		{"1744450200000", date(2025, 4, 12, 9, 30, 0)},
		// RFC 1123 and RFC 1123Z.
		{"Sat, 12 Apr 2025 09:30:00 GMT", date(2025, 4, 12, 9, 30, 0)},
		{"Sat, 12 Apr 2025 09:30:00 -0500", date(2025, 4, 12, 9, 30, est)},
		// English.
		{"April 12, 2025", date(2025, 4, 12, 0, 0, 0)},
		{"12 April 2025", date(2025, 4, 12, 0, 0, 0)},
		{"12th of April, 2025", date(2025, 4, 12, 0, 0, 0)},
		{"Apr. 12, 2025 9:00 AM ET", date(2025, 4, 12, 9, 0, edt)},
		{"Jan. 12, 2025 9:00 AM ET", date(2025, 1, 12, 9, 0, est)},
		{"Sept 3rd 2025, 12:15 a.m.", date(2025, 9, 3, 0, 15, 0)},
		{"Tuesday 8 April 2025 18.05 BST", date(2025, 4, 8, 18, 5, 3600)},
		{"April 12, 2025 at 3 pm", date(2025, 4, 12, 15, 0, 0)},
		{"APRIL 12, 2025 | 10:28PM", date(2025, 4, 12, 22, 28, 0)},
		{"01:38:07 PM IST Nov 20, 2019", date(2019, 11, 20, 13, 38, 19800).Add(7 * time.Second)},
		{"Posted on April 12, 2025", date(2025, 4, 12, 0, 0, 0)},
		// Not dates.
		{"", time.Time{}},
		{"soon", time.Time{}},
		{"2025-02-30", time.Time{}},
		{"2025-13-01", time.Time{}},
		{"2025-04-12T25:00:00Z", time.Time{}},
		{"April 12", time.Time{}},
		{"April 2025", time.Time{}},
		{"Mayor 12, 2025", time.Time{}},
		{"12345", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"By Jane Doe | April 12, 2025 9:00 AM ET", date(2025, 4, 12, 9, 0, -4*3600)},
		{"Published: 2025-04-12 | 3 min read", date(2025, 4, 12, 0, 0, 0)},
		{"Updated April 13, 2025; published April 12, 2025", date(2025, 4, 12, 0, 0, 0)},
		{"Last modified: 13 April 2025", time.Time{}},
		{"Edited on 13 April 2025", time.Time{}},
		{"Posted 12 April 1985", time.Time{}},
		{"Posted 12 April 2027", time.Time{}},
		{"A2025-04-12 is glued to a word", time.Time{}},
		{"Monday, May 5, 2025", date(2025, 5, 5, 0, 0, 0)},
		{"no date", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := findDate(tt.in, testNow)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("findDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"https://example.com/news/2025/04/12/story/", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/2025/4/2/story", date(2025, 4, 2, 0, 0, 0)},
		{"https://example.com/world/2025/apr/12/story", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/2025-04-12/story", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/story-2025_04_12.html", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/story-20250412/", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/20250412", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/2025/04/story.html", date(2025, 4, 1, 0, 0, 0)},
		{"https://example.com/2025/04", date(2025, 4, 1, 0, 0, 0)},
		{"/2025/04/12/relative", date(2025, 4, 12, 0, 0, 0)},
		{"https://example.com/2025/04/123-story", date(2025, 4, 1, 0, 0, 0)},
		{"https://example.com/a/1202189233/", time.Time{}},
		{"https://example.com/story-202504120/", time.Time{}},
		{"https://example.com/id12345678/", time.Time{}},
		{"https://example.com/1985/04/12/old", time.Time{}},
		{"https://example.com/2031/04/12/future", time.Time{}},
		{"https://example.com/2025/13/12/", time.Time{}},
		{"https://example.com/2025/02/30/", time.Time{}},
		{"https://example.com/top-2025/12-best-phones", time.Time{}},
		{"https://example.com/story?date=2025-04-12", time.Time{}},
		{"https://2025.example.com/", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := urlDate(tt.in, testNow)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("urlDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestPlausible(t *testing.T) {
	tests := []struct {
		in    time.Time
		floor time.Time
		want  bool
	}{
		{date(2025, 4, 12, 0, 0, 0), floorGuessed, true},
		{date(1989, 12, 31, 0, 0, 0), floorGuessed, false},
		{date(1989, 12, 31, 0, 0, 0), floorStructured, true},
		{date(1899, 12, 31, 0, 0, 0), floorStructured, false},
		{date(1970, 1, 1, 0, 0, 0), floorStructured, false},
		{date(1970, 1, 1, 5, 0, 0), floorStructured, false},
		{testNow.Add(23 * time.Hour), floorGuessed, true},
		{testNow.Add(25 * time.Hour), floorGuessed, false},
	}
	for _, tt := range tests {
		if got := plausible(tt.in, tt.floor, testNow); got != tt.want {
			t.Errorf("plausible(%v, %v) = %v; want %v", tt.in, tt.floor.Year(), got, tt.want)
		}
	}
}

func TestUSDST(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{2025, time.March, 8, false},
		{2025, time.March, 9, true}, // second Sunday
		{2025, time.November, 1, true},
		{2025, time.November, 2, false}, // first Sunday
		{2025, time.July, 4, true},
		{2025, time.December, 25, false},
	}
	for _, tt := range tests {
		if got := usDST(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("usDST(%d-%02d-%02d) = %v; want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}
