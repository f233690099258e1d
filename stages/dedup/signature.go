package dedup

import (
	"math"
)

// Sizes of a signature.
const (
	numHashes = 64 // MinHash values, one-permutation hashing
	bandRows  = 3  // values per LSH band
	numBands  = numHashes / bandRows
	numKeys   = 16 // values of the bottom-k sketches of names and numbers
	shingle   = 3  // words per shingle
)

// signature is what an article is compared by: the hash of its
// normalised text for exact copies, a MinHash of its word shingles for
// near ones, and sketches of its names and of its numbers, where stories
// cut from one template differ.
type signature struct {
	exact   uint64
	min     [numHashes]uint32
	names   sketch
	numbers sketch
	nWords  uint32
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
	st := shingler{sg: &sg}
	words(text, &st)
	n, w1, w2, exact := st.n, st.w1, st.w2, st.exact
	if n > 0 && n < shingle {
		sg.add(mix(w2*0xc6a4a7935bd1e995 ^ w1*0xff51afd7ed558ccd)) // the whole short text
	}
	sg.exact = mix(exact ^ uint64(n))
	sg.nWords = uint32(n)
	sg.densify()
	return sg
}

// shingler feeds the words of a text to its signature: the running
// hash of the whole text, and each shingle's hash.
type shingler struct {
	sg *signature
	// The last two words, for the shingle the next one ends. A shingle's
	// words are weighted by their place (odd multipliers), so that "a b
	// c" and "b a c" differ; one finaliser per shingle.
	w1, w2 uint64 // the word before, and the one before that
	n      int
	exact  uint64
}

// add adds a batch of words, with its state in locals for the loop.
func (st *shingler) add(ws []word) {
	sg, w1, w2, n, exact := st.sg, st.w1, st.w2, st.n, st.exact
	for _, w := range ws {
		h := w.h
		exact = exact*0x9e3779b97f4a7c15 + h
		n++
		if n >= shingle {
			sg.add(mix(w2*0xc6a4a7935bd1e995 ^ w1*0xff51afd7ed558ccd ^ h))
		}
		w2, w1 = w1, h
		switch w.kind {
		case nameWord:
			sg.names.add(uint32(mix(h) >> 32))
		case numberWord:
			sg.numbers.add(uint32(mix(h) >> 32))
		}
	}
	st.w1, st.w2, st.n, st.exact = w1, w2, n, exact
}

func (sg *signature) add(h uint64) {
	bin, v := h>>(64-6), uint32(h)
	if v < sg.min[bin] {
		sg.min[bin] = v
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
