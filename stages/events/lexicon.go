package events

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// lexEntry is what the coder knows of a word in capitals, gathered from
// the codebook and the gazetteer when the stage is built, so that each
// token of an article is looked up once.
type lexEntry struct {
	id   int32    // the word's id in the patterns' vocabulary, -1 if none
	sing int32    // the id of the word's singular, for a plural ("RESTRICTIONS"), -1 if none
	verb int32    // index into lexicon.verbs of the one-word verb form the word is, -1 if none
	tags wordTags // copied to each token of the word (see coder.tags)
	// size and prefix are the word's length and first eight bytes (see
	// wordKey): finish compares a word of eight bytes or fewer with them
	// alone, in the entry it returns, rather than with the word's text
	// elsewhere in memory.
	size   uint8
	facts  wordFacts // what tags say of the word's facts (see markFacts)
	rare   uint16    // index into lexicon.rare, 0 if the word is no role or nationality
	dictAt int32     // index into lexicon.starts, 0 if the word starts no phrase of the dictionaries
	prefix uint64
}

// lexRare is what the coder knows of a word in capitals and asks only of
// a few: kept apart from its lexEntry, so that the entries every token
// reads are half a cache line each, and more of them stay in the cache
// beside the other stages' tables, and only for the words that have it.
type lexRare struct {
	sector  string // the sector of the word as a role or agent alone ("POLICE": COP)
	demonym string // the country (alpha-3) of a nationality word ("RUSSIAN": RUS)
}

// wordTags are what the coder asks of a word over and over, as bits: its
// classes (the low sixteen bits, a wordClass), and the other marks below.
// The coder copies them to each token of the word, so that a question is
// a mask on one small word per token rather than a load of the entry,
// which by then has left the cache.
type wordTags uint32

const (
	// The word starts a phrase of the actor dictionaries, of actors,
	// agents or discards, so that only such words are looked up there.
	tagDictActor wordTags = 1 << (16 + iota)
	tagDictAgent
	tagDictDiscard
	// The word stands after the first in a verb form ("FOR" of "ASKED
	// FOR") or in a role ("MINISTER" of "PRIME MINISTER"): a run of
	// words with one that is neither is no such phrase, and needs no
	// lookup.
	tagInnerVerb
	tagInnerRole
	tagVerb      // the word is a verb form of one word (lexEntry.verb)
	tagMultiVerb // the word starts a verb form of several words ("ASKED" of "ASKED FOR")
	tagRole      // the word alone is a role or agent, maybe of no sector ("CHAIRMAN")
	tagRoleStart // the word starts a role of several words ("PRIME" of "PRIME MINISTER")
	tagSector    // the word alone is a role or agent of a sector (lexRare.sector)
	tagDemonym   // the word is a nationality (lexRare.demonym)
	tagCurrency  // the word is money, of the dictionary's &CURRENCY ("FRANCS")
)

// wordClass marks the function words the coder reads a sentence by, one
// bit per list (determiners, prepositions…), so that testing a token is a
// mask rather than a lookup.
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
	classClosed
	classSubordinator
	classOpener
	classVerbAfter
)

// wordClasses are the lists of function words and their classes.
var wordClasses = []struct {
	words map[string]bool
	class wordClass
}{
	{determiners, classDeterminer}, {prepositions, classPreposition}, {placePrepositions, classPlacePreposition},
	{pronouns, classPronoun}, {quantifiers, classQuantifier}, {skippable, classSkippable}, {notVerbs, classNotVerb},
	{titleWords, classTitle}, {countingWords, classCounting}, {closedClass, classClosed},
	{subordinators, classSubordinator}, {clauseOpeners, classOpener}, {verbAfter, classVerbAfter},
}

// verbAfter are the words a verb follows rather than an adjective or a
// noun: "to", the modals, the forms of "do" ("will attack Hamas").
var verbAfter = map[string]bool{
	"TO": true, "WILL": true, "WOULD": true, "CAN": true, "COULD": true, "MAY": true, "MIGHT": true,
	"SHALL": true, "SHOULD": true, "MUST": true, "DID": true, "DOES": true, "DO": true,
}

