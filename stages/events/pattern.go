package events

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook"
)

// A compiled verb pattern: the dictionary's tokens ([codebook.Pattern])
// turned into elements to find in a clause, in order.
type compiled struct {
	pre, post []element
	code      string
	// weight is how much the pattern says: its words, so that the most
	// specific of the patterns that match wins.
	weight int
	// negates marks a pattern whose words before the verb negate it
	// ("WILL NOT *"): its code is what the negated verb says.
	negates bool
	// joined marks a pattern whose words before the verb are joined to
	// it by "_" ("RECENTLY_*"): they stand right before it.
	joined bool
}

type elemKind uint8

const (
	elemWords    elemKind = iota + 1 // one of alts, its words next to each other
	elemPrep                         // a preposition (alts), then sub after it
	elemSource                       // "$": the source is the party here
	elemTarget                       // "+": the target is the party here
	elemSkip                         // "^": a party to step over
	elemCompound                     // "%": source and target both, a compound party
)

type element struct {
	kind elemKind
	// alts are the word sequences that stand for the element, as ids of
	// the vocabulary (see vocab): a synset gives one per phrase.
	alts [][]int32
	// first are the distinct first words of alts: a clause without any of
	// them cannot match.
	first []int32
	// firstSet has the bit of each id of first, when there are more than
	// a few: a synset's element has hundreds of alternatives, which find
	// need not try at a word that starts none of them.
	firstSet []uint64
	// heads are the first words of alts, one per alternative: find scans
	// them, in one array, where it would load the alternatives one by
	// one, each elsewhere in memory, to read their first word.
	heads []int32
	sub   []element // the elements of a prepositional phrase after its preposition
}

// wordsElement returns an element of kind elemWords that stands for the
// word sequences alts, as vocabulary ids (see vocab.words).
func wordsElement(alts [][]int32, first []int32) element {
	heads := make([]int32, len(alts))
	for k, a := range alts {
		heads[k] = a[0]
	}
	return element{kind: elemWords, alts: alts, first: first, firstSet: setOf(first), heads: heads}
}

// manyFirst is the number of first words above which an element keeps
// them as a set as well.
const manyFirst = 8

// startsWith reports whether one of e's alternatives starts with word id.
func (e *element) startsWith(id int32) bool {
	if e.firstSet == nil {
		return slices.Contains(e.first, id)
	}
	k := uint(id) / 64
	return k < uint(len(e.firstSet)) && e.firstSet[k]&(1<<(uint(id)%64)) != 0
}

// setOf returns the bitset of ids, nil if they are few.
func setOf(ids []int32) []uint64 {
	if len(ids) <= manyFirst {
		return nil
	}
	var set []uint64
	for _, id := range ids {
		for uint(len(set)) <= uint(id)/64 {
			set = append(set, 0)
		}
		set[id/64] |= 1 << (uint(id) % 64)
	}
	return set
}

// vocab numbers the words of the patterns, so that a clause's words are
// looked up once each and compared as integers.
type vocab map[string]int32

func (v vocab) id(w string) int32 {
	if id, ok := v[w]; ok {
		return id
	}
	id := int32(len(v))
	v[w] = id
	return id
}

// words returns the ids of alternatives of words, and their distinct first
// words.
func (v vocab) words(alts [][]string) ([][]int32, []int32) {
	out := make([][]int32, len(alts))
	var first []int32
	// One array holds the ids of every alternative: a synset's hundreds
	// of short phrases are one object to allocate and for the collector
	// to mark, not hundreds.
	n := 0
	for _, a := range alts {
		n += len(a)
	}
	ids := make([]int32, 0, n)
	for k, a := range alts {
		at := len(ids)
		for _, w := range a {
			ids = append(ids, v.id(w))
		}
		out[k] = ids[at:len(ids):len(ids)]
		if !slices.Contains(first, out[k][0]) {
			first = append(first, out[k][0])
		}
	}
	return out, first
}

// negations are the words that negate a verb before it.
var negations = map[string]bool{"NOT": true, "N'T": true, "NEVER": true, "WON'T": true, "CAN'T": true, "CANNOT": true,
	"WOULDN'T": true, "DOESN'T": true, "DON'T": true, "DIDN'T": true, "COULDN'T": true}

// patternCompiler compiles the patterns of a codebook into elements over
// one vocabulary. The same word or synset stands in many patterns (a
// synset of hundreds of phrases in dozens): its alternatives are made once
// and shared, read-only, by every element that stands for it.
type patternCompiler struct {
	cb     *codebook.Codebook
	voc    vocab
	shared map[string]element // by the tokens the element was read from
}

func newPatternCompiler(cb *codebook.Codebook) *patternCompiler {
	return &patternCompiler{cb: cb, voc: make(vocab), shared: make(map[string]element)}
}

// compile turns a pattern's tokens into elements. A "{…}" phrase and
// words joined by "_" must be next to each other; other elements may have
// words between them.
func (pc *patternCompiler) compile(p codebook.Pattern) (compiled, error) {
	pre, wp, err := pc.elements(p.Pre)
	if err != nil {
		return compiled{}, err
	}
	post, wq, err := pc.elements(p.Post)
	if err != nil {
		return compiled{}, err
	}
	negates := slices.ContainsFunc(p.Pre, func(t string) bool { return negations[t] })
	joined := len(p.Pre) > 0 && strings.HasSuffix(p.Pre[len(p.Pre)-1], "_")
	return compiled{pre: pre, post: post, code: p.Code, weight: wp + wq, negates: negates, joined: joined}, nil
}

