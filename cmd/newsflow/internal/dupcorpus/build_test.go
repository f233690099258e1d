package dupcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// corporaDir is ../shared/corpora seen from the repository root, read in
// place (Reuters-21578 may be used for research only and is never copied).
func corporaDir(t *testing.T) string {
	t.Helper()
	// cmd/newsflow/internal/dupcorpus is four levels under the repository
	// root, and shared/ sits beside the repository.
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "corpora")
	for _, f := range []string{"reuters21578", filepath.Join("gum-news", "ner-gold.jsonl")} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Skipf("corpora not available at %s: %v", dir, err)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	dir := corporaDir(t)
	c, err := Build(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Stats

	// SOURCE.md, measured on the bodies lower-cased with white space
	// folded: 94 groups / 188 stories with identical bodies; 5-shingle
	// Jaccard 0.9-0.999: 9 pairs, 0.7-0.9: 32, 0.5-0.7: 46.
	sv := s.Silver
	if sv.ExactGroups != 94 || sv.ExactStories != 188 {
		t.Errorf("identical-body groups, stories = %d, %d; want 94, 188 (SOURCE.md)", sv.ExactGroups, sv.ExactStories)
	}
	if got := fmt.Sprint(sv.Bands[0].Pairs, sv.Bands[1].Pairs, sv.Bands[2].Pairs); got != "9 32 46" {
		t.Errorf("pairs in bands from 0.9, 0.7, 0.5 = %s; want 9 32 46 (SOURCE.md)", got)
	}
	// Every pair below NearJaccard, or near with figures in conflict, is
	// one story through other pairs, a hard negative or left out.
	uncertain := 0
	for i, b := range sv.Bands {
		left := b.Pairs - b.FigureConflicts
		if i >= 2 {
			left = 0
		}
		if b.HardNegatives+b.SameStory+b.Uncertain+left != b.Pairs {
			t.Errorf("band %+v: its pairs not split into near, one story, hard negatives and uncertain", b)
		}
		uncertain += b.Uncertain
	}
	if uncertain != s.UncertainPairs {
		t.Errorf("uncertain pairs of the bands = %d; want the %d left out of scoring", uncertain, s.UncertainPairs)
	}

	if s.Reuters != 4584 || s.GUM != 24 || s.Copies != ReutersCopies+24*len(Levels) {
		t.Errorf("reuters, gum, copies = %d, %d, %d; want 4584, 24, %d", s.Reuters, s.GUM, s.Copies, ReutersCopies+24*len(Levels))
	}
	if s.TemplateNegatives < TemplateNegatives/2 || s.TemplateNegatives > TemplateNegatives {
		t.Errorf("template negatives = %d; want %d or a few less", s.TemplateNegatives, TemplateNegatives)
	}
	perLevel := ReutersCopies/len(Levels) + 24
	for _, level := range Levels[1:] {
		if n := s.Labels[LevelLabel(level)]; n != perLevel {
			t.Errorf("%s copies = %d; want %d", LevelLabel(level), n, perLevel)
		}
	}
	// Of each identical pair the later is exact; every level-0 copy is.
	if n := s.Labels[Exact]; n != 94+perLevel {
		t.Errorf("exact items = %d; want %d", n, 94+perLevel)
	}
	if s.HardNegativeItems == 0 || s.Labels[ReutersNear] == 0 {
		t.Errorf("hard negative items, reuters-near = %d, %d; want some of each", s.HardNegativeItems, s.Labels[ReutersNear])
	}
	// The edits grow with the level: the copies' similarity falls.
	prev := 1.0
	for _, level := range Levels {
		j := s.MeanJaccard[LevelLabel(level)]
		if j >= prev || j <= 0 {
			t.Errorf("mean Jaccard of %s copies = %.3f; want below %.3f", LevelLabel(level), j, prev)
		}
		prev = j
	}

	// The stream: each generated item after its source; labels follow
	// from the order.
	seen := make(map[int]bool)
	hard := 0
	for i, it := range c.Items {
		if j, ok := c.Index(it.ID); !ok || j != i {
			t.Fatalf("Index(%s) = %d, %v; want %d", it.ID, j, ok, i)
		}
		if it.Of != "" {
			j, _ := c.Index(it.Of)
			if j >= i {
				t.Errorf("%s at %d comes before its source %s at %d", it.ID, i, it.Of, j)
			}
			if sameGroup := c.Items[j].Group == it.Group; sameGroup != (it.Source == SourceCopy) {
				t.Errorf("%s (%s) in the group of its source = %v; want %v", it.ID, it.Source, sameGroup, !sameGroup)
			}
		}
		if first := !seen[it.Group]; first != (it.Label == Original) {
			t.Errorf("%s labelled %s; first of its story: %v", it.ID, it.Label, first)
		}
		seen[it.Group] = true
		if it.HardNegative {
			hard++
		}
	}
	if hard != s.HardNegativeItems {
		t.Errorf("hard negative items = %d; stats say %d", hard, s.HardNegativeItems)
	}

	// Deterministic for a seed, different for another.
	again, err := Build(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Build(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	sameOrder, otherOrder := true, 0
	for i, it := range c.Items {
		a, o := again.Items[i], other.Items[i]
		if a.ID != it.ID || a.Text != it.Text || a.Title != it.Title || a.Label != it.Label || a.HardNegative != it.HardNegative {
			sameOrder = false
		}
		if o.ID != it.ID {
			otherOrder++
		}
	}
	if !sameOrder {
		t.Error("Build(dir, 1) twice gave different streams; want the same")
	}
	if otherOrder < len(c.Items)/2 {
		t.Errorf("Build(dir, 2) put %d of %d items elsewhere than Build(dir, 1); want most", otherOrder, len(c.Items))
	}
}
