package events

import (
	"bytes"
	"testing"
)

func TestUpperASCII(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	for _, s := range [][]byte{nil, []byte("a"), []byte("Witkoff met Putin in St. Petersburg, café `z{@[ Z"), all} {
		for off := range min(len(s), 9) {
			in := s[off:]
			want := bytes.Clone(in)
			for i, c := range want {
				if 'a' <= c && c <= 'z' {
					want[i] = c - 'a' + 'A'
				}
			}
			if got := upperASCII(bytes.Clone(in)); !bytes.Equal(got, want) {
				t.Errorf("upperASCII(%q) = %q; want %q", in, got, want)
			}
		}
	}
}

// TestLexiconFind looks up every word of the lexicon, inside a text as
// the coder does and alone, and words that differ from them by a byte.
func TestLexiconFind(t *testing.T) {
	c := newStage(t).pool.Get().(*coder)
	lx := c.lexicon
	find := func(w []byte) int32 { return lx.finish(w, lx.probe(w)) }
	for k, w := range lx.words[1:] {
		want := int32(k + 1)
		text := []byte("  " + w + " THE ")
		if got := find(text[2 : 2+len(w)]); got != want {
			t.Fatalf("find(%q) in a text = %d; want %d", w, got, want)
		}
		if got := find([]byte(w)); got != want {
			t.Fatalf("find(%q) = %d; want %d", w, got, want)
		}
		for _, v := range []string{w + "Q", w[:len(w)-1], "Q" + w[1:]} {
			if got := find([]byte(v)); got != 0 && lx.words[got] != v {
				t.Fatalf("find(%q) = %q", v, lx.words[got])
			}
		}
	}
}

func TestPastForm(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"SAID", true}, {"MET", true}, {"KILLED", true}, {"WORRIED", true}, {"OVERTHREW", true},
		{"SAY", false}, {"MEET", false}, {"PROCEED", false}, {"EMBED", false}, {"SHED", false}, {"KILL", false},
	} {
		if got := pastForm(tc.word); got != tc.want {
			t.Errorf("pastForm(%q) = %v; want %v", tc.word, got, tc.want)
		}
	}
}