func (pc *patternCompiler) elements(toks []string) ([]element, int, error) {
	var out []element
	weight := 0
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; t {
		case "$":
			out = append(out, element{kind: elemSource})
		case "+":
			out = append(out, element{kind: elemTarget})
		case "^":
			out = append(out, element{kind: elemSkip})
		case "%":
			out = append(out, element{kind: elemCompound})
		case "{":
			j := indexFrom(toks, i+1, "}")
			if j < 0 {
				return nil, 0, fmt.Errorf("unclosed {")
			}
			phrase := toks[i+1 : j]
			e, err := pc.words(strings.Join(phrase, " "), func() ([][]string, error) { return phraseAlts(phrase, pc.cb) })
			if err != nil {
				return nil, 0, err
			}
			out = append(out, e)
			weight += j - i - 1
			i = j
		case "(":
			j := indexFrom(toks, i+1, ")")
			if j < 0 || j == i+1 {
				return nil, 0, fmt.Errorf("bad prepositional phrase")
			}
			prep := toks[i+1]
			e, err := pc.words(prep, func() ([][]string, error) { return wordAlts(prep, pc.cb) })
			if err != nil {
				return nil, 0, err
			}
			sub, w, err := pc.elements(toks[i+2 : j])
			if err != nil {
				return nil, 0, err
			}
			e.kind, e.sub = elemPrep, sub
			out = append(out, e)
			weight += 1 + w
			i = j
		default:
			e, err := pc.words(t, func() ([][]string, error) { return wordAlts(t, pc.cb) })
			if err != nil {
				return nil, 0, err
			}
			out = append(out, e)
			weight++
		}
	}
	return out, weight, nil
}

// words returns the elemWords element read from the tokens key, whose
// alternatives alts gives, made the first time key is seen.
func (pc *patternCompiler) words(key string, alts func() ([][]string, error)) (element, error) {
	if e, ok := pc.shared[key]; ok {
		return e, nil
	}
	a, err := alts()
	if err != nil {
		return element{}, err
	}
	ids, first := pc.voc.words(a)
	e := wordsElement(ids, first)
	pc.shared[key] = e
	return e, nil
}

// wordAlts reads one token: a word, words joined by "_" (one of them may
// be a synset), or a synset, whose label may hold "_" as the dictionary's
// syntax allows ("&FIGHT_OF_WORDS").
func wordAlts(t string, cb *codebook.Codebook) ([][]string, error) {
	if label := strings.TrimSuffix(t, "_"); strings.HasPrefix(t, "&") && len(cb.Synset(label)) > 0 {
		return phraseAlts([]string{label}, cb)
	}
	return phraseAlts(strings.Split(strings.Trim(t, "_"), "_"), cb)
}

// phraseAlts expands consecutive words, any of which may be a synset,
// into every phrase they stand for.
func phraseAlts(words []string, cb *codebook.Codebook) ([][]string, error) {
	alts := [][]string{nil}
	for _, w := range words {
		var options [][]string
		if strings.HasPrefix(w, "&") {
			phrases := cb.Synset(strings.TrimSuffix(w, "_"))
			if len(phrases) == 0 {
				return nil, fmt.Errorf("undefined synset %s", w)
			}
			for _, p := range phrases {
				options = append(options, contractions(hyphens(strings.Fields(p))))
			}
		} else {
			options = [][]string{contractions(hyphens(strings.Split(strings.Trim(w, "_"), "_")))}
		}
		next := make([][]string, 0, len(alts)*len(options))
		for _, a := range alts {
			for _, o := range options {
				next = append(next, append(append([]string(nil), a...), o...))
			}
		}
		alts = next
	}
	return alts, nil
}

// contractions joins the negative contractions that the dictionaries
// write as the Penn Treebank splits them ("DID N'T", "WO N'T") into the
// one word the tokenizer reads ("DIDN'T", "WON'T").
func contractions(words []string) []string {
	if !slices.Contains(words, "N'T") {
		return words
	}
	var out []string
	for _, w := range words {
		if w == "N'T" && len(out) > 0 {
			out[len(out)-1] += w
			continue
		}
		out = append(out, w)
	}
	return out
}

// hyphens splits the words of a phrase at their hyphens, as the tokenizer
// splits text: "CEASE-FIRE" is CEASE, "-", FIRE.
func hyphens(words []string) []string {
	if !slices.ContainsFunc(words, func(w string) bool { return len(w) > 1 && strings.Contains(w, "-") }) {
		return words
	}
	var out []string
	for _, w := range words {
		for len(w) > 1 {
			k := strings.IndexByte(w, '-')
			if k < 0 {
				break
			}
			if k > 0 {
				out = append(out, w[:k])
			}
			out = append(out, "-")
			w = w[k+1:]
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func indexFrom(toks []string, from int, s string) int {
	for k := from; k < len(toks); k++ {
		if toks[k] == s {
			return k
		}
	}
	return -1
}
