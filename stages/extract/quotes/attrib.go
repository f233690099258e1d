package quotes

import (
	"strings"

	"github.com/newsflow/newsflow/stages/extract/internal/ascii"
)

// cue is a speech verb or a reporting phrase in the text: t[s:e].
type cue struct {
	s, e int
	// right: the speaker follows ("according to X", "in the words of X").
	right bool
	// noun: a reporting noun phrase ("in a statement"), used only when no
	// speech verb is at hand.
	noun bool
}

// reportNouns follow "in a" / "in an" / "in his" to make a reporting
// phrase: "in a statement", "in an interview", "in her blog".
var reportNouns = map[string]bool{
	"statement": true, "interview": true, "tweet": true, "post": true,
	"letter": true, "remarks": true, "blog": true, "email": true,
	"release": true, "speech": true, "message": true, "video": true,
	"comments": true, "testimony": true, "op-ed": true, "column": true,
}

// cueAt reports whether a cue starts at the word t[s:e], looking no
// further than hi for the rest of a phrase and no further left than lo
// for the word before. Verbs count as written in lower case ("Reports:"
// opening a headline is a noun); "According to" may be capitalised.
func (f *finder) cueAt(lo, s, e, hi int) (cue, bool) {
	t := f.text
	cs, ce := core(t, s, e)
	w := t[cs:ce]
	if !maybeVerb(w) || ce-cs < 2 {
		return cue{}, false
	}
	switch {
	case w == "according" || w == "According":
		if ce != e {
			return cue{}, false // "according," is no phrase
		}
		if ns, ne, ok := wordAfter(t, e, hi); ok {
			if tcs, tce := core(t, ns, ne); t[tcs:tce] == "to" && tcs == ns {
				return cue{s: cs, e: tce, right: true}, true
			}
		}
		return cue{}, false
	case w == "in" || w == "In":
		return f.inPhrase(cs, e, hi)
	case !isLowerAt(t, cs):
		return cue{}, false
	}
	c := lookup(w)
	if c&cVerb == 0 {
		return cue{}, false
	}
	ps, pe, ok := wordBefore(t, lo, s)
	if !ok {
		return cue{s: cs, e: ce}, c&cNounish == 0
	}
	pcs, pce := core(t, ps, pe)
	pw := f.word(ps, pe, false)
	switch {
	case pce == pe && lookup(t[pcs:pce])&cBe != 0:
		return cue{}, false // "was told to prepare": a passive
	case c&cNounish != 0 && (pce != pe || !pw.cap && !isPronounForm(t, pcs, pce, pw.cls) &&
		pw.cls&(cSpeaker|cRole|cAdverb) == 0):
		return cue{}, false // "asylum claims", "the report"
	}
	return cue{s: cs, e: ce}, true
}

// inPhrase reads a reporting phrase after "in" at cs: "in the words of"
// (speaker follows) or "in a statement" (speaker is the subject).
func (f *finder) inPhrase(cs, e, hi int) (cue, bool) {
	t := f.text
	s, e1, ok := wordAfter(t, e, hi)
	if !ok {
		return cue{}, false
	}
	switch t[s:e1] {
	case "a", "an", "the", "his", "her", "its", "their", "our":
	default:
		return cue{}, false // "in 2019", "in London": no lookups
	}
	var w [3]string
	var end [3]int
	at := e
	for k := range w {
		s, e, ok := wordAfter(t, at, hi)
		if !ok {
			break
		}
		wcs, wce := core(t, s, e)
		w[k], end[k], at = t[wcs:wce], wce, e
		if wce < e {
			break // punctuation ends the phrase
		}
	}
	switch {
	case w[0] == "the" && w[1] == "words" && w[2] == "of":
		return cue{s: cs, e: end[2], right: true}, true
	case lookup(w[0])&cDet != 0 && reportNouns[w[1]]:
		return cue{s: cs, e: end[1], noun: true}, true
	case lookup(w[0])&cDet != 0 && reportNouns[w[2]] && w[2] != "":
		return cue{s: cs, e: end[2], noun: true}, true // "in a public statement"
	}
	return cue{}, false
}

// gap is what a scan of the text between two quotations finds about the
// sentence of the second one and the sentence before it.
type gap struct {
	sent  int // where that sentence starts, or -1 if it started before the gap
	verb  cue // the last speech verb of that sentence in the gap
	noun  cue // the last reporting noun phrase
	hasV  bool
	hasN  bool
	words bool // the sentence has words in the gap before the quotation
	para  bool // the gap holds a paragraph break
	// pwords: words came after the last paragraph break (or the gap's
	// start): the quotation does not open its paragraph.
	pwords bool

	// The sentence before, when it ended in the gap: its last speech verb
	// and where it started (-1: before the gap).
	prevV   cue
	prevHas bool
	prevLo  int
}

