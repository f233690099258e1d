package dedup

import (
	"strings"
	"time"
)

// A record is one article the index remembers.
type record struct {
	sig     signature
	id      string
	cluster string
	at      int64  // when it was seen, Unix nanoseconds
	seq     uint64 // insertion order, from 1; 0 marks an empty slot
	// next links each band's chain to the next older record with the
	// same band key, by slot; a slot since reused holds a newer record,
	// which ends the chain.
	next    [numBands]uint32
	of      string // the article it was matched to, if a copy
	kind    uint8
	chained bool // its bands are in the chains (not inserted as an exact copy)
}

// Kinds of record.kind.
const (
	kindOriginal uint8 = iota
	kindExact
	kindNear
)

var kindNames = [...]string{"original", "exact", "near"}

// chunkSize is how many records are allocated at a time: memory grows
// with the articles seen, up to the index's capacity.
const chunkSize = 4096

// index is the local, in-memory index of recent articles: a ring of
// records, oldest evicted first, with LSH chains over their MinHash bands
// and maps from id, fingerprint and cluster. It is not safe for
// concurrent use: the Stage serialises access.
type index struct {
	ttl    time.Duration
	cap    int
	chunks [][]record
	seq    uint64            // of the newest record
	oldest uint64            // seq of the oldest live record
	heads  map[uint64]uint32 // band key → slot of the newest record
	byID   map[string]uint32
	exact  map[uint64]uint32 // fingerprint → slot of the first record
	sizes  map[string]int32  // cluster id → records
}

func newIndex(capacity int, ttl time.Duration) *index {
	return &index{
		ttl:    ttl,
		cap:    capacity,
		oldest: 1,
		heads:  make(map[uint64]uint32),
		byID:   make(map[string]uint32),
		exact:  make(map[uint64]uint32),
		sizes:  make(map[string]int32),
	}
}

func (x *index) slot(i uint32) *record {
	return &x.chunks[i/chunkSize][i%chunkSize]
}

// live returns the record at slot i if it is seq or older than newer, or
// nil.
func (x *index) get(i uint32) *record {
	if int(i/chunkSize) >= len(x.chunks) {
		return nil
	}
	r := x.slot(i)
	if r.seq == 0 || r.seq < x.oldest {
		return nil
	}
	return r
}

// match is the best near candidate found by lookup.
type match struct {
	r   *record
	sim float64
}

// maxChain bounds the records read per band: a band key shared by very
// many articles (a boilerplate-only text) says little.
const maxChain = 64

// thresholds are what a candidate must reach to be a near copy.
type thresholds struct {
	shingles, names, numbers float64
}

// matches reports whether o is a near copy of sg by th, and their
// estimated shingle similarity.
func (th *thresholds) matches(sg, o *signature) (float64, bool) {
	sim := sg.jaccard(o)
	return sim, sim >= th.shingles && sg.names.containment(&o.names) >= th.names &&
		sg.numbers.containment(&o.numbers) >= th.numbers
}

// lookup returns the most similar indexed record that is a near copy of
// sg by th, if any, skipping the record of id itself.
func (x *index) lookup(sg *signature, id string, th *thresholds) (match, bool) {
	var best match
	keys := sg.bandKeys()
	var seen [numBands * 4]uint32 // slots already compared; small on purpose
	nSeen := 0
	for b, k := range keys {
		i, ok := x.heads[k]
		newer := x.seq + 1
		for n := 0; ok && n < maxChain; n++ {
			r := x.get(i)
			if r == nil || r.seq >= newer || !r.chained {
				break
			}
			// A record found since to be an exact copy keeps its place in
			// the chains but is not a candidate.
			if r.kind != kindExact && !contains(seen[:nSeen], i) {
				if nSeen < len(seen) {
					seen[nSeen] = i
					nSeen++
				}
				if r.id != id {
					if sim, ok := th.matches(sg, &r.sig); ok && sim > best.sim {
						best = match{r: r, sim: sim}
					}
				}
			}
			newer = r.seq
			i, ok = r.next[b], r.next[b] != noSlot
		}
	}
	return best, best.r != nil
}

const noSlot = ^uint32(0)

