package pipeline

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// holdBackoff spaces out the attempts to publish the outputs of a held
// message. It stays short so that output resumes within seconds of the
// condition clearing; the first publish that goes through wakes every
// other held message at once.
var holdBackoff = Backoff{Initial: 200 * time.Millisecond, Max: 5 * time.Second}

// holding counts the messages whose outputs wait for the infrastructure.
// While there are any, workers take no new input.
type holding struct {
	n      atomic.Int64
	mu     sync.Mutex
	change chan struct{} // closed and replaced by wake
}

func newHolding() *holding { return &holding{change: make(chan struct{})} }

func (h *holding) add(d int64) {
	if h.n.Add(d) == 0 {
		h.wake()
	}
}

// wake tells those waiting on the channel of state that something
// changed: a publish went through, or nothing is held any more.
func (h *holding) wake() {
	h.mu.Lock()
	defer h.mu.Unlock()
	close(h.change)
	h.change = make(chan struct{})
}

// state returns how many messages are held, and a channel closed at the
// next change.
func (h *holding) state() (int64, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n.Load(), h.change
}

// waitInput waits until no message is held, and reports false when ctx
// ends or the drain begins first.
func (r *Runner) waitInput(ctx context.Context, drain <-chan struct{}) bool {
	for {
		n, change := r.held.state()
		if n == 0 {
			return true
		}
		select {
		case <-change:
		case <-ctx.Done():
			return false
		case <-drain:
			return false
		}
	}
}

// publishOrHold publishes outs. While the publish fails for the
// infrastructure, the message is held: kept, reported in progress by its
// keep-alive, and published again after a pause, so that the server's
// condition never counts a delivery against the article. It returns nil,
// the article's own failure, or the infrastructure's failure still standing
// when ctx ended or the drain began.
func (r *Runner) publishOrHold(ctx context.Context, drain <-chan struct{}, outs []Output) error {
	held := false
	defer func() {
		if held {
			r.held.add(-1)
		}
	}()
	for attempt := 1; ; attempt++ {
		// Only what the server has not confirmed is sent again: the
		// rest is stored, and the stream's duplicate window, which would
		// drop it, may have passed by the time the outage ends.
		left, err := r.publish(ctx, outs)
		outs = left
		reason := InfraReasonOf(err)
		if reason == "" {
			if err == nil {
				r.published(held)
				held = false
			}
			return err
		}
		if !held { // counted before it blocks, so that no publish unblocks it in between
			held = true
			r.held.add(1)
		}
		r.outage.Block(reason, err)
		_, change := r.held.state()
		pause := time.NewTimer(holdBackoff.Delay(attempt))
		select {
		case <-pause.C:
		case <-change:
			pause.Stop()
		case <-drain:
			pause.Stop()
			return err
		case <-ctx.Done():
			pause.Stop()
			return err
		}
	}
}

// published records a publish that went through; held says whether its
// message was held. Output is free again once no message is held: one
// publish alone may go through while the condition stands (a stream
// answers a duplicate at once, without its quorum), and the others would
// only be held again.
func (r *Runner) published(held bool) {
	if held {
		r.held.add(-1)
	}
	if r.held.n.Load() == 0 {
		r.outage.Unblock(outputReasons...)
	} else if held {
		r.held.wake() // the others try again now
	}
}

// outputReasons are the reasons a publish that goes through disproves:
// all but the input consumer's.
var outputReasons = []string{
	BlockedDisconnected, BlockedStorageFull, BlockedStreamFull,
	BlockedNoLeader, BlockedNoResponders, BlockedTimeout,
}

// maxFailures bounds the messages failures counts at once; past it, the
// counts start again from zero, which only allows more deliveries.
const maxFailures = 1 << 16

// failures counts, by stream sequence, the deliveries of a message that
// failed through the article's fault in this process. It stands in for
// the server's delivery count when an outage may have inflated that (see
// Runner.deliveries).
type failures struct {
	mu sync.Mutex
	n  map[uint64]uint64
	// any mirrors len(n) > 0: finishing an article costs one atomic load
	// while nothing failed.
	any atomic.Bool
}

func (f *failures) get(seq uint64) uint64 {
	if !f.any.Load() {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n[seq]
}

func (f *failures) add(seq uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == nil || len(f.n) >= maxFailures {
		f.n = make(map[uint64]uint64)
	}
	f.n[seq]++
	f.any.Store(true)
}

func (f *failures) forget(seq uint64) {
	if !f.any.Load() {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.n, seq)
	f.any.Store(len(f.n) > 0)
}

// deliveries returns how many deliveries of a message count toward
// max_deliver: the server's count, which survives a crash and is shared by
// every replica. When this process has seen output blocked since the
// message was stored, the server's count may include deliveries the outage
// cut short (an ack wait that ran out while the connection was down, or
// while the message waited in the pull buffer), which are not the
// article's; then only the failures seen here count, plus this delivery.
func (r *Runner) deliveries(info MessageInfo) uint64 {
	if r.outage.seenSince(info.Timestamp) {
		return r.failures.get(info.Sequence) + 1
	}
	return info.NumDelivered
}
