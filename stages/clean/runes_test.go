package clean

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCSafe checks the claim behind skipping the NFC check: every rune
// marked nfcSafe is in NFC by itself, has combining class 0 and does not
// compose with the rune before it.
func TestNFCSafe(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if lookup(r)&nfcSafe == 0 {
			continue
		}
		b := buf[:utf8.EncodeRune(buf[:], r)]
		if p := norm.NFC.Properties(b); !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormal(b) {
			t.Errorf("lookup(%U) is nfcSafe; it is not", r)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		r      rune
		class  int
		script script
	}{
		{'a', classLetter, scriptLatin},
		{'Z', classLetter, scriptLatin},
		{'7', classNumber, scriptNone},
		{' ', classOther, scriptNone},
		{'\'', classJoiner, scriptNone},
		{'\u2019', classJoiner, scriptNone},
		{'\u0301', classMark, scriptNone},
		{'\u0436', classLetter, scriptCyrillic},
		{'\u05d0', classLetter, scriptHebrew},
		{'\u0628', classLetter, scriptArabic},
		{'\u0915', classLetter, scriptDevanagari},
		{'\u093e', classMark, scriptDevanagari},
		{'\u0e01', classLetter, scriptThai},
		{'\u10d0', classLetter, scriptGeorgian},
		{'\u3042', classIdeo, scriptHiragana},
		{'\u30a2', classIdeo, scriptKatakana},
		{'\u30fc', classIdeo, scriptNone},
		{'\u4e00', classIdeo, scriptHan},
		{'\U00020000', classIdeo, scriptHan},
		{'\uf900', classIdeo, scriptHan},
		{'\uac00', classLetter, scriptHangul},
		{'\u3131', classLetter, scriptHangul},
		{'\uff71', classIdeo, scriptKatakana},
		{'\U0001F600', classOther, scriptNone},
	}
	for _, tt := range tests {
		if ri := lookup(tt.r); ri.class() != tt.class || ri.script() != tt.script {
			t.Errorf("lookup(%U) = class %d, script %d; want %d, %d", tt.r, ri.class(), ri.script(), tt.class, tt.script)
		}
	}
}
