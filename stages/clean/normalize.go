package clean

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hard-wrap rule (see the package documentation).
const (
	wrapMinLines = 3   // fewer lines say nothing about wrapping
	wrapMaxRunes = 100 // a longer line was not wrapped at a fixed width
	wrapMinRunes = 30  // a shorter line ends a paragraph, and is not counted
	wrapMinOpen  = 2   // one open line is more likely a heading
)

// checkEvery is how many input bytes are read between two looks at the
// context: often enough to stop promptly, rarely enough to cost nothing.
const checkEvery = 64 << 10

type breakKind uint8

const (
	breakSoft breakKind = iota // a line break that may join a wrapped line
	breakHard                  // a paragraph break
)

// normalizer turns text into clean paragraphs in one pass. Lines are
// cleaned into buf as they are read, separated by "\n" where the line
// break may be a hard wrap (a soft break) and by "\n\n" where it is a
// paragraph break; finish decides, from statistics gathered on the way,
// whether the text is hard-wrapped and resolves every soft break into a
// space or a paragraph break. Only the last step can change the length
// of what was written, so no line needs to be held on its own.
type normalizer struct {
	buf, alt []byte
	limit    int  // stop reading input once buf holds this many bytes
	oneLine  bool // every line break becomes a space (titles)

	// Whole text.
	lines     int // non-blank lines
	longLines int // lines of wrapMinRunes or more
	openLines int // long lines that do not end a sentence
	maxRunes  int
	soft      int  // soft breaks in buf
	needNFC   bool // a rune that is not nfcSafe was written
	stopped   bool // input was left unread because of limit

	// Current line.
	started      bool // a visible rune has been written
	pendingSpace bool
	invalid      bool // the previous byte was invalid UTF-8
	brk          breakKind
	indent       int // width of leading white space: space 1, tab 2
	prevRunes    int // runes of the previous non-blank line
	runes        int
	last         rune // last rune that is not closing punctuation
}

// reset prepares n for a new text, keeping its buffers.
func (n *normalizer) reset(limit int, oneLine bool) {
	*n = normalizer{buf: n.buf[:0], alt: n.alt[:0], limit: limit, oneLine: oneLine}
}

// write cleans s into n.buf. It returns only a context error.
func (n *normalizer) write(ctx context.Context, s string) error {
	check := checkEvery
	for i := 0; i < len(s); {
		if i >= check {
			if err := ctx.Err(); err != nil {
				return err
			}
			check = i + checkEvery
		}
		if len(n.buf) >= n.limit {
			n.stopped = true
			return nil
		}
		c := s[i]
		if !n.started && (c == '-' || c == '*' || c-'0' < 10 || c >= utf8.RuneSelf) && listItem(s[i:]) {
			n.indent = 2 // a list item starts a paragraph, like an indented line
		}
		if isGraphicASCII(c) {
			// The common case: copy a run of visible ASCII with single
			// spaces inside it in one append.
			// The run stops at the next context check, so that one long
			// line cannot put it off.
			j, stop := i+1, min(len(s), check)
			for j < stop {
				if isGraphicASCII(s[j]) {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && isGraphicASCII(s[j+1]) {
					j += 2
				} else {
					break
				}
			}
			n.startRune()
			n.buf = append(n.buf, s[i:j]...)
			n.runes += j - i
			for k := j - 1; k >= i; k-- {
				if !isClosingASCII(s[k]) {
					n.last = rune(s[k])
					break
				}
			}
			n.invalid = false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			n.invalid = false
			switch c {
			case ' ':
				n.space(1)
			case '\t':
				n.space(2)
			case '\n', '\v', '\f':
				n.endLine(false)
			case '\r':
				n.endLine(false)
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			}
			// Every other C0 control and DEL is dropped.
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !n.invalid {
				n.startRune()
				n.buf = utf8.AppendRune(n.buf, utf8.RuneError)
				n.runes++
				n.last = utf8.RuneError
			}
			n.invalid = true
			i++
			continue
		}
		n.invalid = false
		switch r {
		case '\u0085': // NEL
			n.endLine(false)
		case '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000':
			n.space(1)
		case '\u00ad', '\u200b', '\u2060', '\ufeff':
			// Invisible: soft hyphen, zero width space, word joiner, BOM.
		case '\u2028':
			n.endLine(false)
		case '\u2029':
			n.endLine(true)
		default:
			switch {
			case r <= 0x9f:
				// C1 control: dropped.
			case r >= 0x2000 && r <= 0x200a:
				n.space(1)
			default:
				n.startRune()
				n.buf = append(n.buf, s[i:i+size]...)
				n.runes++
				if !isClosing(r) {
					n.last = r
				}
				if lookup(r)&nfcSafe == 0 {
					n.needNFC = true
				}
			}
		}
		i += size
	}
	return nil
}

var bullets = []string{"-", "*", "\u2022", "\u2013", "\u2014", "\u25aa", "\u25e6", "\u00b7"}

// listItem reports whether a line starting with s is a list item: a
// bullet, or a number of one or two digits with '.' or ')', and a space.
func listItem(s string) bool {
	for _, b := range bullets {
		if strings.HasPrefix(s, b) {
			return len(s) > len(b) && (s[len(b)] == ' ' || s[len(b)] == '\t')
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i]-'0' < 10 {
		i++
	}
	return i >= 1 && i <= 2 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t')
}

func isGraphicASCII(c byte) bool { return c-'!' < 0x7f-'!' }

func isClosingASCII(c byte) bool { return c == '"' || c == '\'' || c == ')' || c == ']' }

// isClosing reports whether r closes a quotation or parenthesis, so that
// the punctuation before it decides whether a line ends a sentence.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '\u2019', '\u201d', '\u00bb', '\u203a', '\u300d', '\u300f', '\uff09':
		return true
	}
	return false
}

