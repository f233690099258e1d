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
	maxControlShare = 0.02 // of the runes looked at
	minControls     = 8    // fewer say nothing, however short the body
)

// checkIsText returns an error when body looks like binary data: more than
// maxControlShare of its first sniffBytes are control characters (other
// than white space) or bytes that are not UTF-8. Text has next to none
// (the odd stray control character is removed by cleaning); binary data
// decoded as text has one in eight or more.
func checkIsText(body string) error {
	s := body[:min(len(body), sniffBytes)]
	runes, bad := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		runes++
		switch {
		case r == utf8.RuneError && size == 1 && i < len(s):
			bad++ // not UTF-8 (a rune cut by the sniff window is not counted)
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			bad++
		}
	}
	if bad >= minControls && float64(bad) > maxControlShare*float64(runes) {
		return fmt.Errorf("body is not text: %d of its first %d characters are control characters or undecodable bytes", bad, runes)
	}
	return nil
}
