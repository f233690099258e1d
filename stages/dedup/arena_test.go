package dedup

import (
	"fmt"
	"strings"
	"testing"
)

type label struct{ id, cluster, of string }

func (a *arena) labelOf(pos uint32) label {
	id, cluster, of := a.label(pos)
	return label{string(id), string(cluster), string(of)}
}

func TestArenaRing(t *testing.T) {
	// ops: p puts a label of 12 bytes, x puts one that must not fit, f
	// frees the oldest.
	tests := []struct {
		name string
		size int
		ops  string
	}{
		{"fills up", 48, "ppppx"},
		{"freed room is used again around the end", 50, "ppppffpx"},
		{"empty again, it starts at 0", 48, "ppppffffpppp"},
		{"the bytes skipped at the end are freed with the label before them", 50, "ppppffpfpfpxfp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arena{b: make([]byte, tt.size)}
			var live []uint32
			var labels []label
			for i, op := range tt.ops {
				if op == 'f' {
					a.free(live[0])
					live, labels = live[1:], labels[1:]
					continue
				}
				id := fmt.Sprintf("id-%06d", i)
				pos, ok := a.put(id, id, "")
				if ok != (op == 'p') {
					t.Fatalf("op %d: put = %v; want %v", i, ok, op == 'p')
				}
				if ok {
					live, labels = append(live, pos), append(labels, label{id, id, ""})
				}
			}
			for i, pos := range live {
				if got := a.labelOf(pos); got != labels[i] {
					t.Errorf("label(%d) = %+v; want %+v", pos, got, labels[i])
				}
			}
		})
	}
}

func TestArenaLabel(t *testing.T) {
	long := strings.Repeat("x", 300) // a length of two bytes
	tests := []label{
		{"a", "a", ""},
		{"a", "b", "c"},
		{"", "", ""},
		{long, "c-1", long},
	}
	a := arena{b: make([]byte, 1024)}
	for _, l := range tests {
		pos, ok := a.put(l.id, l.cluster, l.of)
		if !ok {
			t.Fatalf("put(%.10q, %.10q, %.10q) = false; want true", l.id, l.cluster, l.of)
		}
		if got := a.labelOf(pos); got != l {
			t.Errorf("label(put(%.10q, %.10q, %.10q)) = %.10q; want the same", l.id, l.cluster, l.of, got)
		}
		if got, want := a.end(pos)-int(pos), labelSize(l.id, l.cluster, l.of); got != want {
			t.Errorf("end - pos of %.10q = %d; want labelSize, %d", l, got, want)
		}
	}
}

func TestArenaGrow(t *testing.T) {
	a := arena{b: make([]byte, 40)}
	var live []uint32
	for i := range 3 {
		pos, _ := a.put(fmt.Sprint("id-", i), "c", "")
		live = append(live, pos)
	}
	a.free(live[0])
	live = live[1:]
	pos, _ := a.put("id-3", "c", "") // around the end
	live = append(live, pos)
	bigger, ok := a.grown()
	if !ok || len(bigger.b) <= len(a.b) {
		t.Fatalf("grown() = %d bytes, %v; want more than %d", len(bigger.b), ok, len(a.b))
	}
	for i, pos := range live {
		moved, ok := bigger.move(&a, pos)
		if got, want := bigger.labelOf(moved), a.labelOf(pos); !ok || got != want {
			t.Errorf("move(label %d) = %+v, %v; want %+v", i, got, ok, want)
		}
	}
}
