package dedup

import (
	"bytes"
	"strings"
)

// maxBoilerplate is the longest line that can be boilerplate.
const maxBoilerplate = 160

// suspect reports whether the words of a short line say it may be
// boilerplate: a word of boilerplate's, or a byline's "by" first.
func suspect(words []word) bool {
	for i, w := range words {
		if i == 0 && w.h == hashBy || triggers.has(w.h) {
			return true
		}
	}
	return false
}

// boilerplateMarks are phrases of the lines copies add and drop; a line
// holding one and short enough to be no more than that is boilerplate.
var boilerplateMarks = func() [][]byte {
	var marks [][]byte
	for _, m := range []string{
		"reporting by", "editing by", "writing by", "additional reporting", "compiled by",
		"copyright", "all rights reserved", "©", "(c) ",
		"click here", "read more", "sign up", "subscribe", "follow us", "share this",
		"advertisement", "related:", "related articles", "this story has been",
	} {
		marks = append(marks, []byte(m))
	}
	return marks
}()

// triggers holds the hash of a word of each mark but "©": only a line
// with one of them is checked in full.
var triggers = func() *wordSet {
	s := new(wordSet)
	for _, w := range []string{"reporting", "editing", "writing", "compiled", "copyright", "rights", "c",
		"click", "read", "sign", "subscribe", "follow", "share", "advertisement", "related", "story"} {
		s.add(hashWord(w))
	}
	return s
}()

var hashBy = hashWord("by")

// hashWord is the hash lineWords gives the lower-case ASCII word w.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

// wordSet is a small set of word hashes, open addressing: one or two
// probes a word.
type wordSet struct{ slots [64]uint64 }

func (s *wordSet) add(h uint64) {
	i := h % uint64(len(s.slots))
	for s.slots[i] != 0 && s.slots[i] != h {
		i = (i + 1) % uint64(len(s.slots))
	}
	s.slots[i] = h
}

func (s *wordSet) has(h uint64) bool {
	for i := h % uint64(len(s.slots)); s.slots[i] != 0; i = (i + 1) % uint64(len(s.slots)) {
		if s.slots[i] == h {
			return true
		}
	}
	return false
}

// boilerplate reports whether line is a byline, credit, copyright notice
// or call to action. It reads the line lower-cased, with its runs of
// white space as one space, into a stack buffer: no allocation, and
// spacing changes nothing.
func boilerplate(line string) bool {
	var buf [maxBoilerplate]byte
	l, ok := compact(&buf, line)
	if !ok || len(l) == 0 {
		return false
	}
	if bytes.HasPrefix(l, []byte("by ")) && fields(l) <= 7 && !bytes.ContainsAny(l, ".!?") {
		return true // "By Jane Smith and John Doe"
	}
	for _, m := range boilerplateMarks {
		if bytes.Contains(l, m) {
			return true
		}
	}
	return false
}

// compact writes line into buf lower-cased (ASCII), trimmed, with each run
// of white space as one space; ok is false when that is longer than buf.
func compact(buf *[maxBoilerplate]byte, line string) (l []byte, ok bool) {
	n, space := 0, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == ' ' || c == '\t' || c == '\r' {
			space = n > 0
			continue
		}
		if space {
			if n == len(buf) {
				return nil, false
			}
			buf[n], n, space = ' ', n+1, false
		}
		if n == len(buf) {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n], n = c, n+1
	}
	return buf[:n], true
}

// shortEnough reports whether line, its white space runs counted as one, is
// short enough to be boilerplate. It reads at most that far.
func shortEnough(line string) bool {
	if len(line) <= maxBoilerplate {
		return true
	}
	// Most long lines are paragraphs with single spaces: their length
	// tells, and the searches for doubled white space are fast.
	line = strings.TrimSpace(line)
	if len(line) <= maxBoilerplate {
		return true
	}
	if !strings.Contains(line, "  ") && strings.IndexByte(line, '\t') < 0 && strings.IndexByte(line, '\r') < 0 {
		return false
	}
	var buf [maxBoilerplate]byte
	_, ok := compact(&buf, line)
	return ok
}

// fields counts the runs of non-space bytes of l, whatever the spacing.
func fields(l []byte) int {
	n, in := 0, false
	for _, c := range l {
		space := c == ' ' || c == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
