package dates

import (
	"sync"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// A Finder finds date expressions. It keeps buffers between calls, so a
// goroutine that finds dates in many texts should keep one; a Finder must
// not be used by two goroutines at once. The zero Finder is ready to use.
type Finder struct {
	text  string
	pub   int // day number of the publication date in its own zone
	py    int // its year
	pm    int // its month
	lim   int // end of the last date found: nothing before it is read again
	dst   []event.DateRef
	first int    // index in dst of the first date of this call
	arena []byte // the values of this call's dates, back to back
	ends  []int  // end of each value in arena
	last  when   // the last date found, for "the day before"
	found bool   // whether last is set
}

var finders = sync.Pool{New: func() any { return new(Finder) }}

// Find appends to dst every date expression in text, resolved against the
// publication time pub, with exact byte offsets (text[Start:End] == Text),
// in order and not overlapping, and returns the extended slice. It is safe
// for concurrent use; it borrows a Finder from a pool.
func Find(dst []event.DateRef, text string, pub time.Time) []event.DateRef {
	f := finders.Get().(*Finder)
	dst = f.Find(dst, text, pub)
	if cap(f.ends) > maxPooledDates {
		f.arena, f.ends = nil, nil // a huge text must not pin memory in the pool
	}
	finders.Put(f)
	return dst
}

// maxPooledDates bounds the buffers a pooled Finder keeps.
const maxPooledDates = 1024

// Find is like the package function Find but uses f's buffers. Each date's
// Text is a substring of text and all the Values of one call share one
// string, so a call allocates at most that string and the growth of dst.
func (f *Finder) Find(dst []event.DateRef, text string, pub time.Time) []event.DateRef {
	y, m, d := pub.Date() // the calendar date in pub's own location
	f.text, f.pub, f.lim = text, daysFromCivil(y, int(m), d), 0
	f.py, f.pm = y, int(m)
	f.dst, f.first = dst, len(dst)
	f.arena, f.ends = f.arena[:0], f.ends[:0]
	f.found = false
	f.scan()
	if len(f.ends) > 0 {
		values := string(f.arena)
		start := 0
		for i, end := range f.ends {
			f.dst[f.first+i].Value = values[start:end]
			start = end
		}
	}
	dst = f.dst
	f.dst, f.text = nil, "" // hold no caller memory in a pooled Finder
	return dst
}

// scan is the one pass over the text. Words and numbers are cut out of the
// text byte by byte; a word is looked up only by its length and first two
// letters (see lexicon.go), and only the few words and numbers that can
// head a date expression lead to more work.
func (f *Finder) scan() {
	t := f.text
	for i := 0; i < len(t); {
		switch byteClass[t[i]] {
		case classLetter:
			j := ascii.LetterEnd(t, i+1)
			if mayTrigger(t[i:j]) {
				if w := lookup(t[i:j]); w != nil && w.id <= lastTrigger {
					if end := f.word(i, j, w); end > 0 {
						i = end
						continue
					}
				}
			}
			i = j
		case classDigit:
			j := i + 1
			for j < len(t) && byteClass[t[j]] == classDigit {
				j++
			}
			if end := f.number(i, j); end > 0 {
				i = end
				continue
			}
			i = j
		default:
			i++
		}
	}
}

// Byte classes for scan: a table lookup per byte instead of range tests.
const (
	classOther = iota
	classLetter
	classDigit
)

var byteClass = func() (c [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = classLetter, classLetter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = classDigit
	}
	return c
}()

// word tries the date expressions that the trigger word w at s:e can head
// and returns the end of the date found, or 0.
func (f *Finder) word(s, e int, w *entry) int {
	switch {
	case w.id <= wDecember:
		return f.month(s, e, w)
	case w.id <= wSaturday:
		return f.weekday(s, e, int(w.id-wSunday))
	case w.id <= wTomorrow:
		return f.deictic(s, e, w.id)
	case w.id <= wDecade:
		return f.unit(s, e, w)
	}
	return f.dayPart(s, e, w.id)
}

// emit appends the date text[s:e] with value w and returns e, or returns 0
// when w cannot be written (a year outside 1–9999).
func (f *Finder) emit(s, e int, w when) int {
	var ok bool
	if f.arena, ok = appendValue(f.arena, w); !ok {
		return 0
	}
	f.ends = append(f.ends, len(f.arena))
	f.dst = append(f.dst, event.DateRef{
		Text:        f.text[s:e],
		Granularity: granNames[w.gran],
		Start:       s,
		End:         e,
	})
	f.lim = e
	f.last, f.found = w, true
	return e
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }

// tok is a word or a number next to a position of the text.
type tok struct {
	s, e int
	w    *entry // the lexicon entry of a word, if any
	num  bool   // a run of digits
	gap  byte   // what lies between it and the position: ' ' blanks, '-' a hyphen, 0 nothing
}

// before returns the word or number that ends right before p, separated
// from it by blanks (not a line break) or by one hyphen. It reports false
// at punctuation, at a line break and at the end of the last date found.
func (f *Finder) before(p int) (tok, bool) {
	t := f.text
	var k tok
	i := p
	for i > f.lim && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i < p {
		k.gap = ' '
	} else if i > f.lim && t[i-1] == '-' {
		i--
		k.gap = '-'
	}
	if i <= f.lim {
		return k, false
	}
	j := i
	switch c := t[i-1]; {
	case isLetter(c):
		for j > f.lim && isLetter(t[j-1]) {
			j--
		}
		k.w = lookup(t[j:i])
	case isDigit(c):
		for j > f.lim && isDigit(t[j-1]) {
			j--
		}
		k.num = true
	default:
		return k, false
	}
	k.s, k.e = j, i
	return k, true
}

// after returns the word or number that starts right after p, separated
// from it by blanks or by one hyphen, like before.
func (f *Finder) after(p int) (tok, bool) {
	t := f.text
	var k tok
	i := skipBlanks(t, p)
	if i > p {
		k.gap = ' '
	} else if i < len(t) && t[i] == '-' {
		i++
		k.gap = '-'
	}
	if i >= len(t) {
		return k, false
	}
	j := i
	switch c := t[i]; {
	case isLetter(c):
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		k.w = lookup(t[i:j])
	case isDigit(c):
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		k.num = true
	default:
		return k, false
	}
	k.s, k.e = i, j
	return k, true
}

// is reports whether k is the word id, separated by blanks.
func (k tok) is(id wid) bool { return k.w != nil && k.w.id == id && k.gap == ' ' }

// id returns the lexicon id of k, or wNone.
func (k tok) id() wid {
	if k.w == nil {
		return wNone
	}
	return k.w.id
}

// skipBlanks returns the first position at or after p that is not a space
// or a tab.
func skipBlanks(t string, p int) int {
	for p < len(t) && (t[p] == ' ' || t[p] == '\t') {
		p++
	}
	return p
}

// atoi returns the value of the digits t[s:e].
func atoi(t string, s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		n = n*10 + int(t[i]-'0')
	}
	return n
}