// countingWords start a count before a party: "at least 75", "more than
// 500 civilians".
var countingWords = map[string]bool{"AT": true, "MORE": true, "FEWER": true, "LESS": true}

var noEntry = lexEntry{id: -1, sing: -1, verb: -1}

// lexicon maps words in capitals to what the coder knows of them. It is
// an open-addressing table of 8-byte slots rather than a map: every token
// of an article is looked up, half of them miss, and a table a third the
// size of a map's stays in the cache. A hit reads the slot and the entry,
// which the coder reads next anyway.
type lexicon struct {
	slots   []lexSlot  // a power of two, at most half full
	mask    uint32     // len(slots) - 1
	words   []string   // per entry
	entries []lexEntry // noEntry first
	// rare has what the few entries that are a role or a nationality
	// (tagSector, tagDemonym) know of it, the zero lexRare first.
	rare        []lexRare
	tooManyRare bool // more of them than lexEntry.rare can index
	verbs       []codebook.Verb
	// baseForm says, per verb of verbs, that its form is the first word
	// of its lemma ("MEET", not "MET"), for the words in verb position
	// to be told apart before their verb is read. A lemma written in the
	// past ("SAID", "MET", "KILLED", as dictionaries keyed on the text
	// they coded have them) is not a base form.
	baseForm []bool
	// starts are what the actor dictionaries know of the words that
	// start their phrases, read here once so that a lookup need not.
	starts []actors.Start
}

// newLexicon gathers the patterns' vocabulary, the gazetteer's roles and
// nationalities, the codebook's verb forms and the first words of the
// actor dictionaries' phrases.
func newLexicon(voc vocab, cb *codebook.Codebook, dict *actors.Dictionary) (*lexicon, error) {
	index := make(map[string]int32, len(voc)*2)
	lx := &lexicon{words: []string{""}, entries: []lexEntry{noEntry}, rare: []lexRare{{}}, starts: []actors.Start{{}}}
	slot := func(w string) int32 {
		k, ok := index[w]
		if !ok {
			k = int32(len(lx.entries))
			index[w] = k
			lx.words = append(lx.words, w)
			lx.entries = append(lx.entries, noEntry)
		}
		return k
	}
	at := func(w string) *lexEntry { return &lx.entries[slot(w)] }
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
			if n := len(w); w[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[n-2])) {
				at(w[:n-1] + "IES").sing = id // "ANTIQUITIES", "CASUALTIES"
			}
		}
	}
	for phrase, sector := range gazetteer.Roles() {
		first, _, multi := strings.Cut(phrase, " ")
		k := slot(first)
		if multi {
			lx.entries[k].tags |= tagRoleStart
		} else {
			lx.entries[k].tags |= tagRole
			if sector != "" {
				lx.entries[k].tags |= tagSector
				lx.rareOf(k).sector = sector
			}
		}
		// A role is looked up by the text of its words (see mayBeRole),
		// which white space of any kind may separate.
		words := strings.FieldsFunc(phrase, isSpaceASCII)
		for k := 1; k < len(words); k++ {
			at(words[k]).tags |= tagInnerRole
		}
	}
	for _, w := range counterparts {
		lx.entries[slot(w)].tags |= tagRole
	}
	for word, cc := range gazetteer.Demonyms() {
		if !strings.Contains(word, " ") {
			if code := iso3(cc); code != "" {
				k := slot(word)
				lx.entries[k].tags |= tagDemonym
				lx.rareOf(k).demonym = code
			}
		}
	}
	for _, phrase := range cb.Synset("&CURRENCY") {
		if !strings.Contains(phrase, " ") {
			at(phrase).tags |= tagCurrency
		}
	}
	for form, v := range cb.Forms() {
		first, rest, multi := strings.Cut(form, " ")
		e := at(first)
		if !multi {
			e.verb = int32(len(lx.verbs))
			lx.verbs = append(lx.verbs, v)
			lx.baseForm = append(lx.baseForm, form == firstWord(v.Lemma) && !pastForm(form))
			continue
		}
		e.tags |= tagMultiVerb
		// A form is looked up by its words joined by spaces (see
		// multiWordVerb).
		for _, w := range strings.Split(rest, " ") {
			at(w).tags |= tagInnerVerb
		}
	}
	if dict != nil {
		for _, k := range []struct {
			kind actors.Kind
			tag  wordTags
		}{{actors.Actors, tagDictActor}, {actors.Agents, tagDictAgent}, {actors.Discards, tagDictDiscard}} {
			for w := range dict.FirstWords(k.kind) {
				at(w).tags |= k.tag
			}
		}
		for w, s := range dict.Starts() {
			at(w).dictAt = int32(len(lx.starts))
			lx.starts = append(lx.starts, s)
		}
	}
	for _, wc := range wordClasses {
		for w := range wc.words {
			at(w).tags |= wordTags(wc.class)
		}
	}
	for k := range lx.entries {
		e := &lx.entries[k]
		if e.verb >= 0 {
			e.tags |= tagVerb
		}
		e.facts = factsOf(e.tags)
	}
	n := 1
	for n < 2*len(lx.entries) {
		n *= 2
	}
	lx.slots, lx.mask = make([]lexSlot, n), uint32(n-1)
	mask := lx.mask
	for k, w := range lx.words[1:] {
		h, prefix := wordKey([]byte(w))
		e := &lx.entries[k+1]
		e.size, e.prefix = uint8(min(len(w), 255)), prefix
		i := h & mask
		for lx.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		lx.slots[i] = lexSlot{hash: h, at: int32(k) + 1}
	}
	if lx.tooManyRare {
		return nil, fmt.Errorf("lexicon: more than %d roles and nationalities", math.MaxUint16)
	}
	return lx, nil
}

