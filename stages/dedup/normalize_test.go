package dedup

import "testing"

func TestSkipDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WASHINGTON (Reuters) - The talks resumed.", "The talks resumed."},
		{"LONDON, March 3 (AP) — Prices rose.", "Prices rose."},
		{"NEW YORK - Shares fell.", "Shares fell."},
		{"The talks - which resumed - went on.", "The talks - which resumed - went on."},
		{"Officials said. WASHINGTON - no", "Officials said. WASHINGTON - no"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := skipDateline(tt.in); got != tt.want {
			t.Errorf("skipDateline(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"By Jane Smith and John Doe", true},
		{"(Reporting by Jane Smith; Editing by John Doe)", true},
		{"Copyright 2026 Example Media. All rights reserved.", true},
		{"Click here to subscribe to our newsletter", true},
		{"By the end of the year, prices had doubled.", false},
		{"The company said it would subscribe to the new issue of shares, which analysts had expected for months and which the board had long resisted as too costly for its owners.", false},
		{"The mayor spoke to reporters.", false},
	}
	for _, tt := range tests {
		if got := boilerplate(tt.line); got != tt.want {
			t.Errorf("boilerplate(%q) = %v; want %v", tt.line, got, tt.want)
		}
	}
}

// TestSketches checks what the names and numbers of two texts say about
// them: figures written as one word, spelled-out figures, names away from
// sentence starts.
func TestSketches(t *testing.T) {
	tests := []struct {
		name           string
		a, b           string
		names, numbers float64
	}{
		{"same figures", "Qtly div 12-1/2 cts. Pay April 30.", "Qtly div 12-1/2 cts. Pay April 30.", 1, 1},
		{"fractions differ", "Qtly div 12-1/2 cts.", "Qtly div 7-1/2 cts.", 1, 0},
		{"decimals differ", "Mthly div 6.6 cts.", "Mthly div 6.1 cts.", 1, 0},
		{"spelled figures differ", "Pay April Three.", "Pay April one.", 1, 0},
		{"names differ", "Shares of Harbor Mining rose.", "Shares of Bluefield Oil rose.", 0, 1},
		{"sentence starts are not names", "Prices rose. Analysts agreed.", "Markets fell. Traders agreed.", 1, 1},
		{"no figures on one side", "It rose 4 pct.", "It rose sharply.", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := sign(tt.a), sign(tt.b)
			if got := a.names.containment(&b.names); got != tt.names {
				t.Errorf("names containment(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.names)
			}
			if got := a.numbers.containment(&b.numbers); got != tt.numbers {
				t.Errorf("numbers containment(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.numbers)
			}
		})
	}
}

func TestSketchContainment(t *testing.T) {
	set := func(from, to uint32) *sketch {
		var s sketch
		for v := from; v <= to; v++ {
			s.add(v * 2654435761) // distinct, spread like hashes
		}
		return &s
	}
	tests := []struct {
		name     string
		a, b     *sketch
		min, max float64
	}{
		{"whole sets, 5 of 10 shared", set(1, 10), set(6, 15), 0.5, 0.5},
		{"cut sketches, 30 of 40 inside", set(1, 30), set(1, 40), 0.7, 1},
		{"cut sketches, disjoint", set(1, 40), set(1001, 1040), 0, 0},
		{"empty", set(1, 0), set(1, 40), 1, 1},
	}
	for _, tt := range tests {
		if got := tt.a.containment(tt.b); got < tt.min || got > tt.max {
			t.Errorf("%s: containment = %v; want in [%v, %v]", tt.name, got, tt.min, tt.max)
		}
		if got, rev := tt.a.containment(tt.b), tt.b.containment(tt.a); got != rev {
			t.Errorf("%s: containment is %v one way, %v the other; want symmetric", tt.name, got, rev)
		}
	}
}
