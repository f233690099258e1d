// Package stages builds newsflow's stages from their configuration: it is
// the one place that knows which stages there are and in which order they
// run. A new stage is a package under stages/ and one line in [New].
//
// [Config] holds each stage's configuration under its name, and [Deps] what
// the stages need besides: the [dedup.Store] the replicas share, a
// Prometheus registerer and a logger. New returns them as a list of
// [pipeline.Stage], for [pipeline.NewArticleHandler] or [pipeline.NewChain].
//
// The order is:
//
//   - clean ([clean.Stage]): HTML to main text and metadata, normalised
//     text, language;
//   - extract ([extract.Stage]): entities, dates and quotations;
//   - events ([events.Stage], when enabled): who did what to whom, when and
//     where, coded in PLOVER and CAMEO from the entities and dates;
//   - dedup ([dedup.Stage], when enabled): exact and near copies, story
//     clusters. It runs last, so that a copy is judged on everything the
//     stages before it found, and so that a duplicate's work is still done
//     once per article.
package stages

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/clean"
	"github.com/newsflow/newsflow/stages/dedup"
	"github.com/newsflow/newsflow/stages/events"
	"github.com/newsflow/newsflow/stages/extract"
)

// Config holds each stage's configuration, under its name.
type Config struct {
	Clean   clean.Config   `json:"clean"`
	Extract extract.Config `json:"extract"`
	Events  events.Config  `json:"events"`
	Dedup   dedup.Config   `json:"dedup"`
}

// DefaultConfig returns every stage's defaults.
func DefaultConfig() Config {
	return Config{
		Clean:   clean.DefaultConfig(),
		Extract: extract.DefaultConfig(),
		Events:  events.DefaultConfig(),
		Dedup:   dedup.DefaultConfig(),
	}
}

// Validate reports every invalid field, with its path under the stage's
// name ("dedup.threshold").
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	errs.Merge("clean", c.Clean.Validate())
	errs.Merge("extract", c.Extract.Validate())
	errs.Merge("events", c.Events.Validate())
	errs.Merge("dedup", c.Dedup.Validate())
	return errs.Err()
}

// Deps are what the stages need besides their configuration.
type Deps struct {
	// DedupStore is the state the dedup stage shares with the other
	// replicas, such as a *natsjs.KVStore. Nil keeps it in memory, for one
	// process alone (newsflow process, evaluation, tests).
	DedupStore dedup.Store
	// Registerer takes the stages' own metrics; nil registers none.
	Registerer prometheus.Registerer
	// Logger logs what a stage acts on; nil discards it.
	Logger *slog.Logger
}

// New builds the stages cfg enables, in the order they run. It validates
// the whole of cfg first ([Config.Validate]), so that an invalid
// configuration is one error naming every invalid field.
func New(cfg Config, deps Deps) ([]pipeline.Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	if deps.Registerer == nil {
		deps.Registerer = prometheus.NewRegistry()
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	var out []pipeline.Stage
	add := func(s pipeline.Stage, err error) error {
		if err != nil {
			return err
		}
		out = append(out, s)
		return nil
	}
	err := errors.Join(
		add(clean.New(cfg.Clean)),
		add(extract.New(cfg.Extract)),
	)
	if err == nil && cfg.Events.Enabled {
		err = add(events.New(cfg.Events))
	}
	if err == nil && cfg.Dedup.Enabled {
		store := deps.DedupStore
		if store == nil {
			store = dedup.NewMemStore(time.Duration(cfg.Dedup.TTL))
		}
		err = add(dedup.New(cfg.Dedup, store, deps.Registerer, deps.Logger))
	}
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	return out, nil
}
