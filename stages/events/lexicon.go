package events

import (
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
)

// lexEntry is what the coder knows of a word in capitals, gathered from
// the codebook and the gazetteer when the stage is built, so that each
// token of an article is looked up once.
type lexEntry struct {
	id        int32  // the word's id in the patterns' vocabulary, -1 if none
	verb      int32  // index into lexicon.verbs of the one-word verb form the word is, -1 if none
	multiVerb bool   // the word starts a verb form of several words ("ASKED" of "ASKED FOR")
	role      bool   // the word alone is a role or agent, maybe of no sector ("CHAIRMAN")
	roleStart bool   // the word starts a role of several words ("PRIME" of "PRIME MINISTER")
	sector    string // the sector of the word as a role or agent alone ("POLICE": COP)
	demonym   string // the country (alpha-2) of a nationality word ("RUSSIAN": RU)
}

var noEntry = lexEntry{id: -1, verb: -1}

// mayBeVerb reports whether a verb form is or starts with the word.
func (e *lexEntry) mayBeVerb() bool { return e.verb >= 0 || e.multiVerb }

// lexicon maps words in capitals to what the coder knows of them. It is
// an open-addressing table of 8-byte slots rather than a map: every token
// of an article is looked up, half of them miss, and a table a third the
// size of a map's stays in the cache.
type lexicon struct {
	slots   []lexSlot // a power of two, at most half full
	words   []string  // per entry
	entries []lexEntry
	verbs   []codebook.Verb
}

// lexSlot is a slot of the table: the word's hash and its entry's index
// plus one (0 for an empty slot).
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

// find returns the index of w's entry, -1 if none.
func (lx *lexicon) find(w string) int32 {
	h := hashWord(w)
	mask := uint32(len(lx.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := lx.slots[i]
		if s.at == 0 {
			return -1
		}
		if s.hash == h && lx.words[s.at-1] == w {
			return s.at - 1
		}
	}
}

// lookup returns the entry of a word, noEntry if none.
func (lx *lexicon) lookup(w string) lexEntry {
	if k := lx.find(w); k >= 0 {
		return lx.entries[k]
	}
	return noEntry
}

// newLexicon gathers the patterns' vocabulary, the gazetteer's roles and
// nationalities and the codebook's verb forms.
func newLexicon(voc vocab, cb *codebook.Codebook) *lexicon {
	index := make(map[string]int32, len(voc)*2)
	lx := &lexicon{}
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
			at(word).demonym = cc
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
	n := 1
	for n < 2*len(lx.entries) {
		n *= 2
	}
	lx.slots = make([]lexSlot, n)
	mask := uint32(n - 1)
	for k, w := range lx.words {
		h := hashWord(w)
		i := h & mask
		for lx.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		lx.slots[i] = lexSlot{hash: h, at: int32(k) + 1}
	}
	return lx
}
