package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// defaultThresholds are those of DefaultConfig.
var defaultThresholds = thresholds{shingles: 0.5, names: 0.7, numbers: 0.8}

func TestIndexTTL(t *testing.T) {
	story := readTestdata(t, "story.txt")
	sg := sign(story)
	d := sg.digest()
	t0 := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		after time.Duration
		found bool
	}{
		{"within the TTL", 71 * time.Hour, true},
		{"after the TTL", 73 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newIndex(1000, 72*time.Hour)
			x.insert("first", "first", kindOriginal, "", &d, t0)
			other := sign(readTestdata(t, "other.txt"))
			od := other.digest()
			x.insert("other", "other", kindOriginal, "", &od, t0.Add(tt.after)) // expires what is older than the TTL
			_, found := x.lookup(&d, "copy", &defaultThresholds)
			_, known := x.byFingerprint(sg.exact)
			if found != tt.found || known != tt.found {
				t.Errorf("lookup %v after = %v (fingerprint known %v); want %v", tt.after, found, known, tt.found)
			}
			if want := map[bool]int{true: 2, false: 1}[tt.found]; x.len() != want {
				t.Errorf("len() = %d; want %d", x.len(), want)
			}
		})
	}
}

func TestIndexCapacity(t *testing.T) {
	const capacity = 1000
	x := newIndex(capacity, time.Hour)
	now := time.Now()
	digests := make([]digest, 3*capacity)
	for i := range digests {
		sg := sign(fmt.Sprintf("story number %d about the %d things that happened on day %d in the town of %d", i, i*7, i%31, i*13))
		digests[i] = sg.digest()
		x.insert(fmt.Sprint(i), fmt.Sprint(i), kindOriginal, "", &digests[i], now)
	}
	if x.len() != capacity {
		t.Errorf("len() after %d inserts = %d; want the capacity, %d", len(digests), x.len(), capacity)
	}
	if x.byID.n != capacity || x.sizes.used != capacity || x.labels.labels != capacity {
		t.Errorf("byID, sizes, labels hold %d, %d, %d; want %d each", x.byID.n, x.sizes.used, x.labels.labels, capacity)
	}
	for _, tt := range []struct {
		i     int
		found bool
	}{{0, false}, {2*capacity - 1, false}, {2 * capacity, true}, {3*capacity - 1, true}} {
		m, ok := x.lookup(&digests[tt.i], "query", &thresholds{shingles: 0.9})
		if got := ""; ok != tt.found || ok && !x.isArticle(m.slot, fmt.Sprint(tt.i)) {
			if ok {
				got, _, _ = x.ids(m.slot)
			}
			t.Errorf("lookup(story %d) = %q, %v; want found %v", tt.i, got, ok, tt.found)
		}
	}
	// Every band entry left is of a live record, at most one per band a
	// record (fewer where the stories share a band key more than
	// maxChain times).
	for b := range x.bands {
		n := 0
		for _, e := range x.bands[b].e {
			if e == 0 {
				continue
			}
			n++
			if slot := x.bands[b].slot(e); x.get(slot) == nil {
				t.Fatalf("band %d holds evicted slot %d", b, slot)
			}
		}
		if n != x.bands[b].n || n > capacity {
			t.Errorf("band %d holds %d entries, counts %d; want as many, at most %d", b, n, x.bands[b].n, capacity)
		}
	}
}

func TestRecordRoundTrip(t *testing.T) {
	sg := sign(readTestdata(t, "story.txt"))
	at := time.Date(2026, 11, 25, 12, 0, 0, 123, time.UTC)
	for _, kind := range []uint8{kindOriginal, kindExact, kindNear} {
		in := storedRecord{id: "article-1", cluster: "article-0", of: "article-0", kind: kind, at: at, sig: sg}
		b := appendRecord(nil, &in)
		want := map[uint8]int{kindOriginal: 414, kindExact: 158, kindNear: 414}[kind] + 3 + len(in.id) + len(in.cluster) + len(in.of)
		if len(b) != want {
			t.Errorf("appendRecord(%s) is %d bytes; want %d", kindNames[kind], len(b), want)
		}
		out, err := decodeRecord(b)
		if err != nil {
			t.Fatalf("decodeRecord(appendRecord(%s)) = %v", kindNames[kind], err)
		}
		if kind == kindExact {
			out.sig.min = sg.min // not sent: exact copies are not searched
		}
		if out.id != in.id || out.cluster != in.cluster || out.of != in.of || out.kind != in.kind || !out.at.Equal(in.at) || out.sig != in.sig {
			t.Errorf("decodeRecord(appendRecord(%s)) = %+v; want %+v", kindNames[kind], out, in)
		}
		for n := range len(b) {
			if _, err := decodeRecord(b[:n]); err == nil {
				t.Errorf("decodeRecord(first %d of %d bytes) = nil error; want one", n, len(b))
				break
			}
		}
	}
}

