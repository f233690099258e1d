package bench

import (
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	start := time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)
	first := sample{at: start, articles: 100, rss: 1 << 20, heapLive: 10}
	last := sample{at: start.Add(4 * time.Second), articles: 500, rss: 2 << 20, heapLive: 20}
	last.reg.duplicates = 4
	row := func(perSec float64, partial bool) SoakRow { return SoakRow{ArticlesPerSec: perSec, Partial: partial} }
	for _, tt := range []struct {
		name                             string
		rows                             []SoakRow
		first, last, lowest, most, drift float64
	}{
		{"full rows", []SoakRow{row(100, false), row(50, false), row(150, false)}, 100, 150, 50, 150, 1.5},
		{"partial rows left out", []SoakRow{row(10, true), row(100, false), row(80, false), row(1, true)}, 100, 80, 80, 100, 0.8},
		{"only partial rows", []SoakRow{row(40, true), row(20, true)}, 40, 20, 20, 40, 0.5},
		{"zero first row", []SoakRow{row(0, false), row(20, false)}, 0, 20, 0, 20, 0},
	} {
		s := summarize(tt.rows, first, last)
		if s.FirstPerSec != tt.first || s.LastPerSec != tt.last || s.MinPerSec != tt.lowest || s.MaxPerSec != tt.most || s.Drift != tt.drift {
			t.Errorf("%s: summarize = first %v, last %v, min %v, max %v, drift %v; want %v, %v, %v, %v, %v", tt.name,
				s.FirstPerSec, s.LastPerSec, s.MinPerSec, s.MaxPerSec, s.Drift, tt.first, tt.last, tt.lowest, tt.most, tt.drift)
		}
		if s.Seconds != 4 || s.Articles != 400 || s.ArticlesPerSec != 100 || s.Duplicates != 4 || s.DuplicateShare != 0.01 {
			t.Errorf("%s: summarize = %v s, %d articles, %v/s, %d duplicates (share %v); want 4 s, 400, 100/s, 4 (0.01)", tt.name,
				s.Seconds, s.Articles, s.ArticlesPerSec, s.Duplicates, s.DuplicateShare)
		}
		if s.RSSStartBytes != 1<<20 || s.RSSEndBytes != 2<<20 || s.HeapStartBytes != 10 || s.HeapEndBytes != 20 {
			t.Errorf("%s: summarize = RSS %d to %d, live heap %d to %d; want the samples'", tt.name, s.RSSStartBytes, s.RSSEndBytes, s.HeapStartBytes, s.HeapEndBytes)
		}
	}
}
