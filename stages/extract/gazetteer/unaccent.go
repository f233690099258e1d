package gazetteer

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Names reach the gazetteer in both spellings: GeoNames has "São Paulo"
// and "Sao Paulo", but the actor dictionaries write people in ASCII
// ("LUIZ_INACIO_LULA_DA_SILVA"). A name with diacritics that Lookup does not
// know is looked up once more without them.

// firstAccented and lastAccented bound the runes unaccent folds: the
// Latin-1 Supplement and Latin Extended-A and -B, which hold the letters
// of the European languages written in Latin script and of the common
// transliterations.
const (
	firstAccented = 0xC0
	lastAccented  = 0x24F
)

// bareLetters maps each rune of [firstAccented, lastAccented] to the ASCII
// letters it is written as without its marks, "" if none. It is built from
// the canonical decompositions (NFD: "á" is "a" and a combining acute),
// plus the letters that have none ("ø", "ł", "đ", "ß", "æ").
var bareLetters = func() (t [lastAccented - firstAccented + 1]string) {
	for r := rune(firstAccented); r <= lastAccented; r++ {
		d := norm.NFD.String(string(r))
		base, n := utf8.DecodeRuneInString(d)
		if base >= utf8.RuneSelf || !unicode.IsLetter(base) {
			continue
		}
		marksOnly := true
		for _, m := range d[n:] {
			if !unicode.Is(unicode.Mn, m) {
				marksOnly = false
			}
		}
		if marksOnly && n < len(d) {
			t[r-firstAccented] = string(base)
		}
	}
	for r, s := range map[rune]string{
		'Ø': "O", 'ø': "o", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'ß': "ss",
		'Æ': "Ae", 'æ': "ae", 'Œ': "Oe", 'œ': "oe", 'ı': "i", 'Þ': "Th", 'þ': "th",
	} {
		t[r-firstAccented] = s
	}
	return t
}()

// unaccent appends s to dst with the letters of bareLetters written
// without their marks, and reports whether it changed anything and fit in
// cap(dst) (so that it never allocates).
func unaccent(dst []byte, s string) ([]byte, bool) {
	changed := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if len(dst) == cap(dst) {
				return dst, false
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= firstAccented && r <= lastAccented && bareLetters[r-firstAccented] != "" {
			b := bareLetters[r-firstAccented]
			if len(dst)+len(b) > cap(dst) {
				return dst, false
			}
			dst = append(dst, b...)
			changed = true
		} else {
			if len(dst)+n > cap(dst) {
				return dst, false
			}
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst, changed
}
