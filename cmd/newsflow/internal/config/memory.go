package config

import (
	"math"
	"runtime/debug"
	"time"

	"github.com/newsflow/newsflow/stages/dedup"
)

// The memory of a replica is its rest (the stages' gazetteers and
// dictionaries, the runtime, the articles in flight), the dedup index,
// and with an embedded server that server's state of the dedup bucket and
// the message ids of the streams' duplicate windows.
// The live heap may fill heapShare of the memory limit: the rest is the
// collector's room, without which it would run all the time.
const (
	// restBytes is the live heap of a replica at rest, embedded server
	// included (83 MiB when measured; newsflow run, then
	// go_memstats_heap_alloc_bytes of /metrics), with room for the
	// articles of max_in_flight and their outputs.
	restBytes = 192 << 20
	// serverBytesPerEntry is the embedded server's heap per entry of the
	// dedup bucket (about 230 bytes when measured).
	serverBytesPerEntry = 256
	// heapShare is the share of the memory limit the live heap may fill.
	heapShare = 0.7

	// The embedded server keeps each message id of a stream's duplicate
	// window (see deploy/streams/README.md), about idBytes of heap (~82
	// when measured: a heap profile of `newsflow bench --duration 3m
	// --memprofile`). The ids are counted at the most a process with its
	// server finishes, peakArticlesPerSecond (1,500–1,800 in `newsflow
	// bench` soaks on Reuters, 2 CPUs), as when it drains a backlog, each
	// article with one id in ARTICLES (its publisher's) and
	// outputsPerArticle in EVENTS: its article event and the coded events
	// of agency news, ~7.
	idBytes               = 100
	peakArticlesPerSecond = 2000
	outputsPerArticle     = 8
)

// windowBytes returns the embedded server's heap for the ids of the
// duplicate windows of ARTICLES and EVENTS at the peak rate; 0 for an
// external server, whose memory they are.
func (c Config) windowBytes() int64 {
	if !c.NATS.Embedded() {
		return 0
	}
	articles := time.Duration(c.Streams.Articles.DuplicateWindow).Seconds()
	events := time.Duration(c.Streams.Events.DuplicateWindow).Seconds()
	return int64(peakArticlesPerSecond * (articles + outputsPerArticle*events) * idBytes)
}

// MemoryLimitRatio is the share of the container's memory limit that
// newsflow run makes its soft memory limit (GOMEMLIMIT) when none is set:
// the rest is for what the Go heap does not count (stacks, the runtime's
// own structures, the kernel's view of freed pages) before the kernel
// kills.
const MemoryLimitRatio = 0.9

// MemoryLimit returns the process's soft memory limit (GOMEMLIMIT, or
// what newsflow run set from the container's limit), 0 if there is none.
func MemoryLimit() int64 {
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		return l
	}
	return 0
}

// DedupEntriesFor returns the capacity of the dedup index that fits in
// limit bytes with everything else a replica of c holds; 0 when there is
// no limit, for the stage's default.
func (c Config) DedupEntriesFor(limit int64) int {
	if limit <= 0 {
		return 0
	}
	budget := int64(float64(limit)*heapShare) - restBytes - c.windowBytes()
	if c.NATS.Embedded() {
		// The bucket holds its own count of entries, whatever the index's.
		budget -= serverBytesPerEntry * c.DedupStore.MaxEntries
	}
	return dedup.MaxEntriesFor(budget)
}

// MemoryNeeded returns the live heap a replica of c needs, its dedup
// index full, and the memory limit that allows it.
func (c Config) MemoryNeeded() (heap, limit int64) {
	heap = restBytes + c.windowBytes()
	if d := c.Stages.Dedup; d.Enabled {
		entries := d.MaxEntries
		if entries == 0 {
			entries = dedup.DefaultMaxEntries
		}
		heap += int64(entries) * dedup.IndexBytesPerEntry
		if c.NATS.Embedded() {
			heap += serverBytesPerEntry * max(c.DedupStore.MaxEntries, int64(entries))
		}
	}
	return heap, int64(float64(heap) / heapShare)
}
