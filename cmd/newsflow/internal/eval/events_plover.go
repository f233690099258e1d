package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// Scores of PLOVER-labelled data: the synthetic stories and the GUM news
// articles' gold.

// StoryScores score the synthetic PLOVER stories: whether a story's
// labelled type is among its coded events, per type. Coded types are read
// as PLOVER labels them (asPLOVER: an APPEAL is a REQUEST); a STATEMENT,
// which PLOVER has no type for, counts neither way. A story is coded as an
// article is, its headline with its text: the label says what the
// headline asked the story's generator for, and the text often drifts
// from it (events-dev/SOURCE.md).
type StoryScores struct {
	Stories int     `json:"stories"`
	Found   float64 `json:"found"`
	// WithMode is the share of stories labelled with a mode whose type
	// was coded with that mode.
	WithMode float64 `json:"found_with_mode"`
	// Others is the mean number of events of other types per story.
	Others  float64            `json:"other_events_per_story"`
	PerType map[string]TypeHit `json:"per_type"`
}

// TypeHit is how often a type was found among the stories labelled with
// it.
type TypeHit struct {
	Stories int     `json:"stories"`
	Found   float64 `json:"found"`
}

func (r *EventsReport) scoreStories(ctx context.Context, h *pipeline.ArticleHandler, recs []devRecord) (StoryScores, error) {
	s := StoryScores{PerType: map[string]TypeHit{}}
	found, withMode, modes, others := 0, 0, 0, 0
	hits := map[string][2]int{}
	for _, rc := range recs {
		if rc.Event == "" {
			continue
		}
		out, err := r.code(ctx, h, rc.ID, rc.Title, rc.Text, devTime)
		if err != nil {
			return s, err
		}
		if out == nil {
			continue
		}
		s.Stories++
		hit, modeHit := false, false
		for _, e := range out.Events {
			switch e.Type = asPLOVER(e.Type); {
			case e.Type == "STATEMENT":
				continue // no PLOVER type: neither a hit nor another event
			case e.Type == rc.Event:
				hit = true
				modeHit = modeHit || slices.Contains(rc.Mode, e.Mode)
			default:
				others++
			}
		}
		h := hits[rc.Event]
		h[0]++
		if hit {
			found++
			h[1]++
		} else {
			r.errorf("story %s: %s not coded (coded %s)", rc.ID, rc.Event, typesOf(out.Events))
		}
		hits[rc.Event] = h
		if len(rc.Mode) > 0 {
			modes++
			if modeHit {
				withMode++
			}
		}
	}
	s.Found, s.WithMode = ratio(found, s.Stories), ratio(withMode, modes)
	s.Others = ratio(others, s.Stories)
	for t, h := range hits {
		s.PerType[t] = TypeHit{Stories: h[0], Found: ratio(h[1], h[0])}
	}
	return s, nil
}

// ArticleScores score whole articles against PLOVER gold: a coded event
// matches a gold event of its article with the same type whose sentence
// its evidence overlaps; events matching an uncertain line count neither
// way. The extensions are scored as the gold's scheme reads them: a
// STATEMENT is no PLOVER event and the gold codes none (it is counted
// apart, in Statements), and an APPEAL (CAMEO 02) is PLOVER's REQUEST.
type ArticleScores struct {
	Articles int            `json:"articles"`
	Events   PRF            `json:"events"`
	PerType  map[string]PRF `json:"per_type"`
	// ActorCodes and RecipientCodes are the shares of matches whose
	// parties' codes agree with the gold's.
	ActorCodes     float64 `json:"actor_codes_agree"`
	RecipientCodes float64 `json:"recipient_codes_agree"`
	// Statements counts the STATEMENT events coded, which are scored
	// neither way.
	Statements int `json:"statements"`
}

