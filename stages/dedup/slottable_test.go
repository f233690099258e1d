package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// hashAt returns a key hash whose home in t is home and whose fingerprint
// is fp; other varies the bits that neither uses.
func hashAt(t *slotTable, home, fp uint32, other uint64) uint64 {
	size := uint64(len(t.e))
	top := (uint64(home)<<32 + size - 1) / size
	return top<<32 | other<<24 | uint64(fp)
}

func TestSlotTable(t *testing.T) {
	type op struct {
		remove bool
		key    string
		slot   uint32
	}
	add := func(key string, slot uint32) op { return op{key: key, slot: slot} }
	del := func(key string, slot uint32) op { return op{remove: true, key: key, slot: slot} }
	tests := []struct {
		name string
		ops  []op
		want map[string][]uint32 // find(key)
	}{
		{"oldest first",
			[]op{add("a", 1), add("a", 2), add("a", 3)},
			map[string][]uint32{"a": {1, 2, 3}, "b": nil}},
		{"fingerprints tell the keys of a home apart",
			[]op{add("a", 1), add("b", 2), add("a", 3)},
			map[string][]uint32{"a": {1, 3}, "b": {2}}},
		{"keys of one home and fingerprint are found together",
			[]op{add("a", 1), add("a'", 2)},
			map[string][]uint32{"a": {1, 2}, "a'": {1, 2}, "b": nil}},
		{"a crowded home pushes the next one on",
			[]op{add("c", 3), add("a", 1), add("a", 2), add("b", 4)},
			map[string][]uint32{"a": {1, 2}, "b": {4}, "c": {3}}},
		{"around the end",
			[]op{add("w", 1), add("w", 2), add("w", 3), add("a", 4)},
			map[string][]uint32{"w": {1, 2, 3}, "a": {4}}},
		{"removal around the end shifts back",
			[]op{add("w", 1), add("w", 2), add("w", 3), add("a", 4), del("w", 1)},
			map[string][]uint32{"w": {2, 3}, "a": {4}}},
		{"removal shifts the next homes back",
			[]op{add("a", 1), add("b", 2), add("c", 3), add("a", 4), del("a", 1), del("b", 2)},
			map[string][]uint32{"a": {4}, "b": nil, "c": {3}}},
		{"removal takes the slot of its key only",
			[]op{add("a", 1), add("b", 1), del("a", 1)},
			map[string][]uint32{"a": nil, "b": {1}}},
		{"removal of what is not there",
			[]op{add("a", 1), del("a", 2), del("c", 1)},
			map[string][]uint32{"a": {1}, "c": nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := newSlotTable(8, 1000)
			keys := map[string]uint64{
				"a":  hashAt(&tab, 2, 1, 0),
				"a'": hashAt(&tab, 2, 1, 1), // another key, same home and fingerprint
				"b":  hashAt(&tab, 2, 2, 0),
				"c":  hashAt(&tab, 3, 1, 0),
				"w":  hashAt(&tab, 7, 1, 0), // the last position
			}
			n := 0
			for _, o := range tt.ops {
				if o.remove {
					if tab.remove(keys[o.key], o.slot) {
						n--
					}
					continue
				}
				tab.add(keys[o.key], o.slot)
				n++
			}
			for key, want := range tt.want {
				if got := slices.Collect(tab.find(keys[key])); !slices.Equal(got, want) {
					t.Errorf("find(%s) = %v; want %v", key, got, want)
				}
			}
			if tab.n != n || tab.lost != 0 {
				t.Errorf("n, lost = %d, %d; want %d, 0", tab.n, tab.lost, n)
			}
		})
	}
}

func TestSlotTableAdd(t *testing.T) {
	tab := newSlotTable(64, 1000)
	h := hashAt(&tab, 5, 3, 0)
	for i := range uint32(4) {
		same, oldest := tab.add(h, 10+i)
		if same != int(i) || i > 0 && oldest != 10 {
			t.Errorf("add(slot %d) = %d, %d; want %d, 10", 10+i, same, oldest, i)
		}
	}
}

// TestSlotTableDistance adds more entries to one home than a distance can
// reach: those beyond are lost, and the others still found.
func TestSlotTableDistance(t *testing.T) {
	tab := newSlotTable(256, 1<<27-1) // 27 bits of slot leave 5 of distance
	h := hashAt(&tab, 100, 0, 0)
	for i := range uint32(40) {
		tab.add(h, i)
	}
	if got := slices.Collect(tab.find(h)); len(got) != 32 || tab.lost != 8 {
		t.Errorf("find after 40 adds = %d slots, %d lost; want 32, 8", len(got), tab.lost)
	}
	if !tab.remove(h, 0) || len(slices.Collect(tab.find(h))) != 31 {
		t.Errorf("remove(slot 0) did not leave 31 slots")
	}
}

// TestSlotTableModel runs random additions and removals on a table 80%
// full against a map: every slot added under a key and not removed is
// found under it, in order, whatever the moves.
func TestSlotTableModel(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const size, keys = 1000, 300
	tab := newSlotTable(size, 1<<20)
	hashes := make([]uint64, keys)
	for i := range hashes {
		hashes[i] = r.Uint64()
	}
	model := map[uint64][]uint32{}
	n := 0
	for step := range 20_000 {
		h := hashes[r.IntN(keys)]
		switch {
		case n < 800 && (n < 700 || r.IntN(2) == 0):
			slot := uint32(step)
			tab.add(h, slot)
			model[h] = append(model[h], slot)
			n++
		case len(model[h]) > 0:
			i := r.IntN(len(model[h]))
			if !tab.remove(h, model[h][i]) {
				t.Fatalf("step %d: remove(%x, %d) = false; want true", step, h, model[h][i])
			}
			model[h] = slices.Delete(model[h], i, i+1)
			n--
		}
	}
	for h, want := range model {
		got := slices.DeleteFunc(slices.Collect(tab.find(h)), func(s uint32) bool { return !slices.Contains(want, s) })
		if !slices.Equal(got, want) {
			t.Errorf("find(%x) = %v among others; want %v", h, got, want)
		}
	}
	if tab.n != n || tab.lost != 0 {
		t.Errorf("n, lost = %d, %d; want %d, 0", tab.n, tab.lost, n)
	}
}
