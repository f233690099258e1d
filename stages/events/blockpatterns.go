package events

import (
	"cmp"
	"math/bits"
	"slices"
)

// blockPatterns are a verb block's patterns.
type blockPatterns struct {
	all []compiled
	// always are the patterns that need no word (only parties, or the
	// verb alone); the others are keyed, under the first words of their
	// element with the fewest alternatives: a clause is matched against
	// the few patterns its words allow instead of every one of its block.
	always []int32
	// keyed lists the block's keyed patterns with their words, so that a
	// block of fewer of them than a clause has words is searched by them
	// instead.
	keyed []patternKey
	// keys has the bit of each word id that keys a pattern of the block,
	// so that a clause's other words, most of them, are passed over at
	// once. keyRank has, per word of keys, the number of bits set in the
	// words before it: the patterns of the r-th id of keys, in order, are
	// keyPats[keyAt[r]:keyAt[r+1]], found by a count of bits rather than
	// a search (see keyedPatterns).
	keys    []uint64
	keyRank []int32
	keyAt   []int32
	keyPats []int32
	// need holds, per pattern, the first words of each of its elements
	// that has words, as runs of a count and that many ids: the pattern
	// k's runs are need[needAt[k]:needAt[k+1]]. A clause without a word of
	// every run cannot match it (see mayMatch), and one array rules out
	// most candidates without the loads of their elements.
	need   []int32
	needAt []int32
}

// keyedBy reports whether word id keys a pattern of the block.
func (bp *blockPatterns) keyedBy(id int32) bool {
	k := uint(id) / 64
	return k < uint(len(bp.keys)) && bp.keys[k]&(1<<(uint(id)%64)) != 0
}

// keyedPatterns returns the patterns of the block that word id keys, in
// order; id must key one (see keyedBy).
func (bp *blockPatterns) keyedPatterns(id int32) []int32 {
	w, b := uint(id)/64, uint(id)%64
	r := bp.keyRank[w] + int32(bits.OnesCount64(bp.keys[w]&(1<<b-1)))
	return bp.keyPats[bp.keyAt[r]:bp.keyAt[r+1]]
}

// patternKey is a pattern of a block under a word it needs.
type patternKey struct{ word, pattern int32 }

// newBlockPatterns returns the patterns ps of a block, keyed by their
// words.
func newBlockPatterns(ps []compiled) blockPatterns {
	bp := blockPatterns{all: ps, needAt: make([]int32, 0, len(ps)+1)}
	for k := range ps {
		bp.needAt = append(bp.needAt, int32(len(bp.need)))
		bp.need = appendNeeds(bp.need, ps[k].post)
		bp.need = appendNeeds(bp.need, ps[k].pre)
		key := keyElement(ps[k].post, nil)
		key = keyElement(ps[k].pre, key)
		if key == nil {
			bp.always = append(bp.always, int32(k))
			continue
		}
		for _, id := range key.first {
			bp.keyed = append(bp.keyed, patternKey{id, int32(k)})
			for uint(len(bp.keys)) <= uint(id)/64 {
				bp.keys = append(bp.keys, 0)
			}
			bp.keys[id/64] |= 1 << (uint(id) % 64)
		}
	}
	bp.needAt = append(bp.needAt, int32(len(bp.need)))
	byWord := slices.Clone(bp.keyed)
	slices.SortFunc(byWord, func(a, b patternKey) int {
		return cmp.Or(cmp.Compare(a.word, b.word), cmp.Compare(a.pattern, b.pattern))
	})
	bp.keyRank = make([]int32, len(bp.keys))
	n := int32(0)
	for w, x := range bp.keys {
		bp.keyRank[w] = n
		n += int32(bits.OnesCount64(x))
	}
	bp.keyAt = make([]int32, 0, n+1)
	for k, p := range byWord {
		if k == 0 || p.word != byWord[k-1].word {
			bp.keyAt = append(bp.keyAt, int32(k))
		}
		bp.keyPats = append(bp.keyPats, p.pattern)
	}
	bp.keyAt = append(bp.keyAt, int32(len(byWord)))
	return bp
}

// appendNeeds appends to need the runs of first words of elems and of
// their phrases' elements (see blockPatterns.need).
func appendNeeds(need []int32, elems []element) []int32 {
	for k := range elems {
		if e := &elems[k]; len(e.first) > 0 {
			need = append(need, int32(len(e.first)))
			need = append(need, e.first...)
		}
		need = appendNeeds(need, elems[k].sub)
	}
	return need
}

// keyElement returns the element of elems, or best, with the fewest first
// words: the most selective one to index a pattern by.
func keyElement(elems []element, best *element) *element {
	for k := range elems {
		e := &elems[k]
		if len(e.first) > 0 && (best == nil || len(e.first) < len(best.first)) {
			best = e
		}
		best = keyElement(e.sub, best)
	}
	return best
}
