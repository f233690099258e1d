package dupcorpus

import (
	"strings"
	"testing"
)

func TestDiffWords(t *testing.T) {
	in := `The Farm Credit Administration, (FCA), said -- "yes."`
	want := "the farm credit administration fca said yes"
	if got := strings.Join(DiffWords(in), " "); got != want {
		t.Errorf("DiffWords(%q) = %q; want %q", in, got, want)
	}
}

func TestCoverage(t *testing.T) {
	const story = "lac minerals said it completed a second hole at the doyon mine in quebec"
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"same", story, story, 1},
		{"cut short", story, "lac minerals said it completed a second hole", 1},
		{"extended, either order", "lac minerals said it completed a second hole", story, 1},
		{"words changed", story, "lac minerals said they completed a second hole at their doyon mine in quebec", 12.0 / 14},
		{"reordered", "a b c d", "d c b a", 1.0 / 4},
		{"disjoint", "a b c", "d e f", 0},
		{"empty", "", story, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Coverage(DiffWords(tt.a), DiffWords(tt.b)); got != tt.want {
				t.Errorf("Coverage(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
