package dupcorpus

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
)

// Edits says what EditText did to a text.
type Edits struct {
	// Level is the share of the source's words asked to be affected, in
	// percent; Words is the number of the source's words.
	Level int `json:"level"`
	Words int `json:"words"`
	// Typos counts words given a typing error; the others count the
	// paragraphs and sentences dropped and added and their words.
	Typos             int `json:"typos"`
	DroppedParagraphs int `json:"dropped_paragraphs"`
	AddedParagraphs   int `json:"added_paragraphs"`
	DroppedSentences  int `json:"dropped_sentences"`
	AddedSentences    int `json:"added_sentences"`
	DroppedWords      int `json:"dropped_words"`
	AddedWords        int `json:"added_words"`
}

// Affected returns the number of words the edits affected: those with a
// typo, dropped or added.
func (e Edits) Affected() int { return e.Typos + e.DroppedWords + e.AddedWords }

// Target returns the number of words a level asks to affect in a text of
// n words: level percent of n, rounded.
func Target(level, n int) int {
	return int(math.Round(float64(level) * float64(n) / 100))
}

// Pool is text that edits may add to a story: the paragraphs of other
// stories, each with the id of its story.
type Pool struct {
	paras  [][]string
	owners []string
}

// Add adds the paragraphs of story id's text to the pool.
func (p *Pool) Add(id, text string) {
	for _, para := range Paragraphs(text) {
		p.paras = append(p.paras, strings.Fields(para))
		p.owners = append(p.owners, id)
	}
}

// pick returns the longest of a few paragraphs (or, when sentence is
// set, sentences of paragraphs) drawn at random from stories other than
// id that has at most most words; nil when none of those drawn fits.
func (p *Pool) pick(r *rand.Rand, id string, most int, sentence bool) []string {
	var best []string
	for range 16 {
		if len(p.paras) == 0 {
			break
		}
		i := r.IntN(len(p.paras))
		if p.owners[i] == id {
			continue
		}
		cand := p.paras[i]
		if sentence {
			ss := sentences(cand)
			cand = ss[r.IntN(len(ss))]
		}
		if len(cand) <= most && len(cand) > len(best) {
			best = cand
		}
	}
	return best
}

// sentence is a run of words of a paragraph; added is set for text taken
// from another story.
type sentence struct {
	words []string
	added bool
}

// EditText returns a copy of the story id's text with level percent of
// its words affected (see Target): a fifth of them, at least one, get a
// typing error (see Typo); the rest go to paragraphs and sentences
// dropped, or added from other stories of pool, each chosen at random
// among those that fit in what is left; what no such edit fits goes to
// more typos. Typos hit only the source's words of four letters or more;
// when there are too few, Typos says how many were made. The result has
// the source's paragraphs (less those dropped, plus those added) with
// their words separated by single spaces.
func EditText(r *rand.Rand, id, text string, level int, pool *Pool) (string, Edits) {
	var doc [][]sentence
	e := Edits{Level: level}
	for _, p := range Paragraphs(text) {
		var para []sentence
		for _, s := range sentences(strings.Fields(p)) {
			para = append(para, sentence{words: s})
			e.Words += len(s)
		}
		doc = append(doc, para)
	}
	target := Target(level, e.Words)
	typos := 0
	if target > 0 {
		typos = max(1, int(math.Round(float64(target)/5)))
	}
	left := target - typos
	for left > 0 {
		type drop struct{ p, s int } // s < 0: the whole paragraph
		var drops []drop
		for pi, para := range doc {
			original, n := 0, 0
			for _, s := range para {
				if !s.added {
					original++
					n += len(s.words)
				}
			}
			if original == len(para) && n <= left && len(doc) > 2 {
				drops = append(drops, drop{pi, -1})
			}
			for si, s := range para {
				if !s.added && len(para) > 1 && len(s.words) <= left {
					drops = append(drops, drop{pi, si})
				}
			}
		}
		addPara := pool.pick(r, id, left, false)
		addSent := pool.pick(r, id, left, true)
		var ops []int
		if len(drops) > 0 {
			ops = append(ops, 0)
		}
		if addPara != nil {
			ops = append(ops, 1)
		}
		if addSent != nil {
			ops = append(ops, 2)
		}
		if len(ops) == 0 {
			break
		}
		switch ops[r.IntN(len(ops))] {
		case 0:
			d := drops[r.IntN(len(drops))]
			if d.s < 0 {
				for _, s := range doc[d.p] {
					left -= len(s.words)
					e.DroppedWords += len(s.words)
				}
				doc = append(doc[:d.p], doc[d.p+1:]...)
				e.DroppedParagraphs++
			} else {
				n := len(doc[d.p][d.s].words)
				left -= n
				e.DroppedWords += n
				doc[d.p] = append(doc[d.p][:d.s], doc[d.p][d.s+1:]...)
				e.DroppedSentences++
			}
		case 1:
			pi := r.IntN(len(doc) + 1)
			para := []sentence{{words: addPara, added: true}}
			doc = append(doc[:pi], append([][]sentence{para}, doc[pi:]...)...)
			left -= len(addPara)
			e.AddedWords += len(addPara)
			e.AddedParagraphs++
		case 2:
			pi := r.IntN(len(doc))
			si := r.IntN(len(doc[pi]) + 1)
			s := sentence{words: addSent, added: true}
			doc[pi] = append(doc[pi][:si], append([]sentence{s}, doc[pi][si:]...)...)
			left -= len(addSent)
			e.AddedWords += len(addSent)
			e.AddedSentences++
		}
	}
	e.Typos = addTypos(r, doc, typos+left)
	paras := make([]string, len(doc))
	for i, para := range doc {
		var words []string
		for _, s := range para {
			words = append(words, s.words...)
		}
		paras[i] = strings.Join(words, " ")
	}
	return strings.Join(paras, "\n\n"), e
}

// addTypos gives n distinct words of the source, of four letters or
// more, a typing error, and returns how many it could.
func addTypos(r *rand.Rand, doc [][]sentence, n int) int {
	type at struct{ p, s, w int }
	var cands []at
	for pi, para := range doc {
		for si, s := range para {
			if s.added {
				continue
			}
			for wi, w := range s.words {
				if letters(w) >= 4 {
					cands = append(cands, at{pi, si, wi})
				}
			}
		}
	}
	n = min(n, len(cands))
	for _, k := range r.Perm(len(cands))[:n] {
		c := cands[k]
		s := &doc[c.p][c.s]
		// Copy on write: the words may be shared with the source's.
		s.words = append([]string(nil), s.words...)
		s.words[c.w] = Typo(r, s.words[c.w])
	}
	return n
}

// Typo returns word with one typing error: two adjacent, different
// letters swapped, or, when it has none or by chance, one letter dropped.
// The result differs from word whenever word has a letter.
func Typo(r *rand.Rand, word string) string {
	rs := []rune(word)
	var swaps, lets []int
	for i, c := range rs {
		if !unicode.IsLetter(c) {
			continue
		}
		lets = append(lets, i)
		if i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && unicode.ToLower(rs[i+1]) != unicode.ToLower(c) {
			swaps = append(swaps, i)
		}
	}
	switch {
	case len(lets) == 0:
		return word
	case len(swaps) > 0 && r.IntN(2) == 0:
		i := swaps[r.IntN(len(swaps))]
		rs[i], rs[i+1] = rs[i+1], rs[i]
	default:
		i := lets[r.IntN(len(lets))]
		rs = append(rs[:i], rs[i+1:]...)
	}
	return string(rs)
}
