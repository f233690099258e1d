package dedup

import (
	"runtime"
	"testing"
)

// TestIndexBytesPerEntry measures the heap of an index of 10⁵ articles:
// IndexBytesPerEntry, by which newsflow sizes the index from the memory
// limit, must bound it and stay near it.
func TestIndexBytesPerEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("fills an index of 10⁵ articles")
	}
	x, per, _ := filledIndex(100_000)
	runtime.KeepAlive(x)
	if per > IndexBytesPerEntry || per < IndexBytesPerEntry*0.6 {
		t.Errorf("heap per indexed article = %.0f bytes; want at most IndexBytesPerEntry (%d) and at least 60%% of it", per, IndexBytesPerEntry)
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