func endsSentence(r rune) bool {
	switch r {
	case '.', '!', '?', ':', '\u2026', '\u3002', '\uff01', '\uff1f':
		return true
	}
	return false
}

// space records white space: leading white space is measured as
// indentation, other white space becomes one space before the next
// visible rune, so runs collapse and line ends are trimmed.
func (n *normalizer) space(width int) {
	if n.started {
		n.pendingSpace = true
	} else {
		n.indent += width
	}
}

// startRune writes what goes before a visible rune: the break before the
// line's first rune, or a pending space.
func (n *normalizer) startRune() {
	if n.started {
		if n.pendingSpace {
			n.buf = append(n.buf, ' ')
			n.runes++
			n.pendingSpace = false
		}
		return
	}
	n.started = true
	if len(n.buf) == 0 {
		return
	}
	if n.brk == breakHard || n.indent >= 2 || n.prevRunes < wrapMinRunes {
		n.buf = append(n.buf, '\n', '\n')
	} else {
		n.buf = append(n.buf, '\n')
		n.soft++
	}
}

// endLine ends the current line; hard forces a paragraph break after it.
func (n *normalizer) endLine(hard bool) {
	if n.oneLine {
		n.space(1)
		return
	}
	if n.started {
		n.lines++
		n.maxRunes = max(n.maxRunes, n.runes)
		if n.runes >= wrapMinRunes {
			n.longLines++
			if !endsSentence(n.last) {
				n.openLines++
			}
		}
		n.brk = breakSoft
		n.prevRunes = n.runes
	} else {
		n.brk = breakHard
	}
	if hard {
		n.brk = breakHard
	}
	n.started, n.pendingSpace, n.indent, n.runes, n.last = false, false, 0, 0, 0
}

// hardWrapped reports whether the text read looks wrapped at a fixed
// width, so that its single line breaks are not paragraph breaks.
func (n *normalizer) hardWrapped() bool {
	return n.lines >= wrapMinLines && n.maxRunes <= wrapMaxRunes &&
		n.openLines >= wrapMinOpen && 2*n.openLines >= n.longLines
}

// finish resolves soft breaks, normalises to NFC and cuts the text to
// maxBytes. The result aliases n's buffers: it is valid until the next
// reset. cut reports whether text was left out.
func (n *normalizer) finish(maxBytes int) (text []byte, cut bool) {
	n.endLine(false)
	text = n.buf
	inAlt := false
	if n.soft > 0 {
		if n.hardWrapped() {
			joinSoft(text)
		} else {
			n.alt = splitSoft(n.alt[:0], text, n.soft)
			text, inAlt = n.alt, true
		}
	}
	if n.needNFC {
		if k := norm.NFC.QuickSpan(text); k < len(text) {
			if inAlt {
				n.buf = appendNFC(n.buf[:0], text, k)
				text = n.buf
			} else {
				n.alt = appendNFC(n.alt[:0], text, k)
				text = n.alt
			}
		}
	}
	if len(text) > maxBytes {
		return cutText(text, maxBytes, n.needNFC), true
	}
	return text, n.stopped
}

// appendNFC appends the NFC form of src, whose first k bytes are known to
// be in NFC, to dst.
func appendNFC(dst, src []byte, k int) []byte {
	dst = append(dst, src[:k]...)
	return norm.NFC.Append(dst, src[k:]...)
}

// joinSoft turns every soft break (a lone '\n') into a space, in place.
func joinSoft(b []byte) {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return
		}
		j += i
		if b[j+1] == '\n' { // a separator is always followed by text
			i = j + 2
			continue
		}
		b[j] = ' '
		i = j + 1
	}
}

// splitSoft appends src to dst with every soft break made a paragraph
// break.
func splitSoft(dst, src []byte, soft int) []byte {
	dst = slices.Grow(dst, len(src)+soft)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return append(dst, src[i:]...)
		}
		j += i
		if src[j+1] == '\n' {
			dst = append(dst, src[i:j+2]...)
			i = j + 2
			continue
		}
		dst = append(dst, src[i:j]...)
		dst = append(dst, '\n', '\n')
		i = j + 1
	}
}

// cutText shortens text to at most maxBytes: at the last paragraph break
// if that keeps at least half, else at the last rune (and, for text that
// is not plain NFC-safe, normalisation) boundary, without trailing white
// space.
func cutText(text []byte, maxBytes int, checkNFC bool) []byte {
	c := maxBytes
	for c > 0 && !utf8.RuneStart(text[c]) {
		c--
	}
	for checkNFC && c > 0 && !norm.NFC.Properties(text[c:]).BoundaryBefore() {
		// Back off over combining marks, not to split a character.
		for c--; c > 0 && !utf8.RuneStart(text[c]); c-- {
		}
	}
	if p := bytes.LastIndex(text[:c+1], []byte("\n\n")); p >= maxBytes/2 {
		c = p
	}
	return bytes.TrimRight(text[:c], " \n")
}
