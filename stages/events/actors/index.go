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
	// pairs locates in cands the phrases whose first two words give its
	// key (see pairKey), longest first: a list may hold phrases of two
	// second words of the same key, which find tells apart by their
	// words. The keys are integers made without hashing a string, so
	// that a lookup compares no strings in the table.
	pairs map[uint64]span
	cands []candidate
	// building has the lists while phrases are added; compact turns
	// them into pairs and cands.
	building map[uint64][]candidate
	size     int // distinct phrases
	max      int // the most words of a phrase
}

// span is where a list of candidates is in index.cands.
type span struct{ off, n uint32 }

// head is what index knows of a first word.
type head struct {
	one int32 // the value of the one-word phrase, -1 if none
	id  int32 // the first word's number, in the order first words came
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

// candidate is a phrase of two words or more and its value.
type candidate struct {
	words []string
	val   int32
}

func newIndex(n int) *index {
	return &index{first: make(map[string]head, n), building: make(map[uint64][]candidate, n/2)}
}

// pairKey returns the key in index.pairs of the phrases that start with
// the first word of h and then b: the first word's number, and b's
// length, first and last bytes (see secondBit).
func pairKey(h head, b string) uint64 {
	if b == "" {
		return uint64(uint32(h.id)) << 32
	}
	return uint64(uint32(h.id))<<32 | uint64(uint16(len(b)))<<16 | uint64(b[0])<<8 | uint64(b[len(b)-1])
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
	for _, list := range x.building {
		n += len(list)
	}
	x.cands = make([]candidate, 0, n)
	x.pairs = make(map[uint64]span, len(x.building))
	for k, list := range x.building {
		x.pairs[k] = span{uint32(len(x.cands)), uint32(len(list))}
		x.cands = append(x.cands, list...)
	}
	x.first, x.building = first, nil
}

// add sets the value of the phrase words (at least one) and reports the
// value it replaces: a phrase given twice keeps the later value, as
// PETRARCH's dictionary trees do.
func (x *index) add(words []string, val int32) (old int32, replaced bool) {
	x.max = max(x.max, len(words))
	h, ok := x.first[words[0]]
	if !ok {
		h.one, h.id = -1, int32(len(x.first))
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
	k := pairKey(h, words[1])
	list := x.building[k]
	at := len(list)
	for j, c := range list {
		if equal(c.words, words) {
			list[j].val = val
			return c.val, true
		}
		if len(c.words) < len(words) && at == len(list) {
			at = j
		}
	}
	list = append(list, candidate{})
	copy(list[at+1:], list[at:])
	list[at] = candidate{words: words, val: val}
	x.building[k] = list
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
		sp := x.pairs[pairKey(h, words[i+1])]
		for _, c := range x.cands[sp.off : sp.off+sp.n] {
			// The first word is h's; the second may be another of
			// the same key.
			end := i + len(c.words)
			if end > len(words) || !equal(c.words[1:], words[i+1:end]) {
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
