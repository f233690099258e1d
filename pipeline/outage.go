package pipeline

import (
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// clockSkew is how far the server's clock, which stamps a message when it
// is stored, may be from this process's, which times an outage.
const clockSkew = time.Minute

// relapseWindow is how soon after an episode ends a new one is a relapse of
// it: a cluster that has just healed may time out a publish or two while
// its streams catch up, and each would otherwise be an outage of its own in
// the log. It is longer than the slowest detection of a condition (the
// client's pings, 15 s by default; two missed consumer heartbeats, 10 s),
// since a relapse found by those began well before it is reported.
// relapseLasts is how long a relapse lasts before it is warned of after
// all.
const (
	relapseWindow = 30 * time.Second
	relapseLasts  = 10 * time.Second
)

// Outage is what a Runner knows of the infrastructure conditions that keep
// its outputs from the server: which hold now (BlockedReasons), and when the
// last one ended. The Runner reports its failed publishes here; the code
// that owns the connection (pipeline/natsjs) reports the connection and the
// input consumer. While any condition holds, Err is not nil (the readiness
// probe fails with it) and newsflow_output_blocked shows the reason. It
// logs one warning when output becomes blocked and one line when it is free
// again, however many articles and reasons came in between. A relapse, an
// episode that begins within relapseWindow of the end of the last one
// logged, is logged at debug level, unless it lasts relapseLasts: then its
// warning comes late. Its methods are safe for concurrent use.
type Outage struct {
	gauge *prometheus.GaugeVec
	log   *slog.Logger
	// blocked mirrors len(errs) > 0, so that the publish of every article
	// can unblock at the cost of one atomic load.
	blocked atomic.Bool

	mu    sync.Mutex
	errs  map[string]error // reason → the failure that reported it
	shown string           // the reason the gauge shows
	since time.Time        // when the current episode began
	ended time.Time        // when the last episode ended
	// logged is when the last episode logged at Info ended: a relapse is
	// one soon after it, so that a condition that comes and goes all the
	// time is still logged every relapseWindow.
	logged time.Time
	// quiet reports that the current episode is a relapse whose warning
	// has not been logged; late logs it if the relapse lasts.
	quiet   bool
	episode int // counts episodes, so that a late warning knows its own
	late    *time.Timer
	// now and afterFunc are time.Now and time.AfterFunc, but in tests.
	now       func() time.Time
	afterFunc func(time.Duration, func()) *time.Timer
}

func newOutage(gauge *prometheus.GaugeVec, log *slog.Logger) *Outage {
	return &Outage{gauge: gauge, log: log, errs: make(map[string]error), now: time.Now, afterFunc: time.AfterFunc}
}

// Block records that reason, one of BlockedReasons, holds because of err.
func (o *Outage) Block(reason string, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.errs) == 0 {
		o.since = o.now()
		o.episode++
		o.quiet = !o.logged.IsZero() && o.since.Sub(o.logged) < relapseWindow
		if o.quiet {
			o.log.Debug("output blocked again", "reason", reason, "err", err)
			episode := o.episode
			o.late = o.afterFunc(relapseLasts, func() { o.warnLate(episode) })
		} else {
			o.warn(reason, err)
		}
	} else if _, ok := o.errs[reason]; !ok {
		o.log.Debug("output still blocked", "reason", reason, "err", err)
	}
	o.errs[reason] = err
	o.blocked.Store(true)
	o.show()
}

// Unblock records that the reasons no longer hold.
func (o *Outage) Unblock(reasons ...string) {
	if !o.blocked.Load() {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.errs) == 0 {
		return
	}
	for _, r := range reasons {
		delete(o.errs, r)
	}
	if len(o.errs) == 0 {
		o.ended = o.now()
		o.blocked.Store(false)
		after := o.ended.Sub(o.since).Round(time.Millisecond)
		if o.late != nil {
			o.late.Stop()
			o.late = nil
		}
		if o.quiet {
			o.log.Debug("output unblocked again", "after", after)
		} else {
			o.log.Info("output unblocked", "after", after)
			o.logged = o.ended
		}
		o.quiet = false
	}
	o.show()
}

// warn logs that output is blocked. o.mu is held.
func (o *Outage) warn(reason string, err error) {
	o.log.Warn("output blocked by the server or the network; no new input is taken until it clears", "reason", reason, "err", err)
}

// warnLate logs the warning of a relapse that has lasted relapseLasts, if
// episode is still the current one and still quiet.
func (o *Outage) warnLate(episode int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if episode != o.episode || !o.quiet || len(o.errs) == 0 {
		return
	}
	o.quiet = false
	o.late = nil
	o.warn(o.shown, o.errs[o.shown])
}

// Err returns nil while nothing blocks output, else an error that names
// the reason the gauge shows and its failure.
func (o *Outage) Err() error {
	if !o.blocked.Load() {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.shown == "" {
		return nil
	}
	return fmt.Errorf("output blocked (%s): %w", o.shown, o.errs[o.shown])
}

// seenSince reports whether output is blocked now or was at t or later,
// give or take clockSkew: whether deliveries of a message stored at t may
// have been cut short by the infrastructure.
func (o *Outage) seenSince(t time.Time) bool {
	if o.blocked.Load() {
		return true
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return !o.ended.IsZero() && !o.ended.Before(t.Add(-clockSkew))
}

// show sets the gauge to the first reason that holds, in the order of
// BlockedReasons. o.mu is held.
func (o *Outage) show() {
	shown := ""
	for _, r := range BlockedReasons {
		if _, ok := o.errs[r]; ok {
			shown = r
			break
		}
	}
	if shown == o.shown {
		return
	}
	if o.shown != "" {
		o.gauge.WithLabelValues(o.shown).Set(0)
	}
	if shown != "" {
		o.gauge.WithLabelValues(shown).Set(1)
	}
	o.shown = shown
}
