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
	sector    string // the sector of the word as a role or agent alone ("POLICE": COP)
	role      bool   // the word alone is a role or agent, maybe of no sector ("CHAIRMAN")
	roleStart bool   // the word starts a role of several words ("PRIME" of "PRIME MINISTER")
	demonym   string // the country (alpha-2) of a nationality word ("RUSSIAN": RU)
	verb      bool   // a verb form of the dictionary, or the first word of one
}

var noEntry = lexEntry{id: -1}

// lexicon maps words in capitals to what the coder knows of them. The map
// holds small indexes into entries, which keeps it dense in the cache.
type lexicon struct {
	index   map[string]int32
	entries []lexEntry
}

// lookup returns the entry of a word, noEntry if none.
func (lx *lexicon) lookup(w string) lexEntry {
	if k, ok := lx.index[w]; ok {
		return lx.entries[k]
	}
	return noEntry
}

// newLexicon gathers the patterns' vocabulary, the gazetteer's roles and
// nationalities and the codebook's verb forms.
func newLexicon(voc vocab, cb *codebook.Codebook) *lexicon {
	lx := &lexicon{index: make(map[string]int32, len(voc)*2)}
	at := func(w string) *lexEntry {
		k, ok := lx.index[w]
		if !ok {
			k = int32(len(lx.entries))
			lx.index[w] = k
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
	for form := range cb.Forms() {
		first, _, _ := strings.Cut(form, " ")
		at(first).verb = true
	}
	return lx
}
