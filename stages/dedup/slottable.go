package dedup

import (
	"iter"
	"math/bits"
)

// A slotTable maps 64-bit key hashes to record slots, any number of slots
// to a key: an open-addressed table of 32-bit words and nothing else, so
// that the garbage collector has nothing in it to mark. A word holds the
// slot, its distance from the key's home position and, in the bits left
// over, a fingerprint of the key; the key itself is not kept. What the
// table finds for a key is therefore a candidate that the caller checks:
// a slot whose key has the same home and fingerprint, once in 2^f of the
// keys sharing the home, with f fingerprint bits (5 for a million slots,
// none from 2^24 on).
//
// The entries are in the order of their homes (Robin Hood): an entry
// passes those whose home is at or before its own and takes the place of
// the first whose home is after, which moves on by one with those after
// it. The entries of one home are thus side by side, in the order they
// were added, a search stops at the first entry whose home is past its
// key's, and deletion shifts the entries after the deleted one back by
// one, their homes known from their distances. A distance must
// fit in its bits (maxDist): an entry that would go further is dropped
// and counted in lost, which a table kept below 90% full does not see
// but for a key added over a hundred times.
type slotTable struct {
	e        []uint32 // 0 is empty
	n        int      // entries
	slotBits uint     // bits of slot+1
	fpShift  uint     // slotBits plus the distance's bits
	maxDist  uint32   // distances are below
	lost     int      // entries dropped for their distance
}

// newSlotTable returns a table of size words for slots below maxSlots.
func newSlotTable(size, maxSlots int) slotTable {
	sb := uint(bits.Len32(uint32(maxSlots)))
	db := min(7, 32-sb)
	return slotTable{e: make([]uint32, max(size, 1)), slotBits: sb, fpShift: sb + db, maxDist: 1 << db}
}

// home returns the position of h: its top 32 bits scaled to the table.
func (t *slotTable) home(h uint64) uint32 {
	return uint32((h >> 32) * uint64(len(t.e)) >> 32)
}

// fp returns the fingerprint of h, in place in a word.
func (t *slotTable) fp(h uint64) uint32 {
	if t.fpShift >= 32 {
		return 0
	}
	return uint32(h) << t.fpShift
}

// dist returns the distance of the word e from its home.
func (t *slotTable) dist(e uint32) uint32 { return e >> t.slotBits & (t.maxDist - 1) }

// slot returns the slot of the word e.
func (t *slotTable) slot(e uint32) uint32 { return e&(1<<t.slotBits-1) - 1 }

// fpOf returns the fingerprint of the word e.
func (t *slotTable) fpOf(e uint32) uint32 { return e &^ (1<<t.fpShift - 1) }

// find returns the slots added under h, oldest first, with those of other
// keys that share h's home and fingerprint.
func (t *slotTable) find(h uint64) iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		p, fp := t.home(h), t.fp(h)
		for d := range t.maxDist {
			e := t.e[p]
			if e == 0 || t.dist(e) < d {
				return
			}
			if t.dist(e) == d && t.fpOf(e) == fp && !yield(t.slot(e)) {
				return
			}
			p = t.next(p)
		}
	}
}

// add adds slot under h. It returns how many entries h had (with those
// that share its home and fingerprint) and the oldest of them, so that
// the caller can bound them.
func (t *slotTable) add(h uint64, slot uint32) (same int, oldest uint32) {
	p, fp := t.home(h), t.fp(h)
	d := uint32(0)
	// Pass the entries of the homes up to h's, h's own included.
	for ; ; d++ {
		if d == t.maxDist {
			t.lost++
			return same, oldest
		}
		e := t.e[p]
		if e == 0 || t.dist(e) < d {
			break
		}
		if t.dist(e) == d && t.fpOf(e) == fp {
			if same == 0 {
				oldest = t.slot(e)
			}
			same++
		}
		p = t.next(p)
	}
	// Take the place of the first entry of a later home, and move the
	// entries from there on by one, in order, up to an empty place, or to
	// an entry that cannot go further, which is dropped.
	cur := fp | d<<t.slotBits | (slot + 1)
	for {
		e := t.e[p]
		t.e[p] = cur
		switch {
		case e == 0:
			t.n++
			return same, oldest
		case t.dist(e) == t.maxDist-1:
			t.lost++
			return same, oldest
		}
		cur = e + 1<<t.slotBits
		p = t.next(p)
	}
}

// next returns the position after p.
func (t *slotTable) next(p uint32) uint32 {
	if p++; p == uint32(len(t.e)) {
		return 0
	}
	return p
}

// remove removes slot from under h, and reports whether it was there.
func (t *slotTable) remove(h uint64, slot uint32) bool {
	p, fp := t.home(h), t.fp(h)
	for d := range t.maxDist {
		e := t.e[p]
		if e == 0 || t.dist(e) < d {
			return false
		}
		if t.dist(e) == d && t.fpOf(e) == fp && t.slot(e) == slot {
			// Shift back the entries after it that are away from home.
			for {
				q := t.next(p)
				next := t.e[q]
				if next == 0 || t.dist(next) == 0 {
					break
				}
				t.e[p] = next - 1<<t.slotBits
				p = q
			}
			t.e[p] = 0
			t.n--
			return true
		}
		p = t.next(p)
	}
	return false
}
