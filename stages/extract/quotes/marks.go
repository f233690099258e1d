package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// family groups the marks that close one another. Double marks of every
// style close each other, because sloppy text mixes them ("…“ closing a
// straight quote); singles likewise; guillemets pair only with each other.
type family uint8

const (
	famDouble family = iota + 1
	famSingle
	famGuillemet
)

// maxDepth bounds quote nesting; deeper opening marks are ignored, which
// keeps the work per mark constant.
const maxDepth = 4

// opening is an open quotation on the scanner's stack.
type opening struct {
	fam     family
	rev     bool // »…« (German): closed by «
	mark    int  // offset of the opening mark
	content int  // offset just after it
	tent    int  // a single closed only if nothing better comes: "Jones’ car"; 0 if none
}

// rawQuote is a top-level quotation as the marks delimit it, before the
// rules on content and attribution.
type rawQuote struct {
	markStart, start, end, markEnd int
	closed                         bool
}

// scanner pairs quotation marks, one paragraph at a time, in one pass.
type scanner struct {
	t     string
	stack [maxDepth]opening
	n     int
	f     *finder // receives the quotations
	// carry says the previous paragraph ended inside a double quotation;
	// paraStart is where the current paragraph starts.
	carry     bool
	paraStart int
}

// runeClass is what surrounds a mark, which decides whether it opens or
// closes.
type runeClass uint8

const (
	rcSpace runeClass = iota // white space, a line break, or the text's edge
	rcWord                   // a letter or a digit
	rcOpen                   // an opening bracket, a dash, a slash or a quotation mark
	rcPunct                  // anything else
)

func classOf(r rune) runeClass {
	switch {
	case r < 0 || r == ' ' || r == '\n' || r == '\t' || r == '\r':
		return rcSpace
	case isAlnum(r):
		return rcWord
	case r == '(' || r == '[' || r == '{' || r == '/' || r == '—' || r == '–' || r == '-' ||
		r == '"' || r == '\'' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' || r == '„' || r == '‚':
		return rcOpen
	case unicode.IsSpace(r):
		return rcSpace
	}
	return rcPunct
}

// around returns the runes before i and after the mark t[i:j] (-1 at the
// text's edges).
func around(t string, i, j int) (p, n rune) {
	p, n = -1, -1
	if i > 0 {
		p, _ = utf8.DecodeLastRuneInString(t[:i])
	}
	if j < len(t) {
		n, _ = utf8.DecodeRuneInString(t[j:])
	}
	return p, n
}

// scan finds the top-level quotations of s.t and passes each to s.f in
// text order.
func (s *scanner) scan() {
	t := s.t
	for i := 0; i < len(t); {
		for {
			i = ascii.ByteOrNonASCII(t, i, '\n', '"', '\'')
			if i == len(t) || special[t[i]] {
				break
			}
			i++ // outside ASCII but no quotation mark: a byte of "é"
		}
		if i == len(t) {
			break
		}
		c := t[i]
		switch {
		case c == '\n':
			s.paragraphEnd(i)
			for i < len(t) && (t[i] == '\n' || isSpace(t[i])) {
				i++
			}
			s.paraStart = i
			continue
		case c == '"':
			s.mark(i, i+1, famDouble, 0)
		case c == '\'':
			s.mark(i, i+1, famSingle, 0)
		case c == 0xE2 && i+2 < len(t) && t[i+1] == 0x80:
			switch t[i+2] {
			case 0x9C: // “
				s.mark(i, i+3, famDouble, '“')
			case 0x9D: // ”
				s.mark(i, i+3, famDouble, '”')
			case 0x9E: // „
				s.mark(i, i+3, famDouble, '„')
			case 0x98: // ‘
				s.mark(i, i+3, famSingle, '‘')
			case 0x99: // ’
				s.mark(i, i+3, famSingle, '’')
			case 0x9A: // ‚
				s.mark(i, i+3, famSingle, '‚')
			}
			i += 3
			continue
		case c == 0xC2 && i+1 < len(t) && (t[i+1] == 0xAB || t[i+1] == 0xBB):
			s.guillemet(i, t[i+1] == 0xAB)
			i += 2
			continue
		}
		i++
	}
	s.paragraphEnd(len(t))
}

// special marks the bytes that may start a quotation mark or end a
// paragraph; the scan skips all others, eight at a time where it can (the
// ASCII ones are those it passes to ascii.ByteOrNonASCII).
var special = [256]bool{'\n': true, '"': true, '\'': true, 0xE2: true, 0xC2: true}

