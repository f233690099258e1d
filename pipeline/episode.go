package pipeline

import (
	"context"
	"log/slog"
	"sync/atomic"
)

// episode logs a run of failures of one operation once: the first at
// Warn, the others at Debug, and the first success after them at Info
// with their count. A server outage then gives two lines, not one per
// article. Its zero value is ready; ok costs one atomic load while
// nothing fails.
type episode struct {
	what   string // the operation, plural: "acks", "dead letters"
	failed atomic.Int64
}

// fail logs a failure of the operation.
func (e *episode) fail(log *slog.Logger, msg string, args ...any) {
	level := slog.LevelDebug
	if e.failed.Add(1) == 1 {
		level = slog.LevelWarn
	}
	log.Log(context.Background(), level, msg, args...)
}

// ok records a success, which ends a run of failures.
func (e *episode) ok(log *slog.Logger) {
	if e.failed.Load() == 0 {
		return
	}
	if n := e.failed.Swap(0); n > 0 {
		log.Info(e.what+" succeed again", "failed", n)
	}
}
