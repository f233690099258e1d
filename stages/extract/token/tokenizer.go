package token

import (
	"math"
	"unicode/utf8"

	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// maxText is the length of the longest text Tokenize reads: offsets are
// int32 so that a token is 12 bytes.
const maxText = math.MaxInt32

// Tokenizer splits texts into tokens and sentences. It keeps the slices it
// returns and reuses them on the next call, so that tokenizing costs no
// allocation once they have grown to the size of the texts it sees; they
// do not shrink. A Tokenizer is not safe for concurrent use: keep one per
// goroutine or take them from a sync.Pool. The zero Tokenizer is ready to
// use.
type Tokenizer struct {
	toks  []Token
	sents []Sentence

	// State of the current call.
	text       string
	end        int   // end of the last token; -1 before the first, so that it has SpaceBefore
	pend       uint8 // pendNone, pendEnd or pendSoft, with the bit pendBreak
	openSingle bool  // a single quotation mark is open in this paragraph
	first      int32 // index of the first token of the current sentence
	para       int32 // paragraph index of the current sentence
}

// Tokenize splits text into tokens and sentences, following the rules of
// the package documentation. The returned slices are owned by t and valid
// until its next call; callers that keep them must copy them. Text beyond
// 2 GiB - 1 bytes is ignored.
func (t *Tokenizer) Tokenize(text string) ([]Token, []Sentence) {
	if len(text) > maxText {
		text = text[:maxText]
	}
	if cap(t.toks) == 0 {
		// English news averages a token per five or six bytes and a
		// sentence per hundred or more: start near the right size.
		t.toks = make([]Token, 0, len(text)/5+16)
		t.sents = make([]Sentence, 0, len(text)/100+4)
	}
	*t = Tokenizer{toks: t.toks[:0], sents: t.sents[:0], text: text, end: -1, pend: pendBreak}
	s := text
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			i = t.nonASCII(i)
			continue
		}
		switch k := byteClass[c]; {
		case k&cLetter != 0:
			// Most words are letters and end at a space or punctuation
			// that cannot be part of them: emit them at once.
			j := ascii.LowerEnd(s, i+1)
			if j == len(s) || byteClass[s[j]]&cEnd != 0 {
				// What emit does, written out for the commonest
				// token: the call it saves is a tenth of the run time.
				f := Flags(0)
				if k&cUpper != 0 {
					f = Upper
				}
				if i != t.end {
					f |= SpaceBefore
					if t.pend != pendNone {
						f = t.boundary(i, j, Word, f)
					}
				}
				t.end, t.pend = j, pendNone
				t.toks = append(t.toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: f})
				i = j
				if j < len(s) && s[j] == ' ' {
					i++ // a word is most often followed by a space
				}
				continue
			}
			i = t.word(i)
		case k&cDigit != 0:
			i = t.word(i)
		case k&cSpace != 0:
			// Only white space lies between tokens: a token has
			// SpaceBefore when it does not start where the last one
			// ended, and a space costs nothing more than its skip.
			i++
		case k&cBreak != 0:
			t.lineBreak()
			i++
		case k&cSymbol != 0:
			t.emit(i, i+1, Symbol, 0)
			i++
		default:
			i = t.asciiPunct(i, c)
		}
	}
	if n := int32(len(t.toks)); n > 0 {
		t.closeSentence(n)
	}
	t.text = "" // not to keep the caller's text alive
	return t.toks, t.sents
}

// lineBreak records a line break: the next token starts a paragraph. A
// quotation in single quotes does not run over it, so an unpaired
// apostrophe does not change how the next paragraph reads.
func (t *Tokenizer) lineBreak() {
	t.pend |= pendBreak
	t.openSingle = false
}

// emit appends the token text[start:end] and decides, from what came
// before it, whether it starts a sentence.
func (t *Tokenizer) emit(start, end int, kind Kind, f Flags) {
	if start != t.end {
		f |= SpaceBefore
		if t.pend != pendNone {
			f = t.boundary(start, end, kind, f)
		}
	}
	t.end = end
	// Most tokens are words, after which no sentence ends.
	if kind == Word && f&Abbrev == 0 {
		t.pend = pendNone
	} else {
		t.setPending(start, end, kind, f)
	}
	t.toks = append(t.toks, Token{Start: int32(start), End: int32(end), Kind: kind, Flags: f})
}
