package eval

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/dupcorpus"
	"github.com/newsflow/newsflow/pipeline/event"
)

// dedupCounts are the tallies behind a PRF, and of the correct ones those
// called exact or near as labelled.
type dedupCounts struct{ gold, predicted, correct, agree int }

// verdict is the stage's decision on one article judged against the
// labels.
type verdict struct {
	// predicted: flagged, and not ignored; correct: matched to an
	// earlier article of its story; ignored: matched to a story of
	// uncertain similarity.
	predicted, correct, ignored bool
	// match is the article matched, nil when there is none or it is not
	// in the stream.
	match *dupcorpus.Item
}

// judge returns the verdict on article i of c. A flagged article is right
// when the article it was matched to comes earlier and is of its story; a
// match to a story of uncertain similarity is ignored.
func judge(c *dupcorpus.Corpus, i int, d decision) verdict {
	var v verdict
	if !d.dup {
		return v
	}
	j, ok := c.Index(d.ref)
	if ok && c.Uncertain(c.Items[i].ID, d.ref) {
		v.ignored = true
		return v
	}
	v.predicted = true
	if ok {
		v.match = &c.Items[j]
		v.correct = j < i && v.match.Group == c.Items[i].Group
	}
	return v
}

// scoreDedup scores the decisions, one for each article of c, against the
// labels.
func scoreDedup(c *dupcorpus.Corpus, decs []decision) DedupReport {
	r := DedupReport{
		Kind: "dedup", Articles: len(c.Items), Data: c.Stats,
		Kinds: make(map[string]DedupKindScore),
	}
	var all dedupCounts
	byLabel := make(map[string]*dedupCounts)
	first := make(map[int]string) // story group → its first article
	for i, it := range c.Items {
		if _, ok := first[it.Group]; !ok {
			first[it.Group] = it.ID
		}
		d := decs[i]
		v := judge(c, i, d)
		if v.ignored {
			r.Ignored++
		}
		r.countNegatives(it, v)
		isDup := it.Label != dupcorpus.Original
		if isDup {
			k := byLabel[it.Label]
			if k == nil {
				k = new(dedupCounts)
				byLabel[it.Label] = k
			}
			k.add(true, v, (d.kind == event.DedupExact) == (it.Label == dupcorpus.Exact))
		}
		if !slices.Contains(dedupOutOfScope, it.Label) {
			all.add(isDup, v, false)
		}
		switch {
		case v.predicted && !v.correct:
			line := fmt.Sprintf("wrong\t%s\t%s\tmatched %s", it.ID, it.Label, d.ref)
			if v.match != nil {
				line += fmt.Sprintf(" (%s, %s)", v.match.Label, v.match.Source)
			}
			r.errorLines = append(r.errorLines, line)
		case isDup && !v.correct:
			r.errorLines = append(r.errorLines, fmt.Sprintf("missed\t%s\t%s\tcopy of %s", it.ID, it.Label, cmp.Or(it.Of, first[it.Group])))
		}
	}
	r.total(all, byLabel)
	return r
}

// add counts one article: gold if it is a duplicate, and the verdict on
// it; agree says whether the stage called it exact or near as labelled.
func (k *dedupCounts) add(gold bool, v verdict, agree bool) {
	if gold {
		k.gold++
	}
	if v.predicted {
		k.predicted++
	}
	if v.correct {
		k.correct++
		if agree {
			k.agree++
		}
	}
}

// countNegatives counts it among the originals and the hard negatives it
// belongs to, and whether it was wrongly flagged.
func (r *DedupReport) countNegatives(it dupcorpus.Item, v verdict) {
	if it.Label == dupcorpus.Original {
		r.Originals.Articles++
		if v.predicted {
			r.Originals.FalsePositives++
		}
	}
	if it.HardNegative {
		r.HardNegatives.Articles++
		if v.predicted && !v.correct {
			r.HardNegatives.FalsePositives++
		}
	}
}

// total turns the counts into the report's scores, rates and verdict on
// the targets.
func (r *DedupReport) total(all dedupCounts, byLabel map[string]*dedupCounts) {
	r.PRF = NewPRF(all.correct, all.predicted, all.gold)
	for label, k := range byLabel {
		r.Kinds[label] = DedupKindScore{PRF: NewPRF(k.correct, k.predicted, k.gold), KindAgree: k.agree}
	}
	for _, n := range []*DedupNegatives{&r.Originals, &r.HardNegatives} {
		if n.Articles > 0 {
			n.Rate = float64(n.FalsePositives) / float64(n.Articles)
		}
	}
	r.Targets = DedupTargets{
		Precision: dedupTargetPrecision, Recall: dedupTargetRecall,
		Met: r.Precision >= dedupTargetPrecision && r.Recall >= dedupTargetRecall,
	}
}
