package dupcorpus

import (
	"slices"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/corpus"
)

// Thresholds of the silver labels, on the exact Jaccard similarity of word
// shingle sets (see the package documentation).
const (
	// NearJaccard is the least similarity of a re-sent (near-copy) story.
	NearJaccard = 0.7
	// UncertainJaccard is the least similarity of an uncertain pair: from
	// it up to NearJaccard a pair is left out of scoring, unless it is a
	// hard negative.
	UncertainJaccard = 0.5
	// TemplateJaccard is the least similarity of the shapes of two stories
	// (figures and names masked) for them to share a template.
	TemplateJaccard = 0.6
	// FarCoverage is the least Coverage of two stories below
	// UncertainJaccard for them to be one story told at another length or
	// in other words: left out of scoring, as uncertain pairs are, when
	// the shorter has FarWords words or more, holds no figure the longer
	// lacks, and the two do not differ (see differ).
	FarCoverage = 0.8
	// FarWords is the least length of the shorter story of a far pair, in
	// DiffWords: in shorter notices and tables a template's words are most
	// of the text, and a word diff cannot tell a copy from a sibling.
	FarWords = 50
	// farOverlap is the least share of the shorter story's shingles that
	// the longer holds for a pair to be diffed at all; it bounds the work,
	// a diff costing the product of the two lengths.
	farOverlap = 0.25
)

// Band counts the pairs of Reuters stories whose similarity is in
// [From, To) (To 1 includes 1).
type Band struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Pairs int     `json:"pairs"`
	// Use says what the pairs of the band are labelled.
	Use string `json:"use"`
	// Of the band's pairs, HardNegatives are stories that share a template
	// but not their company or figures, SameStory are linked through other
	// pairs, and Uncertain are left out of scoring; set for the uncertain
	// band only.
	HardNegatives int `json:"hard_negatives,omitempty"`
	SameStory     int `json:"same_story,omitempty"`
	Uncertain     int `json:"uncertain,omitempty"`
	// FigureConflicts are pairs of a near band whose figures differ on
	// each side (a correction, or a notice of another day): uncertain
	// rather than near.
	FigureConflicts int `json:"figure_conflicts,omitempty"`
}

// Silver is what the silver labelling of Reuters-21578 found.
type Silver struct {
	// ExactGroups groups of ExactStories stories have identical
	// normalised bodies.
	ExactGroups  int    `json:"exact_groups"`
	ExactStories int    `json:"exact_stories"`
	Bands        []Band `json:"bands"`
	// TemplatePairs share a template and are different stories;
	// HardNegativePairs of them differ in company or figures.
	TemplatePairs     int `json:"template_pairs"`
	HardNegativePairs int `json:"hard_negative_pairs"`
}

// realLabels are the silver labels of the Reuters stories, by index.
type realLabels struct {
	story     unionFind // stories of one true story share a set
	exactOf   []int     // the least index with the same normalised body
	hard      [][2]int  // hard-negative pairs
	uncertain [][2]int  // pairs left out of scoring
	silver    Silver
}

