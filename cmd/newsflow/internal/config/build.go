package config

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
	"github.com/newsflow/newsflow/stages/dedup"
)

// NewStages builds the stages of c. With a connection, the dedup stage (when
// enabled) shares its state with the other replicas in the KV bucket of
// c.DedupStore, opened (and created when missing) on conn; without one, it
// keeps its state in memory, for one process.
func (c Config) NewStages(ctx context.Context, conn *natsjs.Conn, reg prometheus.Registerer, log *slog.Logger) ([]pipeline.Stage, error) {
	var store dedup.Store
	if conn != nil && c.Stages.Dedup.Enabled {
		kv, err := conn.OpenKVStore(ctx, c.DedupStore)
		if err != nil {
			return nil, err
		}
		store = kv
	}
	return stages.New(c.Stages, stages.Deps{DedupStore: store, Registerer: reg, Logger: log})
}

// NewHandler returns the article handler of c's stages in this process, their
// state in memory, with fresh metrics on reg: what newsflow process,
// evaluation and tests run, without NATS. version is recorded in every
// event.
func (c Config) NewHandler(reg prometheus.Registerer, log *slog.Logger, version string) (*pipeline.ArticleHandler, error) {
	stgs, err := c.NewStages(context.Background(), nil, reg, log)
	if err != nil {
		return nil, err
	}
	m, err := pipeline.NewMetrics(reg)
	if err != nil {
		return nil, fmt.Errorf("handler: %w", err)
	}
	return pipeline.NewArticleHandler(c.Processor().Handler(version), stgs, m, log)
}
