package token

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkTokens returns the first broken promise of the package doc about
// toks and sents, the result of tokenizing text, or nil.
func checkTokens(text string, toks []Token, sents []Sentence) error {
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < int32(prevEnd) || tk.Start >= tk.End || int(tk.End) > len(text) {
			return fmt.Errorf("token %d [%d:%d] out of order or bounds (previous end %d, text %d)",
				i, tk.Start, tk.End, prevEnd, len(text))
		}
		gap := text[prevEnd:tk.Start]
		if err := onlySpace(gap); err != nil {
			return fmt.Errorf("before token %d: %v", i, err)
		}
		if got, want := tk.Flags&SpaceBefore != 0, i == 0 || gap != ""; got != want {
			return fmt.Errorf("token %d %q: SpaceBefore = %v; want %v", i, tk.Text(text), got, want)
		}
		para := i == 0 || strings.ContainsAny(gap, "\n\r\v\f\u0085\u2028\u2029")
		if got := tk.Flags&ParagraphStart != 0; got != para {
			return fmt.Errorf("token %d %q: ParagraphStart = %v; want %v", i, tk.Text(text), got, para)
		}
		if err := checkToken(tk, tk.Text(text)); err != nil {
			return fmt.Errorf("token %d %q (%v %v): %v", i, tk.Text(text), tk.Kind, tk.Flags, err)
		}
		prevEnd = int(tk.End)
	}
	if err := onlySpace(text[prevEnd:]); err != nil {
		return fmt.Errorf("after the last token: %v", err)
	}
	return checkSentences(text, toks, sents)
}

// onlySpace reports an error unless gap is all white space.
func onlySpace(gap string) error {
	for i, r := range gap {
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			return fmt.Errorf("%q at %d of the gap %q is not white space", r, i, gap)
		}
	}
	return nil
}

// checkToken checks that a token's kind and flags agree with its text s.
func checkToken(tk Token, s string) error {
	f := tk.Flags
	for _, r := range s {
		if r != utf8.RuneError && unicode.IsSpace(r) {
			return fmt.Errorf("white space in the token")
		}
	}
	if !utf8.ValidString(s) && (len(s) != 1 || tk.Kind != Symbol) {
		return fmt.Errorf("invalid UTF-8 not alone in a Symbol")
	}
	if (f&OpenQuote != 0) == (f&CloseQuote != 0) && tk.Kind == Quote {
		return fmt.Errorf("a quote must either open or close")
	}
	if f&(OpenQuote|CloseQuote) != 0 && tk.Kind != Quote {
		return fmt.Errorf("quote flags on a %v", tk.Kind)
	}
	if f&(Possessive|Abbrev) != 0 && tk.Kind != Word {
		return fmt.Errorf("word flags on a %v", tk.Kind)
	}
	if f&Abbrev != 0 && !strings.HasSuffix(s, ".") {
		return fmt.Errorf("Abbrev without a period")
	}
	if f&(Initial|Title) != 0 && f&Abbrev == 0 {
		return fmt.Errorf("Initial or Title without Abbrev")
	}
	if f&AllUpper != 0 && f&Upper == 0 {
		return fmt.Errorf("AllUpper without Upper")
	}
	if f&ParagraphStart != 0 && f&SentenceStart == 0 {
		return fmt.Errorf("ParagraphStart without SentenceStart")
	}
	if f >= 1<<len(flagNames) {
		return fmt.Errorf("unknown flags")
	}
	switch tk.Kind {
	case Word:
		if f&Possessive == 0 && !strings.ContainsFunc(s, func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
		}) {
			return fmt.Errorf("a word without a letter, mark or digit")
		}
	case Number:
		if !strings.ContainsFunc(s, unicode.IsNumber) {
			return fmt.Errorf("a number without a digit")
		}
	case Punct:
		if r, n := utf8.DecodeRuneInString(s); !unicode.IsPunct(r) || n != len(s) && strings.Trim(s, ".") != "" {
			return fmt.Errorf("not one punctuation rune or a run of periods")
		}
	case Quote:
		if r, n := utf8.DecodeRuneInString(s); n != len(s) || !strings.ContainsRune(`"'“”‘’«»‹›„‚‛‟`, r) {
			return fmt.Errorf("not one quotation mark")
		}
	case Symbol:
		if _, n := utf8.DecodeRuneInString(s); n != len(s) {
			return fmt.Errorf("a symbol of more than one rune")
		}
	default:
		return fmt.Errorf("unknown kind")
	}
	return nil
}

// checkSentences checks that sents cover toks in order, without gaps.
func checkSentences(text string, toks []Token, sents []Sentence) error {
	if len(toks) == 0 {
		if len(sents) != 0 {
			return fmt.Errorf("%d sentences without tokens", len(sents))
		}
		return nil
	}
	next, para := int32(0), int32(0)
	for k, s := range sents {
		if s.First != next || s.Last <= s.First || int(s.Last) > len(toks) {
			return fmt.Errorf("sentence %d covers tokens [%d:%d]; want it to start at %d", k, s.First, s.Last, next)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			return fmt.Errorf("sentence %d spans [%d:%d]; want the span of its tokens", k, s.Start, s.End)
		}
		first := toks[s.First]
		if k > 0 && first.Flags&ParagraphStart != 0 {
			para++
		}
		if s.Paragraph != para {
			return fmt.Errorf("sentence %d %q: paragraph %d; want %d", k, s.Text(text), s.Paragraph, para)
		}
		for i := s.First; i < s.Last; i++ {
			if got := toks[i].Flags&SentenceStart != 0; got != (i == s.First) {
				return fmt.Errorf("token %d %q in sentence %d: SentenceStart = %v", i, toks[i].Text(text), k, got)
			}
		}
		next = s.Last
	}
	if int(next) != len(toks) {
		return fmt.Errorf("sentences end at token %d of %d", next, len(toks))
	}
	return nil
}

// rebuild joins the tokens as the clean stage would have written them:
// a space before a token with SpaceBefore, a blank line before a
// paragraph. For clean text it gives the text back.
func rebuild(text string, toks []Token) string {
	var b strings.Builder
	for i, tk := range toks {
		switch {
		case i == 0:
		case tk.Flags&ParagraphStart != 0:
			b.WriteString("\n\n")
		case tk.Flags&SpaceBefore != 0:
			b.WriteByte(' ')
		}
		b.WriteString(tk.Text(text))
	}
	return b.String()
}
