package clean

import (
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// undetermined is the code of a text whose language is not known.
const undetermined = "und"

// Detection constants (see the package documentation).
const (
	hit          = 2520 // score of a word or letter of one language; 2520 = lcm(1..9)
	minHits      = 2    // hits below which a text is undetermined
	fullHits     = 8    // hits at which the evidence counts as complete
	fullLetters  = 24   // letters at which a one-language script counts as complete
	kanaPerMille = 50   // kana among CJK letters that make a text Japanese
	decideEvery  = 256  // bytes read between looks at the scores
	decideHits   = 40   // hits for an early decision...
	decideRatio  = 4    // ...with this lead over the runner-up
)

// scriptLanguages are the scripts written, in news, in one language.
var scriptLanguages = [numScripts]string{
	scriptGreek:     "el",
	scriptArmenian:  "hy",
	scriptHebrew:    "he",
	scriptBengali:   "bn",
	scriptGurmukhi:  "pa",
	scriptGujarati:  "gu",
	scriptTamil:     "ta",
	scriptTelugu:    "te",
	scriptKannada:   "kn",
	scriptMalayalam: "ml",
	scriptSinhala:   "si",
	scriptThai:      "th",
	scriptLao:       "lo",
	scriptTibetan:   "bo",
	scriptMyanmar:   "my",
	scriptGeorgian:  "ka",
	scriptEthiopic:  "am",
	scriptKhmer:     "km",
	scriptHangul:    "ko",
}

// scorer accumulates stop-word and letter evidence word by word.
type scorer struct {
	scores [32]int
	word   [maxWordBytes]byte
	n      int // bytes in word; more than it holds when the word is too long
	feat   uint32
}

func (sc *scorer) addByte(c byte) {
	if sc.n < len(sc.word) {
		sc.word[sc.n] = c
	}
	sc.n++
}

func (sc *scorer) addRune(r rune) {
	if sc.n+utf8.UTFMax <= len(sc.word) {
		sc.n += utf8.EncodeRune(sc.word[sc.n:], r)
	} else {
		sc.n += utf8.RuneLen(r)
	}
}

// end scores the word read so far: one point for each language whose
// list holds it and one for each language with a distinctive letter in it.
func (sc *scorer) end(m *langModel) {
	if sc.n > 0 && sc.n <= len(sc.word) {
		sc.credit(m.words.get(sc.word[:sc.n]))
	}
	sc.credit(sc.feat)
	sc.n, sc.feat = 0, 0
}

// decided reports whether the evidence so far settles the question: the
// leader has decideHits hits and decideRatio times the runner-up's, so
// that more text could not change the answer and would barely change the
// confidence.
func (sc *scorer) decided(langs int) bool {
	s1, s2 := 0, 0
	for _, v := range sc.scores[:langs] {
		if v > s1 {
			s1, s2 = v, s1
		} else if v > s2 {
			s2 = v
		}
	}
	return s1 >= decideHits*hit && s1 >= decideRatio*s2
}

// credit shares one hit among the languages of set: a word that many
// languages use says little about which one the text is in.
func (sc *scorer) credit(set uint32) {
	if set == 0 {
		return
	}
	w := hit / bits.OnesCount32(set)
	for set != 0 {
		sc.scores[bits.TrailingZeros32(set)] += w
		set &= set - 1
	}
}

func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }

// detectLanguage returns the language of s and a confidence in [0, 1],
// or "und" and 0 (see the package documentation for the method).
func detectLanguage(s string) (code string, confidence float64) {
	m := model
	var (
		counts  [numScripts]int
		letters int
		sc      scorer
	)
	next := decideEvery
	for i := 0; i < len(s); {
		if i >= next {
			if sc.decided(len(m.codes)) {
				break
			}
			next = i + decideEvery
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				sc.end(m)
				i++
				continue
			}
			// A run of ASCII letters: looked up where it stands when it
			// is a whole word, the common case.
			j := i + 1
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			counts[scriptLatin] += j - i
			letters += j - i
			if sc.n == 0 && (j == len(s) || s[j] < utf8.RuneSelf) {
				if j-i <= maxWordBytes {
					sc.credit(m.words.getASCII(s[i:j]))
				}
			} else {
				for k := i; k < j; k++ {
					sc.addByte(s[k] | 0x20)
				}
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isArabicVowel(r) {
			continue
		}
		ri := lookup(r)
		switch ri.class() {
		case classLetter:
			counts[ri.script()]++
			letters++
			if r < letterMaskEnd {
				sc.feat |= m.letters[r]
			}
			sc.addRune(toLower(r))
		case classMark:
			sc.addRune(r)
		case classIdeo:
			counts[ri.script()]++
			letters++
			sc.end(m)
		default:
			sc.end(m)
		}
	}
	sc.end(m)
	if letters == 0 {
		return undetermined, 0
	}

	// The dominant script; Han and kana count together.
	cjk := counts[scriptHan] + counts[scriptHiragana] + counts[scriptKatakana]
	best, n := scriptNone, 0
	for s := scriptLatin; s < numScripts; s++ {
		if s != scriptHan && s != scriptHiragana && s != scriptKatakana && counts[s] > n {
			best, n = s, counts[s]
		}
	}
	if cjk > n {
		code = "zh"
		if 1000*(counts[scriptHiragana]+counts[scriptKatakana]) >= kanaPerMille*cjk {
			code = "ja"
		}
		return code, scriptConfidence(cjk, letters)
	}
	if best == scriptNone || counts[scriptNone] > n {
		// No letters of a known script, or mostly letters of others.
		return undetermined, 0
	}
	if code := scriptLanguages[best]; code != "" {
		return code, scriptConfidence(n, letters)
	}

	// A script shared by several languages: the stop words decide.
	top, s1, s2 := -1, 0, 0
	for l, ls := range m.scripts {
		if ls != best {
			continue
		}
		switch v := sc.scores[l]; {
		case v > s1:
			top, s1, s2 = l, v, s1
		case v > s2:
			s2 = v
		}
	}
	if top < 0 || s1 < minHits*hit || s1 == s2 {
		return undetermined, 0
	}
	share := float64(n) / float64(letters)
	evidence := min(1, float64(s1)/(fullHits*hit))
	ratio := float64(s2) / float64(s1)
	return m.codes[top], round2(share * evidence * (1 - ratio*ratio))
}

// isArabicVowel reports whether r is an Arabic short-vowel sign or the
// tatweel: optional in writing, so skipped to match the unvowelled lists.
func isArabicVowel(r rune) bool {
	return r >= 0x64B && r <= 0x65F || r == 0x670 || r == 0x640
}

// scriptConfidence is the confidence in the language of a script written
// in one language: the script's share of the letters, scaled down for a
// text of fewer than fullLetters letters.
func scriptConfidence(n, letters int) float64 {
	share := float64(n) / float64(letters)
	return round2(share * min(1, float64(n)/fullLetters))
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// toLower is unicode.ToLower with the alphabets of the stop-word lists
// on a fast path.
func toLower(r rune) rune {
	switch {
	case r >= 0xC0 && r <= 0xDE && r != 0xD7, r >= 0x410 && r <= 0x42F:
		return r + 0x20
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	case r < 0x100, r >= 0x430 && r <= 0x45F, r >= 0x600 && r <= 0x6FF, r >= 0x900 && r <= 0x97F:
		return r
	}
	return unicode.ToLower(r)
}
