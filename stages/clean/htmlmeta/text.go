package htmlmeta

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Length bounds, in bytes, of the values Extract returns. A page can put
// anything in an attribute; these keep a hostile or broken page from
// handing megabytes to every later stage.
const (
	maxTitle       = 512
	maxSiteName    = 200
	maxDescription = 2000
	maxURL         = 2048
	maxLang        = 35 // the longest BCP 47 tag in practical use
	maxAuthor      = 100
	maxAuthors     = 10
)

// clean returns s with character references decoded, invalid UTF-8 and
// control characters removed, runs of white space collapsed to one space,
// leading and trailing space trimmed, and at most max bytes kept (cut at a
// rune boundary, at the last space when there is one in the final
// quarter). Values from the parse tree have had their references decoded
// once already; decoding again catches the doubly escaped "&amp;amp;" of
// templates that escape an escaped value, at the cost of turning a
// literal "&amp;" in a title into "&", which is what the writer meant.
func clean(s string, max int) string {
	if isClean(s) {
		return cut(s, max)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	var b strings.Builder
	b.Grow(min(len(s), max+utf8.UTFMax))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '\u00ad', r == '\ufeff', r == '\u200b':
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if b.Len() >= max+utf8.UTFMax {
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return cut(b.String(), max)
}

// isClean reports whether clean would return s unchanged (but for the
// length bound): the common case, which then costs no allocation.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return isCleanSlow(s)
		case c == '&', c < ' ', c == 0x7f:
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// isCleanSlow is isClean for text that is not plain ASCII.
func isCleanSlow(s string) bool {
	if !utf8.ValidString(s) || strings.IndexByte(s, '&') >= 0 {
		return false
	}
	prevSpace := false
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case unicode.IsSpace(r), unicode.IsControl(r), r == utf8.RuneError,
			r == '\u00ad', r == '\ufeff', r == '\u200b':
			return false
		}
		prevSpace = false
	}
	return true
}

// cut returns at most max bytes of the valid UTF-8 string s, ending at a
// rune boundary and, when a space falls in the last quarter, at a word
// boundary.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	if sp := strings.LastIndexByte(s[:i], ' '); sp > max*3/4 {
		i = sp
	}
	return strings.TrimRight(s[:i], " ")
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring ASCII case, without allocating.
func containsFold(s, sub string) bool {
	if !hasUpper(s) {
		return strings.Contains(s, sub) // the usual class or id: fast path
	}
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// hasUpper reports whether s has an ASCII upper-case letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// lowerASCII writes the ASCII lower case of s into buf's spare capacity
// and returns it, or nil when s does not fit. Callers use the result as a
// map key, which the compiler looks up without allocating a string.
func lowerASCII(buf []byte, s string) []byte {
	if len(s) > cap(buf) {
		return nil
	}
	buf = buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf
}

// hasToken reports whether the space-separated list s (a rel or class
// attribute) holds token, ignoring ASCII case.
func hasToken(s, token string) bool {
	for f := range strings.FieldsSeq(s) {
		if len(f) == len(token) && hasPrefixFold(f, token) {
			return true
		}
	}
	return false
}
