package clean

import (
	"fmt"
	"unicode/utf8"
)

// ReasonNotText is the dead-letter reason of a body that is binary data,
// not text: a compressed file, a PDF, an image sent as an article.
const ReasonNotText = "not_text"

// Binary detection looks at the start of the body, where every binary
// format puts its headers and where text is as textual as anywhere.
const (
	sniffBytes      = 4 << 10
	maxControlShare = 0.02 // of the bytes looked at
	minControls     = 8    // fewer say nothing, however short the body
)

// checkIsText returns an error when body looks like binary data: more than
// maxControlShare of its first sniffBytes are control characters (other
// than white space) or bytes that are not UTF-8. Text has next to none
// (the odd stray control character is removed by cleaning); binary data
// decoded as text has one in eight or more.
func checkIsText(body string) error {
	s := body[:min(len(body), sniffBytes)]
	bad := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c-0x20 < 0x5f:
			// Printable ASCII, nearly all of most text.
			i++
			continue
		case c < utf8.RuneSelf:
			if c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1 && i < len(s):
			bad++ // not UTF-8 (a rune cut by the sniff window is not counted)
		case r < 0xa0:
			bad++ // C1 controls
		}
	}
	if bad >= minControls && float64(bad) > maxControlShare*float64(len(s)) {
		return fmt.Errorf("body is not text: %d of its first %d bytes are control characters or not UTF-8", bad, len(s))
	}
	return nil
}
