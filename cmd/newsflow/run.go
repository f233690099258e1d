package main

import (
	"context"
	"log/slog"

	"github.com/KimMachineGun/automemlimit/memlimit"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

const runExamples = `  newsflow run                                   # embedded NATS on 127.0.0.1:4222, data in ./data
  newsflow run --nats-url nats://nats-1:4222,nats://nats-2:4222
  newsflow run --context prod                    # the nats CLI's context: servers, credentials, TLS
  NATS_URL=nats://nats:4222 newsflow run
  newsflow run --config /etc/newsflow/newsflow.yaml --workers 8
  NEWSFLOW_RUNNER_MAX_IN_FLIGHT=512 newsflow run
  nats req newsflow.process "$(cat article.json)"   # then: its event, from the service endpoint
`

func cmdRun(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "run", "[flags]", runExamples)
	var cf configFlags
	cf.register(fs, true)
	addEnvUsage(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// Without GOMEMLIMIT, the soft memory limit is 90% of the container's
	// (its cgroup's), if it has one: the collector works harder before the
	// kernel kills, and the dedup index is sized to fit (see Resolved).
	_, limitErr := memlimit.Set(memlimit.WithRatio(config.MemoryLimitRatio))
	cfg, err := cf.load(fs, e.environ)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.Log)
	if limitErr != nil {
		log.Info("container memory limit unknown; GOMEMLIMIT left as it was", "err", limitErr)
	}
	warnMemory(cfg, log)
	p, err := startProcessor(ctx, cfg, log)
	if err != nil {
		return err
	}
	// Connected by now: the streams were ensured on the server.
	warnMaxPayload(cfg, p.conn.NATS().MaxPayload(), log)
	attrs := []any{"version", build().Version, "nats", p.conn.URL(), "embedded", cfg.NATS.Embedded(),
		"stream", cfg.Streams.Articles.Name, "consumer", cfg.Consumer.Durable, "workers", cfg.Runner.Workers,
		"memory_limit", config.MemoryLimit(), "dedup_max_entries", cfg.Stages.Dedup.MaxEntries}
	if p.http != nil {
		attrs = append(attrs, "http", "http://"+p.http.Addr())
	}
	if p.svc != nil {
		attrs = append(attrs, "service", p.svc.Subject())
	}
	log.Info("newsflow running", attrs...)
	if err := p.run(ctx); err != nil {
		return err
	}
	log.Info("newsflow stopped")
	return nil
}

// warnMaxPayload warns when an external server's max_payload, as it
// announced it, is too small for an article of limits.max_bytes: such an
// article is refused at publish, and one a little smaller is taken but its
// article event, larger than the article, is not, so it ends in the DLQ.
// The embedded server's max_payload is checked with the configuration.
func warnMaxPayload(cfg config.Config, maxPayload int64, log *slog.Logger) {
	need := int64(cfg.Limits.MaxBytes) + natsjs.DLQHeadroom
	if cfg.NATS.Embedded() || maxPayload <= 0 || maxPayload >= need {
		return
	}
	log.Warn("the NATS server's max_payload is too small for limits.max_bytes: large articles and their events will be refused or dead-lettered; raise max_payload on the servers (the nats Helm chart: config.merge.max_payload) or lower limits.max_bytes",
		"max_payload", maxPayload, "needed", need, "max_bytes", cfg.Limits.MaxBytes)
}

// warnMemory warns when the memory limit is too small for what cfg keeps
// in memory once the dedup index is full: the replica would run the
// collector without pause, or be killed, hours after a good start.
func warnMemory(cfg config.Config, log *slog.Logger) {
	heap, need := cfg.MemoryNeeded()
	if limit := config.MemoryLimit(); limit > 0 && need > limit {
		log.Warn("the memory limit is too small for a full dedup index: lower stages.dedup.max_entries, or set it to 0 to size it from the limit",
			"max_entries", cfg.Stages.Dedup.MaxEntries, "heap_needed", heap, "limit_needed", need, "memory_limit", limit)
	}
}
