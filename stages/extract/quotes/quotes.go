package quotes

// Quote is a direct quotation found in a text and who said it. Offsets
// are byte offsets into the text given to Find.
type Quote struct {
	// Start and End delimit the quotation, marks excluded: text[Start:End].
	Start, End int
	// MarkStart and MarkEnd delimit it with its marks. MarkEnd equals End
	// when the quotation was never closed; MarkStart equals Start when it
	// carries on from the previous paragraph without a reopening mark.
	MarkStart, MarkEnd int
	// Partial is set for a fragment woven into reported speech: called it
	// a “final peace agreement”.
	Partial bool
	// Closed is false when the closing mark was missing and the quotation
	// was closed at the end of its paragraph (or where the next one opens).
	Closed bool
	// Continues is set when the quotation carries on the previous one
	// across a paragraph break: news style leaves a paragraph's quotation
	// open and reopens it at the start of the next.
	Continues bool
	// Inherited is set when the speaker and verb were not found next to
	// this quotation but taken from a neighbour: the previous quotation,
	// the sentence before, or a later part of the same quotation.
	Inherited bool
	// Verb is the speech verb or reporting phrase as written ("said",
	// "told", "according to"), "" if none (none for a dash attribution).
	Verb               string
	VerbStart, VerbEnd int
	// Speaker is the mention of who said it.
	Speaker Speaker
}

// Speaker is the text that names who said a quotation.
type Speaker struct {
	// Start and End delimit the mention: "Levitt", "She", "the Kremlin",
	// "Dmitry Peskov"; 0, 0 if none.
	Start, End int
	Kind       SpeakerKind
	// RoleStart and RoleEnd delimit the role words next to a name
	// ("Kremlin spokesman" before "Dmitry Peskov"); 0, 0 if none.
	RoleStart, RoleEnd int
}

// SpeakerKind is what a speaker mention is.
type SpeakerKind uint8

const (
	// NoSpeaker: no speaker was found.
	NoSpeaker SpeakerKind = iota
	// Name: a run of capitalised words, titles left out.
	Name
	// Pronoun: he, she, they, it, I, we, you; resolved by the caller.
	Pronoun
	// Nominal: a common noun phrase ("officials", "a spokesman for the
	// ministry") or a name with a determiner ("the Kremlin").
	Nominal
)

// String returns the kind's name.
func (k SpeakerKind) String() string {
	switch k {
	case Name:
		return "Name"
	case Pronoun:
		return "Pronoun"
	case Nominal:
		return "Nominal"
	}
	return "NoSpeaker"
}

// Find appends the quotations of text to dst, in order, and returns the
// extended slice. It works in one pass, in time linear in the text, and
// allocates nothing but dst's growth.
func Find(dst []Quote, text string) []Quote {
	f := finder{text: text, dst: dst, base: len(dst), lastKept: -1}
	s := scanner{t: text, f: &f}
	s.scan()
	if f.hasPend {
		f.process(f.pend, len(text))
	}
	return f.dst
}

// attribution is a cue and the speaker it gives.
type attribution struct {
	c  cue
	sp Speaker
	ok bool
}

// finder turns the scanner's raw quotations into Quotes. Each raw
// quotation waits until the next one is known, because the text between
// them holds the first one's attribution.
type finder struct {
	text string
	dst  []Quote
	base int // dst's length on entry: earlier quotations are not ours

	pend    rawQuote
	hasPend bool
	started bool // a quotation has been processed
	prevEnd int  // the end of the last processed quotation's marks
	// prevEnds says the last processed quotation ended a sentence inside
	// its marks.
	prevEnds bool
	prevKept bool // it was kept

	// The current sentence: whether it has had a speech verb before the
	// quotation in hand, and the attribution that verb gave.
	sentVerb bool
	sentAttr attribution

	// Since the last kept quotation: sentence boundaries and paragraph
	// breaks, and whether words came after the last boundary.
	lastKept      int
	bounds, paras int
	letters       bool
}

// raw receives the scanner's next top-level quotation.
func (f *finder) raw(r rawQuote) {
	if f.hasPend {
		f.process(f.pend, r.markStart)
	}
	f.pend, f.hasPend = r, true
}

// setting is what process learns about a quotation's surroundings.
type setting struct {
	g      gap
	gapLo  int  // where the text before the quotation starts
	next   int  // where the following quotation starts
	opens  bool // the quotation opens its sentence
	atPara bool // the quotation opens its paragraph
	pre    attribution
}

// process applies the rules to the quotation r; next is where the
// following one starts.
func (f *finder) process(r rawQuote, next int) {
	t := f.text
	x := setting{gapLo: f.prevEnd, next: next}
	x.g = f.scanGap(f.prevEnd, r.markStart, f.prevEnds)
	lo, sent := f.prevEnd, !f.started
	if x.g.sent >= 0 {
		lo, sent = x.g.sent, true
		f.sentVerb, f.sentAttr = false, attribution{}
	}
	x.opens = sent && !x.g.words
	x.atPara = r.markStart == 0 || x.g.para && !x.g.pwords

	// Before the quotation, in its sentence: the last cue.
	switch {
	case x.g.hasV:
		x.pre = attribution{c: x.g.verb, sp: f.speakerOf(x.g.verb, lo, r.markStart, sent), ok: true}
	case x.g.hasN:
		x.pre = attribution{c: x.g.noun, sp: f.speakerOf(x.g.noun, lo, r.markStart, sent), ok: true}
	}
	if x.pre.ok {
		if x.pre.sp.Kind == NoSpeaker && f.sentAttr.ok {
			x.pre.sp = f.sentAttr.sp // "…”, and told the police, “…"
		}
		f.sentVerb, f.sentAttr = true, x.pre
	} else if f.sentAttr.ok {
		x.pre = f.sentAttr // “…” and “…”: the sentence's verb governs both
	}

	start, end := trimSpace(t, r.start, r.end)
	info := contentOf(t, start, end)
	f.started, f.prevEnd = true, r.markEnd
	f.prevEnds = info.terminal
	if info.words == 0 {
		f.prevKept = false
		return
	}
	if !f.keep(r, start, end, info, &x) {
		f.letters, f.prevKept = true, false
	}
}

