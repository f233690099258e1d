package dates

// Tense: a weekday, a day or a month without a year, and "in two weeks"
// are resolved by the tense of their sentence. It is read from cue words
// of the same sentence, up to tenseBefore words before the date and then
// up to tenseAfter words after it (stopping at a comma, unless the date
// opens the sentence); the cue nearest the date wins:
//
//   - future: "will", "shall", "'ll", "going", "scheduled", "expected",
//     "upcoming", "plans", "planned", "planning", the modals "could",
//     "would", "might", "should" ("said it would vote on Friday" is about
//     the next Friday), and the pairs "to be", "is to", "are to", "set
//     to" and "hopes to", "aims to", "intends to", "seeks to", "wants to";
//     "due" as dueTense reads it ("is due to travel", "the vote is due on
//     Friday");
//   - past: "said", "was", "were", "had", "did", "told", "announced",
//     "reported".
//
// "said on Friday it will" is about last Friday; "the vote will be held
// on Friday" about the next one.

// tense is the tense of a sentence as its cue words tell.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tenseFuture
)

const (
	tenseBefore = 8
	tenseAfter  = 6
)

// tenseOf returns the tense of the sentence around the date at s:e.
func (f *Finder) tenseOf(s, e int) tense {
	t := f.text
	p := s
	for n := 0; n < tenseBefore; n++ {
		i := p
		for i > 0 && !isLetter(t[i-1]) {
			if sentenceEnd(t[i-1]) {
				return f.tenseAfter(e, n <= 1)
			}
			i--
		}
		if i == 0 {
			return f.tenseAfter(e, n <= 1)
		}
		j := i - 1
		for j > 0 && isLetter(t[j-1]) {
			j--
		}
		if w := lookup(t[j:i]); w != nil {
			switch w.id {
			case wWill:
				return tenseFuture
			case wSaid:
				return tensePast
			case wDue:
				if d := f.dueTense(j, i); d != tenseNone {
					return d
				}
			case wBe, wTo:
				// "to be", "is to", "set to": the word before decides
				if v := f.wordBefore(j); v == wTo && w.id == wBe || w.id == wTo && (v == wIs || v == wSet) {
					return tenseFuture
				}
			}
		}
		p = j
	}
	return f.tenseAfter(e, false)
}

// tenseAfter returns the tense that cue words after e tell in the same
// clause: "on Friday the vote will", "On Wednesday, he is to travel". A
// comma ends the clause, except the one right after a date that opens
// the sentence (fronted).
func (f *Finder) tenseAfter(e int, fronted bool) tense {
	t := f.text
	p := e
	if fronted && p < len(t) && t[p] == ',' {
		p++
	}
	prev := wNone
	for n := 0; n < tenseAfter; n++ {
		i := p
		for i < len(t) && !isLetter(t[i]) {
			if sentenceEnd(t[i]) || t[i] == ',' {
				return tenseNone
			}
			i++
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		if i == j {
			return tenseNone
		}
		id := wNone
		if w := lookup(t[i:j]); w != nil {
			id = w.id
		}
		switch {
		case id == wWill, id == wBe && prev == wTo, id == wTo && (prev == wIs || prev == wSet):
			return tenseFuture
		case id == wSaid:
			return tensePast
		case id == wDue:
			if d := f.dueTense(i, j); d != tenseNone {
				return d
			}
		}
		prev, p = id, j
	}
	return tenseNone
}

// dueTense reads the word "due" at s:e by its neighbours. "Is due to
// travel", "the vote is due on Friday" and "payments due next week" tell
// the future, "was due" the past; "cancelled due to the storm" and "the
// delay is due to the storm" give a cause and tell nothing.
func (f *Finder) dueTense(s, e int) tense {
	before := f.wordBefore(s)
	if before == wSaid { // "was due", "were due"
		return tensePast
	}
	next, nextEnd := f.wordAfter(e)
	switch {
	case next != wTo:
		return tenseFuture
	case before != wIs:
		return tenseNone
	}
	if after, _ := f.wordAfter(nextEnd); after == wThe || after == wNumber { // "the", "a", "an"
		return tenseNone
	}
	return tenseFuture
}

// wordAfter returns the lexicon id of the word after e, across blanks,
// and where it ends.
func (f *Finder) wordAfter(e int) (wid, int) {
	t := f.text
	i := e
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	j := i
	for j < len(t) && isLetter(t[j]) {
		j++
	}
	if i == j {
		return wNone, e
	}
	if w := lookup(t[i:j]); w != nil {
		return w.id, j
	}
	return wNone, j
}

// wordBefore returns the lexicon id of the word before j, across blanks.
func (f *Finder) wordBefore(j int) wid {
	t := f.text
	i := j
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	k := i
	for k > 0 && isLetter(t[k-1]) {
		k--
	}
	if k == i {
		return wNone
	}
	if w := lookup(t[k:i]); w != nil {
		return w.id
	}
	return wNone
}

// sentenceEnd reports whether c ends a sentence or a paragraph.
func sentenceEnd(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n'
}