// rareOf returns the lexRare of entry k, made on first use.
func (lx *lexicon) rareOf(k int32) *lexRare {
	e := &lx.entries[k]
	if e.rare == 0 {
		if len(lx.rare) > math.MaxUint16 {
			lx.tooManyRare = true // newLexicon fails
			return new(lexRare)
		}
		e.rare = uint16(len(lx.rare))
		lx.rare = append(lx.rare, lexRare{})
	}
	return &lx.rare[e.rare]
}

// upperASCII turns the ASCII letters of b into capitals in place and
// returns b; other bytes, those of UTF-8 sequences included, are left as
// they are. It works on eight bytes at a time, as every article's text
// goes through it.
func upperASCII(b []byte) []byte {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// Per byte, with the top bit cleared so that the additions do
		// not carry over: its top bit is set by adding 0x80-'a' when it
		// is 'a' or more, and by adding 0x80-'z'-1 when it is past 'z'.
		x := w &^ high
		lower := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones) &^ w & high
		binary.LittleEndian.PutUint64(b[i:], w^lower>>2)
	}
	for ; i < len(b); i++ {
		if 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return b
}

// mayBeVerbForm reports whether tokens [i, j) may be a verb form of
// several words: whether each word after the first stands in one.
func (c *coder) mayBeVerbForm(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !c.has(k, tagInnerVerb) {
			return false
		}
	}
	return true
}

// mayBeRole reports whether the text of tokens [i, j) may be a role of
// several words, which gazetteer.Role looks up in capitals: not when a
// word after the first stands in none. That holds of ASCII text, whose
// capitals are the words', between which only white space stands, as the
// tokenizer leaves it; other text may fold in ways the words do not, and
// is left to the lookup.
func (c *coder) mayBeRole(i, j int) bool {
	inner := true
	for k := i + 1; k < j; k++ {
		if c.toks[k].Flags&token.SpaceBefore == 0 {
			return true
		}
		inner = inner && c.has(k, tagInnerRole)
	}
	if inner {
		return true
	}
	text := c.text[c.toks[i].Start:c.toks[j-1].End]
	for k := 0; k < len(text); k++ {
		if text[k] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func isSpaceASCII(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
}

// counterparts are roles the gazetteer does not know, of no sector of
// their own: "met his Greek counterpart" is the Greek holder of the
// subject's post.
var counterparts = []string{"COUNTERPART", "COUNTERPARTS"}
