package token

// What the tokens since the last white space say about the end of a
// sentence, to be confirmed by the token after the next white space.
// pendBreak is a bit of its own: a line break, or the start of the text,
// ends the sentence whatever the tokens before it, and one test of t.pend
// tells the common token, which needs none of this, from the others.
const (
	pendNone  uint8 = 0
	pendEnd   uint8 = 1 // after . ! ? …: a sentence ends before a token that can start one
	pendSoft  uint8 = 2 // after an abbreviation: a sentence ends only before a common opener
	pendBreak uint8 = 4 // after a line break or at the start: a paragraph starts
)

// boundary handles a token after white space when it starts the text or a
// paragraph or when the tokens before it may end a sentence: it returns
// the token's flags with ParagraphStart and SentenceStart as they apply,
// and closes the sentence before it.
func (t *Tokenizer) boundary(start, end int, kind Kind, f Flags) Flags {
	n := int32(len(t.toks))
	switch {
	case t.pend&pendBreak != 0:
		f |= ParagraphStart | SentenceStart
		if n > 0 {
			t.closeSentence(n)
			t.para++
		}
		t.first = n
	case t.startsSentence(start, end, kind, f):
		f |= SentenceStart
		t.closeSentence(n)
		t.first = n
	}
	t.pend = pendNone
	return f
}

// setPending records what a token other than a plain word says about the
// end of a sentence.
func (t *Tokenizer) setPending(start, end int, kind Kind, f Flags) {
	switch {
	case kind == Punct && isTerminal(t.text[start:end]):
		t.pend = pendEnd
	case f&Abbrev != 0:
		if f&(Title|Initial) != 0 {
			t.pend = pendNone
		} else {
			t.pend = pendSoft
		}
	case f&SpaceBefore == 0 && isClosing(kind, f, t.text[start]):
		// A closing quote or bracket right after the terminal: the
		// sentence ends after it.
	default:
		t.pend = pendNone
	}
}

// startsSentence reports whether a token after white space starts a new
// sentence, given that the tokens before it may end one (t.pend).
func (t *Tokenizer) startsSentence(start, end int, kind Kind, f Flags) bool {
	if t.pend == pendSoft {
		return kind == Word && f&(Upper|Abbrev) == Upper && isOpener(t.text[start:end])
	}
	switch kind {
	case Word:
		return f&Upper != 0
	case Number, Symbol:
		return true
	case Quote:
		return f&OpenQuote != 0
	case Punct:
		c := t.text[start]
		return c == '(' || c == '['
	}
	return false
}

// closeSentence ends the current sentence before token n.
func (t *Tokenizer) closeSentence(n int32) {
	t.sents = append(t.sents, Sentence{
		Start:     t.toks[t.first].Start,
		End:       t.toks[n-1].End,
		First:     t.first,
		Last:      n,
		Paragraph: t.para,
	})
}

// isTerminal reports whether p, the text of a Punct token, may end a
// sentence: a period, a run of them, "!", "?" or "…".
func isTerminal(p string) bool {
	switch p[0] {
	case '.', '!', '?':
		return true
	}
	return p == "…"
}

// isClosing reports whether a token that starts with byte c closes a
// quotation or a bracket, which a sentence's terminal may precede.
func isClosing(kind Kind, f Flags, c byte) bool {
	switch kind {
	case Quote:
		return f&CloseQuote != 0
	case Punct:
		return c == ')' || c == ']' || c == '}'
	}
	return false
}

// maxOpenerLen is the length of the longest opener below.
const maxOpenerLen = 12

// isOpener reports whether w is a common first word of an English
// sentence. After an abbreviation that is not a title ("U.S.", "Inc.",
// "Jan."), a capitalised word may be a name that goes on the sentence
// ("U.S. President", "Jan. Smith") or the first word of the next one; the
// words below are almost never names, so a sentence ends before them.
// Titles are left out on purpose: "U.S. Sen. Smith" is one sentence.
func isOpener(w string) bool {
	if len(w) > maxOpenerLen {
		return false
	}
	switch w {
	case "A", "An", "The", "This", "That", "These", "Those", "There", "Then",
		"Here", "It", "Its", "He", "She", "His", "Her", "They", "Their", "Them",
		"We", "Our", "I", "My", "You", "Your",
		"In", "On", "At", "By", "For", "From", "To", "With", "Without", "Of",
		"After", "Before", "During", "Since", "Until", "Under", "Over",
		"And", "But", "Or", "So", "Yet", "Nor", "If", "As", "When", "While",
		"Where", "Why", "How", "What", "Who", "Which", "Whether",
		"Although", "Though", "Because", "However", "Meanwhile", "Moreover",
		"Still", "Also", "Now", "Today", "Yesterday", "Last", "Next",
		"Earlier", "Later", "Despite", "Instead", "Nevertheless", "Already",
		"According", "Some", "Many", "Most", "All", "Both", "Each", "Every",
		"Other", "Another", "Such", "No", "Not", "One", "Several", "Few":
		return true
	}
	return false
}
