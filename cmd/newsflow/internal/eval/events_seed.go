package eval

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// SeedEvent is an event the worked example must yield
// (examples/seed-expected.json, checked as its events_about says).
type SeedEvent struct {
	Text string `json:"text"`
	// Event lists the types accepted.
	Event []string `json:"event"`
	// Actor must be among the event's actors, Parties among its actors
	// and recipients, by canonical name or code.
	Actor   string   `json:"actor"`
	Parties []string `json:"parties"`
	// Location and Mode are checked when given.
	Location string `json:"location"`
	Mode     string `json:"mode"`
	// Codes are the actor codes the parties named must have.
	Codes map[string]string `json:"codes"`
}

// Matches reports whether q is the event w describes.
func (w SeedEvent) Matches(q event.Coding) bool {
	if !slices.Contains(w.Event, q.Type) || w.Mode != "" && q.Mode != w.Mode {
		return false
	}
	if w.Location != "" && (q.Location == nil || q.Location.Name != w.Location) {
		return false
	}
	names := func(ps []event.Party) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name, p.Code)
		}
		return out
	}
	all := append(names(q.Actors), names(q.Recipients)...)
	for _, p := range w.Parties {
		if !slices.Contains(all, p) {
			return false
		}
	}
	for _, p := range append(slices.Clone(q.Actors), q.Recipients...) {
		if code, ok := w.Codes[p.Name]; ok && p.Code != code {
			return false
		}
	}
	return w.Actor == "" || slices.Contains(names(q.Actors), w.Actor)
}

// SeedScores say which of the worked example's events were coded.
type SeedScores struct {
	Expected int      `json:"expected"`
	Found    int      `json:"found"`
	Missed   []string `json:"missed,omitempty"`
	// Coded is every event coded in the example, as Summary writes it.
	Coded []string `json:"coded"`
}

// scoreSeed runs the worked example (examples/ beside the corpora)
// through handler and checks the events its expectations list.
func (r *EventsReport) scoreSeed(ctx context.Context, handler *pipeline.ArticleHandler, dir string) (SeedScores, error) {
	var s SeedScores
	examples := filepath.Join(dir, "..", "examples")
	raw, err := os.ReadFile(filepath.Join(examples, "seed-expected.json"))
	if err != nil {
		return s, err
	}
	var want struct {
		Events []SeedEvent `json:"events"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		return s, err
	}
	article, err := os.ReadFile(filepath.Join(examples, "seed-article.json"))
	if err != nil {
		return s, err
	}
	d, err := handler.Process(ctx, article, time.Now())
	if err != nil {
		return s, err
	}
	for _, e := range d.Events {
		s.Coded = append(s.Coded, e.Summary())
	}
	for _, w := range want.Events {
		s.Expected++
		if slices.ContainsFunc(d.Events, w.Matches) {
			s.Found++
			continue
		}
		s.Missed = append(s.Missed, w.Text)
		r.errorf("seed: missed %v of %q (actor %q, parties %v)", w.Event, w.Text, w.Actor, w.Parties)
	}
	return s, nil
}
