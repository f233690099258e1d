package quotes

import "strings"

// Speaker mentions are noun phrases next to a speech verb. A phrase is
// read word by word away from the verb, at most maxPhrase words, and then
// split into its parts: a determiner, role words ("Kremlin spokesman",
// "White House Press Secretary") and a trailing run of capitalised words,
// the name ("Dmitry Peskov").

const maxPhrase = 8

// npWord is one word of a phrase: t[s:e] as written, t[cs:ce] its core.
type npWord struct {
	s, e, cs, ce int
	cls          class
	cap          bool // part of a name: capitalised and not a common word
	poss         bool // possessive ("Russia's")
	lower        bool // a lower-case word in none of the noun classes
}

// phrase holds up to maxPhrase words, left to right.
type phrase struct {
	w   [maxPhrase]npWord
	n   int
	det bool // w[0] is a determiner
}

// isPronounForm reports whether the core t[cs:ce], in class c, is a
// pronoun as written: "he", "She", "I", but not "US" (the country).
func isPronounForm(t string, cs, ce int, c class) bool {
	if c&cPronoun == 0 || t[cs:ce] == "i" {
		return false // "the i" is a newspaper; the pronoun is "I"
	}
	for i := cs + 1; i < ce; i++ {
		if 'A' <= t[i] && t[i] <= 'Z' {
			return false
		}
	}
	return true
}

// word fills the description of the word t[s:e]; first says it starts a
// sentence, where a capital says nothing about names.
func (f *finder) word(s, e int, first bool) npWord {
	t := f.text
	cs, ce := core(t, s, e)
	w := npWord{s: s, e: e, cs: cs, ce: ce}
	if cs == ce {
		return w
	}
	w.cls = lookup(t[cs:ce])
	w.poss = isPossessive(t, s, e, cs, ce)
	if isAcronym(t[cs:ce]) {
		w.cap = true // "US", "WHO": a name even when it spells a word
		return w
	}
	if isCapWord(t, cs, ce) {
		// A listed word is a name part only inside a sentence ("Will
		// Smith"), except dates and sentence adverbs ("on Friday").
		w.cap = w.cls == 0 || !first && w.cls&(cCommon|cDet|cPronoun) == 0
		if !w.cap && w.cls&(cRole|cSpeaker) != 0 {
			return w // "Officials said": a common noun
		}
		if w.cap {
			return w
		}
	}
	// An unknown lower-case word, or a speech verb form that is also a
	// noun ("the post"): a modifier or a head after a determiner.
	w.lower = !w.poss && w.cls&^(cVerb|cNounish|cInvert|cMention) == 0 && (w.cls&cVerb == 0 || w.cls&cNounish != 0)
	return w
}

// before reads the noun phrase that ends at offset at, going left no
// further than lo (a sentence start when sent is true); ext allows one
// extension over "for" or "of".
func (f *finder) before(lo, at int, sent, ext bool) Speaker {
	t := f.text
	var rev [maxPhrase]npWord
	n, det := 0, false
	for n < maxPhrase {
		s, e, ok := wordBefore(t, lo, at)
		if !ok {
			break
		}
		_, _, more := wordBefore(t, lo, s)
		w := f.word(s, e, sent && !more)
		if w.cs == w.ce || n > 0 && trailingPunct(t, s, e, w.cs, w.ce) {
			break
		}
		if n == 0 && isPronounForm(t, w.cs, w.ce, w.cls) {
			return Speaker{Start: w.cs, End: w.ce, Kind: Pronoun}
		}
		if !w.cap && w.cls&cDet != 0 {
			rev[n], det = w, true
			n++
			break
		}
		if !w.cap && !w.poss && w.cls&(cRole|cSpeaker|cConnector) == 0 && !w.lower {
			break // a verb, a preposition, an adverb: the phrase ends
		}
		rev[n] = w
		n++
		at = s
		if w.cs > s {
			break // "(Smith": an opening bracket ends it
		}
	}
	var p phrase
	for i := 0; i < n; i++ {
		p.w[i] = rev[n-1-i]
	}
	p.n, p.det = n, det
	sp := f.classify(&p)
	if ext && (sp.Kind == Nominal || sp.Kind == Name && sp.RoleEnd == 0) {
		sp = f.extend(sp, lo, p.w[0].s, sent)
	}
	return sp
}

