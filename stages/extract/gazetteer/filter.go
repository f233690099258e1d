package gazetteer

// filter is a blocked Bloom filter of an index's key hashes: a 64-bit
// word per hash, chosen by some of its bits, with three bits of it set by
// others. Most names a recogniser looks up are in no list (spans and
// their prefixes, capitalised common words), and a miss in the table
// costs a read of memory far from the cache, where the pipeline's other
// stages leave it; the filter, with eight to sixteen bits per key, is an
// eighth of the size of the table's slots and answers most misses with
// one read. About one miss in a hundred gets through to the table.
type filter []uint64

// newFilter returns the filter of hashes.
func newFilter(hashes []uint64) filter {
	n := 64
	for n*64 < 8*len(hashes) {
		n *= 2
	}
	f := make(filter, n)
	for _, h := range hashes {
		f[f.word(h)] |= filterBits(h)
	}
	return f
}

// mayHold reports whether a key with hash h may be in the index; false
// means it is not.
func (f filter) mayHold(h uint64) bool {
	b := filterBits(h)
	return f[f.word(h)]&b == b
}

// word picks the word of h from bits the index's home slot does not use
// (the low ones, for tables of up to 2^20 slots).
func (f filter) word(h uint64) uint64 {
	return h >> 20 & uint64(len(f)-1)
}

// filterBits picks three bits of a word from the top 18 bits of h.
func filterBits(h uint64) uint64 {
	return 1<<(h>>46&63) | 1<<(h>>52&63) | 1<<(h>>58)
}
