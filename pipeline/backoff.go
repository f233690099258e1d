package pipeline

import (
	"context"
	"time"
)

// Backoff is a delay that grows with each attempt at something that
// fails: Initial before the second attempt, doubled before each one after,
// and never more than Max. Redeliveries, reconnections and restarted
// watches all wait by it.
type Backoff struct {
	Initial time.Duration
	Max     time.Duration
}

// Delay returns the delay after the attempt-th failure (from 1; 0 counts
// as 1).
func (b Backoff) Delay(attempt int) time.Duration {
	d := b.Initial
	for i := 1; i < attempt && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// Wait waits for the delay after the attempt-th failure, and reports
// false when ctx ended first.
func (b Backoff) Wait(ctx context.Context, attempt int) bool {
	t := time.NewTimer(b.Delay(attempt))
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
