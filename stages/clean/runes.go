package clean

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// runeInfo packs what word counting, language detection and the NFC
// shortcut need to know about a rune: its class (bits 0-2), its script
// (bits 3-7) and whether it is nfcSafe (bit 8).
type runeInfo uint16

// Rune classes.
const (
	classOther  = iota // separators, punctuation, symbols
	classLetter        // letters (L*)
	classNumber        // numbers (N*)
	classMark          // combining marks: continue a word, never start one
	classJoiner        // keeps a word whole when between two word runes
	classIdeo          // Han, Hiragana, Katakana: one word per rune
)

const (
	classMask   = 0x7
	scriptShift = 3
	scriptMask  = 0x1f << scriptShift
	// nfcSafe marks a rune that is in NFC by itself, has combining class
	// 0 and never composes with the rune before it: text made only of
	// such runes is in NFC, so the normalisation check can be skipped.
	nfcSafe = 1 << 8
)

func (ri runeInfo) class() int     { return int(ri & classMask) }
func (ri runeInfo) script() script { return script(ri&scriptMask) >> scriptShift }

// script is a writing system, as far as language detection cares.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptGreek
	scriptCyrillic
	scriptArmenian
	scriptHebrew
	scriptArabic
	scriptDevanagari
	scriptBengali
	scriptGurmukhi
	scriptGujarati
	scriptTamil
	scriptTelugu
	scriptKannada
	scriptMalayalam
	scriptSinhala
	scriptThai
	scriptLao
	scriptTibetan
	scriptMyanmar
	scriptGeorgian
	scriptEthiopic
	scriptKhmer
	scriptHangul
	scriptHiragana
	scriptKatakana
	scriptHan
	numScripts
)

// scriptTables maps the scripts to their Unicode tables.
var scriptTables = [numScripts]*unicode.RangeTable{
	scriptLatin:      unicode.Latin,
	scriptGreek:      unicode.Greek,
	scriptCyrillic:   unicode.Cyrillic,
	scriptArmenian:   unicode.Armenian,
	scriptHebrew:     unicode.Hebrew,
	scriptArabic:     unicode.Arabic,
	scriptDevanagari: unicode.Devanagari,
	scriptBengali:    unicode.Bengali,
	scriptGurmukhi:   unicode.Gurmukhi,
	scriptGujarati:   unicode.Gujarati,
	scriptTamil:      unicode.Tamil,
	scriptTelugu:     unicode.Telugu,
	scriptKannada:    unicode.Kannada,
	scriptMalayalam:  unicode.Malayalam,
	scriptSinhala:    unicode.Sinhala,
	scriptThai:       unicode.Thai,
	scriptLao:        unicode.Lao,
	scriptTibetan:    unicode.Tibetan,
	scriptMyanmar:    unicode.Myanmar,
	scriptGeorgian:   unicode.Georgian,
	scriptEthiopic:   unicode.Ethiopic,
	scriptKhmer:      unicode.Khmer,
	scriptHangul:     unicode.Hangul,
	scriptHiragana:   unicode.Hiragana,
	scriptKatakana:   unicode.Katakana,
	scriptHan:        unicode.Han,
}

// tableSize covers every alphabetic script, the CJK punctuation and the
// kana, so that the common case is one load; the ideographs and Hangul
// syllables above it are recognised by range in lookupRare.
const tableSize = 0x3100

// runeTable is filled once from the Unicode tables.
var runeTable = buildRuneTable()

func buildRuneTable() *[tableSize]runeInfo {
	t := new([tableSize]runeInfo)
	each := func(rt *unicode.RangeTable, f func(r rune)) {
		for _, rg := range rt.R16 {
			for r := rune(rg.Lo); r <= rune(rg.Hi) && r < tableSize; r += rune(rg.Stride) {
				f(r)
			}
		}
	}
	setClass := func(c runeInfo) func(rune) {
		return func(r rune) { t[r] = t[r]&^classMask | c }
	}
	each(unicode.Letter, setClass(classLetter))
	each(unicode.Number, setClass(classNumber))
	each(unicode.Mark, setClass(classMark))
	for _, r := range joiners {
		t[r] = t[r]&^classMask | classJoiner
	}
	for s, rt := range scriptTables {
		if rt != nil {
			each(rt, func(r rune) { t[r] |= runeInfo(s) << scriptShift })
		}
	}
	for r := range t {
		switch t[r].script() {
		case scriptHan, scriptHiragana, scriptKatakana:
			if c := t[r].class(); c == classLetter || c == classNumber {
				t[r] = t[r]&^classMask | classIdeo
			}
		}
	}
	t[0x30FC] = t[0x30FC]&^classMask | classIdeo // the kana length mark
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < tableSize; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if isNFCSafe(buf[:utf8.EncodeRune(buf[:], r)]) {
			t[r] |= nfcSafe
		}
	}
	return t
}

// joiners do not end a word when they stand between two of its runes:
// "don't", "U.S", "3.5", "1,750", "well-known", and the zero-width
// (non-)joiners some scripts write inside words.
var joiners = []rune{'\'', '-', '.', ',', '\u00b7', '\u2010', '\u2011', '\u2019', '\u200c', '\u200d'}

func isNFCSafe(b []byte) bool {
	p := norm.NFC.Properties(b)
	// Only a rune with a decomposition can fail to be in NFC by itself.
	return p.BoundaryBefore() && p.CCC() == 0 && (p.Decomposition() == nil || norm.NFC.IsNormal(b))
}

// lookup returns the information on r.
func lookup(r rune) runeInfo {
	if r < tableSize {
		return runeTable[r]
	}
	return lookupRare(r)
}

func lookupRare(r rune) runeInfo {
	const han = classIdeo | runeInfo(scriptHan)<<scriptShift
	switch {
	case r >= 0xF900 && r <= 0xFAFF, r >= 0x2F800 && r <= 0x2FA1F:
		// Compatibility ideographs: NFC maps them to unified ones.
		return han
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x323AF:
		return han | nfcSafe
	case r >= 0xAC00 && r <= 0xD7A3:
		return classLetter | nfcSafe | runeInfo(scriptHangul)<<scriptShift
	case r >= 0x31F0 && r <= 0x31FF, r >= 0xFF66 && r <= 0xFF9D:
		return classIdeo | runeInfo(scriptKatakana)<<scriptShift
	}
	var ri runeInfo
	switch {
	case unicode.IsLetter(r):
		ri = classLetter
	case unicode.IsNumber(r):
		ri = classNumber
	case unicode.IsMark(r):
		ri = classMark
	}
	if r >= 0x3130 && r <= 0x318F || r >= 0xA960 && r <= 0xA97F || r >= 0xD7B0 && r <= 0xD7FF {
		ri |= runeInfo(scriptHangul) << scriptShift
	}
	return ri
}
