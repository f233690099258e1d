package dupcorpus

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cosmetic changes leave a copy exact: its words are the source's but for
// white space, quotation marks and boilerplate lines.

// Boilerplate kinds for AddBoilerplate.
const (
	Byline    = "byline"    // "By Jane Smith" paragraph before the text
	Dateline  = "dateline"  // "WASHINGTON (Reuters) - " before the first paragraph
	Credits   = "credits"   // "(Reporting by X; Editing by Y)" paragraph after it
	Copyright = "copyright" // "Copyright 2026 ... All rights reserved." paragraph after it
)

// BoilerplateKinds are the kinds AddBoilerplate knows, in the order a
// copy gets them (a dateline opens the text, a byline goes above it).
var BoilerplateKinds = []string{Dateline, Byline, Credits, Copyright}

var (
	firstNames = []string{"Jane", "David", "Maria", "Kenji", "Amina", "Lars", "Priya", "Tom", "Sofia", "Chen"}
	lastNames  = []string{"Smith", "Okafor", "Larsen", "Tanaka", "Haddad", "Novak", "Ruiz", "Brennan", "Iyer", "Walsh"}
	cities     = []string{"WASHINGTON", "LONDON", "NEW YORK", "TOKYO", "FRANKFURT", "PARIS", "SYDNEY", "NAIROBI"}
	agencies   = []string{"Reuters", "Thomson Reuters", "The Associated Press", "Agence France-Presse"}
)

func person(r *rand.Rand) string {
	return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
}

// AddBoilerplate returns text with a line of boilerplate of the given
// kind (see BoilerplateKinds) with names drawn at random.
func AddBoilerplate(r *rand.Rand, text, kind string) string {
	switch kind {
	case Byline:
		return "By " + person(r) + "\n\n" + text
	case Dateline:
		return cities[r.IntN(len(cities))] + " (Reuters) - " + text
	case Credits:
		return text + "\n\n(Reporting by " + person(r) + "; Editing by " + person(r) + ")"
	case Copyright:
		return text + "\n\nCopyright 2026 " + agencies[r.IntN(len(agencies))] + ". All rights reserved."
	}
	panic("dupcorpus: unknown boilerplate kind " + kind)
}

// ChangeWhitespace returns text with its white space changed and nothing
// else: some spaces doubled, some turned into a line break, spaces after
// some paragraphs and some paragraph breaks widened. At least one space
// is changed when text has two words.
func ChangeWhitespace(r *rand.Rand, text string) string {
	var b strings.Builder
	changed := false
	paras := Paragraphs(text)
	for pi, p := range paras {
		if pi > 0 {
			if r.IntN(4) == 0 {
				b.WriteString("\n\n\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		words := strings.Fields(p)
		for wi, w := range words {
			if wi > 0 {
				switch k := r.IntN(40); {
				case k < 4:
					b.WriteString("  ")
					changed = true
				case k == 4:
					b.WriteString("\n")
					changed = true
				case k == 5:
					b.WriteString(" \t")
					changed = true
				default:
					b.WriteByte(' ')
				}
			}
			b.WriteString(w)
		}
		if r.IntN(4) == 0 {
			b.WriteByte(' ')
		}
	}
	out := b.String()
	if !changed {
		if i := strings.IndexByte(out, ' '); i >= 0 {
			out = out[:i] + "  " + out[i+1:]
		}
	}
	return out
}

// ChangeQuotes returns text with its quotation marks and apostrophes in
// the other style: straight (" and ') when it has typographic ones (“ ”
// ‘ ’), else typographic: a mark after a letter, digit or closing
// punctuation closes (” or ’, the apostrophe), any other opens (“ or ‘).
func ChangeQuotes(text string) string {
	if strings.ContainsAny(text, "“”‘’") {
		return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(text)
	}
	var b strings.Builder
	prev := ' '
	for _, c := range text {
		closes := unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".,;:!?)]%", prev)
		switch {
		case c == '"' && closes:
			b.WriteRune('”')
		case c == '"':
			b.WriteRune('“')
		case c == '\'' && closes:
			b.WriteRune('’')
		case c == '\'':
			b.WriteRune('‘')
		default:
			b.WriteRune(c)
		}
		prev = c
	}
	return b.String()
}

// NewHeadline returns a different headline for a story whose headline is
// title: the title with a wire prefix ("UPDATE 1-", "RPT-"), in the other
// case (upper-case titles get title case and the reverse), or the first
// words of the text's first sentence.
func NewHeadline(r *rand.Rand, title, text string) string {
	for {
		var h string
		switch r.IntN(3) {
		case 0:
			h = []string{"UPDATE 1-", "UPDATE 2-", "RPT-", "WRAPUP-"}[r.IntN(4)] + title
		case 1:
			if strings.ToUpper(title) == title {
				h = titleCase(title)
			} else {
				h = strings.ToUpper(title)
			}
		default:
			words := strings.Fields(firstParagraph(text))
			if ss := sentences(words); len(ss) > 0 {
				words = ss[0]
			}
			h = strings.TrimRight(strings.Join(words[:min(len(words), 10)], " "), ".,;:")
		}
		if h != title && h != "" {
			return h
		}
	}
}

// Cosmetics are the cosmetic changes made to a copy.
type Cosmetics struct {
	Headline    bool     `json:"headline,omitempty"`
	Whitespace  bool     `json:"whitespace,omitempty"`
	Quotes      bool     `json:"quotes,omitempty"`
	Boilerplate []string `json:"boilerplate,omitempty"`
}

// String lists the changes, "none" when there are none.
func (c Cosmetics) String() string {
	var parts []string
	if c.Headline {
		parts = append(parts, "headline")
	}
	if c.Whitespace {
		parts = append(parts, "whitespace")
	}
	if c.Quotes {
		parts = append(parts, "quotes")
	}
	parts = append(parts, c.Boilerplate...)
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// dress makes each cosmetic change to a copy with probability one half,
// boilerplate kinds each with probability one quarter, and returns the
// new title and text.
func dress(r *rand.Rand, title, text string) (string, string, Cosmetics) {
	var c Cosmetics
	if r.IntN(2) == 0 && title != "" {
		title, c.Headline = NewHeadline(r, title, text), true
	}
	for _, k := range BoilerplateKinds {
		if r.IntN(4) == 0 {
			text = AddBoilerplate(r, text, k)
			c.Boilerplate = append(c.Boilerplate, k)
		}
	}
	if r.IntN(2) == 0 && strings.ContainsAny(text, `"'“”‘’`) {
		text, c.Quotes = ChangeQuotes(text), true
	}
	if r.IntN(2) == 0 && utf8.RuneCountInString(text) > 0 {
		text, c.Whitespace = ChangeWhitespace(r, text), true
	}
	return title, text, c
}
