package eval

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// EventsOptions says what the events evaluation runs on.
type EventsOptions struct {
	// Dir is the corpora directory (../shared/corpora): events-dev/ and
	// gum-news/ are read from it.
	Dir string
	// Sets are the sets to score: "cameo" (CAMEO-coded news sentences),
	// "stories" (synthetic PLOVER stories), "gum" (PLOVER gold on the GUM
	// news articles), "petrarch" (PETRARCH's unit tests, with their
	// dictionaries), "seed" (the worked example in ../examples); empty
	// for all.
	Sets []string
	// Version is newsflow's version, reported as it is.
	Version string
}

// EventsReport is what [Events] measures, one part per set.
type EventsReport struct {
	Kind    string         `json:"kind"`
	Corpus  string         `json:"corpus"`
	Version string         `json:"version"`
	CAMEO   *CAMEOScores   `json:"cameo,omitempty"`
	Stories *StoryScores   `json:"stories,omitempty"`
	GUM     *ArticleScores `json:"gum,omitempty"`
	// Petrarch is PETRARCH's unit tests, coded with their dictionaries.
	Petrarch *PetrarchScores `json:"petrarch,omitempty"`
	// Seed is the worked example's expected events.
	Seed *SeedScores `json:"seed,omitempty"`
	// Errors counts the texts the stages failed on.
	Errors int `json:"errors"`

	errorLines []string
}

// devRecord is a line of an events-dev file (see its SOURCE.md).
type devRecord struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Title is the synthetic stories' headline, coded with the text as
	// an article's is.
	Title     string      `json:"title"`
	Pentacode *int        `json:"pentacode"`
	Event     string      `json:"event"`
	Mode      []string    `json:"mode"`
	Actor     *[]goldSpan `json:"actor"`
	Recipient *[]goldSpan `json:"recipient"`
}

type goldSpan struct {
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Code       string `json:"code"`
	Reciprocal bool   `json:"reciprocal"`
}

// Events runs the stages on the sets of opts and scores the events they
// code. The texts go through the stages of "newsflow process" but dedup,
// which would take the synthetic stories, written from shared headlines,
// for copies of each other.
func Events(ctx context.Context, opts EventsOptions) (EventsReport, error) {
	r := EventsReport{Kind: "events", Corpus: opts.Dir, Version: opts.Version}
	cfg := config.Default().Resolved()
	cfg.Stages.Dedup.Enabled = false
	handler, err := cfg.NewHandler(prometheus.NewRegistry(), slog.New(slog.DiscardHandler), opts.Version)
	if err != nil {
		return r, err
	}
	want := func(set string) bool {
		if len(opts.Sets) == 0 {
			return true
		}
		for _, s := range opts.Sets {
			if s == set {
				return true
			}
		}
		return false
	}
	for _, s := range opts.Sets {
		switch s {
		case "cameo", "stories", "gum", "petrarch", "seed":
		default:
			return r, fmt.Errorf("set %q: want cameo, stories, gum, petrarch or seed", s)
		}
	}
	if want("cameo") {
		recs, err := readDev(filepath.Join(opts.Dir, "events-dev", "conflibert-cameo-train.jsonl"))
		if err != nil {
			return r, err
		}
		s, err := r.scoreCAMEO(ctx, handler, recs)
		if err != nil {
			return r, err
		}
		r.CAMEO = &s
	}
	if want("stories") {
		recs, err := readDev(filepath.Join(opts.Dir, "events-dev", "ngec-synthetic.jsonl"))
		if err != nil {
			return r, err
		}
		s, err := r.scoreStories(ctx, handler, recs)
		if err != nil {
			return r, err
		}
		r.Stories = &s
	}
	if want("gum") {
		s, err := r.scoreGUM(ctx, handler, opts.Dir)
		if err != nil {
			return r, err
		}
		r.GUM = &s
	}
	if want("petrarch") {
		s, err := r.scorePetrarch(ctx, opts.Dir)
		if err != nil {
			return r, err
		}
		r.Petrarch = &s
	}
	if want("seed") {
		s, err := r.scoreSeed(ctx, handler, opts.Dir)
		if err != nil {
			return r, err
		}
		r.Seed = &s
	}
	return r, nil
}

// readDev reads an events-dev JSONL file.
func readDev(path string) ([]devRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []devRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		var r devRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// devTime is the publication time of texts that carry none.
var devTime = time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)

// code runs one text through handler and returns what the stages made of
// it; a failure of the stages is counted and logged, not returned.
func (r *EventsReport) code(ctx context.Context, handler *pipeline.ArticleHandler, id, title, text string, published time.Time) (*pipeline.Doc, error) {
	data, err := json.Marshal(event.Article{ID: id, Title: title, Body: text, ContentType: "text/plain", Language: "en", PublishedAt: published.Format(time.RFC3339)})
	if err != nil {
		return nil, err
	}
	out, err := handler.Process(ctx, data, published)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		r.Errors++
		r.errorf("%s: %v", id, err)
		return nil, nil
	}
	return out, nil
}

func (r *EventsReport) errorf(format string, args ...any) {
	r.errorLines = append(r.errorLines, fmt.Sprintf(format, args...))
}

// pentacode is the class of a CAMEO code as the CAMEO-coded sentences
// label them (events-dev/SOURCE.md): roots 01-02 are 0 (statement), 03-05
// 1 (verbal cooperation), 06-08 2 (material cooperation), 09-13 and 16 3
// (verbal conflict), 14-15 and 17-20 4 (material conflict); -1 for none.
func pentacode(cameo string) int {
	if len(cameo) < 2 {
		return -1
	}
	switch cameo[:2] {
	case "01", "02":
		return 0
	case "03", "04", "05":
		return 1
	case "06", "07", "08":
		return 2
	case "09", "10", "11", "12", "13", "16":
		return 3
	case "14", "15", "17", "18", "19", "20":
		return 4
	}
	return -1
}

// mainEvent returns the event a sentence is about: the one coded with the
// most confidence, the first of equals; nil if none.
func mainEvent(evs []event.Coding) *event.Coding {
	var best *event.Coding
	for k := range evs {
		if best == nil || evs[k].Confidence > best.Confidence {
			best = &evs[k]
		}
	}
	return best
}
