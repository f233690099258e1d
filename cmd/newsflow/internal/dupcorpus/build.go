package dupcorpus

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/corpus"
)

// Labels of items: what an item is to the items before it in the stream.
const (
	Original    = "original"     // the first of its story in the stream
	Exact       = "exact"        // the same text as an earlier item of its story, but for case, white space, quotes and boilerplate lines
	ReutersNear = "reuters-near" // a real re-sent Reuters story, not identical to any earlier one of its story
)

// Levels are the edit levels of generated copies, in percent of the
// source's words; copies of level 0 are exact.
var Levels = []int{0, 5, 10, 20, 30}

// LevelLabel returns the label of a generated copy of level percent:
// Exact for 0, "near-<level>" otherwise.
func LevelLabel(level int) string {
	if level == 0 {
		return Exact
	}
	return "near-" + strconv.Itoa(level)
}

// Sources of items.
const (
	SourceReuters  = "reuters"  // a Reuters-21578 story
	SourceGUM      = "gum"      // a GUM news text
	SourceCopy     = "copy"     // a generated copy of one of the above
	SourceTemplate = "template" // a generated hard negative
)

// Sizes of the generated parts.
const (
	// ReutersCopies is the number of Reuters stories copied, one copy
	// each, the levels in turn; every GUM text gets one copy per level.
	ReutersCopies = 500
	// TemplateNegatives is the most template stories generated.
	TemplateNegatives = 200
	// A Reuters story copied has this many words and paragraphs at least,
	// so that the smallest level still means a few words.
	minCopyWords      = 150
	minCopyParagraphs = 4
)

// Item is one article of the stream.
type Item struct {
	ID     string
	Title  string
	Text   string // as the clean stage leaves it: paragraphs separated by "\n\n"
	Source string
	// Group is the item's true story, an arbitrary number: items of one
	// group are copies of each other.
	Group int
	Label string
	// Of is, for a generated item, the id of the item it was made from.
	Of string
	// Edits and Cosmetics say how a generated copy was made.
	Edits     *Edits
	Cosmetics Cosmetics
	// HardNegative is set when an earlier item shares the item's template
	// but not its story: matching the two would be a false positive.
	HardNegative bool
	// Jaccard is, for a generated item, the silver similarity to Of.
	Jaccard float64
}

// Stats counts what the corpus holds.
type Stats struct {
	Items             int            `json:"items"`
	Reuters           int            `json:"reuters"`
	GUM               int            `json:"gum"`
	Copies            int            `json:"copies"`
	TemplateNegatives int            `json:"template_negatives"`
	Labels            map[string]int `json:"labels"`
	// Generated counts the generated copies by label.
	Generated map[string]int `json:"generated"`
	// HardNegativeItems have an earlier item of the same template and
	// another story, from HardNegativePairs pairs (real and generated).
	HardNegativeItems int `json:"hard_negative_items"`
	HardNegativePairs int `json:"hard_negative_pairs"`
	UncertainPairs    int `json:"uncertain_pairs"`
	// MeanJaccard is the mean silver similarity of generated items to
	// their source, by label ("template" for the hard negatives).
	MeanJaccard map[string]float64 `json:"mean_jaccard"`
	Silver      Silver             `json:"silver"`
}

// Corpus is the labelled stream.
type Corpus struct {
	// Items are in stream order: each generated item after its source.
	Items     []Item
	Stats     Stats
	index     map[string]int
	uncertain map[[2]string]bool
}

// Index returns the position of the item with id in Items.
func (c *Corpus) Index(id string) (int, bool) {
	i, ok := c.index[id]
	return i, ok
}

// Uncertain says whether the pair of items a and b is left out of
// scoring: real stories of uncertain similarity (see UncertainJaccard).
func (c *Corpus) Uncertain(a, b string) bool {
	return c.uncertain[[2]string{min(a, b), max(a, b)}]
}

