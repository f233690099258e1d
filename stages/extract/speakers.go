package extract

import (
	"strings"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gazetteer"
	"github.com/newsflow/newsflow/stages/extract/quotes"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// attribute turns found quotes into the Doc's, linking each speaker
// mention to an entity.
func attribute(d *pipeline.Doc, qs []quotes.Quote, toks []token.Token, sents []token.Sentence) []event.Quote {
	if len(qs) == 0 {
		return nil
	}
	out := make([]event.Quote, 0, len(qs))
	for _, q := range qs {
		pq := event.Quote{Text: d.Text[q.Start:q.End], Start: q.Start, End: q.End, Verb: q.Verb}
		sp := q.Speaker
		if sp.End > sp.Start {
			var e *event.Entity
			switch sp.Kind {
			case quotes.Pronoun:
				e = lastPerson(d.Entities, min(sp.Start, q.Start), pronounGender(d.Text[sp.Start:sp.End]))
			default:
				e = entityIn(d.Entities, sp.Start, sp.End)
			}
			if e != nil {
				pq.Speaker, pq.SpeakerName = e.ID, e.Name
			} else {
				pq.SpeakerName = d.Text[sp.Start:sp.End]
			}
		}
		out = append(out, pq)
	}
	return out
}

// entityIn returns the person or organisation with a mention inside
// [start, end), preferring a person ("Kremlin spokesman Dmitry Peskov" is
// Peskov speaking).
func entityIn(ents []event.Entity, start, end int) *event.Entity {
	var found *event.Entity
	for k := range ents {
		e := &ents[k]
		for _, m := range e.Mentions {
			if m.Start >= start && m.End <= end {
				switch {
				case e.Type == event.TypePerson:
					return e
				case found == nil && e.Type == event.TypeOrganization:
					found = e
				}
			}
		}
	}
	return found
}

// lastPerson returns the person mentioned last before offset at whose
// gender, as far as a known first name tells, fits ('M', 'F' or 0 for any).
func lastPerson(ents []event.Entity, at int, gender byte) *event.Entity {
	var best *event.Entity
	bestAt := -1
	for k := range ents {
		e := &ents[k]
		if e.Type != event.TypePerson || !genderFits(e.Name, gender) {
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= at && m.Start > bestAt {
				best, bestAt = e, m.Start
			}
		}
	}
	return best
}

func pronounGender(p string) byte {
	switch strings.ToLower(p) {
	case "she", "her":
		return 'F'
	case "he", "him", "his":
		return 'M'
	}
	return 0
}

// genderFits reports whether a person's first name does not contradict a
// pronoun's gender.
func genderFits(name string, gender byte) bool {
	if gender == 0 {
		return true
	}
	first, _, ok := strings.Cut(name, " ")
	if !ok {
		return true
	}
	g, known := gazetteer.FirstName(first)
	return !known || g == 'U' || g == gender
}