// labelReal labels the Reuters stories; texts are their ReutersText.
func labelReal(stories []corpus.Story, texts []string) realLabels {
	n := len(stories)
	l := realLabels{story: newUnionFind(n), exactOf: make([]int, n)}
	bodies := make([]string, n)
	for i, s := range stories {
		bodies[i] = s.Body
		l.exactOf[i] = i
	}
	// Identical bodies first; then similarity over one body of each
	// group, expanded to every story pair.
	members := make(map[int][]int) // first of a group → the group
	for _, g := range ExactGroups(bodies) {
		l.silver.ExactGroups++
		l.silver.ExactStories += len(g)
		members[g[0]] = g
		for _, i := range g[1:] {
			l.exactOf[i] = g[0]
			l.story.union(g[0], i)
		}
	}
	var uniq []int
	var words [][]string
	for i := range stories {
		if l.exactOf[i] == i {
			uniq = append(uniq, i)
			words = append(words, Words(bodies[i]))
		}
	}
	group := func(i int) []int {
		if g, ok := members[i]; ok {
			return g
		}
		return []int{i}
	}
	type key [2]int
	sim := make(map[key]float64) // pairs from UncertainJaccard
	far := make(map[key]bool)    // far pairs (see FarCoverage)
	expand := func(p Pair, f func(k key)) {
		for _, a := range group(uniq[p.A]) {
			for _, b := range group(uniq[p.B]) {
				f(key{min(a, b), max(a, b)})
			}
		}
	}
	// A Jaccard similarity of UncertainJaccard implies a containment of as
	// much, above farOverlap: these are all the pairs Similar would give.
	for _, p := range Overlapping(words, farOverlap) {
		if p.Jaccard >= UncertainJaccard {
			expand(p, func(k key) { sim[k] = p.Jaccard })
			continue
		}
		a, b := DiffWords(bodies[uniq[p.A]]), DiffWords(bodies[uniq[p.B]])
		if min(len(a), len(b)) < FarWords || Coverage(a, b) < FarCoverage {
			continue
		}
		expand(p, func(k key) {
			if !figuresConflict(texts[k[0]], texts[k[1]], false) && !differ(stories[k[0]].Title, texts[k[0]], stories[k[1]].Title, texts[k[1]]) {
				far[k] = true
			}
		})
	}
	pairs := make([]key, 0, len(sim)+len(far))
	for k := range sim {
		pairs = append(pairs, k)
	}
	for k := range far {
		pairs = append(pairs, k)
	}
	slices.SortFunc(pairs, func(a, b key) int { return slices.Compare(a[:], b[:]) })

	l.silver.Bands = []Band{
		{From: 0.9, To: 1, Use: "near"},
		{From: NearJaccard, To: 0.9, Use: "near"},
		{From: UncertainJaccard, To: NearJaccard, Use: "uncertain unless a hard negative"},
		{From: 0, To: UncertainJaccard, Use: "uncertain when one story by word diff, unless a hard negative"},
	}
	near := func(k key) bool {
		return sim[k] >= NearJaccard && !figuresConflict(texts[k[0]], texts[k[1]], true)
	}
	bandOf := func(k key) *Band {
		switch j := sim[k]; {
		case far[k]:
			return &l.silver.Bands[3]
		case j >= 0.9:
			return &l.silver.Bands[0]
		case j >= NearJaccard:
			return &l.silver.Bands[1]
		}
		return &l.silver.Bands[2]
	}
	for _, k := range pairs {
		band := bandOf(k)
		band.Pairs++
		if sim[k] >= NearJaccard && !near(k) {
			band.FigureConflicts++
		}
		if near(k) {
			l.story.union(k[0], k[1])
		}
	}

	// Template pairs: similar shapes, different stories.
	shapes := make([][]string, n)
	for i, t := range texts {
		shapes[i] = shape(t)
	}
	hard := make(map[key]bool)
	for _, p := range Similar(shapes, TemplateJaccard) {
		if l.story.find(p.A) == l.story.find(p.B) {
			continue
		}
		l.silver.TemplatePairs++
		a, b := stories[p.A], stories[p.B]
		if differ(a.Title, texts[p.A], b.Title, texts[p.B]) {
			hard[key{p.A, p.B}] = true
			l.hard = append(l.hard, [2]int{p.A, p.B})
		}
	}
	l.silver.HardNegativePairs = len(l.hard)

	for _, k := range pairs {
		if near(k) {
			continue
		}
		band := bandOf(k)
		switch {
		case l.story.find(k[0]) == l.story.find(k[1]):
			band.SameStory++
		case hard[k]:
			band.HardNegatives++
		default:
			band.Uncertain++
			l.uncertain = append(l.uncertain, k)
		}
	}
	return l
}

// differ says whether two stories that share a template are about
// different things. Stories with the same headline are not: a re-sent
// story or its correction. Else, when title or text name the company of
// both the same way (see companies), the names decide; else the figures
// do, when each story has figures the other lacks: a story cut short or
// with a figure added is the same story.
func differ(titleA, textA, titleB, textB string) bool {
	if Normalize(titleA) == Normalize(titleB) {
		return false
	}
	same, other := false, false
	for _, a := range companies(titleA, textA) {
		for _, b := range companies(titleB, textB) {
			if a.kind == b.kind {
				same = same || a.value == b.value
				other = other || a.value != b.value
			}
		}
	}
	switch {
	case same:
		return false
	case other:
		return true
	}
	fa, fb := figures(textA), figures(textB)
	return len(without(fa, fb)) > 0 && len(without(fb, fa)) > 0
}

// figuresConflict says whether two stories hold figures that the other
// lacks: on each side when both is set, else in the shorter (by figure
// count) story, which a longer version of it would hold all of.
func figuresConflict(textA, textB string, both bool) bool {
	fa, fb := figures(textA), figures(textB)
	if both {
		return len(without(fa, fb)) > 0 && len(without(fb, fa)) > 0
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	return len(without(fa, fb)) > 0
}

// without returns the multiset a less the multiset b.
func without(a, b []string) []string {
	left := make(map[string]int)
	for _, v := range b {
		left[v]++
	}
	var out []string
	for _, v := range a {
		if left[v] > 0 {
			left[v]--
		} else {
			out = append(out, v)
		}
	}
	return out
}
