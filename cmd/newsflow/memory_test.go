package main

import (
	"bytes"
	"context"
	"log/slog"
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline/natsjs"
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

// TestWarnMaxPayload checks that newsflow run warns when an external
// server announces a max_payload too small for limits.max_bytes (the nats
// Helm chart keeps the server's 1 MB default), and only then.
func TestWarnMaxPayload(t *testing.T) {
	for _, tt := range []struct {
		name       string
		maxPayload int
		embedded   bool
		warn       bool
	}{
		{"1 MiB, the server's default", 1 << 20, false, true},
		{"8 MiB", 8 << 20, false, false},
		{"embedded, checked with the configuration", 1 << 20, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			scfg := natsjs.DefaultConfig()
			scfg.Listen, scfg.DataDir, scfg.MaxPayload = "127.0.0.1:0", t.TempDir(), tt.maxPayload
			srv, err := natsjs.StartServer(scfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { srv.Shutdown(context.Background()) })
			scfg.URL = srv.ClientURL()
			nc, err := natsjs.Connect(scfg, natsjs.ConnectOptions{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(nc.Close)

			cfg := config.Default()
			if !tt.embedded {
				cfg.NATS.URL = srv.ClientURL()
			}
			var out bytes.Buffer
			warnMaxPayload(cfg, nc.MaxPayload(), slog.New(slog.NewTextHandler(&out, nil)))
			if got := strings.Contains(out.String(), "level=WARN"); got != tt.warn {
				t.Errorf("warnMaxPayload(server max_payload %d) logged %q; want a warning: %v", nc.MaxPayload(), out.String(), tt.warn)
			}
		})
	}
}
