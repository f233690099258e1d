package dedup

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// words calls word for each word of text as the fingerprints see it:
// letters and digits lower-cased, everything else a separator, so that
// case, whitespace, punctuation and quote styles do not count. Lines that
// are boilerplate (bylines, credits, copyright and sharing prompts) and a
// leading dateline ("WASHINGTON (Reuters) -") are left out: copies add and
// drop them. key says the word is a name or a number: capitalised away
// from the start of a sentence, or holding a digit.
func words(text string, word func(h uint64, key bool)) {
	text = skipDateline(text)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if boilerplate(line) {
			continue
		}
		lineWords(line, word)
	}
}

// lineWords hashes the words of one line (FNV-1a over the lower-cased
// bytes).
func lineWords(line string, word func(h uint64, key bool)) {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	key := false
	sentence := true // the next word starts a sentence
	flush := func() {
		if n > 0 {
			word(h, key)
			sentence = false
		}
		h, n, key = offset, 0, false
	}
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
			case 'A' <= c && c <= 'Z':
				key = key || n == 0 && !sentence
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				key = true
			default:
				flush()
				if c == '.' || c == '!' || c == '?' {
					sentence = true
				}
				i++
				continue
			}
			h = (h ^ uint64(c)) * prime
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		key = key || n == 0 && unicode.IsUpper(r) && !sentence
		r = unicode.ToLower(r)
		for r > 0 {
			h = (h ^ uint64(r&0xff)) * prime
			r >>= 8
		}
		n++
	}
	flush()
}

// skipDateline returns text without a leading dateline: capitalised
// words, optionally an agency in brackets, then a dash ("WASHINGTON
// (Reuters) - ", "LONDON, March 3 (AP) — ").
func skipDateline(text string) string {
	head := text
	if len(head) > 80 {
		head = head[:80]
	}
	if len(head) == 0 || !('A' <= head[0] && head[0] <= 'Z') {
		return text
	}
	for _, dash := range []string{" - ", " -- ", " — ", " – ", "-- "} {
		i := strings.Index(head, dash)
		if i <= 0 || strings.ContainsAny(head[:i], "\n.!?\"“") {
			continue
		}
		place := head[:i]
		if j := strings.IndexByte(place, '('); j > 0 {
			place = place[:j]
		}
		if j := strings.IndexByte(place, ','); j > 0 {
			place = place[:j] // "LONDON, March 3"
		}
		if isUpperWords(strings.TrimSpace(place)) {
			return text[i+len(dash):]
		}
	}
	return text
}

// isUpperWords reports whether s is one to four words of capitals.
func isUpperWords(s string) bool {
	if n := len(strings.Fields(s)); n == 0 || n > 4 {
		return false
	}
	letters := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			letters++
		case c == ' ' || c == '\t' || c == '.' || c == '-' || c == '\'':
		default:
			return false
		}
	}
	return letters >= 2
}

// boilerplateMarks are phrases of the lines copies add and drop; a line
// holding one and short enough to be no more than that is boilerplate.
var boilerplateMarks = [][]byte{
	[]byte("reporting by"), []byte("editing by"), []byte("writing by"), []byte("additional reporting"), []byte("compiled by"),
	[]byte("copyright"), []byte("all rights reserved"), []byte("©"), []byte("(c) "),
	[]byte("click here"), []byte("read more"), []byte("sign up"), []byte("subscribe"), []byte("follow us"), []byte("share this"),
	[]byte("advertisement"), []byte("related:"), []byte("related articles"), []byte("this story has been"),
}

// boilerplate reports whether line is a byline, credit, copyright notice
// or call to action. It lower-cases the line into a stack buffer: no
// allocation per line.
func boilerplate(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 160 {
		return false
	}
	var buf [160]byte
	l := buf[:len(line)]
	for i := 0; i < len(line); i++ {
		c := line[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		l[i] = c
	}
	if bytes.HasPrefix(l, []byte("by ")) && bytes.Count(l, []byte(" ")) <= 6 && !bytes.ContainsAny(l, ".!?") {
		return true // "By Jane Smith and John Doe"
	}
	for _, m := range boilerplateMarks {
		if bytes.Contains(l, m) {
			return true
		}
	}
	return false
}
