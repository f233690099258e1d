package events

import (
	"sort"
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
