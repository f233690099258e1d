package dedup

// counts holds the number of records of each cluster, by a 64-bit hash of
// the cluster's id: an open-addressed table of integers with linear
// probing, which the garbage collector does not scan. Two clusters whose
// hashes collide (about once in 2^64/n² for n clusters) share a count.
type counts struct {
	keys []uint64 // 0 is empty
	n    []uint32
	used int // keys held
	max  int // the most positions it grows to
}

// maxLoad is the share of a counts table in use at most.
const maxLoad = 0.75

// newCounts returns a counts that grows to hold up to limit clusters.
func newCounts(limit int) counts {
	return counts{max: int(float64(limit)/maxLoad) + 1}
}

// countKey returns the table's key of the cluster hash h: 0 marks an empty
// position.
func countKey(h uint64) uint64 { return max(h, 1) }

// pos returns the position of k, or of the empty position where it goes.
func (c *counts) pos(k uint64) int {
	i := int((k >> 32) * uint64(len(c.keys)) >> 32)
	for c.keys[i] != 0 && c.keys[i] != k {
		if i++; i == len(c.keys) {
			i = 0
		}
	}
	return i
}

// get returns the count of the cluster hash h.
func (c *counts) get(h uint64) int {
	if c.used == 0 {
		return 0
	}
	return int(c.n[c.pos(countKey(h))])
}

// add adds delta to the count of the cluster hash h and returns the new
// count; a cluster whose count falls to 0 is forgotten.
func (c *counts) add(h uint64, delta int) int {
	k := countKey(h)
	if float64(c.used+1) > maxLoad*float64(len(c.keys)) && len(c.keys) < c.max {
		c.resize(min(max(2*len(c.keys), 64), c.max))
	}
	i := c.pos(k)
	if c.keys[i] == 0 {
		if delta <= 0 {
			return 0
		}
		c.keys[i] = k
		c.used++
	}
	n := max(int(c.n[i])+delta, 0)
	if n > 0 {
		c.n[i] = uint32(n)
		return n
	}
	c.delete(i)
	return 0
}

// delete empties position i, shifting back the entries after it that
// would no longer be found.
func (c *counts) delete(i int) {
	c.used--
	for j := i; ; {
		c.keys[i], c.n[i] = 0, 0
		for {
			if j++; j == len(c.keys) {
				j = 0
			}
			if c.keys[j] == 0 {
				return
			}
			// The entry at j stays unless its home is cyclically outside
			// (i, j], where a search for it would stop at the hole.
			h := int((c.keys[j] >> 32) * uint64(len(c.keys)) >> 32)
			if i <= j && (h <= i || h > j) || i > j && h <= i && h > j {
				break
			}
		}
		c.keys[i], c.n[i] = c.keys[j], c.n[j]
		i = j
	}
}

// resize moves the counts to a table of size positions.
func (c *counts) resize(size int) {
	old, oldN := c.keys, c.n
	c.keys, c.n = make([]uint64, size), make([]uint32, size)
	for i, k := range old {
		if k != 0 {
			j := c.pos(k)
			c.keys[j], c.n[j] = k, oldN[i]
		}
	}
}
