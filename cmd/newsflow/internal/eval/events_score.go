package eval

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// CAMEOScores score the CAMEO-coded news sentences: the pentacode of each
// sentence's main event against the label, and its actor and recipient
// spans against the annotated ones.
type CAMEOScores struct {
	Sentences int     `json:"sentences"`
	Accuracy  float64 `json:"accuracy"`
	MacroF1   float64 `json:"macro_f1"`
	// PerClass are the five pentacodes' scores, "0" (statement) to "4"
	// (material conflict).
	PerClass map[string]PRF `json:"per_class"`
	// NoEvent counts the sentences the stages coded no event in.
	NoEvent int `json:"no_event"`
	// Baseline is the same measure for the first verb of the dictionary
	// in the sentence, by its code alone: no patterns, no parties.
	Baseline struct {
		Accuracy float64 `json:"accuracy"`
		MacroF1  float64 `json:"macro_f1"`
	} `json:"keyword_baseline"`
	// Actor and Recipient score the main event's parties against the
	// annotated spans, exactly and by overlap (the coordinated actors of
	// a mutual act as one span, as annotated: see asPhrase); SpanMacroF1
	// is the mean of the two exact F1s.
	SpanSentences int        `json:"span_sentences"`
	Actor         SpanScores `json:"actor"`
	Recipient     SpanScores `json:"recipient"`
	SpanMacroF1   float64    `json:"span_macro_f1"`
}

// SpanScores are span matches, exact (same bytes) and by overlap.
type SpanScores struct {
	Exact   PRF `json:"exact"`
	Overlap PRF `json:"overlap"`
}

func (r *EventsReport) scoreCAMEO(ctx context.Context, h *pipeline.ArticleHandler, recs []devRecord) (CAMEOScores, error) {
	cb, err := codebook.Load()
	if err != nil {
		return CAMEOScores{}, err
	}
	var s CAMEOScores
	var conf, base [5][5]int // [gold][predicted]
	var goldN, baseMiss [5]int
	var act, rec spanCounts
	for _, rc := range recs {
		if rc.Pentacode == nil || *rc.Pentacode < 0 || *rc.Pentacode > 4 {
			continue
		}
		gold := *rc.Pentacode
		out, err := r.code(ctx, h, rc.ID, "", rc.Text, devTime)
		if err != nil {
			return s, err
		}
		if out == nil {
			continue
		}
		if out.Text != rc.Text {
			r.Errors++
			r.errorf("%s: cleaning changed the text; offsets would not compare", rc.ID)
			continue
		}
		s.Sentences++
		goldN[gold]++
		main := mainEvent(out.Events)
		pred := -1
		if main != nil {
			pred = pentacode(main.CAMEO.Code)
		} else {
			s.NoEvent++
		}
		if pred >= 0 {
			conf[gold][pred]++
		}
		if pred != gold {
			r.errorf("cameo %s: gold %d, coded %s: %s", rc.ID, gold, describe(main), rc.Text)
		}
		if b := keywordPentacode(cb, rc.Text); b >= 0 {
			base[gold][b]++
		} else {
			baseMiss[gold]++
		}
		if rc.Actor != nil && rc.Recipient != nil {
			s.SpanSentences++
			var pa, pr []event.Party
			if main != nil {
				pa, pr = main.Actors, main.Recipients
				if len(pr) == 0 {
					pa = asPhrase(pa, out.Text)
				}
			}
			if !act.add(pa, *rc.Actor) {
				r.errorf("span %s: actor gold %s, coded %s: %s", rc.ID, goldTexts(*rc.Actor), partyTexts(pa), rc.Text)
			}
			if !rec.add(pr, *rc.Recipient) {
				r.errorf("span %s: recipient gold %s, coded %s: %s", rc.ID, goldTexts(*rc.Recipient), partyTexts(pr), rc.Text)
			}
		}
	}
	s.Accuracy, s.MacroF1, s.PerClass = classScores(conf, goldN)
	s.Baseline.Accuracy, s.Baseline.MacroF1, _ = classScores(base, goldN)
	s.Actor, s.Recipient = act.scores(), rec.scores()
	s.SpanMacroF1 = (s.Actor.Exact.F1 + s.Recipient.Exact.F1) / 2
	return s, nil
}

