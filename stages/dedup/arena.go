package dedup

import (
	"encoding/binary"
	"math"
)

// An arena is a ring of bytes holding the labels of the index's records
// (article id, cluster id, the article matched), so that the index keeps
// no strings: one slice instead of three heap objects an article. A label
// is the three ids, each after its length as a uvarint, the cluster's
// empty when it is the article's own. Records are evicted oldest first,
// and so are their labels: the live bytes run from head to tail, around
// the end of the ring. A label does not wrap: one that does not fit
// before the end goes at 0, and the bytes it skips are freed with the
// label before them.
type arena struct {
	b          []byte
	head, tail int // start of the oldest label, end of the newest
	labels     int
}

// maxArena bounds an arena's size: positions are 32-bit.
const maxArena = min(math.MaxInt, math.MaxUint32)

// labelSize returns the bytes the label (id, cluster, of) takes.
func labelSize(id, cluster, of string) int {
	if cluster == id {
		cluster = ""
	}
	return uvarintLen(len(id)) + len(id) + uvarintLen(len(cluster)) + len(cluster) + uvarintLen(len(of)) + len(of)
}

// uvarintLen returns the bytes of n as a uvarint.
func uvarintLen(n int) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], uint64(n))
}

// put adds the label (id, cluster, of) and returns its position, or false
// when the arena has no room for it.
func (a *arena) put(id, cluster, of string) (uint32, bool) {
	at, ok := a.reserve(labelSize(id, cluster, of))
	if !ok {
		return 0, false
	}
	if cluster == id {
		cluster = ""
	}
	b := a.b[at:at]
	for _, s := range [...]string{id, cluster, of} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return at, true
}

// move copies the label at pos in src to a, and returns its position in a,
// or false when a has no room for it.
func (a *arena) move(src *arena, pos uint32) (uint32, bool) {
	l := src.b[pos:src.end(pos)]
	at, ok := a.reserve(len(l))
	if ok {
		copy(a.b[at:], l)
	}
	return at, ok
}

// reserve returns the position of n bytes for a new label at the tail.
func (a *arena) reserve(n int) (uint32, bool) {
	if a.labels == 0 {
		a.head, a.tail = 0, 0
	}
	var at int
	switch {
	case a.head <= a.tail && a.tail+n <= len(a.b):
		at = a.tail
	case a.head <= a.tail && n < a.head:
		at = 0
	case a.head > a.tail && a.tail+n < a.head:
		// Strictly below head, so that head == tail means empty.
		at = a.tail
	default:
		return 0, false
	}
	a.tail = at + n
	a.labels++
	return uint32(at), true
}

// label returns the label at pos, in the arena's memory: valid until the
// next put.
func (a *arena) label(pos uint32) (id, cluster, of []byte) {
	b := a.b[pos:]
	id, b = lenPrefixedBytes(b)
	cluster, b = lenPrefixedBytes(b)
	of, _ = lenPrefixedBytes(b)
	if len(cluster) == 0 {
		cluster = id
	}
	return id, cluster, of
}

// lenPrefixedBytes splits b after the bytes its uvarint length prefix
// announces; what an arena wrote is well formed.
func lenPrefixedBytes(b []byte) ([]byte, []byte) {
	n, k := binary.Uvarint(b)
	return b[k : k+int(n)], b[k+int(n):]
}

// end returns the position after the label at pos.
func (a *arena) end(pos uint32) int {
	b := a.b[pos:]
	for range 3 {
		_, b = lenPrefixedBytes(b)
	}
	return len(a.b) - len(b)
}

// free frees the oldest label, at pos.
func (a *arena) free(pos uint32) {
	a.head = a.end(pos)
	a.labels--
}

// grown returns an empty arena a quarter larger than a, up to maxArena,
// or false when a is as large as it can be. A quarter, not twice: the
// arena of a full index is then at most a quarter larger than its labels,
// for each label copied about four times as the arena grows instead of
// once.
func (a *arena) grown() (arena, bool) {
	if len(a.b) >= maxArena {
		return arena{}, false
	}
	return arena{b: make([]byte, min(max(len(a.b)+len(a.b)/4, 4096), maxArena))}, true
}
