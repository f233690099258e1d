package events

import (
	"sort"
	"strconv"
	"testing"
)

// TestTokenAt compares tokenAt with sort.Search at every offset of a
// text, and of texts of no token and of one.
func TestTokenAt(t *testing.T) {
	var c coder
	for _, text := range []string{"", "  ", "Putin", "Witkoff met Putin in St. Petersburg on Tuesday, the Kremlin said.  "} {
		c.toks, _ = c.tok.Tokenize(text)
		for off := 0; off <= len(text)+1; off++ {
			want := sort.Search(len(c.toks), func(k int) bool { return int(c.toks[k].Start) >= off })
			if got := c.tokenAt(off); got != want {
				t.Errorf("%q: tokenAt(%d) = %d; want %d", text, off, got, want)
			}
		}
	}
}

// TestConfidence checks the confidences an event may get, as they are
// written in JSON: two decimals, never a float's rounding error.
func TestConfidence(t *testing.T) {
	for _, tt := range []struct {
		pattern, source, target bool
		want                    string
	}{
		{false, false, false, "0.4"},
		{true, false, false, "0.6"},
		{false, true, false, "0.65"},
		{false, false, true, "0.55"},
		{true, true, false, "0.85"},
		{true, false, true, "0.75"},
		{false, true, true, "0.8"},
		{true, true, true, "1"},
	} {
		if got := strconv.FormatFloat(confidence(tt.pattern, tt.source, tt.target), 'f', -1, 64); got != tt.want {
			t.Errorf("confidence(%t, %t, %t) = %s; want %s", tt.pattern, tt.source, tt.target, got, tt.want)
		}
	}
}
