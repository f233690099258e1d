package dedup

import (
	"math"
	"slices"
)

// Sizes of a signature.
const (
	numHashes = 64 // MinHash values, one-permutation hashing
	bandRows  = 3  // values per LSH band
	numBands  = numHashes / bandRows
	numKeys   = 16 // bottom-k sketch of the names and numbers
	shingle   = 3  // words per shingle
)

// signature is what an article is compared by: the hash of its
// normalised text for exact copies, a MinHash of its word shingles for
// near ones, and a bottom-k sketch of its names and numbers, where stories
// cut from one template differ.
type signature struct {
	exact  uint64
	min    [numHashes]uint32
	keys   [numKeys]uint32 // the smallest key hashes, ascending; 0 pads
	nKeys  uint32          // distinct names and numbers (up to numKeys counted exactly)
	nWords uint32
}

// sign computes the signature of text. MinHash values come from one
// hash per shingle (one-permutation hashing: the top bits pick the bin,
// the low bits are the value), and empty bins borrow from the next full
// one, so that short texts still compare.
func sign(text string) signature {
	var sg signature
	for i := range sg.min {
		sg.min[i] = math.MaxUint32
	}
	var win [shingle]uint64
	n := 0
	sg.exact = 0x9e3779b97f4a7c15
	words(text, func(h uint64, key bool) {
		sg.exact = mix(sg.exact ^ h)
		win[n%shingle] = h
		n++
		if n >= shingle {
			var s uint64
			for k := 0; k < shingle; k++ {
				s = mix(s ^ win[(n+k)%shingle]) // oldest word first
			}
			sg.add(s)
		}
		if key {
			sg.addKey(uint32(mix(h) >> 32))
		}
	})
	if n > 0 && n < shingle {
		var s uint64
		for k := 0; k < n; k++ {
			s = mix(s ^ win[k])
		}
		sg.add(s)
	}
	sg.nWords = uint32(n)
	sg.exact = mix(sg.exact ^ uint64(n))
	sg.densify()
	return sg
}

func (sg *signature) add(h uint64) {
	bin, v := h>>(64-6), uint32(h)
	if v < sg.min[bin] {
		sg.min[bin] = v
	}
}

// addKey keeps the numKeys smallest distinct key hashes; 0 is reserved as
// padding.
func (sg *signature) addKey(v uint32) {
	v |= 1
	k := sg.keys[:min(int(sg.nKeys), numKeys)]
	i, found := slices.BinarySearch(k, v)
	if found {
		return
	}
	sg.nKeys++
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

// densify fills empty bins from the next full one to the right, each hop
// changing the value, so that two texts match in an empty bin only as
// often as they match in the bin it borrows from.
func (sg *signature) densify() {
	full := -1
	for i, v := range sg.min {
		if v != math.MaxUint32 {
			full = i
			break
		}
	}
	if full < 0 {
		return // no words
	}
	for i := numHashes - 1; i >= 0; i-- {
		if sg.min[i] != math.MaxUint32 {
			continue
		}
		j, hops := i, uint32(0)
		for sg.min[j] == math.MaxUint32 {
			j = (j + 1) % numHashes
			hops++
		}
		sg.min[i] = uint32(mix(uint64(sg.min[j])<<8 | uint64(hops)))
	}
}

// jaccard estimates the Jaccard similarity of the two texts' shingle sets.
func (sg *signature) jaccard(o *signature) float64 {
	same := 0
	for i := range sg.min {
		if sg.min[i] == o.min[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// keyContainment estimates the share of the names and numbers of the
// text with fewer of them that the other holds too, from the two bottom-k
// sketches; with no names or numbers on either side there is nothing to
// tell the texts apart and it is 1.
func (sg *signature) keyContainment(o *signature) float64 {
	na, nb := int(sg.nKeys), int(o.nKeys)
	if na == 0 || nb == 0 {
		if na == nb {
			return 1
		}
		return 0
	}
	a, b := sg.keys[:min(na, numKeys)], o.keys[:min(nb, numKeys)]
	// The k smallest hashes of the union, and how many are in both.
	k := min(numKeys, max(len(a), len(b)))
	if na <= numKeys && nb <= numKeys {
		k = na + nb // both sketches are whole sets: count exactly
	}
	both, seen := 0, 0
	for i, j := 0, 0; seen < k && (i < len(a) || j < len(b)); seen++ {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			i++
		case i >= len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i, j = i+1, j+1
		}
	}
	if seen == 0 {
		return 0
	}
	jac := float64(both) / float64(seen)
	// |A∩B| = J·|A∪B| and |A∪B| = (|A|+|B|)/(1+J).
	inter := jac * float64(na+nb) / (1 + jac)
	return min(1, inter/float64(min(na, nb)))
}

// bandKeys returns the LSH key of each band: texts whose MinHash values
// agree on a whole band become candidates.
func (sg *signature) bandKeys() [numBands]uint64 {
	var keys [numBands]uint64
	for b := range keys {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := 0; r < bandRows; r++ {
			h = mix(h ^ uint64(sg.min[b*bandRows+r]))
		}
		keys[b] = h
	}
	return keys
}

// mix is a 64-bit finaliser (from MurmurHash3): every input bit affects
// every output bit.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
