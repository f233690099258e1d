package main

import (
	"bytes"
	"log/slog"
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
)

// TestWarnMemory checks that newsflow run warns, at start, when the memory
// limit cannot hold the configured dedup index full, and only then. It
// sets the process's memory limit, which no parallel test reads.
func TestWarnMemory(t *testing.T) {
	for _, tt := range []struct {
		name    string
		limit   int64
		entries int
		warn    bool
	}{
		{"fits", 4 << 30, 100_000, false},
		{"too small", 512 << 20, 10_000_000, true},
		{"no limit", math.MaxInt64, 10_000_000, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(tt.limit))
			cfg := config.Default()
			cfg.NATS.URL = "nats://nats:4222"
			cfg.Stages.Dedup.MaxEntries, cfg.DedupStore.MaxEntries = tt.entries, int64(tt.entries)
			var out bytes.Buffer
			warnMemory(cfg, slog.New(slog.NewTextHandler(&out, nil)))
			if got := strings.Contains(out.String(), "level=WARN"); got != tt.warn {
				t.Errorf("warnMemory(%d articles, limit %d) logged %q; want a warning: %v", tt.entries, tt.limit, out.String(), tt.warn)
			}
		})
	}
}
