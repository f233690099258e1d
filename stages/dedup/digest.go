package dedup

// A digest is what the index keeps of a signature to compare articles
// by: the fingerprint, and the MinHash and sketch values cut to 16 bits,
// half the memory of the signature's, with no pointers in it.
//
// A MinHash value keeps its low 16 bits (b-bit MinHash): two texts whose
// values differ agree on them by chance once in 65,536, far below the
// estimate's resolution of 1/64, so the estimate is left uncorrected. A
// sketch value keeps its top 16 bits, which keeps the sketch in order;
// two words whose hashes agree there count as one, which happens when a
// large set's smallest hashes crowd the bottom of the range (for a set of
// 100 words, about once in 40 comparisons of two such sketches, moving
// the containment by 1/16).
type digest struct {
	exact   uint64
	min     [numHashes]uint16
	names   sketch16
	numbers sketch16
}

// sketch16 is a sketch with its values cut to their top 16 bits.
type sketch16 struct {
	v [numKeys]uint16 // ascending; 0 pads
	n uint16          // distinct words added, at most 65,535
}

// digest returns the digest of sg.
func (sg *signature) digest() digest {
	d := digest{exact: sg.exact}
	for i, v := range sg.min {
		d.min[i] = uint16(v)
	}
	d.names = cut(&sg.names)
	d.numbers = cut(&sg.numbers)
	return d
}

// cut returns s with its values cut to 16 bits.
func cut(s *sketch) sketch16 {
	c := sketch16{n: uint16(min(s.n, 1<<16-1))}
	for i, v := range s.v {
		c.v[i] = uint16(v >> 16)
	}
	return c
}

// containment is sketch.containment for cut sketches.
func (s *sketch16) containment(o *sketch16) float64 {
	return containment(s.v[:], int(s.n), o.v[:], int(o.n))
}

// jaccard estimates the Jaccard similarity of the two texts' shingle
// sets: the share of equal MinHash values.
func (d *digest) jaccard(o *digest) float64 {
	same := 0
	for i := range d.min {
		if d.min[i] == o.min[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// bandKeys returns the LSH key of each band: texts whose MinHash values
// agree on a whole band become candidates.
func (d *digest) bandKeys() [numBands]uint64 {
	var keys [numBands]uint64
	for b := range keys {
		// The band's values side by side, apart from other bands' by the
		// multiple of b: mix is a bijection, so keys of one band collide
		// only when all their values agree.
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r, v := range d.min[b*bandRows : (b+1)*bandRows] {
			h ^= uint64(v) << (16 * r)
		}
		keys[b] = mix(h)
	}
	return keys
}

// thresholds are what a candidate must reach to be a near copy.
type thresholds struct {
	shingles, names, numbers float64
}

// matches reports whether o is a near copy of d by th, and their
// estimated shingle similarity.
func (th *thresholds) matches(d, o *digest) (float64, bool) {
	sim := d.jaccard(o)
	return sim, sim >= th.shingles && d.names.containment(&o.names) >= th.names &&
		d.numbers.containment(&o.numbers) >= th.numbers
}
