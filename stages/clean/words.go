package clean

import "unicode/utf8"

// Word counting states.
const (
	outside = iota // between words
	inside         // in a word
	joined         // after a joiner that follows a word rune
)

// countWords counts the words of s (see the package documentation): runs
// of letters, numbers and marks, kept whole by a single joiner between two
// of their runes, plus one word per Han, Hiragana or Katakana rune.
func countWords(s string) int {
	n, state := 0, outside
	for i := 0; i < len(s); {
		c := s[i]
		if isWordASCII(c) {
			// The rest of a run of ASCII letters and digits cannot change
			// the state: skip it in a tight loop.
			if state == outside {
				n++
			}
			state = inside
			for i++; i < len(s) && isWordASCII(s[i]); i++ {
			}
			continue
		}
		var ri runeInfo
		if c < utf8.RuneSelf {
			ri = runeTable[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			ri = lookup(r)
			i += size
		}
		switch ri.class() {
		case classLetter, classNumber:
			if state == outside {
				n++
			}
			state = inside
		case classMark:
			// A mark continues a word but never starts one.
			if state == joined {
				state = outside
			}
		case classJoiner:
			if state == inside {
				state = joined
			} else {
				state = outside
			}
		case classIdeo:
			n++
			state = outside
		default:
			state = outside
		}
	}
	return n
}

func isWordASCII(c byte) bool { return (c|0x20)-'a' < 26 || c-'0' < 10 }
