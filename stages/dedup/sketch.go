package dedup

import "slices"

// sketch is a bottom-k sketch of a set of words: the numKeys smallest of
// their 32-bit hashes. Below numKeys words it is the whole set.
type sketch struct {
	v [numKeys]uint32 // ascending; 0 pads
	n uint32          // distinct words added
}

// add adds the word of hash v; 0 is reserved as padding.
func (s *sketch) add(v uint32) {
	v |= 1
	k := s.v[:min(int(s.n), numKeys)]
	if len(k) == numKeys && v > k[numKeys-1] {
		// Above a full sketch's largest value, as most words of a long
		// text are: counted, not kept.
		s.n++
		return
	}
	i, found := slices.BinarySearch(k, v)
	if found {
		return
	}
	s.n++
	if len(k) < numKeys {
		k = k[:len(k)+1]
		copy(k[i+1:], k[i:])
		k[i] = v
		return
	}
	if i < numKeys {
		copy(k[i+1:], k[i:numKeys-1])
		k[i] = v
	}
}

// containment estimates the share of the smaller of the two sets that
// the other holds too. From the sketches' Jaccard estimate J (exact when
// both are whole sets), |A∩B| = J·|A∪B| and |A∪B| = (|A|+|B|)/(1+J).
// An empty set is contained in anything: it tells nothing apart. The
// estimate is good for sets of like size; for a small set in a much
// larger one, 16 values say little.
func (s *sketch) containment(o *sketch) float64 {
	return containment(s.v[:], int(s.n), o.v[:], int(o.n))
}

// containment is sketch.containment on the values of two sketches, of
// sets of na and nb words, in 32 bits or cut to their top 16 (see
// sketch16).
func containment[T uint16 | uint32](av []T, na int, bv []T, nb int) float64 {
	if na == 0 || nb == 0 {
		return 1
	}
	a, b := av[:min(na, numKeys)], bv[:min(nb, numKeys)]
	// Above the largest value a cut sketch kept, membership in its set is
	// unknown: only the union's values up to there count.
	limit := ^T(0)
	if na > numKeys {
		limit = a[numKeys-1]
	}
	if nb > numKeys {
		limit = min(limit, b[numKeys-1])
	}
	both, seen := 0, 0
	for i, j := 0, 0; i < len(a) || j < len(b); seen++ {
		var v T
		in := false
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			v, i = a[i], i+1
		case i >= len(a) || b[j] < a[i]:
			v, j = b[j], j+1
		default:
			v, in, i, j = a[i], true, i+1, j+1
		}
		if v > limit {
			break
		}
		if in {
			both++
		}
	}
	jac := float64(both) / float64(seen)
	inter := jac * float64(na+nb) / (1 + jac)
	return min(1, inter/float64(min(na, nb)))
}
