package actors

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A dictionary phrase is written as words joined by "_" or blanks, but the
// coder sees the tokens of newsflow's tokenizer, in capitals. tokens
// rewrites a phrase into those tokens so that a lookup is a comparison of
// strings: a hyphen is a token of its own ("AL-QAEDA" is "AL", "-",
// "QAEDA"), and so is the possessive ("PEOPLE'S" is "PEOPLE", "'S"), any
// other punctuation ("(", ",", "/", "&"), and a period that follows no
// letter; a period after a word stays in it ("U.S.", "V.", "INC."), and
// single letters with periods make one word ("U.S.A.") as the tokenizer
// keeps them.

// tokens appends the tokens of phrase to dst, in capitals. Letters with
// diacritics of the Latin-1 Supplement and Latin Extended-A lose them
// ("WÖRNER" is "WORNER"): the coder's words are ASCII. Any other rune that
// is not printable ASCII is an error: the dictionaries are ASCII, and such
// a rune is mojibake in them.
func tokens(dst []string, phrase string) ([]string, error) {
	if plain(phrase) {
		// Most phrases are capitals already: split them in place.
		for len(phrase) > 0 {
			i := strings.IndexAny(phrase, "_ \t")
			if i < 0 {
				i = len(phrase)
			}
			if i > 0 {
				dst = splitWord(dst, phrase[:i])
			}
			phrase = phrase[min(i+1, len(phrase)):]
		}
		return dst, nil
	}
	var b strings.Builder
	for _, r := range phrase {
		switch {
		case r == utf8.RuneError:
			return dst, fmt.Errorf("invalid UTF-8 or U+FFFD in %q", phrase)
		case r == '_' || r == ' ' || r == '\t':
			b.WriteByte(' ')
		case 'a' <= r && r <= 'z':
			b.WriteByte(byte(r) - 'a' + 'A')
		case r > ' ' && r < 0x7f:
			b.WriteRune(r)
		default:
			f, ok := fold(r)
			if !ok {
				return dst, fmt.Errorf("character %U in %q", r, phrase)
			}
			b.WriteString(f)
		}
	}
	for _, w := range strings.Fields(b.String()) {
		dst = splitWord(dst, w)
	}
	return dst, nil
}

// plain reports whether s holds no lower-case letter and nothing outside
// printable ASCII but the tab.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < ' ' && c != '\t' || 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// splitWord appends the tokens of w, a blank-free run of printable ASCII
// in capitals.
func splitWord(dst []string, w string) []string {
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case isAlnum(c):
			j := i + 1
			for j < len(w) {
				switch {
				case isAlnum(w[j]):
					j++
					continue
				case w[j] == '\'' && j+1 < len(w) && isLetter(w[j+1]) && !possessive(w, j):
					j += 2 // "O'BRIEN", "D'IVOIRE"
					continue
				}
				break
			}
			if j < len(w) && w[j] == '.' {
				j++
				// "U.S.A.": single letters each followed by a period.
				if j == i+2 {
					for j+1 < len(w) && isLetter(w[j]) && w[j+1] == '.' {
						j += 2
					}
				}
			}
			dst = append(dst, w[i:j])
			i = j
		case c == '\'' && (possessive(w, i) || w[i:] == "'S"):
			dst = append(dst, "'S")
			i += 2
		default:
			dst = append(dst, w[i:i+1])
			i++
		}
	}
	return dst
}

// possessive reports whether w[i] is the apostrophe of a possessive
// "'S" that ends a word after a letter or digit.
func possessive(w string, i int) bool {
	return i > 0 && isAlnum(w[i-1]) && i+1 < len(w) && w[i+1] == 'S' && (i+2 == len(w) || !isAlnum(w[i+2]))
}

func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isLetter(c) || '0' <= c && c <= '9' }

// accents lists, for each ASCII letter or pair, the letters of the Latin-1
// Supplement and Latin Extended-A written with it and a diacritic, in
// either case.
var accents = map[string]string{
	"A":  "ÀÁÂÃÄÅàáâãäåĀāĂăĄą",
	"AE": "Ææ",
	"C":  "ÇçĆćĈĉĊċČč",
	"D":  "ÐðĎďĐđ",
	"E":  "ÈÉÊËèéêëĒēĔĕĖėĘęĚě",
	"G":  "ĜĝĞğĠġĢģ",
	"H":  "ĤĥĦħ",
	"I":  "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı",
	"IJ": "Ĳĳ",
	"J":  "Ĵĵ",
	"K":  "Ķķĸ",
	"L":  "ĹĺĻļĽľĿŀŁł",
	"N":  "ÑñŃńŅņŇňŉŊŋ",
	"O":  "ÒÓÔÕÖØòóôõöøŌōŎŏŐő",
	"OE": "Œœ",
	"R":  "ŔŕŖŗŘř",
	"S":  "ŚśŜŝŞşŠšſ",
	"SS": "ß",
	"T":  "ŢţŤťŦŧ",
	"TH": "Þþ",
	"U":  "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų",
	"W":  "Ŵŵ",
	"Y":  "ÝýÿŶŷŸ",
	"Z":  "ŹźŻżŽž",
}

var folded = func() map[rune]string {
	m := make(map[rune]string, 200)
	for ascii, runes := range accents {
		for _, r := range runes {
			m[r] = ascii
		}
	}
	return m
}()

// fold returns the ASCII capitals a letter with a diacritic is written as.
func fold(r rune) (string, bool) {
	s, ok := folded[r]
	return s, ok
}