type gumEvent struct {
	Doc       string   `json:"doc"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Event     string   `json:"event"`
	Status    string   `json:"status"`
	Actor     []string `json:"actor"`
	Recipient []string `json:"recipient"`
	Sentence  string   `json:"sentence"`
}

func (r *EventsReport) scoreGUM(ctx context.Context, h *pipeline.ArticleHandler, dir string) (ArticleScores, error) {
	var s ArticleScores
	gold, err := readGUMEvents(filepath.Join(dir, "events-dev", "gum-news-plover.jsonl"))
	if err != nil {
		return s, err
	}
	docs, err := gum.Read(filepath.Join(dir, "gum-news"))
	if err != nil {
		return s, err
	}
	type count struct{ correct, predicted, gold int }
	per := map[string]*count{}
	at := func(t string) *count {
		if per[t] == nil {
			per[t] = &count{}
		}
		return per[t]
	}
	var all count
	agreeA, agreeR, matches := 0, 0, 0
	for _, d := range docs {
		out, err := r.code(ctx, h, d.Name, "", d.Text, d.Created)
		if err != nil {
			return s, err
		}
		if out == nil {
			continue
		}
		s.Articles++
		g := gold[d.Name]
		used := make([]bool, len(g))
		for _, gl := range g {
			if gl.Status == "gold" {
				all.gold++
				at(gl.Event).gold++
			}
		}
		for _, e := range out.Events {
			e.Type = asPLOVER(e.Type)
			if e.Type == "STATEMENT" {
				s.Statements++
				continue
			}
			m := -1
			for k, gl := range g {
				if !used[k] && gl.Event == e.Type && e.Evidence.Start < gl.End && gl.Start < e.Evidence.End {
					m = k
					break
				}
			}
			switch {
			case m >= 0 && g[m].Status != "gold":
				used[m] = true // uncertain: neither way
			case m >= 0:
				used[m] = true
				all.predicted++
				all.correct++
				at(e.Type).predicted++
				at(e.Type).correct++
				matches++
				if codesAgree(e.Actors, g[m].Actor) {
					agreeA++
				}
				if codesAgree(e.Recipients, g[m].Recipient) {
					agreeR++
				}
			default:
				all.predicted++
				at(e.Type).predicted++
				r.errorf("gum %s: false %s: %s", d.Name, describe(&e), snippet(out.Text, e.Evidence.Start, e.Evidence.End))
			}
		}
		for k, gl := range g {
			if gl.Status == "gold" && !used[k] {
				r.errorf("gum %s: missed %s: %s", d.Name, gl.Event, gl.Sentence)
			}
		}
	}
	s.Events = NewPRF(all.correct, all.predicted, all.gold)
	s.PerType = map[string]PRF{}
	for t, c := range per {
		s.PerType[t] = NewPRF(c.correct, c.predicted, c.gold)
	}
	s.ActorCodes, s.RecipientCodes = ratio(agreeA, matches), ratio(agreeR, matches)
	return s, nil
}

func readGUMEvents(path string) (map[string][]gumEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]gumEvent{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for n := 1; sc.Scan(); n++ {
		var e gumEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out[e.Doc] = append(out[e.Doc], e)
	}
	return out, sc.Err()
}

// codesAgree reports whether the parties' codes are the gold's, as sets.
func codesAgree(ps []event.Party, gold []string) bool {
	var codes []string
	for _, p := range ps {
		if p.Code != "" && !slices.Contains(codes, p.Code) {
			codes = append(codes, p.Code)
		}
	}
	slices.Sort(codes)
	g := slices.Clone(gold)
	slices.Sort(g)
	g = slices.Compact(g)
	return slices.Equal(codes, g)
}

func describe(e *event.Coding) string {
	if e == nil {
		return "nothing"
	}
	var a, r []string
	for _, p := range e.Actors {
		a = append(a, p.Name)
	}
	for _, p := range e.Recipients {
		r = append(r, p.Name)
	}
	return fmt.Sprintf("%s %s (%s) %s -> %s", e.Type, e.CAMEO.Code, e.Evidence.Trigger.Text, strings.Join(a, "+"), strings.Join(r, "+"))
}

func typesOf(evs []event.Coding) string {
	var t []string
	for _, e := range evs {
		t = append(t, e.Type)
	}
	return strings.Join(t, " ")
}

func snippet(text string, start, end int) string {
	s := text[start:end]
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// asPLOVER reads a coded type as PLOVER labels it: an APPEAL (CAMEO 02)
// is PLOVER's REQUEST; STATEMENT (CAMEO 01) has no PLOVER type and is
// left as it is, for the caller to count apart.
func asPLOVER(typ string) string {
	if typ == "APPEAL" {
		return "REQUEST"
	}
	return typ
}