// Build reads Reuters-21578 (reuters21578/) and GUM news
// (gum-news/ner-gold.jsonl) under dir, labels them and makes the copies
// and negatives, all deterministic for seed.
func Build(dir string, seed uint64) (*Corpus, error) {
	stories, err := corpus.ReadReuters(filepath.Join(dir, "reuters21578"))
	if err != nil {
		return nil, fmt.Errorf("dupcorpus: %w", err)
	}
	gums, err := readGUM(filepath.Join(dir, "gum-news", "ner-gold.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("dupcorpus: %w", err)
	}
	b := &builder{stories: stories}
	b.texts = make([]string, len(stories))
	for i, s := range stories {
		b.texts[i] = ReutersText(s.Body)
		b.add(Item{ID: "reuters-" + s.NewID, Title: s.Title, Text: b.texts[i], Source: SourceReuters}, -1)
	}
	b.real = labelReal(stories, b.texts)
	for i := range stories {
		b.items[i].Group = b.real.story.find(i)
	}
	var gumPool Pool
	for _, g := range gums {
		title, text, _ := strings.Cut(g.Text, "\n\n")
		gumPool.Add("gum-"+g.Doc, text)
		b.add(Item{ID: "gum-" + g.Doc, Title: strings.TrimSpace(title), Text: text, Source: SourceGUM}, -1)
	}
	b.originals = len(b.items)
	b.copies(rand.New(rand.NewPCG(seed, 1)), &gumPool)
	b.negatives(rand.New(rand.NewPCG(seed, 2)))
	return b.stream(rand.New(rand.NewPCG(seed, 3))), nil
}

// builder holds the items as they are made: the Reuters stories in corpus
// order first, then the GUM texts, then the generated items.
type builder struct {
	stories   []corpus.Story
	texts     []string
	real      realLabels
	items     []Item
	source    []int // the item a generated item was made from; -1 for originals
	originals int
	hard      [][2]int // hard-negative pairs of items
}

func (b *builder) add(it Item, source int) {
	if source < 0 {
		it.Group = len(b.items)
	} else {
		it.Group = b.items[source].Group
		it.Of = b.items[source].ID
		it.Jaccard = Jaccard(Words(it.Text), Words(b.items[source].Text))
	}
	b.items = append(b.items, it)
	b.source = append(b.source, source)
}

// copies makes the generated copies: of ReutersCopies Reuters stories that
// take part in no real pair, one each, and of every GUM text, one per
// level.
func (b *builder) copies(r *rand.Rand, gumPool *Pool) {
	involved := make([]bool, len(b.stories))
	size := make(map[int]int)
	for i := range b.stories {
		size[b.real.story.find(i)]++
	}
	for _, pairs := range [][][2]int{b.real.hard, b.real.uncertain} {
		for _, p := range pairs {
			involved[p[0]], involved[p[1]] = true, true
		}
	}
	var eligible []int
	for i := range b.stories {
		if !involved[i] && size[b.real.story.find(i)] == 1 &&
			len(strings.Fields(b.texts[i])) >= minCopyWords && len(Paragraphs(b.texts[i])) >= minCopyParagraphs {
			eligible = append(eligible, i)
		}
	}
	r.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	eligible = eligible[:min(len(eligible), ReutersCopies)]
	var pool Pool
	for i := range b.stories {
		pool.Add(b.items[i].ID, b.texts[i])
	}
	for k, i := range eligible {
		b.copy(r, i, Levels[k%len(Levels)], &pool)
	}
	for i := len(b.stories); i < b.originals; i++ {
		for _, level := range Levels {
			b.copy(r, i, level, gumPool)
		}
	}
}

func (b *builder) copy(r *rand.Rand, source, level int, pool *Pool) {
	src := b.items[source]
	text, e := EditText(r, src.ID, src.Text, level, pool)
	title, text, c := dress(r, src.Title, text)
	b.add(Item{
		ID: src.ID + "~" + strconv.Itoa(level), Title: title, Text: text, Source: SourceCopy,
		Label: LevelLabel(level), Edits: &e, Cosmetics: c,
	}, source)
}

// negatives makes up to TemplateNegatives stories, each cut from the
// template of a Reuters story in a real hard-negative pair (see
// substitute), and pairs each with its template story.
func (b *builder) negatives(r *rand.Rand) {
	b.hard = append(b.hard, b.real.hard...)
	var cands, donors []int
	inPair := make([]bool, len(b.stories))
	for _, p := range b.real.hard {
		inPair[p[0]], inPair[p[1]] = true, true
	}
	for i, s := range b.stories {
		if _, _, _, ok := tickerTitle(s.Title); ok {
			donors = append(donors, i)
			if inPair[i] {
				cands = append(cands, i)
			}
		}
	}
	if len(donors) == 0 {
		return
	}
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	made := 0
	for _, a := range cands {
		if made == TemplateNegatives {
			break
		}
		for range 5 {
			d := donors[r.IntN(len(donors))]
			title, text, ok := substitute(r, b.stories[a].Title, b.texts[a], b.stories[d].Title, b.texts[d])
			if !ok {
				continue
			}
			b.add(Item{ID: "template-" + b.stories[a].NewID, Title: title, Text: text, Source: SourceTemplate}, a)
			last := len(b.items) - 1
			b.items[last].Group = last // another story
			b.hard = append(b.hard, [2]int{a, last})
			made++
			break
		}
	}
}

// stream orders the items, labels them and counts them. Originals are
// shuffled; each generated item goes at a random place after its source.
func (b *builder) stream(r *rand.Rand) *Corpus {
	pos := make([]float64, len(b.items))
	for k, i := range r.Perm(b.originals) {
		pos[i] = float64(k)
	}
	for i := b.originals; i < len(b.items); i++ {
		s := pos[b.source[i]]
		pos[i] = s + r.Float64()*(float64(b.originals)-s)
	}
	order := make([]int, len(b.items))
	for i := range order {
		order[i] = i
	}
	// Ties go by index: a generated item comes after its source.
	slices.SortFunc(order, func(x, y int) int { return cmp.Or(cmp.Compare(pos[x], pos[y]), cmp.Compare(x, y)) })
	at := make([]int, len(b.items)) // item → stream position
	for k, i := range order {
		at[i] = k
	}

	seen := make(map[int][]int) // group → its items so far
	for _, i := range order {
		it := &b.items[i]
		earlier := seen[it.Group]
		if it.Source != SourceCopy {
			it.Label = Original
			if i < len(b.stories) && len(earlier) > 0 {
				it.Label = ReutersNear
				for _, j := range earlier {
					if j < len(b.stories) && b.real.exactOf[j] == b.real.exactOf[i] {
						it.Label = Exact
					}
				}
			}
		}
		seen[it.Group] = append(earlier, i)
	}
	for _, p := range b.hard {
		later := p[0]
		if at[p[1]] > at[p[0]] {
			later = p[1]
		}
		b.items[later].HardNegative = true
	}

	c := &Corpus{index: make(map[string]int), uncertain: make(map[[2]string]bool)}
	for _, p := range b.real.uncertain {
		a, z := b.items[p[0]].ID, b.items[p[1]].ID
		c.uncertain[[2]string{min(a, z), max(a, z)}] = true
	}
	for k, i := range order {
		c.Items = append(c.Items, b.items[i])
		c.index[b.items[i].ID] = k
	}
	c.Stats = b.stats(c.Items)
	c.Stats.UncertainPairs = len(c.uncertain)
	c.Stats.HardNegativePairs = len(b.hard)
	return c
}

func (b *builder) stats(items []Item) Stats {
	s := Stats{
		Items: len(items), Labels: make(map[string]int), Generated: make(map[string]int),
		MeanJaccard: make(map[string]float64), Silver: b.real.silver,
	}
	n := make(map[string]int)
	for _, it := range items {
		s.Labels[it.Label]++
		if it.HardNegative {
			s.HardNegativeItems++
		}
		switch it.Source {
		case SourceReuters:
			s.Reuters++
		case SourceGUM:
			s.GUM++
		case SourceCopy:
			s.Copies++
			s.Generated[it.Label]++
			s.MeanJaccard[it.Label] += it.Jaccard
			n[it.Label]++
		case SourceTemplate:
			s.TemplateNegatives++
			s.MeanJaccard[SourceTemplate] += it.Jaccard
			n[SourceTemplate]++
		}
	}
	for k, v := range n {
		s.MeanJaccard[k] /= float64(v)
	}
	return s
}

// gumText is one GUM news document: its name and its text, headline
// first.
type gumText struct {
	Doc  string `json:"doc"`
	Text string `json:"text"`
}

// readGUM reads the GUM news texts of ner-gold.jsonl, one JSON object a
// line.
func readGUM(path string) ([]gumText, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []gumText
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d gumText
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
