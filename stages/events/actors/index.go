package actors

// index finds the phrases of a dictionary that start at a word of a
// sentence. The coder asks at almost every word, and most words start no
// phrase, so a miss is one map lookup: first says whether a word starts a
// phrase of one word and whether it starts longer ones. Longer phrases
// are kept by their first two words, because a few first words start
// hundreds of them ("THE", "NATIONAL") and a scan of those at every "THE"
// would cost more than the rest of the coder.
type index struct {
	first map[string]head
	pairs map[pair][]candidate // longest first
	size  int                  // distinct phrases
	max   int                  // the most words of a phrase
}

// head is what index knows of a first word.
type head struct {
	one int32 // the value of the one-word phrase, -1 if none
	// seconds has the bit (see secondBit) of each second word of the
	// longer phrases the word starts, none if it starts none: most words
	// that start some phrase start none with the word after them, and
	// find need not look the pair up.
	seconds uint64
}

// secondBit returns the bit of w in head.seconds, from a hash of its
// length and its first and last bytes: find asks at most words of a
// sentence, and a hash of every byte, in a loop of as many turns as the
// word has bytes, cost more than the lookups it saved.
func secondBit(w string) uint64 {
	if w == "" {
		return 1
	}
	h := (uint32(len(w))<<16 | uint32(w[0])<<8 | uint32(w[len(w)-1])) * 0x9e3779b1
	return 1 << (h >> 26)
}

type pair struct{ a, b string }

// candidate is a phrase of two words or more: the words after the first
// two, and its value.
type candidate struct {
	rest []string
	val  int32
}

func newIndex(n int) *index {
	return &index{first: make(map[string]head, n), pairs: make(map[pair][]candidate, n/2)}
}

// compact remakes x's maps at the size they ended with, once every phrase
// is added, and puts the candidates of all pairs in one array: the sizes
// guessed beforehand, the maps' growth and a small array per pair would
// otherwise stay for the life of the dictionary.
func (x *index) compact() {
	first := make(map[string]head, len(x.first))
	for w, h := range x.first {
		first[w] = h
	}
	n := 0
	for _, list := range x.pairs {
		n += len(list)
	}
	all := make([]candidate, 0, n)
	pairs := make(map[pair][]candidate, len(x.pairs))
	for k, list := range x.pairs {
		at := len(all)
		all = append(all, list...)
		pairs[k] = all[at:len(all):len(all)]
	}
	x.first, x.pairs = first, pairs
}

// add sets the value of the phrase words (at least one) and reports the
// value it replaces: a phrase given twice keeps the later value, as
// PETRARCH's dictionary trees do.
func (x *index) add(words []string, val int32) (old int32, replaced bool) {
	x.max = max(x.max, len(words))
	h, ok := x.first[words[0]]
	if !ok {
		h.one = -1
	}
	if len(words) == 1 {
		old, replaced = h.one, h.one >= 0
		h.one = val
		x.first[words[0]] = h
		if !replaced {
			x.size++
		}
		return old, replaced
	}
	h.seconds |= secondBit(words[1])
	x.first[words[0]] = h
	k := pair{words[0], words[1]}
	rest := words[2:]
	list := x.pairs[k]
	at := len(list)
	for j, c := range list {
		if equal(c.rest, rest) {
			list[j].val = val
			return c.val, true
		}
		if len(c.rest) < len(rest) && at == len(list) {
			at = j
		}
	}
	list = append(list, candidate{})
	copy(list[at+1:], list[at:])
	list[at] = candidate{rest: rest, val: val}
	x.pairs[k] = list
	x.size++
	return 0, false
}

// find returns the longest phrase at words[i] whose value accept takes
// (any, if accept is nil): its length in words and its value.
func (x *index) find(words []string, i int, accept func(int32) bool) (int, int32, bool) {
	if i < 0 || i >= len(words) {
		return 0, 0, false
	}
	h, ok := x.first[words[i]]
	if !ok {
		return 0, 0, false
	}
	return x.findFrom(h, words, i, accept)
}

// findFrom is find for a caller that knows h, what x knows of words[i].
func (x *index) findFrom(h head, words []string, i int, accept func(int32) bool) (int, int32, bool) {
	if i < 0 || i >= len(words) {
		return 0, 0, false
	}
	if i+1 < len(words) && h.seconds&secondBit(words[i+1]) != 0 {
		for _, c := range x.pairs[pair{words[i], words[i+1]}] {
			end := i + 2 + len(c.rest)
			if end > len(words) || !equal(c.rest, words[i+2:end]) {
				continue
			}
			if accept == nil || accept(c.val) {
				return end - i, c.val, true
			}
		}
	}
	if h.one >= 0 && (accept == nil || accept(h.one)) {
		return 1, h.one, true
	}
	return 0, 0, false
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}