func contains(s []uint32, v uint32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// insert adds a record (id, cluster, kind, of, sg) seen at at, evicting
// what has expired or no longer fits, and returns its cluster's size. A
// record whose id the index holds already is not added again.
func (x *index) insert(id, cluster string, kind uint8, of string, sg *signature, at time.Time) int {
	if i, ok := x.byID[id]; ok {
		if r := x.get(i); r != nil {
			return int(x.sizes[r.cluster])
		}
	}
	id, cluster, of = ownStrings(id, cluster, of)
	x.expire(at)
	if x.seq+1-x.oldest >= uint64(x.cap) {
		x.evictOldest()
	}
	x.seq++
	i := uint32((x.seq - 1) % uint64(x.cap))
	for int(i/chunkSize) >= len(x.chunks) {
		x.chunks = append(x.chunks, make([]record, chunkSize))
	}
	r := x.slot(i)
	*r = record{sig: *sg, id: id, cluster: cluster, of: of, at: at.UnixNano(), seq: x.seq, kind: kind}
	x.byID[id] = i
	if _, ok := x.exact[sg.exact]; !ok {
		x.exact[sg.exact] = i
	}
	x.sizes[cluster]++
	if kind != kindExact {
		r.chained = true
		for b, k := range sg.bandKeys() {
			head, ok := x.heads[k]
			r.next[b] = noSlot
			if ok {
				r.next[b] = head
			}
			x.heads[k] = i
		}
	}
	return int(x.sizes[cluster])
}

// ownStrings returns copies of id, cluster and of that share no memory with
// their arguments, which may point into a whole article's message (decoded
// without copying strings): kept in the index, they would keep every
// article's bytes alive. Equal strings share one copy.
func ownStrings(id, cluster, of string) (string, string, string) {
	own := strings.Clone(id)
	copyOf := func(s string) string {
		if s == id {
			return own
		}
		return strings.Clone(s)
	}
	return own, copyOf(cluster), copyOf(of)
}

// expire evicts the records older than the TTL.
func (x *index) expire(now time.Time) {
	limit := now.Add(-x.ttl).UnixNano()
	for x.oldest <= x.seq {
		r := x.slot(uint32((x.oldest - 1) % uint64(x.cap)))
		if r.at >= limit {
			return
		}
		x.evictOldest()
	}
}

// evictOldest forgets the oldest record.
func (x *index) evictOldest() {
	i := uint32((x.oldest - 1) % uint64(x.cap))
	r := x.slot(i)
	x.oldest++
	if j, ok := x.byID[r.id]; ok && j == i {
		delete(x.byID, r.id)
	}
	if j, ok := x.exact[r.sig.exact]; ok && j == i {
		delete(x.exact, r.sig.exact)
	}
	if n := x.sizes[r.cluster] - 1; n > 0 {
		x.sizes[r.cluster] = n
	} else {
		delete(x.sizes, r.cluster)
	}
	if r.chained {
		// The oldest record ends every chain it is in: a head that is
		// still this record was its chain's only one.
		for _, k := range r.sig.bandKeys() {
			if h, ok := x.heads[k]; ok && h == i {
				delete(x.heads, k)
			}
		}
	}
	*r = record{}
}

// byFingerprint returns the first live record of a fingerprint.
func (x *index) byFingerprint(fp uint64) *record {
	if i, ok := x.exact[fp]; ok {
		return x.get(i)
	}
	return nil
}

// byArticle returns the live record of the article id, if any.
func (x *index) byArticle(id string) *record {
	if i, ok := x.byID[id]; ok {
		return x.get(i)
	}
	return nil
}

// rekind changes what the record r was found to be, when the store knows
// better than the index did, and returns its cluster's new size.
func (x *index) rekind(r *record, kind uint8, cluster, of string) int {
	if n := x.sizes[r.cluster] - 1; n > 0 {
		x.sizes[r.cluster] = n
	} else {
		delete(x.sizes, r.cluster)
	}
	if kind == kindExact {
		// Another article is the first with this text.
		if i, ok := x.exact[r.sig.exact]; ok && x.get(i) == r {
			delete(x.exact, r.sig.exact)
		}
	}
	r.kind, r.cluster, r.of = kind, cluster, of
	x.sizes[cluster]++
	return int(x.sizes[cluster])
}

// size returns the number of records of cluster.
func (x *index) size(cluster string) int { return int(x.sizes[cluster]) }

// len returns the number of live records.
func (x *index) len() int { return int(x.seq + 1 - x.oldest) }
