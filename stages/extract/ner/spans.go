package ner

import (
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
	"strings"
)

// doc is one text being analysed: its tokens and sentences, and the
// mentions found so far.
type doc struct {
	text  string
	toks  []token.Token
	sents []token.Sentence
	ms    []mention
	// lower is a Bloom filter of the words written in lower case in the
	// text (see writtenLower).
	lower []uint64
	// cues caches each token's cues (see is).
	cues []cue
	// lowerBuilt says lower holds this text's words.
	lowerBuilt bool
	// Reused by retype and merge.
	tallyIndex  hashIndex // by name hash (see tallyOf)
	tallies     []tally
	looked      lookedUp              // see lookup
	byKey       map[entityKey]*entity // see merge
	byName      [][3]int32            // see merge
	parts       [3][]string           // name parts, see retype
	surnameKeys []nameKey
	ents        []entity
	entList     []*entity          // see merge
	scores      []float64          // see output
	named       []*gazetteer.Entry // see resolvePlaces
	countries   countrySet         // see resolvePlaces
}

// writtenLower reports whether the text writes word in lower case
// somewhere. The set of lower-case words is built on first use as a Bloom
// filter of two bits per word, with 32 bits per token of the text: no
// string is stored, the filter stays in the fastest cache, and the rare
// false positive (about one query in three thousand) only makes a name
// look common.
func (d *doc) writtenLower(word string) bool {
	if !d.lowerBuilt {
		d.collectLower()
	}
	h := foldHash(word)
	mask := uint64(len(d.lower)*64 - 1)
	a, b := h&mask, (h>>32)&mask
	return d.lower[a/64]&(1<<(a%64)) != 0 && d.lower[b/64]&(1<<(b%64)) != 0
}

// collectLower records the words the text writes in lower case.
func (d *doc) collectLower() {
	n := 8 // words of 64 bits
	for n*64 < 32*len(d.toks) {
		n *= 2
	}
	if cap(d.lower) >= n {
		d.lower = d.lower[:n]
		clear(d.lower)
	} else {
		d.lower = make([]uint64, n)
	}
	d.lowerBuilt = true
	mask := uint64(n*64 - 1)
	for k, t := range d.toks {
		if t.Kind != token.Word || t.Flags&(token.Upper|token.AllUpper) != 0 || t.End-t.Start <= 2 {
			continue
		}
		if k >= 2 && t.Flags&token.SpaceBefore == 0 && d.toks[k-1].Flags&token.SpaceBefore == 0 && d.word(k-1) == "-" {
			// The second part of a hyphenated word is no word of the
			// text's own: "Chi-wai" does not make "Wai" common.
			continue
		}
		h := foldHash(d.text[t.Start:t.End])
		a, b := h&mask, (h>>32)&mask
		d.lower[a/64] |= 1 << (a % 64)
		d.lower[b/64] |= 1 << (b % 64)
	}
}

// is reports whether token i has one of the word-list cues c, looking
// the word up in the lists once. It is asked about most tokens several
// times: the answer, once known, is read inline (cueComputed is the
// highest cue, so that a token whose cues are not filled in is one
// compare).
func (d *doc) is(i int, c cue) bool {
	f := d.cues[i]
	if f < cueComputed {
		f = d.computeCues(i)
	}
	return f&c != 0
}

// computeCues fills in the word-list cues of token i and returns its
// cues.
func (d *doc) computeCues(i int) cue {
	f := d.cues[i] | cueComputed
	if t := d.toks[i]; t.Kind == token.Word || t.Kind == token.Symbol {
		f |= cuesOf(d.text[t.Start:t.End])
	}
	d.cues[i] = f
	return f
}

