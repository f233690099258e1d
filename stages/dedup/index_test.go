package dedup

import (
	"fmt"
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
			x.insert("first", "first", kindOriginal, "", &sg, t0)
			other := sign(readTestdata(t, "other.txt"))
			x.insert("other", "other", kindOriginal, "", &other, t0.Add(tt.after)) // expires what is older than the TTL
			_, found := x.lookup(&sg, "copy", &defaultThresholds)
			if found != tt.found || (x.byFingerprint(sg.exact) != nil) != tt.found {
				t.Errorf("lookup %v after = %v (fingerprint known %v); want %v", tt.after, found, x.byFingerprint(sg.exact) != nil, tt.found)
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
	sigs := make([]signature, 3*capacity)
	for i := range sigs {
		sigs[i] = sign(fmt.Sprintf("story number %d about the %d things that happened on day %d in the town of %d", i, i*7, i%31, i*13))
		x.insert(fmt.Sprint(i), fmt.Sprint(i), kindOriginal, "", &sigs[i], now)
	}
	if x.len() != capacity {
		t.Errorf("len() after %d inserts = %d; want the capacity, %d", len(sigs), x.len(), capacity)
	}
	if len(x.byID) != capacity || len(x.sizes) != capacity {
		t.Errorf("byID, sizes hold %d, %d; want %d each", len(x.byID), len(x.sizes), capacity)
	}
	for _, tt := range []struct {
		i     int
		found bool
	}{{0, false}, {2*capacity - 1, false}, {2 * capacity, true}, {3*capacity - 1, true}} {
		m, ok := x.lookup(&sigs[tt.i], "query", &thresholds{shingles: 0.9})
		if ok != tt.found || ok && m.r.id != fmt.Sprint(tt.i) {
			t.Errorf("lookup(story %d) = %v, %v; want found %v", tt.i, m.r, ok, tt.found)
		}
	}
	// Every band chain left points at live records only.
	for k, slot := range x.heads {
		if x.get(slot) == nil {
			t.Fatalf("band key %x heads an evicted slot %d", k, slot)
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
	x := newIndex(10, time.Hour)
	x.insert(id, cluster, kindNear, cluster, &sg, time.Now())
	r := x.get(x.byID["a-1"])
	within := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		start := uintptr(unsafe.Pointer(&message[0]))
		return p >= start && p < start+uintptr(len(message))
	}
	for name, s := range map[string]string{"id": r.id, "cluster": r.cluster, "of": r.of} {
		if within(s) {
			t.Errorf("record %s %q shares the message's memory; want a copy", name, s)
		}
	}
	for k := range x.byID {
		if within(k) {
			t.Errorf("byID key %q shares the message's memory; want a copy", k)
		}
	}
}