// The ids of an article decoded without copying point into its whole
// message; the index must keep copies, or every message stays in memory.
func TestIndexOwnsItsStrings(t *testing.T) {
	message := []byte(`{"id":"a-1","cluster":"a-0","body":"` + strings.Repeat("x", 64<<10) + `"}`)
	id, cluster := unsafe.String(&message[7], 3), unsafe.String(&message[23], 3)
	sg := sign(readTestdata(t, "story.txt"))
	d := sg.digest()
	x := newIndex(10, time.Hour)
	x.insert(id, cluster, kindNear, cluster, &d, time.Now())
	i, ok := x.byArticle("a-1")
	if !ok {
		t.Fatal(`byArticle("a-1") found nothing; want the record inserted`)
	}
	rid, rcluster, rof := x.ids(i)
	within := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(&message[0]))
		return p >= start && p < start+uintptr(len(message))
	}
	for name, s := range map[string]string{"id": rid, "cluster": rcluster, "of": rof} {
		if within(s) {
			t.Errorf("record %s %q shares the message's memory; want a copy", name, s)
		}
	}
	if lid, _, _ := x.labels.label(x.slot(i).label); within(unsafe.String(&lid[0], len(lid))) {
		t.Errorf("the arena's id %q shares the message's memory; want a copy", lid)
	}
}

// TestIndexSlotReuse evicts a record and reuses its slot: what pointed to
// the old record no longer finds it, and the new one is found in its
// place.
func TestIndexSlotReuse(t *testing.T) {
	const capacity = 1000
	x := newIndex(capacity, time.Hour)
	now := time.Now()
	old, next := sign(readTestdata(t, "story.txt")), sign(readTestdata(t, "other.txt"))
	od, nd := old.digest(), next.digest()
	x.insert("old", "old", kindOriginal, "", &od, now)
	fillRandom(x, capacity-1)
	x.insert("next", "next", kindOriginal, "", &nd, now) // in the old one's slot
	if i, _ := x.byArticle("next"); i != 0 {
		t.Fatalf("slot of next = %d; want 0, the old one's", i)
	}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"byArticle(old)", has(x.byArticle("old")), false},
		{"byFingerprint(old)", has(x.byFingerprint(old.exact)), false},
		{"lookup(old)", matched(x.lookup(&od, "query", &defaultThresholds)), false},
		{"byArticle(next)", has(x.byArticle("next")), true},
		{"byFingerprint(next)", has(x.byFingerprint(next.exact)), true},
		{"lookup(next)", matched(x.lookup(&nd, "query", &defaultThresholds)), true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s found = %v; want %v", tt.name, tt.got, tt.want)
		}
	}
}

func has(_ uint32, ok bool) bool { return ok }

func matched(_ match, ok bool) bool { return ok }

// TestIndexRekind changes an original into an exact copy of another
// cluster: it counts there, is no longer its text's first, nor a
// candidate, and its new ids go when it is evicted.
func TestIndexRekind(t *testing.T) {
	const capacity = 1000
	x := newIndex(capacity, time.Hour)
	sg := sign(readTestdata(t, "story.txt"))
	d := sg.digest()
	x.insert("a", "a", kindOriginal, "", &d, time.Now())
	i, _ := x.byArticle("a")
	if n := x.rekind(i, kindExact, "winner", "winner"); n != 1 {
		t.Errorf("rekind = %d; want the size of winner's cluster, 1", n)
	}
	if id, cluster, of := x.ids(i); id != "a" || cluster != "winner" || of != "winner" {
		t.Errorf("ids after rekind = %q, %q, %q; want a, winner, winner", id, cluster, of)
	}
	if x.size("a") != 0 || x.size("winner") != 1 {
		t.Errorf("sizes of a, winner = %d, %d; want 0, 1", x.size("a"), x.size("winner"))
	}
	if has(x.byFingerprint(sg.exact)) || matched(x.lookup(&d, "query", &defaultThresholds)) {
		t.Errorf("the rekinded record is still found by fingerprint or lookup; want neither")
	}
	fillRandom(x, capacity)
	if x.size("winner") != 0 || len(x.relabeled) != 0 {
		t.Errorf("after eviction: size(winner) = %d, %d relabeled; want 0, 0", x.size("winner"), len(x.relabeled))
	}
}

// TestIndexLabels inserts three times the capacity with ids of many
// lengths, so that the arena grows and goes around: every live record
// keeps its ids.
func TestIndexLabels(t *testing.T) {
	const capacity = 1000
	x := newIndex(capacity, time.Hour)
	r := rand.New(rand.NewPCG(4, 4))
	now := time.Now()
	id := func(i int) string { return fmt.Sprintf("%s-%d", strings.Repeat("i", i*7%300), i) }
	for i := range 3 * capacity {
		d := randomDigest(r)
		kind, cluster, of := kindOriginal, id(i), ""
		if i%3 == 0 && i > 0 {
			kind, cluster, of = kindNear, id(i-1), id(i-1)
		}
		x.insert(id(i), cluster, kind, of, &d, now)
	}
	for i := 2 * capacity; i < 3*capacity; i++ {
		slot, ok := x.byArticle(id(i))
		if !ok {
			t.Fatalf("byArticle(%d) found nothing; want the record", i)
		}
		want := [3]string{id(i), id(i), ""}
		if i%3 == 0 {
			want = [3]string{id(i), id(i - 1), id(i - 1)}
		}
		if rid, cluster, of := x.ids(slot); [3]string{rid, cluster, of} != want {
			t.Errorf("ids(%d) = %.12q, %.12q, %.12q; want %.12q", i, rid, cluster, of, want)
		}
	}
	if x.labels.labels != capacity {
		t.Errorf("arena holds %d labels; want %d", x.labels.labels, capacity)
	}
}