// extend widens a phrase introduced by "for" or "of" to the role noun
// before it: "a spokesman for the ministry", "the head of Interpol". It
// looks one step back only, which keeps the work per quote bounded.
func (f *finder) extend(sp Speaker, lo, at int, sent bool) Speaker {
	t := f.text
	s, e, ok := wordBefore(t, lo, at)
	if !ok || t[s:e] != "for" && t[s:e] != "of" {
		return sp
	}
	hs, he, ok := wordBefore(t, lo, s)
	if !ok {
		return sp
	}
	if cs, ce := core(t, hs, he); ce < he || lookup(t[cs:ce])&(cRole|cSpeaker) == 0 {
		return sp
	}
	head := f.before(lo, s, sent, false)
	if head.Kind != Nominal {
		return sp
	}
	return Speaker{Start: head.Start, End: sp.End, Kind: Nominal, RoleStart: sp.RoleStart, RoleEnd: sp.RoleEnd}
}

// after reads the noun phrase that starts at offset at, going right no
// further than hi; first says at is a sentence start.
func (f *finder) after(at, hi int, first bool) Speaker {
	t := f.text
	var p phrase
	for p.n < maxPhrase {
		s, e, ok := wordAfter(t, at, hi)
		if !ok {
			break
		}
		w := f.word(s, e, first && p.n == 0)
		if w.cs == w.ce || p.n > 0 && w.cs > s {
			break
		}
		if p.n == 0 && isPronounForm(t, w.cs, w.ce, w.cls) {
			return Speaker{Start: w.cs, End: w.ce, Kind: Pronoun}
		}
		switch {
		case p.n == 0 && !w.cap && w.cls&cDet != 0:
			p.det = true
		case w.cap || w.poss || w.cls&(cRole|cSpeaker) != 0:
		case w.cls&cConnector != 0 && p.n > 0:
			// kept only if a name part follows; trimmed otherwise
		case w.lower && p.det && p.n <= 3:
			// "the gathered crowd"
		default:
			return f.classify(&p)
		}
		p.w[p.n] = w
		p.n++
		at = e
		if trailingPunct(t, s, e, w.cs, w.ce) {
			break
		}
	}
	return f.classify(&p)
}

// classify splits a phrase into determiner, role and name and returns the
// speaker mention it makes, if any.
func (f *finder) classify(p *phrase) Speaker {
	// Trailing connectors and unknown lower-case words are not part of a
	// noun phrase's head: "Smith of", "the ministry statement yesterday".
	for p.n > 0 && (p.w[p.n-1].cls&cConnector != 0 && !p.w[p.n-1].cap || p.w[p.n-1].lower && !p.det) {
		p.n--
	}
	i0 := 0
	if p.det {
		i0 = 1
	}
	if p.n <= i0 {
		return Speaker{}
	}
	for i0 < p.n && p.w[i0].cls&cConnector != 0 && !p.w[i0].cap {
		i0++
	}
	// The name is the trailing run of name parts after the last title.
	r := p.n
	for r > i0 {
		w := p.w[r-1]
		if w.cap && w.cls&cRole == 0 && !w.poss || w.cls&cConnector != 0 && !w.cap && r < p.n {
			r--
			continue
		}
		break
	}
	for r < p.n && p.w[r].cls&cConnector != 0 && !p.w[r].cap {
		r++
	}
	last := p.w[p.n-1]
	if r == p.n {
		// No name: a nominal if it has a determiner or ends in a noun
		// that speaks alone.
		if p.det || last.cls&(cSpeaker|cRole) != 0 {
			return Speaker{Start: p.w[0].cs, End: last.ce, Kind: Nominal}
		}
		return Speaker{}
	}
	// "Secretary of State Marco Rubio": after a title and "of", the last
	// two capitalised words are the name.
	if r > i0 && p.w[r-1].cls&cConnector != 0 && !p.w[r-1].cap {
		if p.n-r < 3 {
			return Speaker{Start: p.w[0].cs, End: last.ce, Kind: Nominal}
		}
		r = p.n - 2
	}
	sp := Speaker{Start: p.w[r].cs, End: last.ce, Kind: Name}
	hasRole := false
	for i := i0; i < r; i++ {
		if p.w[i].cls&cRole != 0 {
			hasRole = true
		}
	}
	switch {
	case hasRole:
		sp.RoleStart, sp.RoleEnd = p.w[i0].cs, p.w[r-1].ce
	case p.det && r == i0:
		sp.Start, sp.Kind = p.w[0].cs, Nominal // "the Kremlin"
	}
	return sp
}

