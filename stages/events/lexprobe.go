package events

import "encoding/binary"

// The lexicon's table of words: open addressing on a hash of eight
// bytes at a time, probed for every token first and finished after (see
// probe), so that the loads of many lookups overlap.

// lexSlot is a slot of the table: the word's hash and its entry's index
// (0, noEntry's, for an empty slot).
type lexSlot struct {
	hash uint32
	at   int32
}

// wordKey returns the hash of w and its first eight bytes, little-endian
// and padded with zeros. The hash takes eight bytes at a time: FNV's
// multiply per byte cost more than the rest of a lookup.
func wordKey(w []byte) (hash uint32, prefix uint64) {
	n := min(len(w), 8)
	prefix = load64(w[:n])
	h := prefix ^ uint64(len(w))*0x9e3779b97f4a7c15
	for rest := w[n:]; len(rest) > 0; rest = rest[n:] {
		n = min(len(rest), 8)
		h = (h^h>>31)*0xbf58476d1ce4e5b9 ^ load64(rest[:n])
	}
	// The finaliser of SplitMix64, so that every byte counts in the low
	// bits the table is indexed by.
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h = (h ^ h>>27) * 0x94d049bb133111eb
	return uint32(h ^ h>>31), prefix
}

// load64 returns the bytes of b, at most eight, as a little-endian
// number. When b's capacity allows, as for a word inside a text, it reads
// the eight bytes at once and clears those past b's end.
func load64(b []byte) uint64 {
	if cap(b) >= 8 {
		return binary.LittleEndian.Uint64(b[:8]) & (1<<(8*len(b)) - 1)
	}
	var x uint64
	for i := len(b) - 1; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return x
}

// lexProbe is a lookup under way: the word's key and the slot its hash
// leads to.
type lexProbe struct {
	hash   uint32
	slot   lexSlot
	prefix uint64
}

// probe starts the lookup of w, reading its first slot. The coder probes
// every word of an article before it finishes any lookup: each read of a
// slot, and then of an entry, is likely a cache miss, and the processor
// overlaps the misses of lookups that do not wait on one another.
func (lx *lexicon) probe(w []byte) (p lexProbe) {
	p.hash, p.prefix = wordKey(w)
	p.slot = lx.slots[p.hash&lx.mask]
	return p
}

// finish returns the index of w's entry, 0 (noEntry's) if none, from its
// probe. The zero lexProbe finds noEntry, as does a probe of an empty
// slot, which the caller may test for itself (p.slot.at == 0) to save a
// call.
func (lx *lexicon) finish(w []byte, p lexProbe) int32 {
	s := p.slot
	for i := p.hash & lx.mask; s.at != 0; s = lx.slots[i] {
		i = (i + 1) & lx.mask
		if s.hash != p.hash {
			continue
		}
		e := &lx.entries[s.at]
		if e.prefix == p.prefix && (len(w) <= 8 && int(e.size) == len(w) || len(w) > 8 && lx.words[s.at] == string(w)) {
			return s.at
		}
	}
	return 0
}
