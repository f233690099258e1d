package ner

import (
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// doc is one text being analysed: its tokens and sentences, and the
// mentions found so far.
type doc struct {
	text  string
	toks  []token.Token
	sents []token.Sentence
	ms    []mention
	// lower holds the hashes of the words written in lower case in the
	// text (see writtenLower).
	lower []uint64
	// cues caches each token's cues (see is).
	cues []cue
	// lowerBuilt says lower holds this text's words.
	lowerBuilt bool
	// Reused by retype and merge.
	votes    map[uint64][3]int
	counts   map[uint64]int
	products map[uint64]bool // names followed by a version (see versionAfter)
	looked   lookedUp        // see lookup
	// surnameMatch keeps matchesSurname's answers by name hash.
	surnameMatch map[uint64]bool
	byKey        map[entityKey]*entity
	ents         []entity
}

// writtenLower reports whether the text writes word in lower case
// somewhere. The set of lower-case words is built on first use (few texts
// need it) as hashes in an open-addressing table: no string is stored, and
// a rare collision only makes a name look common.
func (d *doc) writtenLower(word string) bool {
	if !d.lowerBuilt {
		d.collectLower()
	}
	h := foldHash(word)
	mask := uint64(len(d.lower) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch d.lower[i] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

// collectLower records the hashes of the words the text writes in lower
// case.
func (d *doc) collectLower() {
	n := 64
	for n < 2*len(d.toks) {
		n *= 2
	}
	if cap(d.lower) >= n {
		d.lower = d.lower[:n]
		clear(d.lower)
	} else {
		d.lower = make([]uint64, n)
	}
	d.lowerBuilt = true
	mask := uint64(n - 1)
	for _, t := range d.toks {
		if t.Kind != token.Word || t.Flags&(token.Upper|token.AllUpper) != 0 || t.End-t.Start <= 2 {
			continue
		}
		h := foldHash(d.text[t.Start:t.End])
		for i := h & mask; ; i = (i + 1) & mask {
			if d.lower[i] == 0 {
				d.lower[i] = h
				break
			}
			if d.lower[i] == h {
				break
			}
		}
	}
}

// foldHash hashes s with ASCII letters lower-cased, never 0. It takes
// eight bytes at a time, one multiplication each: most words are one
// chunk, and the text's every lower-case word is hashed (collectLower).
func foldHash(s string) uint64 {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for len(s) > 0 {
		var x uint64
		n := min(len(s), 8)
		for i := 0; i < n; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			x |= uint64(c) << (8 * i)
		}
		h = (h ^ x) * 0xff51afd7ed558ccd
		h ^= h >> 32
		s = s[n:]
	}
	return h | 1
}

// is reports whether token i has cue c, looking the word up once for the
// word lists and once, when asked, for first names.
func (d *doc) is(i int, c cue) bool {
	f := d.cues[i]
	if c&^cueFirstName != 0 && f&cueComputed == 0 {
		f |= cueComputed
		if t := d.toks[i]; t.Kind == token.Word || t.Kind == token.Symbol {
			f |= cuesOf(d.text[t.Start:t.End])
		}
		d.cues[i] = f
	}
	if c&cueFirstName != 0 && f&cueFirstComputed == 0 {
		f |= cueFirstComputed
		if t := d.toks[i]; t.Kind == token.Word && t.Flags&token.Upper != 0 {
			if _, ok := gazetteer.FirstName(d.text[t.Start:t.End]); ok {
				f |= cueFirstName
			}
		}
		d.cues[i] = f
	}
	return f&c != 0
}

func (d *doc) word(i int) string {
	t := d.toks[i]
	return d.text[t.Start:t.End]
}

// nameToken reports whether token i can be part of a name: a capitalised
// word, an acronym, an abbreviation or initial written with a capital.
func (d *doc) nameToken(i int) bool {
	t := d.toks[i]
	switch t.Kind {
	case token.Word:
		return t.Flags&(token.Upper|token.AllUpper) != 0
	default:
		return false
	}
}

// joined reports whether tokens i and i+1 are written together (no space).
func (d *doc) joined(i int) bool {
	return i+1 < len(d.toks) && d.toks[i+1].Flags&token.SpaceBefore == 0
}

// spans finds the candidate name spans of sentence s: maximal runs of
// name tokens, joined by connectors ("of", "van", "of the") and by
// hyphens written without spaces.
func (d *doc) spans(s token.Sentence, emit func(i, j int)) {
	last := int(s.Last)
	for i := int(s.First); i < last; {
		if !d.nameToken(i) {
			i++
			continue
		}
		j := i + 1
		for j < last {
			switch {
			case d.nameToken(j) && d.toks[j].Flags&token.Possessive == 0:
				j++
				continue
			case d.toks[j].Kind == token.Punct && d.word(j) == "-" && d.joined(j-1) && d.joined(j) && j+1 < last &&
				(d.nameToken(j+1) || j-i >= 2 && d.toks[j+1].Kind == token.Word):
				// "Al-Qaeda"; and the hyphenated given names of Chinese and
				// Korean names after a family name ("Wu Chi-wai").
				j += 2
				continue
			case d.toks[j].Kind == token.Word && d.is(j, cueConnector) && d.toks[j].Flags&token.Upper == 0:
				// "of the X": two connectors in a row.
				k := j + 1
				if k < last && d.toks[k].Kind == token.Word && d.word(k) == "the" && (d.word(j) == "of" || d.word(j) == "for") {
					k++
				}
				if k < last && d.nameToken(k) {
					j = k + 1
					continue
				}
			case d.toks[j].Kind == token.Symbol && d.word(j) == "&" && j+1 < last && d.nameToken(j+1):
				j += 2
				continue
			}
			break
		}
		emit(i, j)
		i = j
	}
}

// splitInner cuts a span at its connectors unless they are inside one
// name. "of" and "for" join when what stands before them names an
// organisation or place ("University of Sheffield", "Foundation for the
// Visual Arts", "State of Texas") or is a single word that is not a first
// name ("Daughters of the American Revolution"); otherwise they link two
// names ("Claudia Mo of the Civic Party"). "and" joins only inside an
// organisation's name ("Food and Drug Administration"): coordinations
// ("Poland and Armenia") are far more common; "&" always joins.
func (d *doc) splitInner(i, j int, emit func(i, j int)) {
	start := i
	for k := i + 1; k < j-1; k++ {
		w := d.word(k)
		if d.toks[k].Flags&(token.Upper|token.AllUpper) != 0 || !(d.is(k, cueConnector) || w == "&") {
			continue
		}
		join := false
		switch w {
		case "&": // "Procter & Gamble", "Evergreen Aviation & Space Museum"
			join = true
		case "and":
			join = d.is(j-1, cueOrgHead)
		case "of", "for":
			join = d.is(k-1, cueOrgHead|cuePlaceHead|cueRoleHead) || k-start == 1 && !d.firstName(start)
		default: // "van", "bin", "de"…: inside a person's name
			join = true
		}
		if join {
			continue
		}
		emit(start, k)
		start = k + 1
		// "of the X": the article goes with the second part.
		if start < j && d.word(start) == "the" {
			start++
		}
	}
	if start < j {
		emit(start, j)
	}
}

// trim drops from [i, j) what is capitalised for another reason than
// being a name: a common word or determiner starting a sentence or
// heading, weekdays and months, and connectors left at the ends.
func (d *doc) trim(i, j int) (int, int) {
	for i < j {
		switch {
		case d.is(i, cueDeterminer) && d.toks[i].Flags&token.Upper != 0:
			i++
			continue
		case d.atSentenceStart(i) && d.is(i, cueCommon) && d.toks[i].Flags&token.AllUpper == 0 && !d.knownFrom(i, j):
			i++
			continue
		case d.is(i, cueWeekdayMonth):
			i++
			continue
		}
		break
	}
	for j > i {
		hyphenated := j-2 > i && d.word(j-2) == "-" && d.toks[j-1].Flags&token.SpaceBefore == 0
		if d.is(j-1, cueWeekdayMonth) || d.toks[j-1].Kind != token.Word ||
			d.toks[j-1].Flags&(token.Upper|token.AllUpper) == 0 && !hyphenated {
			j--
			continue
		}
		break
	}
	for i < j && d.toks[i].Flags&(token.Upper|token.AllUpper) == 0 {
		i++
	}
	return i, j
}

// knownFrom reports whether a gazetteer name of two words or more starts
// at token i ("New Zealand" at the start of a headline).
func (d *doc) knownFrom(i, j int) bool {
	for k := i + 2; k <= j && k-i <= gazetteer.MaxNameWords; k++ {
		if len(d.lookup(i, k)) > 0 {
			return true
		}
	}
	return false
}

// atSentenceStart reports whether token i starts a sentence or a
// paragraph, where capitals say nothing of names.
func (d *doc) atSentenceStart(i int) bool {
	f := d.toks[i].Flags
	if f&(token.SentenceStart|token.ParagraphStart) != 0 {
		return true
	}
	// After an opening quote or bracket that starts a sentence.
	return i > 0 && d.toks[i-1].Flags&(token.SentenceStart|token.ParagraphStart) != 0 &&
		(d.toks[i-1].Kind == token.Quote || d.word(i-1) == "(")
}

// text of tokens [i, j).
func (d *doc) span(i, j int) string {
	return d.text[d.toks[i].Start:d.toks[j-1].End]
}

// sentenceOf returns the index of the sentence holding token i.
func (d *doc) sentenceOf(i int) int {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.sents[m].Last) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
