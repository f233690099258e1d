package dedup

// Sizes of the index.
const (
	// DefaultMaxEntries is the capacity of an index whose configuration
	// leaves it to the program (MaxEntries 0) when nothing sizes it.
	DefaultMaxEntries = 1_000_000
	// IndexBytesPerEntry is the heap an indexed article takes, at most:
	// TestIndexBytesPerEntry fails when the index outgrows it, or shrinks
	// well below it, so that sizing by it stays true.
	IndexBytesPerEntry = 420

	minEntries = 1000
	maxEntries = 100_000_000
)

// MaxEntriesFor returns the capacity of an index that fits in budget
// bytes of heap, within the bounds Config.Validate accepts.
func MaxEntriesFor(budget int64) int {
	return int(min(max(budget/IndexBytesPerEntry, minEntries), maxEntries))
}

// capacity returns the index's capacity under cfg.
func (c Config) capacity() int {
	if c.MaxEntries == 0 {
		return DefaultMaxEntries
	}
	return c.MaxEntries
}
