package dupcorpus

import (
	"cmp"
	"slices"
)

// ShingleSize is the number of words in a shingle of the silver labels.
const ShingleSize = 5

// Pair is two documents, by index, A < B, with the exact Jaccard
// similarity of their shingle sets and the share of the smaller set that
// the larger holds (Containment).
type Pair struct {
	A, B        int
	Jaccard     float64
	Containment float64
}

// shingleKey is a shingle as the ids of its words. Ids start at 1, so the
// zero padding of a text shorter than ShingleSize words never equals a
// word, and a short text's one shingle never equals a longer text's.
type shingleKey [ShingleSize]int32

// shingler interns words and shingles so that shingle sets are sorted
// slices of small integers: exact, with no hashing.
type shingler struct {
	words    map[string]int32
	shingles map[shingleKey]int32
}

func newShingler() *shingler {
	return &shingler{words: make(map[string]int32), shingles: make(map[shingleKey]int32)}
}

// set returns the sorted, distinct shingle ids of words: every run of
// ShingleSize consecutive words, or, for a shorter non-empty text, the
// one shingle of all its words.
func (s *shingler) set(words []string) []int32 {
	ids := make([]int32, len(words))
	for i, w := range words {
		id, ok := s.words[w]
		if !ok {
			id = int32(len(s.words) + 1)
			s.words[w] = id
		}
		ids[i] = id
	}
	var out []int32
	for i := 0; i == 0 && len(ids) > 0 || i+ShingleSize <= len(ids); i++ {
		var k shingleKey
		copy(k[:], ids[i:min(i+ShingleSize, len(ids))])
		id, ok := s.shingles[k]
		if !ok {
			id = int32(len(s.shingles))
			s.shingles[k] = id
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// jaccard returns |a ∩ b| / |a ∪ b| of two sorted sets; 0 when both are
// empty.
func jaccard(a, b []int32) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Jaccard returns the exact Jaccard similarity of the word shingle sets
// of a and b (see Words).
func Jaccard(a, b []string) float64 {
	s := newShingler()
	return jaccard(s.set(a), s.set(b))
}

// Similar returns every pair of docs whose word shingle sets have a
// Jaccard similarity of at least least, ordered by A then B. It is exact:
// an inverted index from each shingle to the docs that hold it gives,
// for each doc, the size of its intersection with every doc it shares a
// shingle with, and so the Jaccard of every pair that is not 0. Docs are
// compared as they are given: pass Words or shape of each text.
func Similar(docs [][]string, least float64) []Pair {
	return pairs(docs, func(p Pair) bool { return p.Jaccard >= least })
}

// Overlapping returns every pair of docs in which the larger shingle set
// holds at least the share least of the smaller, ordered by A then B: a
// story and its shorter version, which Similar misses, as well as every
// pair Similar would find at the same least.
func Overlapping(docs [][]string, least float64) []Pair {
	return pairs(docs, func(p Pair) bool { return p.Containment >= least })
}

// pairs returns the pairs of docs that share a shingle and that keep
// accepts, ordered by A then B.
func pairs(docs [][]string, keep func(Pair) bool) []Pair {
	s := newShingler()
	sets := make([][]int32, len(docs))
	for i, d := range docs {
		sets[i] = s.set(d)
	}
	postings := make([][]int32, len(s.shingles))
	for i, set := range sets {
		for _, sh := range set {
			postings[sh] = append(postings[sh], int32(i))
		}
	}
	var out []Pair
	inter := make([]int32, len(docs))
	var touched []int32
	for i, set := range sets {
		for _, sh := range set {
			// Postings are in doc order: the docs after i are a suffix.
			p := postings[sh]
			k, _ := slices.BinarySearch(p, int32(i+1))
			for _, j := range p[k:] {
				if inter[j] == 0 {
					touched = append(touched, j)
				}
				inter[j]++
			}
		}
		slices.Sort(touched)
		for _, j := range touched {
			n, la, lb := float64(inter[j]), float64(len(set)), float64(len(sets[j]))
			p := Pair{A: i, B: int(j), Jaccard: n / (la + lb - n), Containment: n / min(la, lb)}
			if keep(p) {
				out = append(out, p)
			}
			inter[j] = 0
		}
		touched = touched[:0]
	}
	return out
}

// ExactGroups returns the groups of two or more texts with the same
// Normalize, each in index order, the groups ordered by their first.
func ExactGroups(texts []string) [][]int {
	byText := make(map[string][]int)
	for i, t := range texts {
		n := Normalize(t)
		byText[n] = append(byText[n], i)
	}
	var out [][]int
	for _, g := range byText {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the representative of i's set: its least member, so that
// the result does not depend on the order of unions.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra > rb {
		ra, rb = rb, ra
	}
	u[rb] = ra
}
