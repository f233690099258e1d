package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpora is ../shared/corpora seen from this package.
var corpora = filepath.Join("..", "..", "..", "..", "..", "shared", "corpora")

// TestREADMEFigures checks that every quality figure in the README is what
// the evaluations give today: change a stage, and this fails until "make
// figures" has written the new figures.
func TestREADMEFigures(t *testing.T) {
	if _, err := os.Stat(corpora); err != nil {
		t.Skipf("gold data not available at %s: %v", corpora, err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	start, end, err := block(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	figures := string(readme[start:end])
	rows, err := qualityRows(t.Context(), corpora)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if !strings.Contains(figures, r+"\n") {
			t.Errorf("README figures lack the row\n%s\n(run make figures); they are:\n%s", r, figures)
		}
	}
}

func TestReplace(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"block", "a\n<!-- figures:begin (note) -->\nold\n<!-- figures:end -->\nb\n", "a\n<!-- figures:begin (note) -->\nnew\n<!-- figures:end -->\nb\n", true},
		{"empty block", "<!-- figures:begin -->\n<!-- figures:end -->\n", "<!-- figures:begin -->\nnew\n<!-- figures:end -->\n", true},
		{"no block", "a\nb\n", "", false},
		{"end before begin", "<!-- figures:end -->\n<!-- figures:begin -->\n", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := replace(tt.in, "new\n")
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("replace(%q) = %q, %v; want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0, "0"}, {999.4, "999"}, {1000, "1,000"}, {24070.8, "24,071"}, {1234567, "1,234,567"}}
	for _, tt := range tests {
		if got := thousands(tt.in); got != tt.want {
			t.Errorf("thousands(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
