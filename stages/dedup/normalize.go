package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// words passes the words of text as the fingerprints see them to st, a
// batch at a time: letters and digits lower-cased, everything else a
// separator, so that case, whitespace, punctuation and quote styles do
// not count. Lines that are boilerplate (bylines, credits, copyright and
// sharing prompts) and a leading dateline ("WASHINGTON (Reuters) -") are
// left out: copies add and drop them. A word's kind says whether it is a
// name (capitalised away from the start of a sentence) or a number
// (holding a digit). Batches, not a call per word, keep the word loops
// of lineWords and of the shingler free of calls.
func words(text string, st *shingler) {
	text = skipDateline(text)
	out := wordList{sink: st}
	var short wordList // a short line's words; it has at most 80
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if !shortEnough(line) {
			lineWords(line, &out)
			continue
		}
		// A short line may be boilerplate: its words wait until its own
		// words say it might be, and the full check says it is not.
		short.n = 0
		lineWords(line, &short)
		if (suspect(short.w[:short.n]) || strings.Contains(line, "©")) && boilerplate(line) {
			continue
		}
		out.addAll(short.w[:short.n])
	}
	st.add(out.w[:out.n])
}

// word is a word of a text as the fingerprints see it: its hash (see
// lineWords) and its kind.
type word struct {
	h    uint64
	kind wordKind
}

// wordList gathers words into batches. A full batch goes to sink; a list
// without a sink keeps the first words only, as many as a short line
// can have (160 bytes hold at most 80 words).
type wordList struct {
	w    [128]word
	n    int
	sink *shingler
}

func (l *wordList) add(h uint64, kind wordKind) {
	if l.n == len(l.w) {
		if l.sink == nil {
			return
		}
		l.sink.add(l.w[:])
		l.n = 0
	}
	l.w[l.n] = word{h, kind}
	l.n++
}

// addAll adds ws, which a list with a sink always takes whole.
func (l *wordList) addAll(ws []word) {
	for len(ws) > 0 {
		if l.n == len(l.w) {
			l.sink.add(l.w[:])
			l.n = 0
		}
		k := copy(l.w[l.n:], ws)
		l.n += k
		ws = ws[k:]
	}
}

// wordKind tells names and numbers from other words; a word with a digit
// is a number ("3pm", "A4").
type wordKind uint8

const (
	plainWord wordKind = iota
	nameWord
	numberWord
)

// FNV-1a, the words' hash.
const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// numberWords are the numbers news style spells out: a figure written
// either way is a number.
var numberWords = func() *wordSet {
	s := new(wordSet)
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		s.add(hashWord(w))
	}
	return s
}()

// lineWords adds the words of one line to out, each hashed with FNV-1a
// over its lower-cased bytes.
func lineWords(line string, out *wordList) {
	h, n := uint64(fnvOffset), 0
	kind := plainWord
	sentence := true // the next word starts a sentence
	flush := func() {
		if n > 0 {
			if kind != numberWord && n >= 3 && n <= 6 && numberWords.has(h) {
				kind = numberWord // "Pay April Seven" is "Pay April 7"
			}
			out.add(h, kind)
			sentence = false
		}
		h, n, kind = fnvOffset, 0, plainWord
	}
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				// The rest of a run of lower-case letters, most of a
				// text, in a loop of its own.
				h = (h ^ uint64(c)) * fnvPrime
				j := i + 1
				for j < len(line) && line[j]-'a' < 26 {
					h = (h ^ uint64(line[j])) * fnvPrime
					j++
				}
				n += j - i
				i = j
				continue
			case 'A' <= c && c <= 'Z':
				if n == 0 && !sentence {
					kind = max(kind, nameWord)
				}
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				kind = numberWord
			case kind == numberWord && (c == '.' || c == ',' || c == '/' || c == '-') &&
				i+1 < len(line) && '0' <= line[i+1] && line[i+1] <= '9':
				// Inside a number: "6.6", "1,411", "12-1/2" are one word,
				// whose parts would match other numbers' parts.
			default:
				flush()
				if c == '.' || c == '!' || c == '?' {
					sentence = true
				}
				i++
				continue
			}
			h = (h ^ uint64(c)) * fnvPrime
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
		if unicode.IsDigit(r) {
			kind = numberWord
		} else if n == 0 && unicode.IsUpper(r) && !sentence {
			kind = max(kind, nameWord)
		}
		r = unicode.ToLower(r)
		for r > 0 {
			h = (h ^ uint64(r&0xff)) * fnvPrime
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
