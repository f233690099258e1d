package dedup

import (
	"hash/maphash"
	"math"
	"strings"
	"time"
)

// A record is one article the index remembers: integers only, so that a
// chunk of records is one object without pointers for the garbage
// collector.
type record struct {
	dg      digest
	at      uint32 // when it was seen, Unix seconds
	label   uint32 // position of its ids in the arena
	kind    uint8
	chained bool // its bands are in the band tables (not inserted as an exact copy)
}

// Kinds of record.kind.
const (
	kindOriginal uint8 = iota
	kindExact
	kindNear
)

// kindNames are the kinds as event.Dedup names them.
var kindNames = [...]string{"original", "exact", "near"}

// chunkSize is how many records are allocated at a time: memory grows
// with the articles seen, up to the index's capacity.
const chunkSize = 4096

// Loads of the slot tables once the index is full. The band tables, 21
// words an article, are the index's largest part after the records; the
// tables of ids and fingerprints are searched once an article, with a
// record read to check each candidate, and are kept emptier.
const (
	bandLoad = 0.8
	idLoad   = 0.5
)

// maxChain bounds the records a band key keeps, the newest: a band key
// shared by very many articles (a boilerplate-only text) says little.
const maxChain = 64

// index is the local, in-memory index of recent articles: a ring of
// records, oldest evicted first, with a slot table per MinHash band, one
// from id and one from fingerprint to slot, the records of each cluster,
// and the records' ids in an arena. It is not safe for concurrent use:
// the Stage serialises access.
type index struct {
	ttl    time.Duration
	cap    int
	chunks [][]record
	seq    uint64 // of the newest record
	oldest uint64 // seq of the oldest live record; the seq of slot i is i+1 modulo cap
	room   int    // records the slot tables are sized for, up to cap

	bands  [numBands]slotTable // band key → slots
	byID   slotTable           // hash of id → slot
	exact  slotTable           // fingerprint → slot of the first record
	sizes  counts              // hash of cluster id → records
	labels arena
	// relabeled holds the cluster and match that rekind gave a record,
	// which its label in the arena, written in order, cannot take: rare,
	// as store and index seldom disagree.
	relabeled map[uint32]relabel
	// seed hashes ids and cluster ids, at random so that no publisher can
	// pick ids that crowd one place of a table.
	seed maphash.Seed
}

// A relabel is the cluster and the article matched that rekind gave a
// record.
type relabel struct{ cluster, of string }

// newIndex returns an empty index of at most capacity records, each kept
// for ttl.
func newIndex(capacity int, ttl time.Duration) *index {
	x := &index{
		ttl:       ttl,
		cap:       capacity,
		oldest:    1,
		sizes:     newCounts(capacity),
		relabeled: make(map[uint32]relabel),
		seed:      maphash.MakeSeed(),
	}
	x.resize(min(capacity, chunkSize))
	return x
}

// resize sizes the slot tables for room records and enters the live
// records into them, oldest first.
func (x *index) resize(room int) {
	x.room = room
	for b := range x.bands {
		x.bands[b] = newSlotTable(int(float64(room)/bandLoad)+1, x.cap)
	}
	x.byID = newSlotTable(int(float64(room)/idLoad)+1, x.cap)
	x.exact = newSlotTable(int(float64(room)/idLoad)+1, x.cap)
	for s := x.oldest; s <= x.seq; s++ {
		i := x.slotOf(s)
		x.enter(i, x.slot(i))
	}
}

// slotOf returns the slot of the record of seq.
func (x *index) slotOf(seq uint64) uint32 { return uint32((seq - 1) % uint64(x.cap)) }

// slot returns the record at slot i, live or not.
func (x *index) slot(i uint32) *record {
	return &x.chunks[i/chunkSize][i%chunkSize]
}

