package ner

import "github.com/newsflow/newsflow/stages/extract/token"

// Products, models and versions are named like organisations and people
// ("Internet Explorer", "Windows XP", "IE6") but are none of PER, ORG or
// LOC. Two signs in the text tell them, and drop the names the gazetteer
// does not know: a name followed by a version number ("Internet Explorer
// 9", "Boeing 737", "STS-134": every mention of that name goes), and a
// code of capitals ending in digits ("IE6", "MH17").

// versionAfter reports whether token j is a number right after a name, in
// the same sentence, or joined to it by a hyphen: "Explorer 9",
// "STS-134", but not a score ("Arsenal 2-1") nor a
// number after a comma ("Smith, 32").
func (d *doc) versionAfter(j int) bool {
	if j >= len(d.toks) || j == 0 {
		return false
	}
	t := d.toks[j]
	if t.Kind == token.Punct && t.Flags&token.SpaceBefore == 0 && d.word(j) == "-" && j+1 < len(d.toks) &&
		d.toks[j+1].Kind == token.Number && d.toks[j+1].Flags&token.SpaceBefore == 0 {
		return true // "STS-134", "F-16"
	}
	if t.Kind != token.Number || t.Flags&token.SpaceBefore == 0 || d.sentenceOf(j) != d.sentenceOf(j-1) {
		return false
	}
	if j+2 < len(d.toks) && d.toks[j+1].Kind == token.Punct && d.toks[j+2].Kind == token.Number {
		switch d.word(j + 1) {
		case "-", "\u2013", ":":
			return false
		}
	}
	return true
}

// productCode reports whether token i is capitals followed by digits,
// with nothing else: "IE6", "MH17", "A380".
func (d *doc) productCode(i int) bool {
	w := d.word(i)
	k := 0
	for k < len(w) && 'A' <= w[k] && w[k] <= 'Z' {
		k++
	}
	if k == 0 || k == len(w) {
		return false
	}
	for _, c := range []byte(w[k:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
