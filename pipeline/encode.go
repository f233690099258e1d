package pipeline

import "sync"

// Outputs are encoded in a pooled buffer and copied out at their exact
// size. An article event's size is not known before it is encoded (its
// entities, quotes and coded events are most of it), and a buffer that
// appending grows to it allocates about three times that size, the
// largest share of an article's garbage.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// maxScratch is the largest buffer put back in the pool: one grown for a
// rare huge article is left to the collector rather than kept.
const maxScratch = 1 << 20

// encode returns what enc appends to an empty buffer, in a slice of its
// own of exactly that length.
func encode(enc func(b []byte) ([]byte, error)) ([]byte, error) {
	bp := scratch.Get().(*[]byte)
	defer release(bp)
	b, err := enc((*bp)[:0])
	*bp = b
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), b...), nil
}

// release puts a scratch buffer back in the pool, unless it grew too large
// to keep.
func release(bp *[]byte) {
	if cap(*bp) <= maxScratch {
		scratch.Put(bp)
	}
}

// encodeEach returns what enc appends for each of n items, each a slice
// of one allocation of exactly their total length.
func encodeEach(n int, enc func(b []byte, k int) ([]byte, error)) ([][]byte, error) {
	bp := scratch.Get().(*[]byte)
	defer release(bp)
	b := (*bp)[:0]
	ends := make([]int, n)
	var err error
	for k := range n {
		if b, err = enc(b, k); err != nil {
			*bp = b
			return nil, err
		}
		ends[k] = len(b)
	}
	*bp = b
	all := make([]byte, len(b))
	copy(all, b)
	parts := make([][]byte, n)
	start := 0
	for k, end := range ends {
		parts[k] = all[start:end:end]
		start = end
	}
	return parts, nil
}
