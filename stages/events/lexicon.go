package events

import (
	"strings"

	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
)

// lexEntry is what the coder knows of a word in capitals, gathered from
// the codebook and the gazetteer when the stage is built, so that each
// token of an article is looked up once.
type lexEntry struct {
	id        int32  // the word's id in the patterns' vocabulary, -1 if none
	sing      int32  // the id of the word's singular, for a plural ("RESTRICTIONS"), -1 if none
	verb      int32  // index into lexicon.verbs of the one-word verb form the word is, -1 if none
	multiVerb bool   // the word starts a verb form of several words ("ASKED" of "ASKED FOR")
	role      bool   // the word alone is a role or agent, maybe of no sector ("CHAIRMAN")
	roleStart bool   // the word starts a role of several words ("PRIME" of "PRIME MINISTER")
	sector    string // the sector of the word as a role or agent alone ("POLICE": COP)
	demonym   string // the country (alpha-3) of a nationality word ("RUSSIAN": RUS)
	class     wordClass
	dict      dictStart
}

// dictStart marks the words that start a phrase of the actor
// dictionaries, so that only they are looked up there.
type dictStart uint8

const (
	dictActor dictStart = 1 << iota
	dictAgent
	dictDiscard
)

// wordClass marks the function words the coder reads a sentence by, one
// bit per list (determiners, prepositions…), so that testing a token is a
// mask on its entry rather than a lookup.
type wordClass uint16

const (
	classDeterminer wordClass = 1 << iota
	classPreposition
	classPlacePreposition
	classPronoun
	classQuantifier
	classSkippable
	classNotVerb
	classTitle
	classCounting
)

// wordClasses are the lists of function words and their classes.
var wordClasses = []struct {
	words map[string]bool
	class wordClass
}{
	{determiners, classDeterminer}, {prepositions, classPreposition}, {placePrepositions, classPlacePreposition},
	{pronouns, classPronoun}, {quantifiers, classQuantifier}, {skippable, classSkippable}, {notVerbs, classNotVerb},
	{titleWords, classTitle}, {countingWords, classCounting},
}

// countingWords start a count before a party: "at least 75", "more than
// 500 civilians".
var countingWords = map[string]bool{"AT": true, "MORE": true, "FEWER": true, "LESS": true}

var noEntry = lexEntry{id: -1, sing: -1, verb: -1}

// mayBeVerb reports whether a verb form is or starts with the word.
func (e *lexEntry) mayBeVerb() bool { return e.verb >= 0 || e.multiVerb }

// lexicon maps words in capitals to what the coder knows of them. It is
// an open-addressing table of 8-byte slots rather than a map: every token
// of an article is looked up, half of them miss, and a table a third the
// size of a map's stays in the cache.
type lexicon struct {
	slots   []lexSlot  // a power of two, at most half full
	words   []string   // per entry
	entries []lexEntry // noEntry first
	verbs   []codebook.Verb
}

// lexSlot is a slot of the table: the word's hash and its entry's index
// (0, noEntry's, for an empty slot).
type lexSlot struct {
	hash uint32
	at   int32
}

// hashWord is FNV-1a: short words, no seed needed, inlined.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// find returns the index of w's entry, 0 (noEntry's) if none.
func (lx *lexicon) find(w string) int32 {
	h := hashWord(w)
	mask := uint32(len(lx.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := lx.slots[i]
		if s.at == 0 {
			return 0
		}
		if s.hash == h && lx.words[s.at] == w {
			return s.at
		}
	}
}

// newLexicon gathers the patterns' vocabulary, the gazetteer's roles and
// nationalities, the codebook's verb forms and the first words of the
// actor dictionaries' phrases.
func newLexicon(voc vocab, cb *codebook.Codebook, dict *actors.Dictionary) *lexicon {
	index := make(map[string]int32, len(voc)*2)
	lx := &lexicon{words: []string{""}, entries: []lexEntry{noEntry}}
	at := func(w string) *lexEntry {
		k, ok := index[w]
		if !ok {
			k = int32(len(lx.entries))
			index[w] = k
			lx.words = append(lx.words, w)
			lx.entries = append(lx.entries, noEntry)
		}
		return &lx.entries[k]
	}
	for w, id := range voc {
		at(w).id = id
	}
	// The dictionary's patterns write nouns in the singular ("* RESTRICTION
	// [081]" for "remove restrictions"): a plural finds its singular's id
	// in its own entry.
	for w, id := range voc {
		if len(w) >= 3 && !strings.Contains(w, " ") {
			at(w + "S").sing = id
			if strings.HasSuffix(w, "X") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "S") {
				at(w + "ES").sing = id
			}
		}
	}
	for phrase, sector := range gazetteer.Roles() {
		first, _, multi := strings.Cut(phrase, " ")
		e := at(first)
		if multi {
			e.roleStart = true
		} else {
			e.role, e.sector = true, sector
		}
	}
	for word, cc := range gazetteer.Demonyms() {
		if !strings.Contains(word, " ") {
			at(word).demonym = iso3(cc)
		}
	}
	for form, v := range cb.Forms() {
		first, _, multi := strings.Cut(form, " ")
		e := at(first)
		if multi {
			e.multiVerb = true
		} else {
			e.verb = int32(len(lx.verbs))
			lx.verbs = append(lx.verbs, v)
		}
	}
	if dict != nil {
		for _, k := range []struct {
			kind actors.Kind
			bit  dictStart
		}{{actors.Actors, dictActor}, {actors.Agents, dictAgent}, {actors.Discards, dictDiscard}} {
			for w := range dict.FirstWords(k.kind) {
				at(w).dict |= k.bit
			}
		}
	}
	for _, wc := range wordClasses {
		for w := range wc.words {
			at(w).class |= wc.class
		}
	}
	n := 1
	for n < 2*len(lx.entries) {
		n *= 2
	}
	lx.slots = make([]lexSlot, n)
	mask := uint32(n - 1)
	for k, w := range lx.words[1:] {
		h := hashWord(w)
		i := h & mask
		for lx.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		lx.slots[i] = lexSlot{hash: h, at: int32(k) + 1}
	}
	return lx
}
