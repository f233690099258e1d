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