// subject finds the subject of the verb at v, reading left no further
// than lo: the phrase just before it, past adverbs and auxiliaries ("he
// also said", "Smith has told"), or the phrase before an appositive
// ("Jeff Rathke, the State Department Spokesperson, said").
func (f *finder) subject(lo, v int, sent bool) Speaker {
	t := f.text
	at := v
	for k := 0; k < 3; k++ {
		s, e, ok := wordBefore(t, lo, at)
		if !ok {
			break
		}
		cs, ce := core(t, s, e)
		if ce != e || cs != s || !isLowerAt(t, cs) || lookup(t[cs:ce])&cAdverb == 0 {
			break
		}
		at = s
	}
	s, e, ok := wordBefore(t, lo, at)
	if !ok {
		return Speaker{}
	}
	if t[e-1] != ',' {
		return f.before(lo, at, sent, true)
	}
	// A comma before the verb closes an appositive or an aside. The
	// subject is, in this order: a name or pronoun opening the sentence
	// and followed by a comma ("Cynthia Thompson, curator … at the
	// University of Arkansas, Fayetteville, said"); a name set off by the
	// commas ("The secretary general of CEI, Nunzio Galantino, has
	// called"); the phrase before the previous comma ("After the match,
	// Hernan Dario Gomez, Panama coach, said"); the phrase opening the
	// sentence ("Lydia Buchtmann for Food Standards Australia New
	// Zealand, says").
	if sent {
		sp := f.after(firstWord(t, lo), e-1, true)
		if (sp.Kind == Name || sp.Kind == Pronoun) && sp.End < e-1 && t[sp.End] == ',' {
			if sp.Kind == Name && sp.RoleEnd == 0 {
				sp.RoleStart, sp.RoleEnd = f.role(sp.End+1, e-1)
			}
			return sp
		}
	}
	if sp := f.before(lo, e-1, false, false); sp.Kind == Name && sp.RoleEnd == 0 {
		if _, pe, ok := wordBefore(t, lo, sp.Start); ok && t[pe-1] == ',' {
			return sp
		}
	}
	j := s
	for k := 0; k < 12; k++ {
		ps, pe, ok := wordBefore(t, lo, j)
		if !ok {
			break
		}
		if t[pe-1] == ',' {
			sp := f.before(lo, pe-1, sent, true)
			if sp.Kind == Name && sp.RoleEnd == 0 {
				sp.RoleStart, sp.RoleEnd = f.role(pe, e-1)
			}
			return sp
		}
		j = ps
	}
	if !sent || j != firstWord(t, lo) {
		return Speaker{}
	}
	return f.after(lo, e-1, true)
}

// firstWord returns the offset of the first word at or after lo.
func firstWord(t string, lo int) int {
	for lo < len(t) && isSpace(t[lo]) {
		lo++
	}
	return lo
}

// role returns the span of the appositive t[lo:hi] if it names a role
// ("the State Department Spokesperson", "Panama coach"), else 0, 0.
func (f *finder) role(lo, hi int) (int, int) {
	t := f.text
	s0, e0 := -1, -1
	at := lo
	for k := 0; k < 6; k++ {
		s, e, ok := wordAfter(t, at, hi)
		if !ok {
			break
		}
		cs, ce := core(t, s, e)
		if s0 < 0 {
			s0 = cs
		}
		if lookup(t[cs:ce])&cRole != 0 {
			e0 = ce
		}
		at = e
	}
	if e0 < 0 || strings.TrimSpace(t[at:hi]) != "" {
		return 0, 0
	}
	_, ce := core(t, lo, hi)
	return s0, ce
}

// speakerOf finds the speaker of a cue before a quotation: the subject,
// or the phrase after "according to", not crossing hi.
func (f *finder) speakerOf(c cue, lo, hi int, sent bool) Speaker {
	if c.right {
		return f.after(c.e, hi, false)
	}
	return f.subject(lo, c.s, sent)
}
