package config

import (
	"testing"

	"github.com/newsflow/newsflow/stages/dedup"
)

// TestResolvedSizesDedup checks the capacity Resolved gives the dedup
// index from the memory limit: the stage's default without a limit, and
// under a limit one that MemoryNeeded says fits in it.
func TestResolvedSizesDedup(t *testing.T) {
	const gib = 1 << 30
	for _, tt := range []struct {
		name     string
		limit    int64
		embedded bool
		set      int // stages.dedup.max_entries
		bucket   int64
		want     func(n int) bool
	}{
		{"no limit", 0, false, 0, 1_000_000, func(n int) bool { return n == dedup.DefaultMaxEntries }},
		{"1 GiB, external server", gib, false, 0, 0, func(n int) bool { return n == dedup.MaxEntriesFor(gib*7/10-restBytes) }},
		{"1 GiB, external server, bucket of 5000", gib, false, 0, 5000, func(n int) bool { return n == 5000 }},
		{"2 GiB, embedded server", 2 * gib, true, 0, 1_000_000, func(n int) bool {
			return n == dedup.MaxEntriesFor(2*gib*7/10-restBytes-serverBytesPerEntry*1_000_000-Default().windowBytes())
		}},
		{"64 GiB, bucket of 10⁶", 64 * gib, false, 0, 1_000_000, func(n int) bool { return n == 1_000_000 }},
		{"64 GiB, bucket bounded by TTL", 64 * gib, false, 0, 0, func(n int) bool { return n > 1_000_000 }},
		{"set by the configuration", gib, false, 5000, 1_000_000, func(n int) bool { return n == 5000 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			if !tt.embedded {
				cfg.NATS.URL = "nats://nats:4222"
			}
			cfg.Stages.Dedup.MaxEntries, cfg.DedupStore.MaxEntries = tt.set, tt.bucket
			got := cfg.resolvedFor(tt.limit)
			if n := got.Stages.Dedup.MaxEntries; !tt.want(n) {
				t.Fatalf("resolvedFor(%d).Stages.Dedup.MaxEntries = %d; not as wanted", tt.limit, n)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("resolvedFor(%d).Validate() = %v", tt.limit, err)
			}
			if _, need := got.MemoryNeeded(); tt.limit > 0 && tt.set == 0 && need > tt.limit {
				t.Errorf("resolvedFor(%d): MemoryNeeded limit %d; want at most %d", tt.limit, need, tt.limit)
			}
		})
	}
}

// TestMemoryNeededGrowsWithIndex checks that the memory a configuration
// needs counts its index, and the embedded server's bucket and message
// ids.
func TestMemoryNeededGrowsWithIndex(t *testing.T) {
	cfg := Default()
	cfg.NATS.URL = "nats://nats:4222"
	cfg.Stages.Dedup.MaxEntries = 100_000
	small, _ := cfg.MemoryNeeded()
	cfg.Stages.Dedup.MaxEntries = 200_000
	large, _ := cfg.MemoryNeeded()
	if got, want := large-small, int64(100_000*dedup.IndexBytesPerEntry); got != want {
		t.Errorf("MemoryNeeded grew by %d for 10⁵ more articles; want %d", got, want)
	}
	cfg.NATS.URL = ""
	embedded, _ := cfg.MemoryNeeded()
	ids := int64(peakArticlesPerSecond * (600 + outputsPerArticle*480) * idBytes) // the default windows: 10 and 8 minutes
	if got, want := embedded-large, serverBytesPerEntry*cfg.DedupStore.MaxEntries+ids; got != want {
		t.Errorf("MemoryNeeded with the embedded server = %d more; want %d, its bucket's and its message ids'", got, want)
	}
	cfg.Stages.Dedup.Enabled = false
	if off, _ := cfg.MemoryNeeded(); off != restBytes+ids {
		t.Errorf("MemoryNeeded without dedup, embedded server = %d; want %d", off, restBytes+ids)
	}
}