// get returns the record at slot i if it is live, or nil.
func (x *index) get(i uint32) *record {
	n := uint64(x.len())
	if n == 0 || uint64(i) >= uint64(x.cap) {
		return nil
	}
	if (uint64(i)+uint64(x.cap)-uint64(x.slotOf(x.oldest)))%uint64(x.cap) >= n {
		return nil
	}
	return x.slot(i)
}

// match is the best near candidate found by lookup, by slot.
type match struct {
	slot uint32
	sim  float64
}

// lookup returns the most similar indexed record that is a near copy of
// q by th, if any, skipping the record of id itself.
func (x *index) lookup(q *digest, id string, th *thresholds) (match, bool) {
	var best match
	found := false
	var seen [numBands * 4]uint32 // slots already compared; small on purpose
	nSeen := 0
	keys := q.bandKeys()
	// The band tables are read at random, a cache miss each in a large
	// index: read every band's home first, loads the processor can
	// overlap, for the searches that follow to find in the cache.
	var homes [numBands]uint32
	for b, k := range keys {
		t := &x.bands[b]
		homes[b] = t.e[t.home(k)]
	}
	for b, k := range keys {
		if homes[b] == 0 {
			continue // nothing at the key's home: no entry of it either
		}
		for i := range x.bands[b].find(k) {
			// A record found since to be an exact copy keeps its place in
			// the bands but is not a candidate.
			r := x.get(i)
			if r == nil || r.kind == kindExact || contains(seen[:nSeen], i) {
				continue
			}
			if nSeen < len(seen) {
				seen[nSeen] = i
				nSeen++
			}
			if sim, ok := th.matches(q, &r.dg); ok && sim > best.sim && !x.isArticle(i, id) {
				best, found = match{slot: i, sim: sim}, true
			}
		}
	}
	return best, found
}

