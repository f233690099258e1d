package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// articles3KB cuts the GUM news documents (read in place; CC BY) into
// articles of about 3 KB at paragraph breaks.
func articles3KB(b *testing.B) []string {
	docs, err := gum.Read("../../../shared/corpora/gum-news")
	if err != nil {
		b.Skipf("GUM corpus not available: %v", err)
	}
	return gum.Articles(docs, 3000)
}

// BenchmarkSignAndLookup is the CPU the stage spends on an article apart
// from the store and the insertion: its signature, and a lookup in an
// index of 100,000 articles that holds the article itself (one candidate
// to verify, as for a copy).
func BenchmarkSignAndLookup(b *testing.B) {
	texts := articles3KB(b)
	x := newIndex(1<<20, time.Hour)
	fillRandom(x, 100_000)
	for i, t := range texts {
		sg := sign(t)
		d := sg.digest()
		x.insert(fmt.Sprint("text-", i), "c", kindOriginal, "", &d, time.Now())
	}
	b.SetBytes(int64(gum.MeanLen(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sg := sign(texts[i%len(texts)])
		d := sg.digest()
		if _, ok := x.lookup(&d, "query", &defaultThresholds); !ok {
			b.Fatal("lookup found no copy of an indexed text")
		}
		i++
	}
}

// BenchmarkInsert adds articles to a full index of 100,000, each evicting
// the oldest: the steady state of a running replica.
func BenchmarkInsert(b *testing.B) {
	const n = 100_000
	x := newIndex(n, 100*time.Hour)
	fillRandom(x, n)
	r := rand.New(rand.NewPCG(3, 3))
	digests := make([]digest, 4096)
	for i := range digests {
		digests[i] = randomDigest(r)
	}
	// Ten times the index's size: an id comes back only long after its
	// record was evicted, so every insertion is a real one.
	ids := make([]string, 10*n)
	for i := range ids {
		ids[i] = fmt.Sprintf("insert-%014d", i)
	}
	now := time.Now()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		x.insert(ids[i%len(ids)], ids[i%len(ids)], kindOriginal, "", &digests[i%len(digests)], now)
		i++
	}
}

// BenchmarkProcess runs the whole stage on an in-memory store: signature,
// claim, lookup, insertion and the record put.
func BenchmarkProcess(b *testing.B) {
	texts := articles3KB(b)
	s := newStage(b, NewMemStore(0))
	ids := make([]string, 1<<16)
	for i := range ids {
		ids[i] = fmt.Sprint("article-", i)
	}
	b.SetBytes(int64(gum.MeanLen(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := pipeline.Doc{ID: ids[i%len(ids)], Text: texts[i%len(texts)]}
		if err := s.Process(b.Context(), &d); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLookup measures a lookup in indexes of 10³ to 10⁶ synthetic
// signatures: its cost should not grow with the index. It also reports
// the heap each indexed article takes, and the heap objects, which the
// garbage collector has to mark.
func BenchmarkLookup(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			x, heap, objects := filledIndex(n)
			queries := make([]digest, 1024)
			r := rand.New(rand.NewPCG(2, 2))
			for i := range queries {
				queries[i] = randomDigest(r)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				x.lookup(&queries[i%len(queries)], "query", &defaultThresholds)
				i++
			}
			b.ReportMetric(heap, "heap-B/article")
			b.ReportMetric(objects, "objects/article")
		})
	}
}

// filledIndex returns an index of n random articles, and the heap and
// the heap objects it takes per article.
func filledIndex(n int) (x *index, heap, objects float64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x = newIndex(n, 100*time.Hour)
	fillRandom(x, n)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
	objects = float64(int64(after.HeapObjects)-int64(before.HeapObjects)) / float64(n)
	return x, heap, objects
}

// fillRandom indexes n articles with random signatures and ids of the
// usual length.
func fillRandom(x *index, n int) {
	r := rand.New(rand.NewPCG(1, 1))
	now := time.Now()
	for i := range n {
		d := randomDigest(r)
		id := fmt.Sprintf("%020d", i)
		x.insert(id, id, kindOriginal, "", &d, now)
	}
}

func randomDigest(r *rand.Rand) digest {
	var sg signature
	sg.exact = r.Uint64()
	for i := range sg.min {
		sg.min[i] = r.Uint32()
	}
	for i := range numKeys {
		sg.names.v[i], sg.numbers.v[i] = r.Uint32()|1, r.Uint32()|1
	}
	slices.Sort(sg.names.v[:])
	slices.Sort(sg.numbers.v[:])
	sg.names.n, sg.numbers.n, sg.nWords = numKeys, numKeys, 500
	return sg.digest()
}