// asPhrase returns the actors of a mutual act, an event with no
// recipient, as the annotators mark them (reciprocal: see
// events-dev/SOURCE.md): actors coordinated in one phrase as the one span
// of the phrase ("Trump and King Abdullah"), actors apart in the text
// ("Trump will meet Hariri") one span each. The coder lists them one by
// one, as PLOVER does.
func asPhrase(ps []event.Party, text string) []event.Party {
	if len(ps) < 2 {
		return ps
	}
	var out []event.Party
	for k := 0; k < len(ps); {
		j := k + 1
		for j < len(ps) && coordinated(text, ps[j-1], ps[j]) {
			j++
		}
		if j == k+1 {
			out = append(out, ps[k])
		} else {
			out = append(out, event.Party{Start: ps[k].Start, End: ps[j-1].End, Text: "(" + partyTexts(ps[k:j]) + ")"})
		}
		k = j
	}
	return out
}

// coordinated reports whether only commas and conjunctions stand between
// parties a and b in text.
func coordinated(text string, a, b event.Party) bool {
	if a.End > b.Start || b.Start > len(text) {
		return false
	}
	for _, w := range strings.Fields(text[a.End:b.Start]) {
		switch strings.ToLower(w) {
		case ",", "and", "or", "nor", "&":
		default:
			return false
		}
	}
	return true
}

// classScores returns accuracy, macro-F1 and per-class scores of a
// confusion matrix; goldN counts every gold item, predicted or not.
func classScores(conf [5][5]int, goldN [5]int) (float64, float64, map[string]PRF) {
	per := make(map[string]PRF, 5)
	right, total, f1 := 0, 0, 0.0
	for c := range 5 {
		predicted := 0
		for g := range 5 {
			predicted += conf[g][c]
		}
		p := NewPRF(conf[c][c], predicted, goldN[c])
		per[fmt.Sprint(c)] = p
		f1 += p.F1
		right += conf[c][c]
		total += goldN[c]
	}
	return ratio(right, total), f1 / 5, per
}

// keywordPentacode is the baseline: the pentacode of the first word (or
// two) of the text that is a verb form of the dictionary with a code of
// its own; -1 if none.
func keywordPentacode(cb *codebook.Codebook, text string) int {
	words := strings.FieldsFunc(strings.ToUpper(text), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r == '\'' || r == '-')
	})
	for i, w := range words {
		forms := []string{w}
		if i+1 < len(words) {
			forms = []string{w + " " + words[i+1], w}
		}
		for _, f := range forms {
			v, ok := cb.Verb(f)
			if !ok {
				continue
			}
			code, _, _ := strings.Cut(v.Code, ":")
			if p := pentacode(code); p >= 0 {
				return p
			}
		}
	}
	return -1
}

// spanCounts counts predicted and gold spans and their matches.
type spanCounts struct {
	predicted, gold, exact, overlap, overlapPred int
}

// add counts the predicted spans against the gold ones, and reports
// whether they are the same spans.
func (c *spanCounts) add(pred []event.Party, gold []goldSpan) bool {
	c.predicted += len(pred)
	c.gold += len(gold)
	same := len(pred) == len(gold)
	for _, g := range gold {
		ex, ov := false, false
		for _, p := range pred {
			ex = ex || p.Start == g.Start && p.End == g.End
			ov = ov || p.Start < g.End && g.Start < p.End
		}
		if ex {
			c.exact++
		} else {
			same = false
		}
		if ov {
			c.overlap++
		}
	}
	for _, p := range pred {
		for _, g := range gold {
			if p.Start < g.End && g.Start < p.End {
				c.overlapPred++
				break
			}
		}
	}
	return same
}

// goldTexts and partyTexts list spans as ["text", …] for --errors.
func goldTexts(gs []goldSpan) string {
	t := make([]string, len(gs))
	for k, g := range gs {
		t[k] = strconv.Quote(g.Text)
	}
	return "[" + strings.Join(t, " ") + "]"
}

func partyTexts(ps []event.Party) string {
	t := make([]string, len(ps))
	for k, p := range ps {
		t[k] = strconv.Quote(p.Text)
	}
	return "[" + strings.Join(t, " ") + "]"
}

func (c spanCounts) scores() SpanScores {
	o := NewPRF(c.overlap, c.predicted, c.gold)
	// Precision by overlap counts the predicted spans that overlap a gold
	// one; recall the gold spans overlapped.
	o.Precision = ratio(c.overlapPred, c.predicted)
	if o.Precision+o.Recall > 0 {
		o.F1 = 2 * o.Precision * o.Recall / (o.Precision + o.Recall)
	}
	return SpanScores{Exact: NewPRF(c.exact, c.predicted, c.gold), Overlap: o}
}
