package token

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func ExampleTokenizer_Tokenize() {
	text := "Witkoff met Putin in St. Petersburg’s library. “It went well,” he said.\n\nTalks go on"
	var tk Tokenizer
	toks, sents := tk.Tokenize(text)
	for _, s := range sents {
		fmt.Printf("sentence %q (paragraph %d)\n", s.Text(text), s.Paragraph)
		for _, t := range toks[s.First:s.Last] {
			if t.Flags&(Abbrev|Possessive|OpenQuote|CloseQuote) != 0 {
				fmt.Printf("  %s %v %v\n", t.Text(text), t.Kind, t.Flags&^(SpaceBefore|SentenceStart))
			}
		}
	}
	// Output:
	// sentence "Witkoff met Putin in St. Petersburg’s library." (paragraph 0)
	//   St. Word Upper|Abbrev|Title
	//   ’s Word Possessive
	// sentence "“It went well,” he said." (paragraph 0)
	//   “ Quote OpenQuote
	//   ” Quote CloseQuote
	// sentence "Talks go on" (paragraph 1)
}

// texts returns the text of each token of in.
func texts(in string) []string {
	var tk Tokenizer
	toks, _ := tk.Tokenize(in)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(in)
	}
	return out
}

func TestTokenTexts(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // token texts separated by " | "
	}{
		{"empty", "", ""},
		{"spaces", " \n\n ", ""},
		{"words", "The cat sat.", "The | cat | sat | ."},
		{"hyphen", "Russia-Ukraine conflict", "Russia | - | Ukraine | conflict"},
		{"tete-a-tete", "the tete-a-tete", "the | tete | - | a | - | tete"},
		{"dashes", "Boston – Tuesday—late", "Boston | – | Tuesday | — | late"},
		{"apostrophe in word", "O'Brien don't they’re rock'n'roll", "O'Brien | don't | they’re | rock'n'roll"},
		{"possessive typographic", "Trump’s envoy", "Trump | ’s | envoy"},
		{"possessive straight", "Trump's envoy", "Trump | 's | envoy"},
		{"possessive place", "St. Petersburg’s library", "St. | Petersburg | ’s | library"},
		{"possessive bare", "the Jones' house", "the | Jones | ' | house"},
		{"possessive bare typographic", "the Joneses’ house.", "the | Joneses | ’ | house | ."},
		{"possessive upper", "TRUMP'S PLAN", "TRUMP | 'S | PLAN"},
		{"possessive abbreviation", "Inc.'s profit", "Inc. | 's | profit"},
		{"possessive number", "the 1990's", "the | 1990 | 's"},
		{"possessive spaced", "Trump 's decision", "Trump | 's | decision"},
		{"possessive spaced apart", "Nokia ’ s sale", "Nokia | ’ s | sale"},
		{"quoted word after a space", "he said 'so' and 's'", "he | said | ' | so | ' | and | ' | s | '"},
		{"s inside name", "O’sullivan’s", "O’sullivan | ’s"},
		{"contraction is", "it's over", "it | 's | over"},
		{"decimal", "5.93 inches", "5.93 | inches"},
		{"thousands", "1,750 and 155,221 and 1,000,000.25", "1,750 | and | 155,221 | and | 1,000,000.25"},
		{"not thousands", "2017,2018 and 1,75 and 12345,678", "2017 | , | 2018 | and | 1 | , | 75 | and | 12345 | , | 678"},
		{"time", "at 6:12 and 06:12:30 but 3:1", "at | 6:12 | and | 06:12:30 | but | 3 | : | 1"},
		{"number end of sentence", "in 2017. Then", "in | 2017 | . | Then"},
		{"ordinal", "the 21st and 1st", "the | 21st | and | 1st"},
		{"range", "2017-2018 and 10–12", "2017 | - | 2018 | and | 10 | – | 12"},
		{"percent", "5% and 5 %", "5 | % | and | 5 | %"},
		{"currency", "$58.40 €5 £1,000", "$ | 58.40 | € | 5 | £ | 1,000"},
		{"decade elided", "the ’90s and '60s", "the | ’90s | and | '60s"},
		{"ellipsis", "wait... what… no", "wait | ... | what | … | no"},
		{"etc ellipsis", "apples etc...", "apples | etc | ..."},
		{"dotted", "U.S. U.K. U.N. E.U. D.C. U.S.A. i.e. e.g. a.m. p.m.", "U.S. | U.K. | U.N. | E.U. | D.C. | U.S.A. | i.e. | e.g. | a.m. | p.m."},
		{"Ph.D.", "a Ph.D. in", "a | Ph.D. | in"},
		{"dotted then hyphen", "U.S.-led talks", "U.S. | - | led | talks"},
		{"dotted then comma", "the U.S., Canada", "the | U.S. | , | Canada"},
		{"titles", "Mr. Mrs. Ms. Dr. Prof. Gen. Gov. Sen. Rep. Lt. Col. Capt. Sgt. Rev. St. Mt. Ft. Jr. Sr.", "Mr. | Mrs. | Ms. | Dr. | Prof. | Gen. | Gov. | Sen. | Rep. | Lt. | Col. | Capt. | Sgt. | Rev. | St. | Mt. | Ft. | Jr. | Sr."},
		{"months", "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.", "Jan. | Feb. | Mar. | Apr. | Jun. | Jul. | Aug. | Sep. | Sept. | Oct. | Nov. | Dec."},
		{"companies", "Inc. Corp. Co. Ltd. Bros. Plc.", "Inc. | Corp. | Co. | Ltd. | Bros. | Plc."},
		{"latin", "cats vs. dogs etc. approx. 5", "cats | vs. | dogs | etc. | approx. | 5"},
		{"case matters", "he fell ill. Jan. jan.", "he | fell | ill | . | Jan. | jan | ."},
		{"No before number", "No. 10 and No.5", "No. | 10 | and | No. | 5"},
		{"No not before number", "The answer was No. The end", "The | answer | was | No | . | The | end"},
		{"initials", "J. K. Rowling", "J. | K. | Rowling"},
		{"lower single letter", "plan a. Then", "plan | a | . | Then"},
		{"initial before ellipsis", "Plan B...", "Plan | B | ..."},
		{"brackets", "(local time) [sic]", "( | local | time | ) | [ | sic | ]"},
		{"symbols", "AT&T @user #tag 2+2=4", "AT | & | T | @ | user | # | tag | 2 | + | 2 | = | 4"},
		{"word with digits", "G7 MH17 COVID-19 4x4", "G7 | MH17 | COVID | - | 19 | 4x4"},
		{"number with suffix", "5G 10am 1990s", "5G | 10am | 1990s"},
		{"accents", "Zürich café naïve São Paulo", "Zürich | café | naïve | São | Paulo"},
		{"combining mark", "cafe\u0301 x", "cafe\u0301 | x"},
		{"cyrillic", "Путин сказал.", "Путин | сказал | ."},
		{"joiner", "می\u200cشود", "می\u200cشود"},
		{"invalid utf8", "a\xffb \xc3", "a | \xff | b | \xc3"},
		{"replacement char", "a\ufffdb", "a | \ufffd | b"},
		{"nbsp", "5\u00a0km", "5 | km"},
		{"emoji", "great👍!", "great | 👍 | !"},
		{"url", "see example.org/a", "see | example | . | org | / | a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(texts(tt.in), " | ")
			if got != tt.want {
				t.Errorf("Tokenize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenKindsAndFlags checks the kind and flags of one token of each
// input: the first token whose text is tok.
func TestTokenKindsAndFlags(t *testing.T) {
	tests := []struct {
		in, tok  string
		kind     Kind
		set, not Flags
	}{
		{"Russia-Ukraine", "Russia", Word, SpaceBefore | Upper | ParagraphStart | SentenceStart, AllUpper},
		{"Russia-Ukraine", "-", Punct, 0, SpaceBefore},
		{"Russia-Ukraine", "Ukraine", Word, Upper, SpaceBefore},
		{"the NATO summit", "NATO", Word, Upper | AllUpper, Abbrev},
		{"the A team", "A", Word, Upper, AllUpper},
		{"an iPhone", "iPhone", Word, 0, Upper | AllUpper},
		{"in the U.S. economy", "U.S.", Word, Upper | AllUpper | Abbrev, Initial | Title},
		{"at 6 p.m. today", "p.m.", Word, Abbrev, Upper | AllUpper},
		{"Dr. Smith", "Dr.", Word, Upper | Abbrev | Title, Initial | AllUpper},
		{"St. Petersburg", "St.", Word, Abbrev | Title, Initial},
		{"Gov. Brown", "Gov.", Word, Abbrev | Title, 0},
		{"Jan. 5", "Jan.", Word, Abbrev, Title},
		{"Acme Inc.", "Inc.", Word, Abbrev, Title},
		{"J. K. Rowling", "K.", Word, Upper | Abbrev | Initial, Title | AllUpper | SentenceStart},
		{"Trump’s", "’s", Word, Possessive, SpaceBefore | Upper},
		{"Jones' car", "'", Word, Possessive, 0},
		{"Trump 's car", "'s", Word, Possessive | SpaceBefore, Upper},
		{"5.93", "5.93", Number, 0, 0},
		{"1,750", "1,750", Number, 0, 0},
		{"the 21st", "21st", Number, 0, Upper},
		{"G7", "G7", Word, Upper, AllUpper},
		{"5%", "%", Symbol, 0, SpaceBefore},
		{"$5", "$", Symbol, 0, 0},
		{"he said “yes”", "“", Quote, OpenQuote | SpaceBefore, CloseQuote},
		{"he said “yes”", "”", Quote, CloseQuote, OpenQuote | SpaceBefore},
		{"he said ‘yes’", "‘", Quote, OpenQuote, CloseQuote},
		{"he said ‘yes’", "’", Quote, CloseQuote, OpenQuote | Possessive},
		{"the ‘bosses’ plan", "’", Quote, CloseQuote, Possessive},
		{"« oui »", "«", Quote, OpenQuote, 0},
		{"« oui »", "»", Quote, CloseQuote, 0},
		{"„ja“", "„", Quote, OpenQuote, 0},
		{"’Tis", "’", Quote, CloseQuote, 0},
		{`he said "yes" twice`, `"`, Quote, OpenQuote | SpaceBefore, CloseQuote},
		{`"yes"`, `"`, Quote, OpenQuote | ParagraphStart, CloseQuote},
		{`(“yes”)`, `“`, Quote, OpenQuote, SpaceBefore},
		{`("yes")`, `"`, Quote, OpenQuote, SpaceBefore},
		{`—"yes"`, `"`, Quote, OpenQuote, SpaceBefore},
		{`yes" he`, `"`, Quote, CloseQuote, OpenQuote},
		{`a " b`, `"`, Quote, CloseQuote, OpenQuote},
		{`said 'no' then`, `'`, Quote, OpenQuote, CloseQuote},
		{"a\xffb", "\xff", Symbol, 0, SpaceBefore},
		{"wait…", "…", Punct, 0, SpaceBefore},
		{"Ó Briain", "Ó", Word, Upper, AllUpper},
		{"ÉCOLE", "ÉCOLE", Word, Upper | AllUpper, 0},
	}
	for _, tt := range tests {
		var tk Tokenizer
		toks, _ := tk.Tokenize(tt.in)
		i := slices.IndexFunc(toks, func(x Token) bool { return x.Text(tt.in) == tt.tok })
		if i < 0 {
			t.Errorf("Tokenize(%q) = %q; want a token %q", tt.in, texts(tt.in), tt.tok)
			continue
		}
		got := toks[i]
		if got.Kind != tt.kind || got.Flags&tt.set != tt.set || got.Flags&tt.not != 0 {
			t.Errorf("Tokenize(%q) token %q = %v %v; want %v with %v, without %v",
				tt.in, tt.tok, got.Kind, got.Flags, tt.kind, tt.set, tt.not)
		}
	}
}

// TestClosingSingleAfterS checks that an open single quotation makes the
// mark after a word ending in "s" close it rather than a possessive, and
// that a paragraph break forgets an unclosed one.
func TestClosingSingleAfterS(t *testing.T) {
	tests := []struct {
		in   string
		want []string // closing quotes and possessives, as text/kind
	}{
		{"he called them ‘the bosses’ twice. The Smiths’ house", []string{"’/Quote", "’/Word"}},
		{"he called them 'the bosses' twice. The Smiths' house", []string{"'/Quote", "'/Word"}},
		{"an ‘open quote\n\nThe Smiths’ house", []string{"’/Word"}},
	}
	for _, tt := range tests {
		in := tt.in
		var tk Tokenizer
		toks, _ := tk.Tokenize(in)
		var got []string
		for _, x := range toks {
			if x.Flags&(CloseQuote|Possessive) != 0 {
				got = append(got, x.Text(in)+"/"+x.Kind.String())
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) closing and possessive marks = %q; want %q", in, got, tt.want)
		}
	}
}

func TestKindAndFlagsString(t *testing.T) {
	tests := []struct{ got, want string }{
		{Word.String(), "Word"},
		{Symbol.String(), "Symbol"},
		{Kind(0).String(), "Invalid"},
		{Kind(99).String(), "Invalid"},
		{Flags(0).String(), "0"},
		{(SpaceBefore | Upper).String(), "SpaceBefore|Upper"},
		{(Title | 1<<15).String(), "Title|0x8000"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("String() = %q; want %q", tt.got, tt.want)
		}
	}
}
