package dedup

import (
	"runtime"
	"testing"
	"time"
)

// TestIndexBytesPerEntry measures the heap of an index of 10⁵ articles:
// IndexBytesPerEntry, by which newsflow sizes the index from the memory
// limit, must bound it and stay near it.
func TestIndexBytesPerEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("fills an index of 10⁵ articles")
	}
	const n = 100_000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x := newIndex(n, 100*time.Hour)
	fillRandom(x, n)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	per := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	if per > IndexBytesPerEntry || per < IndexBytesPerEntry*6/10 {
		t.Errorf("heap per indexed article = %d bytes; want at most IndexBytesPerEntry (%d) and at least 60%% of it", per, IndexBytesPerEntry)
	}
}

func TestMaxEntriesFor(t *testing.T) {
	for _, tt := range []struct {
		budget int64
		want   int
	}{
		{0, minEntries},
		{-1, minEntries},
		{IndexBytesPerEntry * 500_000, 500_000},
		{IndexBytesPerEntry*500_000 + IndexBytesPerEntry - 1, 500_000},
		{1 << 62, maxEntries},
	} {
		if got := MaxEntriesFor(tt.budget); got != tt.want {
			t.Errorf("MaxEntriesFor(%d) = %d; want %d", tt.budget, got, tt.want)
		}
	}
}
