package dupcorpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the words of s as the silver labels see them: s
// lower-cased and split at white space, punctuation kept on the words.
func Words(s string) []string {
	return strings.Fields(strings.ToLower(s))
}

// Normalize returns s lower-cased with its white space folded to single
// spaces. Two texts with the same Normalize are exact copies.
func Normalize(s string) string {
	return strings.Join(Words(s), " ")
}

// Paragraphs returns the paragraphs of text, split at blank lines, with
// their white space folded to single spaces; empty paragraphs are dropped.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if f := strings.Fields(p); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return out
}

// ReutersText returns a Reuters-21578 body as the clean stage leaves
// plain text: one paragraph per indented or blank-line-separated block of
// the wire's hard-wrapped lines, the lines of a paragraph joined with
// single spaces, paragraphs separated by "\n\n". The "Reuter" sign-off
// that ends every story is dropped: it is the wire's signature, not text.
func ReutersText(body string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(body, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			flush()
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			flush()
		}
		cur = append(cur, f...)
	}
	flush()
	if n := len(paras); n > 0 && strings.EqualFold(paras[n-1], "reuter") {
		paras = paras[:n-1]
	}
	return strings.Join(paras, "\n\n")
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "st.": true, "no.": true, "vs.": true,
	"inc.": true, "corp.": true, "co.": true, "ltd.": true, "bros.": true, "gov.": true, "sen.": true, "rep.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "aug.": true, "sept.": true, "sep.": true,
	"oct.": true, "nov.": true, "dec.": true, "u.s.": true, "u.k.": true, "u.n.": true, "d.c.": true,
}

// sentences splits the words of a paragraph into sentences: a word
// ending in '.', '!' or '?' (before closing quotes or brackets) ends one
// when the next word starts with an upper-case letter, a digit or an
// opening quote, unless it is a known abbreviation or an initial.
func sentences(words []string) [][]string {
	var out [][]string
	start := 0
	for i, w := range words {
		if i+1 < len(words) && endsSentence(w) && startsSentence(words[i+1]) {
			out = append(out, words[start:i+1])
			start = i + 1
		}
	}
	if start < len(words) {
		out = append(out, words[start:])
	}
	return out
}

func endsSentence(w string) bool {
	core := strings.TrimRight(w, `"')]”’`)
	if core == "" {
		return false
	}
	switch core[len(core)-1] {
	case '!', '?':
		return true
	case '.':
	default:
		return false
	}
	if abbreviations[strings.ToLower(core)] {
		return false
	}
	// An initial ("J.") is no sentence end.
	r, n := utf8.DecodeRuneInString(core)
	return !(n+1 == len(core) && unicode.IsUpper(r))
}

func startsSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(`, r)
}

// isFigure says whether a word holds a digit.
func isFigure(w string) bool {
	return strings.ContainsFunc(w, unicode.IsDigit)
}

// figureRE matches the number in a word: "12-1/2", "1,136,785", "6.1".
var figureRE = regexp.MustCompile(`[0-9]+(?:[.,/-][0-9]+)*`)

// figures returns the numbers of text ("350" of "350-mln-dlr", "1985" of
// "1985's"), in text order.
func figures(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		if isFigure(w) {
			out = append(out, figureRE.FindAllString(w, -1)...)
		}
	}
	return out
}

// shape returns the words of text with what differs between two stories
// cut from one template masked: "#" for a word holding a digit, "C" for a
// capitalised word other than the first of its paragraph (names, months)
// and for ticker symbols in angle brackets; other words lower-cased. The
// first word of a paragraph is kept because in tables and notices it is
// the template's label ("Shr", "Net", "Qtly div", "Record").
func shape(text string) []string {
	var out []string
	for _, p := range Paragraphs(text) {
		for i, w := range strings.Fields(p) {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case isFigure(w):
				out = append(out, "#")
			case r == '<' || i > 0 && unicode.IsUpper(r):
				out = append(out, "C")
			default:
				out = append(out, strings.ToLower(w))
			}
		}
	}
	return out
}

// letters counts the letters of w.
func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