// mark handles the quotation mark t[i:j] of family f; r is the mark for
// typographic ones and 0 for straight ones, which only context decides.
func (s *scanner) mark(i, j int, f family, r rune) {
	p, n := around(s.t, i, j)
	pc, nc := classOf(p), classOf(n)
	// A mark opens after white space or an opening bracket and before
	// something; it closes after something and before white space or
	// punctuation. A mark between two letters is an apostrophe.
	canOpen := (pc == rcSpace || pc == rcOpen) && nc != rcSpace
	canClose := pc != rcSpace && pc != rcOpen && nc != rcWord
	if f == famSingle && nc == rcWord && unicode.IsDigit(n) {
		canOpen = false // ’90s, '05
	}
	switch r {
	case '„', '‚':
		canOpen, canClose = nc != rcSpace, false
	case '”':
		canClose = pc != rcSpace
	case '’':
		canOpen = false // ’Tis, ’em: an apostrophe, never an opening
	}
	if s.carry && f == famDouble {
		// The previous paragraph ended inside a quotation and this one
		// closes before it opens anything: the quotation ran on over the
		// paragraph break without a new opening mark.
		s.carry = false
		if s.n == 0 && canClose && !canOpen {
			s.emit(rawQuote{markStart: s.paraStart, start: s.paraStart, end: i, markEnd: j, closed: true})
			return
		}
	}
	k := s.find(f, false)
	switch {
	case k >= 0 && canClose:
		if f == famSingle && r != '‘' && (p == 's' || p == 'S') && isPossessiveGap(s.t, j) {
			s.stack[k].tent = i
			return
		}
		s.close(k, i, j)
	case canOpen && k >= 0 && f == famDouble:
		// A second opening double mark while one is open: the first was
		// never closed. It ends where the new one starts.
		s.restart(k, i)
		s.push(f, false, i, j)
	case canOpen && k < 0:
		s.push(f, false, i, j)
	}
}

// isPossessiveGap reports whether an apostrophe after an s, ending at j, is
// followed by a lower-case word, as in "the Joneses’ car": a possessive
// rather than a closing mark, unless no other mark closes the quotation.
func isPossessiveGap(t string, j int) bool {
	return j+1 < len(t) && t[j] == ' ' && isLowerAt(t, j+1)
}

// guillemet handles « (open true) or » at i.
func (s *scanner) guillemet(i int, open bool) {
	p, n := around(s.t, i, i+2)
	pc, nc := classOf(p), classOf(n)
	k := s.find(famGuillemet, open) // « closes »…«, » closes «…»
	switch {
	case k >= 0:
		s.close(k, i, i+2)
	case open:
		s.push(famGuillemet, false, i, i+2)
	case (pc == rcSpace || pc == rcOpen) && nc == rcWord:
		s.push(famGuillemet, true, i, i+2) // »…«
	}
}

// find returns the stack index of the innermost open quotation of family
// f (with direction rev for guillemets), or -1.
func (s *scanner) find(f family, rev bool) int {
	for k := s.n - 1; k >= 0; k-- {
		if s.stack[k].fam == f && (f != famGuillemet || s.stack[k].rev == rev) {
			return k
		}
	}
	return -1
}

func (s *scanner) push(f family, rev bool, i, j int) {
	s.carry = false // the paragraph opened something: no run-on
	if s.n == maxDepth {
		return
	}
	s.stack[s.n] = opening{fam: f, rev: rev, mark: i, content: j}
	s.n++
}

// close closes the quotation at stack index k with the mark t[i:j];
// quotations opened inside it and still open are dropped.
func (s *scanner) close(k, i, j int) {
	if k == 0 {
		o := s.stack[0]
		s.emit(rawQuote{markStart: o.mark, start: o.content, end: i, markEnd: j, closed: true})
	}
	s.n = k
}

// emit passes a quotation on unless it holds no letter or digit: “”,
// “ ” or “…” say nothing to attribute, and dropping them here keeps a
// text of marks cheap.
func (s *scanner) emit(r rawQuote) {
	r.start, r.end = trimSpace(s.t, r.start, r.end)
	for _, c := range s.t[r.start:r.end] {
		if isAlnum(c) {
			s.f.raw(r)
			return
		}
	}
}

// restart ends the quotation at stack index k, never closed, at i.
func (s *scanner) restart(k, i int) {
	if k == 0 {
		s.unclosed(i)
	}
	s.n = k
}

// paragraphEnd closes what is open at the end of a paragraph, at i.
func (s *scanner) paragraphEnd(i int) {
	s.carry = s.n > 0 && s.stack[0].fam != famSingle
	if s.n > 0 {
		s.unclosed(i)
	}
	s.n = 0
}

// unclosed emits the top-level quotation, left open, as ending at i. A
// single quotation needs a closing mark: an opening ‘ or ' without one is
// more often an apostrophe ("'til", "rock 'n' roll") than a quotation, so
// it ends at its tentative close or is dropped.
func (s *scanner) unclosed(i int) {
	o := s.stack[0]
	if o.fam == famSingle {
		if o.tent > 0 {
			_, w := utf8.DecodeRuneInString(s.t[o.tent:])
			s.emit(rawQuote{markStart: o.mark, start: o.content, end: o.tent, markEnd: o.tent + w, closed: true})
		}
		return
	}
	s.emit(rawQuote{markStart: o.mark, start: o.content, end: i, markEnd: i})
}