// firstName reports whether token i is a first name the gazetteer knows,
// looking it up once.
func (d *doc) firstName(i int) bool {
	f := d.cues[i]
	if f&cueFirstComputed == 0 {
		f |= cueFirstComputed
		if t := d.toks[i]; t.Kind == token.Word && t.Flags&token.Upper != 0 {
			if _, ok := gazetteer.FirstName(d.text[t.Start:t.End]); ok {
				f |= cueFirstName
			}
		}
		d.cues[i] = f
	}
	return f&cueFirstName != 0
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
// name tokens, joined by connectors ("of", "van", "of the"), by hyphens
// written without spaces, and by a possessive before an organisation word
// ("Sheriff's Office").
func (d *doc) spans(s token.Sentence, emit func(i, j int)) {
	last := int(s.Last)
	for i := int(s.First); i < last; {
		if !d.nameToken(i) || d.unmarkedStart(i, last) || d.hyphenSuffix(i) {
			i++
			continue
		}
		if i+2 < last && d.hyphenSuffix(i+2) {
			i += 3 // "Pro-Beijing DAB's Starry Lee": an adjective first
			continue
		}
		j := i + 1
		for j < last {
			switch {
			case d.unmarkedStart(j, last):
			case d.nameToken(j) && d.toks[j].Flags&token.Possessive == 0:
				j++
				continue
			case d.toks[j].Kind == token.Punct && d.word(j) == "-" && d.joined(j-1) && d.joined(j) && j+1 < last &&
				(d.nameToken(j+1) || (j-i >= 2 || d.is(j-1, cueOrgHead)) && d.toks[j+1].Kind == token.Word && !d.compoundParticiple(j+1)):
				// "Al-Qaeda"; the hyphenated given names of Chinese and
				// Korean names after a family name ("Wu Chi-wai"); and
				// organisations' names with particles ("Jamaat-e-Islami");
				// not an adjective made of a name ("the Saudi-led
				// coalition", "the Iran-backed Houthis").
				j += 2
				continue
			case j+2 < last && d.particleBefore(j+2) && d.toks[j].Flags&token.SpaceBefore != 0 && d.nameToken(j+2):
				j += 3 // "Bashar al-Assad"
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
			case d.toks[j].Flags&token.Possessive != 0 && j+1 < last && d.is(j-1, cueRoleHead) && d.nameToken(j+1) && d.is(j+1, cueOrgHead):
				// "the Lamar County Sheriff's Office", "the Prime
				// Minister's Office": an institution named for its head.
				j += 2
				continue
			}
			break
		}
		if d.particleBefore(i) {
			emit(i-2, j) // "al-Qaeda"
		} else {
			emit(i, j)
		}
		i = j
	}
}

// particleBefore reports whether a name's particle is hyphenated to the
// name token i ("al-" of "al-Qaeda").
func (d *doc) particleBefore(i int) bool {
	return i >= 2 && d.word(i-1) == "-" && d.joined(i-2) && d.joined(i-1) &&
		d.toks[i-2].Kind == token.Word && d.toks[i-2].Flags&(token.Upper|token.AllUpper) == 0 && d.is(i-2, cueNameParticle)
}

// unmarkedStart reports whether token i starts a sentence or heading
// whose boundary the text lost (a caption run into the next paragraph:
// "… Ann Chiang of DAB In the Kowloon West constituency, …"): a
// capitalised common word followed by an article, which no name has ("In
// the"; but "Wilson Or was", "James To of"), or by a colon ("Image:");
// "I" may be a numeral ("Henry I of England").
func (d *doc) unmarkedStart(i, last int) bool {
	t := d.toks[i]
	if t.Flags&token.Upper == 0 || t.Flags&token.AllUpper != 0 || t.End-t.Start < 2 || i+1 >= last {
		return false
	}
	switch d.word(i + 1) {
	case ":": // a caption's credit: "Fawn Image: Nick Moreau."
	case "the", "a", "an":
	default:
		return false
	}
	return d.is(i, cueCommon)
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
			// "Food and Drug Administration", "Bill and Melinda Gates
			// Foundation", but not "Zenith Group and First Mutual Bank",
			// whose first part is a name already, nor "NWSC and James To
			// of the Democratic Party", whose second is no organisation.
			join = d.is(j-1, cueOrgHead) && d.is(d.partEnd(k+1, j)-1, cueOrgHead) && !d.is(k-1, cueOrgHead)
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

// partEnd returns where the part of [i, j) that starts at i ends: at the
// next "of", "for" or "and", or at j.
func (d *doc) partEnd(i, j int) int {
	for k := i; k < j; k++ {
		if d.toks[k].Flags&(token.Upper|token.AllUpper) == 0 && d.is(k, cueConnector) {
			switch d.word(k) {
			case "of", "for", "and":
				return k
			}
		}
	}
	return j
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
		case d.atSentenceStart(i) && (d.is(i, cueCommon) || i+1 < j && d.writtenLower(d.word(i)) && !d.is(i, cueRole|cueOrgHead|cuePlaceHead)) &&
			d.toks[i].Flags&token.AllUpper == 0 && !d.knownFrom(i, j):
			// "Members of the Sea Org", where the text writes "members"
			// elsewhere: capitalised for the sentence.
			i++
			continue
		case d.is(i, cueWeekdayMonth):
			i++
			continue
		case j-i == 1 && d.atSentenceStart(i) && d.is(i, cueOrgHead|cuePlaceHead) && d.toks[i].Flags&token.AllUpper == 0 && !d.country(i, j):
			// "University students protested", "Embassy staff were
			// evacuated": the head of an institution's name, alone and
			// capitalised for the sentence, names none.
			i++
			continue
		case j-i == 2 && d.atSentenceStart(i) && d.toks[i].Flags&token.AllUpper == 0 && participle(d.word(i)) &&
			!d.firstName(i) && !d.is(i, cueRole|cueOrgHead|cuePlaceHead) && d.country(i+1, j) && !d.knownFrom(i, j):
			// "Embattled Moldova", "Neighbouring Chad": a participle
			// capitalised for the sentence before a country's name (but
			// "Environment Canada" is a name).
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
	for i < j && d.toks[i].Flags&(token.Upper|token.AllUpper) == 0 && !(i+2 < j && d.particleBefore(i+2)) {
		i++
	}
	return i, j
}

// compoundParticiple reports whether token i, after a hyphen, makes an
// adjective of the word before it: a participle in lower case ("-led",
// "-backed", "-made", "-born").
func (d *doc) compoundParticiple(i int) bool {
	if d.toks[i].Flags&(token.Upper|token.AllUpper) != 0 {
		return false
	}
	w := d.word(i)
	return len(w) >= 3 && strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

// irregularParticiples are the irregular participles of such adjectives.
var irregularParticiples = map[string]bool{
	"made": true, "born": true, "run": true, "held": true, "built": true, "owned": true, "won": true, "grown": true,
}

// participle reports whether word w ends as a participle does: "-ed",
// "-ing".
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// country reports whether tokens [i, j) are a country's name.
func (d *doc) country(i, j int) bool {
	for _, e := range d.lookup(i, j) {
		if e.Kind == gazetteer.Country {
			return true
		}
	}
	return false
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