// keep decides on the quotation and appends it; it reports whether it
// did.
func (f *finder) keep(r rawQuote, start, end int, info content, x *setting) bool {
	t := f.text
	if info.title {
		return false // “Better Idea of Afghan Girls”: a name or a title
	}
	if mentionBefore(t, x.gapLo, r.markStart) {
		return false // the words “and Emergency”: words, not speech
	}
	dsp, dashed := f.dash(r.markEnd, x.next)
	if dashed && !info.terminal {
		return false // “Headline” — Publisher: a cited title
	}
	partial := precededByWord(t, r.markStart) && info.lowerStart
	var a attribution
	if dsp.Kind != NoSpeaker {
		a = attribution{sp: dsp, ok: true}
	}
	postOK := info.soft || commaAfter(t, r.markEnd, x.next) || x.opens && !info.terminal
	if !a.ok && partial && x.pre.ok {
		a = x.pre
	}
	if !a.ok && postOK {
		if c, sp, ok := f.post(r.markEnd, x.next); ok {
			a = attribution{c: c, sp: sp, ok: true}
		}
	}
	if !a.ok && x.pre.ok {
		a = x.pre
	}
	if info.words <= 3 {
		// A short quotation is reported speech if a speech verb governs
		// its sentence, and a scare quote otherwise; it is a fragment
		// unless it opens with a capital after punctuation (“We won,” he
		// said).
		if !a.ok && !f.sentVerb && !f.verbAfter(r.markEnd, x.next, info.terminal) {
			return false
		}
		partial = partial || info.lowerStart || precededByWord(t, r.markStart)
	}
	q := Quote{
		Start: start, End: end, MarkStart: r.markStart, MarkEnd: r.markEnd,
		Partial: partial, Closed: r.closed,
	}
	if a.ok {
		q.setAttribution(t, a)
	}
	var prev *Quote
	if f.lastKept >= f.base {
		prev = &f.dst[f.lastKept]
	}
	if prev != nil && f.prevKept && !prev.Closed && x.atPara && f.paras == 1 && f.bounds <= 1 {
		q.Continues = true
	}
	switch {
	case a.ok:
		if q.Continues {
			f.backfill(q)
		}
	case prev != nil && f.bounds <= 1 && f.paras <= 1 && prev.Speaker.Kind != NoSpeaker &&
		(x.opens || f.bounds == 0):
		// The previous quotation's sentence is this one's or next to it,
		// and this one opens its sentence: no other subject intervenes.
		q.Speaker, q.Verb, q.VerbStart, q.VerbEnd = prev.Speaker, prev.Verb, prev.VerbStart, prev.VerbEnd
		q.Inherited = true
	case x.opens && x.g.prevHas:
		// A quotation standing as its own sentence after one with a
		// speech verb: Heald noted the findings show… “An air-quality
		// cleanup would…”
		lo, sent := x.g.prevLo, true
		if lo < 0 {
			lo, sent = x.gapLo, false
		}
		if sp := f.speakerOf(x.g.prevV, lo, r.markStart, sent); sp.Kind != NoSpeaker {
			q.setAttribution(t, attribution{c: x.g.prevV, sp: sp, ok: true})
			q.Inherited = true
		}
	}
	f.dst = append(f.dst, q)
	f.lastKept = len(f.dst) - 1
	f.bounds, f.paras, f.letters, f.prevKept = 0, 0, false, true
	return true
}

// setAttribution sets the speaker and the verb of q.
func (q *Quote) setAttribution(t string, a attribution) {
	q.Speaker = a.sp
	if a.c.e > a.c.s {
		q.Verb, q.VerbStart, q.VerbEnd = t[a.c.s:a.c.e], a.c.s, a.c.e
	}
}

// backfill gives the speaker of q, which continues earlier quotations
// across paragraph breaks, to those of them that have none.
func (f *finder) backfill(q Quote) {
	for k := f.lastKept; k >= f.base && f.dst[k].Speaker.Kind == NoSpeaker; k-- {
		d := &f.dst[k]
		d.Speaker, d.Verb, d.VerbStart, d.VerbEnd, d.Inherited = q.Speaker, q.Verb, q.VerbStart, q.VerbEnd, true
		if !d.Continues {
			break
		}
	}
}

// verbAfter reports whether a speech verb follows a quotation ending at
// from, in its sentence, before hi, within nearWords words. A quotation
// that ended its sentence (terminal) has none.
func (f *finder) verbAfter(from, hi int, terminal bool) bool {
	t := f.text
	if terminal && startsSentence(t, from, hi) {
		return false
	}
	for i, k := from, 0; k < nearWords; k++ {
		s, e, ok := wordAfter(t, i, hi)
		if !ok {
			return false
		}
		if c, ok := f.cueAt(from, s, e, hi); ok && !c.noun {
			return true
		}
		if endsSentence(t, s, e, hi) {
			return false
		}
		i = e
	}
	return false
}

// nearWords is how far after a short quotation a speech verb may govern
// it: “dangerous,” the minister said; not a verb at the end of a long
// sentence.
const nearWords = 8
