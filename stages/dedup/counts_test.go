package dedup

import (
	"math/rand/v2"
	"testing"
)

func TestCounts(t *testing.T) {
	type op struct {
		h     uint64
		delta int
	}
	// Hashes of one home (their top 32 bits) collide; 0 is a hash like
	// any other.
	const a, a2, b = 7<<32 | 1, 7<<32 | 2, 9 << 32
	tests := []struct {
		name string
		ops  []op
		want map[uint64]int
	}{
		{"counts add up", []op{{a, 1}, {a, 1}, {b, 1}}, map[uint64]int{a: 2, b: 1, a2: 0}},
		{"one home, two clusters", []op{{a, 1}, {a2, 1}, {a2, 1}}, map[uint64]int{a: 1, a2: 2}},
		{"a cluster at 0 is forgotten, the next of its home still found", []op{{a, 1}, {a2, 1}, {a, -1}}, map[uint64]int{a: 0, a2: 1}},
		{"no count below 0", []op{{a, -1}, {b, 1}, {b, -2}}, map[uint64]int{a: 0, b: 0}},
		{"hash 0", []op{{0, 1}, {0, 1}}, map[uint64]int{0: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCounts(1000)
			for _, o := range tt.ops {
				c.add(o.h, o.delta)
			}
			for h, want := range tt.want {
				if got := c.get(h); got != want {
					t.Errorf("get(%x) = %d; want %d", h, got, want)
				}
			}
		})
	}
}

// TestCountsModel runs random changes against a map, around the end of
// the table (high hashes) and through its growth to its largest size.
func TestCountsModel(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	c := newCounts(3000)
	model := map[uint64]int{}
	hashes := make([]uint64, 3000)
	for i := range hashes {
		hashes[i] = r.Uint64() | 0xfff<<52*uint64(i%2) // half near the end
	}
	for step := range 50_000 {
		h := hashes[r.IntN(len(hashes))]
		delta := 1
		if step > 10_000 && r.IntN(2) == 0 {
			delta = -1
		}
		if got, want := c.add(h, delta), max(model[h]+delta, 0); got != want {
			t.Fatalf("step %d: add(%x, %d) = %d; want %d", step, h, delta, got, want)
		}
		if model[h] = max(model[h]+delta, 0); model[h] == 0 {
			delete(model, h)
		}
	}
	for h, want := range model {
		if got := c.get(h); got != want {
			t.Errorf("get(%x) = %d; want %d", h, got, want)
		}
	}
	if c.used != len(model) || len(c.keys) > c.max {
		t.Errorf("used, size = %d, %d; want %d, at most %d", c.used, len(c.keys), len(model), c.max)
	}
}