// scanGap reads t[lo:hi], the text between two quotations (or before the
// first), once: it counts sentence boundaries and paragraph breaks on the
// finder for speaker inheritance, and finds the cues of the last two
// sentences. ends says the quotation before lo ended a sentence inside
// its marks (“… ago.” The next…).
func (f *finder) scanGap(lo, hi int, ends bool) gap {
	t := f.text
	g := gap{sent: -1, prevLo: -1}
	// next starts a sentence at i: the current one becomes the previous.
	next := func(i int) {
		f.boundary()
		if g.words || g.hasV {
			g.prevV, g.prevHas, g.prevLo = g.verb, g.hasV, g.sent
		}
		g.sent, g.hasV, g.hasN, g.words = i, false, false, false
	}
	if ends && startsSentence(t, lo, hi) {
		next(lo)
	}
	for i := lo; i < hi; {
		c := t[i]
		if isSpace(c) {
			i++
			continue
		}
		if c == '\n' {
			_, pe, _ := wordBefore(t, lo, i)
			for i < hi && (t[i] == '\n' || isSpace(t[i])) {
				i++
			}
			f.paras++
			g.para, g.pwords = true, false
			if pe > lo && (t[pe-1] == ':' || t[pe-1] == ',') {
				// "Obama tweeted:" or "Rathbun stated," ends a paragraph
				// whose sentence the next one's quotation completes.
				continue
			}
			next(i)
			continue
		}
		s := i
		i = ascii.SpaceAt(t, i, hi)
		e := i
		g.words, g.pwords = true, true
		f.letters = true
		// Most words are bare: no punctuation around them, so no core to
		// find and no sentence end.
		bare := isASCIIAlnum(t[s]) && isASCIIAlnum(t[e-1])
		cs, ce := s, e
		if !bare {
			cs, ce = core(t, s, e)
		}
		if maybeVerb(t[cs:ce]) {
			if cu, ok := f.cueAt(lo, s, e, hi); ok {
				if cu.noun {
					g.noun, g.hasN = cu, true
				} else {
					g.verb, g.hasV = cu, true
				}
			}
		}
		if !bare && endsSentence(t, s, e, hi) {
			next(e)
		}
	}
	return g
}

// boundary counts a sentence boundary since the last kept quotation;
// boundaries with nothing between them ("said.\n\n") count once.
func (f *finder) boundary() {
	if f.letters || f.bounds == 0 {
		f.bounds++
	}
	f.letters = false
}

// post finds an attribution right after a quotation, in t[from:hi]:
// “…,” X said / “…,” said X / “…”, it added.
func (f *finder) post(from, hi int) (cue, Speaker, bool) {
	t := f.text
	i := from
	for i < hi && isSpace(t[i]) {
		i++
	}
	if i < hi && t[i] == ',' {
		i++
	}
	s, e, ok := wordAfter(t, i, hi)
	if !ok {
		return cue{}, Speaker{}, false
	}
	if c, ok := f.cueAt(from, s, e, hi); ok {
		cs, ce := core(t, s, e)
		if c.noun || !c.right && lookup(t[cs:ce])&cInvert == 0 {
			return cue{}, Speaker{}, false
		}
		sp := f.after(c.e, hi, false)
		return c, sp, sp.Kind != NoSpeaker
	}
	sp := f.after(s, hi, false)
	if sp.Kind == NoSpeaker {
		return cue{}, Speaker{}, false
	}
	// Between the subject and its verb: adverbs, or an appositive set off
	// by a comma ("Khaled Al-Maeena, editor at large at the Saudi
	// Gazette, said").
	j := sp.End
	for j < hi && !isSpace(t[j]) && t[j] != '\n' {
		j++ // the rest of the subject's last word: "Al-Maeena,"
	}
	appos := strings.IndexByte(t[sp.End:j], ',') >= 0
	for k := 0; k < 12; k++ {
		ws, we, ok := wordAfter(t, j, hi)
		if !ok {
			break
		}
		if c, ok := f.cueAt(from, ws, we, hi); ok && !c.noun && !c.right {
			return c, sp, true
		}
		cs, ce := core(t, ws, we)
		if !appos && (cs == ce || lookup(t[cs:ce])&cAdverb == 0) || endsSentence(t, ws, we, hi) {
			break
		}
		j = we
	}
	return cue{}, Speaker{}, false
}

// dash finds a dash attribution after a quotation: “…” — Barack Obama.
// It returns the speaker and whether a dash and a capitalised word follow
// at all (a cited title: “Headline” — The Canadian Press).
func (f *finder) dash(from, hi int) (Speaker, bool) {
	t := f.text
	i := from
	for i < hi && isSpace(t[i]) {
		i++
	}
	rest := t[i:hi]
	n := 0
	switch {
	case strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "―"):
		n = 3
	case strings.HasPrefix(rest, "--"):
		n = 2
	case strings.HasPrefix(rest, "- "):
		n = 1
	default:
		return Speaker{}, false
	}
	s, _, ok := wordAfter(t, i+n, hi)
	if !ok || !isUpperAt(t, s) {
		return Speaker{}, false
	}
	sp := f.after(i+n, hi, false)
	if sp.Kind != Name {
		return Speaker{}, true
	}
	return sp, true
}
