package token

import "strings"

// Kind is the kind of a token.
type Kind uint8

// Kinds of token. The zero Kind is no token at all, so that a zero Token is
// recognisably empty.
const (
	// Word is a run of letters, marks and digits that holds a letter, with
	// inner apostrophes ("O'Brien", "don't"); also a dotted abbreviation
	// ("U.S.", "a.m."), an abbreviation or initial with its period, and a
	// possessive clitic ("'s", "’s", or a bare "'" after "s").
	Word Kind = iota + 1
	// Number is a run of digits with inner decimal points, thousands
	// separators and time colons ("3.5", "1,750", "06:12"), and an optional
	// letter suffix ("21st", "1990s", "5G"); also an elided decade ("’90s").
	Number
	// Punct is punctuation: , ; : . ! ? ( ) [ ] { } - – — … / and the other
	// Unicode punctuation that is not a quotation mark. A run of periods
	// ("...") is one token.
	Punct
	// Quote is a quotation mark: “ ” ‘ ’ " ' « » ‹ › „ ‚ ‛ ‟. Exactly one of
	// OpenQuote and CloseQuote is set on it.
	Quote
	// Symbol is anything else that is not white space: $ € £ % & @ # * + =
	// and the Unicode symbols, control characters, and each byte of
	// invalid UTF-8.
	Symbol
)

var kindNames = [...]string{"Invalid", "Word", "Number", "Punct", "Quote", "Symbol"}

// String returns the name of the kind, as in the constant.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Invalid"
}

// Flags are bits that describe a token beyond its kind.
type Flags uint16

// Token flags.
const (
	// SpaceBefore: white space, a line break or the start of the text
	// precedes the token. A hyphen between words and the words around it
	// do not have it, so "Russia-Ukraine" can be put back together.
	SpaceBefore Flags = 1 << iota
	// Upper: the first letter of the token is upper or title case.
	Upper
	// AllUpper: the token has at least two letters and all of them are
	// upper case ("NATO", "U.S."). It implies Upper.
	AllUpper
	// Abbrev: the token ends with a period that belongs to it ("U.S.",
	// "St.", "Jan.", "Inc.", "p.m.", "J."). The period is part of the
	// token and may end the sentence as well (see the package doc).
	Abbrev
	// Initial: a single upper-case letter with its period ("J."). It
	// implies Abbrev.
	Initial
	// OpenQuote: a Quote token that opens a quotation.
	OpenQuote
	// CloseQuote: a Quote token that closes a quotation.
	CloseQuote
	// ParagraphStart: the first token of the text or after a line break.
	// It implies SentenceStart.
	ParagraphStart
	// SentenceStart: the first token of a sentence.
	SentenceStart
	// Possessive: the possessive clitic "'s", "’s", or a bare "'" or "’"
	// after a word ending in "s" (a Word token). Contractions of "is" and
	// "has" ("it's") look the same and get it too.
	Possessive
	// Title: an abbreviated title that comes before a name ("Mr.", "Dr.",
	// "Gen.", "Gov.", "St."). It implies Abbrev. No sentence ends at it.
	Title
)

var flagNames = [...]string{
	"SpaceBefore", "Upper", "AllUpper", "Abbrev", "Initial", "OpenQuote",
	"CloseQuote", "ParagraphStart", "SentenceStart", "Possessive", "Title",
}

// String returns the names of the set flags joined by "|", or "0".
func (f Flags) String() string {
	if f == 0 {
		return "0"
	}
	var b strings.Builder
	for i, name := range flagNames {
		if f&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(name)
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString("0x")
		const hex = "0123456789abcdef"
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(hex[rest>>sh&0xf])
		}
	}
	return b.String()
}

// Token is a token of a text. It holds offsets rather than a string so that
// a slice of tokens holds no pointers and costs the collector nothing.
type Token struct {
	// Start and End are byte offsets into the text: text[Start:End] is
	// the token, never empty and never holding white space.
	Start, End int32
	Kind       Kind
	Flags      Flags
}

// Text returns the token's text in text, the string it was found in.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Is reports whether all of the flags in f are set on the token.
func (t Token) Is(f Flags) bool { return t.Flags&f == f }

// Sentence is a sentence of a text: a run of tokens.
type Sentence struct {
	// Start and End are the byte offsets of the sentence: the start of its
	// first token and the end of its last.
	Start, End int32
	// First and Last delimit its tokens: tokens[First:Last].
	First, Last int32
	// Paragraph is the index of the sentence's paragraph, counting from 0
	// the paragraphs that hold a token.
	Paragraph int32
}

// Text returns the sentence's text in text, the string it was found in.
func (s Sentence) Text(text string) string { return text[s.Start:s.End] }
