package clean

import (
	_ "embed"
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	maxWordBytes  = 32    // longer words are never stop words
	letterMaskEnd = 0x800 // distinctive letters are all below
)

//go:embed stopwords.txt
var stopwordsData string

// langModel is the parsed stopwords.txt. Each language is a bit of a
// uint32; a word or letter maps to the set of languages it belongs to.
type langModel struct {
	codes   []string
	scripts []script
	words   wordSet
	letters [letterMaskEnd]uint32 // distinctive letters, both cases
}

var model = mustParseModel(stopwordsData)

func mustParseModel(data string) *langModel {
	m, err := parseModel(data)
	if err != nil {
		panic("clean: stopwords.txt: " + err.Error())
	}
	return m
}

func parseModel(data string) (*langModel, error) {
	scripts := map[string]script{
		"latin":      scriptLatin,
		"cyrillic":   scriptCyrillic,
		"arabic":     scriptArabic,
		"devanagari": scriptDevanagari,
	}
	m := &langModel{}
	words := make(map[string]uint32)
	for i, line := range strings.Split(data, "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0 || strings.HasPrefix(line, "#"):
		case line[0] != ' ' && line[0] != '\t':
			sc, ok := scripts[fields[len(fields)-1]]
			if len(fields) != 2 || !ok {
				return nil, fmt.Errorf("line %d: want \"<code> <script>\"", i+1)
			}
			if len(m.codes) == 32 {
				return nil, fmt.Errorf("line %d: more than 32 languages", i+1)
			}
			m.codes = append(m.codes, fields[0])
			m.scripts = append(m.scripts, sc)
		case len(m.codes) == 0:
			return nil, fmt.Errorf("line %d: words before the first language", i+1)
		case fields[0] == "letters:":
			bit := uint32(1) << (len(m.codes) - 1)
			for _, f := range fields[1:] {
				r, size := utf8.DecodeRuneInString(f)
				if size != len(f) || r >= letterMaskEnd || !unicode.IsLetter(r) || unicode.ToLower(r) != r {
					return nil, fmt.Errorf("line %d: %q is not a lowercase letter below U+%04X", i+1, f, letterMaskEnd)
				}
				m.letters[r] |= bit
				// ASCII letters are never looked up (dotless ı's capital is I).
				if u := unicode.ToUpper(r); u >= utf8.RuneSelf && u < letterMaskEnd {
					m.letters[u] |= bit
				}
			}
		default:
			bit := uint32(1) << (len(m.codes) - 1)
			for _, w := range fields {
				if !validStopword(w) {
					return nil, fmt.Errorf("line %d: %q is not a word as detection reads it: lowercase letters and marks, NFC, at most %d bytes", i+1, w, maxWordBytes)
				}
				words[w] |= bit
			}
		}
	}
	m.words = newWordSet(words)
	return m, nil
}

func validStopword(w string) bool {
	if len(w) > maxWordBytes || w != strings.ToLower(w) || !norm.NFC.IsNormalString(w) {
		return false
	}
	for _, r := range w {
		if c := lookup(r).class(); c != classLetter && c != classMark || isArabicVowel(r) {
			return false
		}
	}
	return true
}

// wordSet maps words to language sets like a map[string]uint32, at a
// fraction of the cost for this use: a cheap hash of the first and last
// eight bytes, open addressing with linear probing in a table at most a quarter full,
// and a hash tag per slot so that a word that is not in the set (most
// words) is rejected without a string comparison.
type wordSet struct {
	tags  []uint32 // hash tag of the slot's word, never 0; 0 when empty
	langs []uint32
	keys  []string
	shift uint // 64 - log2(len(tags)): the top bits of the hash pick the slot
}

func newWordSet(words map[string]uint32) wordSet {
	size := 64
	for size < 4*len(words) {
		size *= 2
	}
	ws := wordSet{
		tags:  make([]uint32, size),
		langs: make([]uint32, size),
		keys:  make([]string, size),
		shift: uint(64 - bits.TrailingZeros(uint(size))),
	}
	for w, set := range words {
		h := hashWord(load(w, 0), load(w, max(0, len(w)-8)), len(w))
		i := h >> ws.shift
		for ws.tags[i] != 0 {
			i = (i + 1) & uint64(size-1)
		}
		ws.tags[i], ws.langs[i], ws.keys[i] = tag(h), set, w
	}
	return ws
}

// get returns the language set of w, a lowercase word, 0 if it has none.
func (ws *wordSet) get(w []byte) uint32 {
	h := hashWord(load(w, 0), load(w, max(0, len(w)-8)), len(w))
	t, mask := tag(h), uint64(len(ws.tags)-1)
	for i := h >> ws.shift; ; i = (i + 1) & mask {
		switch ws.tags[i] {
		case 0:
			return 0
		case t:
			if ws.keys[i] == string(w) {
				return ws.langs[i]
			}
		}
	}
}

// getASCII is get for a word of ASCII letters in any case, which it
// lowercases without copying.
func (ws *wordSet) getASCII(w string) uint32 {
	h := hashWord(lowerASCII(load(w, 0), len(w)), lowerASCII(load(w, max(0, len(w)-8)), len(w)), len(w))
	t, mask := tag(h), uint64(len(ws.tags)-1)
	for i := h >> ws.shift; ; i = (i + 1) & mask {
		switch ws.tags[i] {
		case 0:
			return 0
		case t:
			if equalLowerASCII(ws.keys[i], w) {
				return ws.langs[i]
			}
		}
	}
}

// lowerASCII lowercases the min(n, 8) ASCII letters packed in v.
func lowerASCII(v uint64, n int) uint64 {
	if n < 8 {
		return v | 0x2020202020202020&(1<<(8*n)-1)
	}
	return v | 0x2020202020202020
}

// equalLowerASCII reports whether w, ASCII letters, lowercased is key.
func equalLowerASCII(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if key[i] != w[i]|0x20 {
			return false
		}
	}
	return true
}

// load returns up to eight bytes of b from i, little-endian, zero-padded.
func load[T string | []byte](b T, i int) uint64 {
	var v uint64
	for k := min(i+8, len(b)) - 1; k >= i; k-- {
		v = v<<8 | uint64(b[k])
	}
	return v
}

// hashWord hashes a word from its first and last eight bytes and its
// length: enough to tell short words apart, cheaply.
func hashWord(first, last uint64, n int) uint64 {
	return (first ^ bits.RotateLeft64(last, 31) ^ uint64(n)<<58) * 0x9e3779b97f4a7c15
}

func tag(h uint64) uint32 { return uint32(h>>16) | 1 }
