package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// recorder is a slog.Handler that keeps each record as "LEVEL msg
// [failed=n]".
type recorder struct{ lines *[]string }

func (r recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r recorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r recorder) WithGroup(string) slog.Handler            { return r }
func (r recorder) Handle(_ context.Context, rec slog.Record) error {
	line := rec.Level.String() + " " + rec.Message
	rec.Attrs(func(a slog.Attr) bool {
		if a.Key == "failed" {
			line += fmt.Sprintf(" failed=%v", a.Value)
		}
		return true
	})
	*r.lines = append(*r.lines, line)
	return nil
}

func TestEpisode(t *testing.T) {
	var lines []string
	log := slog.New(recorder{&lines})
	e := episode{what: "acks"}
	e.ok(log) // nothing failed: silent
	for range 3 {
		e.fail(log, "ack failed")
	}
	e.ok(log)
	e.ok(log)
	e.fail(log, "ack failed")
	got := strings.Join(lines, "; ")
	want := "WARN ack failed; DEBUG ack failed; DEBUG ack failed; INFO acks succeed again failed=3; WARN ack failed"
	if got != want {
		t.Errorf("log of ok, 3 × fail, 2 × ok, fail = %q; want %q", got, want)
	}
}