// contains reports whether s holds v.
func contains(s []uint32, v uint32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// insert adds a record (id, cluster, kind, of, d) seen at at, evicting
// what has expired or no longer fits, and returns its cluster's size. A
// record whose id the index holds already is not added again.
func (x *index) insert(id, cluster string, kind uint8, of string, d *digest, at time.Time) int {
	if i, ok := x.byArticle(id); ok {
		return x.sizes.get(x.clusterHash(i))
	}
	x.expire(at)
	if x.len() >= x.cap {
		x.evictOldest()
	}
	if x.len() >= x.room {
		x.resize(min(2*x.room, x.cap))
	}
	pos := x.putLabel(id, cluster, of)
	x.seq++
	i := x.slotOf(x.seq)
	for int(i/chunkSize) >= len(x.chunks) {
		x.chunks = append(x.chunks, make([]record, min(chunkSize, x.cap-len(x.chunks)*chunkSize)))
	}
	r := x.slot(i)
	*r = record{dg: *d, at: unixSeconds(at), label: pos, kind: kind, chained: kind != kindExact}
	x.enter(i, r)
	return x.sizes.add(maphash.String(x.seed, cluster), 1)
}

// enter adds the record r, at slot i, to the slot tables.
func (x *index) enter(i uint32, r *record) {
	id, _, _ := x.labels.label(r.label)
	x.byID.add(maphash.Bytes(x.seed, id), i)
	_, rekinded := x.relabeled[i]
	if _, ok := x.byFingerprint(r.dg.exact); !ok && !(rekinded && r.kind == kindExact) {
		x.exact.add(r.dg.exact, i)
	}
	if r.chained {
		for b, k := range r.dg.bandKeys() {
			if same, oldest := x.bands[b].add(k, i); same >= maxChain {
				x.bands[b].remove(k, oldest)
			}
		}
	}
}

// putLabel adds the label (id, cluster, of) to the arena, growing it, or
// when it cannot grow evicting the oldest records, until it fits.
func (x *index) putLabel(id, cluster, of string) uint32 {
	for {
		if pos, ok := x.labels.put(id, cluster, of); ok {
			return pos
		}
		if bigger, ok := x.labels.grown(); ok {
			for s := x.oldest; s <= x.seq; s++ {
				r := x.slot(x.slotOf(s))
				r.label, _ = bigger.move(&x.labels, r.label) // bigger holds all there is
			}
			x.labels = bigger
			continue
		}
		if x.len() == 0 {
			panic("dedup: an article's ids are larger than the index's arena")
		}
		x.evictOldest()
	}
}

// unixSeconds returns t in Unix seconds, within the range of a record's
// time.
func unixSeconds(t time.Time) uint32 {
	return uint32(min(max(t.Unix(), 0), math.MaxUint32))
}

// expire evicts the records older than the TTL.
func (x *index) expire(now time.Time) {
	limit := unixSeconds(now.Add(-x.ttl))
	for x.len() > 0 && x.slot(x.slotOf(x.oldest)).at < limit {
		x.evictOldest()
	}
}

// evictOldest forgets the oldest record.
func (x *index) evictOldest() {
	i := x.slotOf(x.oldest)
	r := x.slot(i)
	id, _, _ := x.labels.label(r.label)
	x.byID.remove(maphash.Bytes(x.seed, id), i)
	x.exact.remove(r.dg.exact, i)
	x.sizes.add(x.clusterHash(i), -1)
	if r.chained {
		for b, k := range r.dg.bandKeys() {
			x.bands[b].remove(k, i)
		}
	}
	x.labels.free(r.label)
	delete(x.relabeled, i)
	x.oldest++
	*r = record{}
}

// byFingerprint returns the slot of the first live record of a
// fingerprint.
func (x *index) byFingerprint(fp uint64) (uint32, bool) {
	for i := range x.exact.find(fp) {
		if r := x.get(i); r != nil && r.dg.exact == fp {
			return i, true
		}
	}
	return 0, false
}

// byArticle returns the slot of the live record of the article id.
func (x *index) byArticle(id string) (uint32, bool) {
	for i := range x.byID.find(maphash.String(x.seed, id)) {
		if x.get(i) != nil && x.isArticle(i, id) {
			return i, true
		}
	}
	return 0, false
}

// isArticle reports whether the record at slot i is of the article id.
func (x *index) isArticle(i uint32, id string) bool {
	rid, _, _ := x.labels.label(x.slot(i).label)
	return string(rid) == id
}

// ids returns the article id, cluster id and the article matched of the
// record at slot i.
func (x *index) ids(i uint32) (id, cluster, of string) {
	rid, rcluster, rof := x.labels.label(x.slot(i).label)
	id = string(rid)
	if rl, ok := x.relabeled[i]; ok {
		return id, rl.cluster, rl.of
	}
	if string(rcluster) == id {
		return id, id, string(rof)
	}
	return id, string(rcluster), string(rof)
}

// clusterHash returns the hash of the cluster of the record at slot i.
func (x *index) clusterHash(i uint32) uint64 {
	if rl, ok := x.relabeled[i]; ok {
		return maphash.String(x.seed, rl.cluster)
	}
	_, cluster, _ := x.labels.label(x.slot(i).label)
	return maphash.Bytes(x.seed, cluster)
}

// rekind changes what the record at slot i was found to be, when the
// store knows better than the index did, and returns its cluster's new
// size.
func (x *index) rekind(i uint32, kind uint8, cluster, of string) int {
	x.sizes.add(x.clusterHash(i), -1)
	r := x.slot(i)
	if kind == kindExact {
		// Another article is the first with this text.
		x.exact.remove(r.dg.exact, i)
	}
	r.kind = kind
	x.relabeled[i] = relabel{cluster: strings.Clone(cluster), of: strings.Clone(of)}
	return x.sizes.add(maphash.String(x.seed, cluster), 1)
}

// size returns the number of records of cluster.
func (x *index) size(cluster string) int { return x.sizes.get(maphash.String(x.seed, cluster)) }

// len returns the number of live records.
func (x *index) len() int { return int(x.seq + 1 - x.oldest) }
