package pipeline

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestOutage(t *testing.T) {
	var lines []string
	gauge := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "blocked"}, []string{"reason"})
	o := newOutage(gauge, slog.New(recorder{&lines}))
	before := time.Now()
	if o.seenSince(before) || o.Err() != nil {
		t.Fatalf("new Outage: seenSince = %v, Err = %v; want false, nil", o.seenSince(before), o.Err())
	}

	steps := []struct {
		name    string
		do      func()
		shown   string // the reason the gauge and Err show; "" for none
		blocked bool
	}{
		{"publish times out", func() { o.Block(BlockedTimeout, errors.New("timeout waiting for ack")) }, BlockedTimeout, true},
		{"again", func() { o.Block(BlockedTimeout, errors.New("timeout waiting for ack")) }, BlockedTimeout, true},
		{"connection lost", func() { o.Block(BlockedDisconnected, errors.New("stale connection")) }, BlockedDisconnected, true},
		{"connection back", func() { o.Unblock(BlockedDisconnected) }, BlockedTimeout, true},
		{"a publish goes through", func() { o.Unblock(BlockedTimeout, BlockedStorageFull) }, "", false},
		{"nothing to clear", func() { o.Unblock(BlockedTimeout) }, "", false},
	}
	for _, s := range steps {
		s.do()
		for _, r := range BlockedReasons {
			want := 0.0
			if r == s.shown {
				want = 1
			}
			if got := testutil.ToFloat64(gauge.WithLabelValues(r)); got != want {
				t.Errorf("after %s: gauge{reason=%q} = %v; want %v", s.name, r, got, want)
			}
		}
		err := o.Err()
		if (err != nil) != s.blocked || s.blocked && !strings.Contains(err.Error(), "("+s.shown+")") {
			t.Errorf("after %s: Err() = %v; want one naming %q: %v", s.name, err, s.shown, s.blocked)
		}
	}
	got := strings.Join(lines, "; ")
	want := "WARN output blocked by the server or the network; no new input is taken until it clears; DEBUG output still blocked; INFO output unblocked"
	if got != want {
		t.Errorf("log = %q; want %q", got, want)
	}
	if !o.seenSince(before) {
		t.Errorf("seenSince(before the outage) = false; want true")
	}
	if o.seenSince(time.Now().Add(2 * clockSkew)) {
		t.Errorf("seenSince(well after the outage) = true; want false")
	}
}

// TestOutageRelapse: an episode that begins soon after the last one ended
// is logged at debug level, unless it lasts; a late warning is for its own
// episode only.
func TestOutageRelapse(t *testing.T) {
	var lines []string
	gauge := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "blocked"}, []string{"reason"})
	o := newOutage(gauge, slog.New(recorder{&lines}))
	now := time.Date(2026, 4, 11, 12, 0, 0, 0, time.UTC)
	o.now = func() time.Time { return now }
	var timers []func() // the late warnings scheduled, in order
	o.afterFunc = func(d time.Duration, f func()) *time.Timer {
		if d != relapseLasts {
			t.Errorf("late warning after %v; want %v", d, relapseLasts)
		}
		timers = append(timers, f)
		return time.NewTimer(time.Hour) // stopped by Unblock, never fired
	}
	timeout := errors.New("timeout waiting for ack")
	steps := []struct {
		name string
		at   time.Duration // after the start
		do   func()
		want string // the lines logged by the step
	}{
		{"blocked", 0, func() { o.Block(BlockedTimeout, timeout) }, "WARN output blocked by the server or the network; no new input is taken until it clears"},
		{"free", time.Second, func() { o.Unblock(BlockedTimeout) }, "INFO output unblocked"},
		{"relapse", 3 * time.Second, func() { o.Block(BlockedTimeout, timeout) }, "DEBUG output blocked again"},
		{"free again", 3200 * time.Millisecond, func() { o.Unblock(BlockedTimeout) }, "DEBUG output unblocked again"},
		{"stale late warning", 4 * time.Second, func() { timers[0]() }, ""},
		{"another relapse", 5 * time.Second, func() { o.Block(BlockedTimeout, timeout) }, "DEBUG output blocked again"},
		{"it lasts", 15 * time.Second, func() { timers[1]() }, "WARN output blocked by the server or the network; no new input is taken until it clears"},
		{"free at last", 20 * time.Second, func() { o.Unblock(BlockedTimeout) }, "INFO output unblocked"},
		// Missed heartbeats report a condition some 10 s after it began.
		{"a relapse found late", 32 * time.Second, func() { o.Block(BlockedNoHeartbeat, errors.New("no heartbeat received")) }, "DEBUG output blocked again"},
		{"free once more", 32500 * time.Millisecond, func() { o.Unblock(BlockedNoHeartbeat) }, "DEBUG output unblocked again"},
		{"long after", 70 * time.Second, func() { o.Block(BlockedDisconnected, errors.New("stale connection")) }, "WARN output blocked by the server or the network; no new input is taken until it clears"},
		{"free after it", 71 * time.Second, func() { o.Unblock(BlockedDisconnected) }, "INFO output unblocked"},
		// A condition that comes and goes is logged again once the
		// window after the last logged end has passed, however short
		// the gaps between its relapses.
		{"flapping", 80 * time.Second, func() { o.Block(BlockedTimeout, timeout) }, "DEBUG output blocked again"},
		{"flapping, free", 80500 * time.Millisecond, func() { o.Unblock(BlockedTimeout) }, "DEBUG output unblocked again"},
		{"flapping again", 95 * time.Second, func() { o.Block(BlockedTimeout, timeout) }, "DEBUG output blocked again"},
		{"flapping again, free", 95500 * time.Millisecond, func() { o.Unblock(BlockedTimeout) }, "DEBUG output unblocked again"},
		{"flapping still", 105 * time.Second, func() { o.Block(BlockedTimeout, timeout) }, "WARN output blocked by the server or the network; no new input is taken until it clears"},
	}
	start := now
	for _, s := range steps {
		now = start.Add(s.at)
		lines = lines[:0]
		s.do()
		if got := strings.Join(lines, "; "); got != s.want {
			t.Errorf("%s: log = %q; want %q", s.name, got, s.want)
		}
	}
	if len(timers) != 5 {
		t.Errorf("%d late warnings scheduled; want 5 (one per relapse)", len(timers))
	}
}
