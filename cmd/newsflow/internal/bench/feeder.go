package bench

import (
	"context"
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"
)

// feeder keeps the articles stream topped up with new stories:
// whenever fewer than backlog of those it published are unfinished, it
// publishes more. Only its own goroutine calls topUp and run.
type feeder struct {
	js       jetstream.JetStream
	stories  *storyMaker
	backlog  int64
	finished func() int64
	next     int64 // number of the next story
	// low is the fewest unfinished articles seen since the last takeLow.
	low     atomic.Int64
	futures []jetstream.PubAckFuture
}

// newFeeder returns a feeder publishing stories with js; finished
// counts the articles the pipeline has finished.
func newFeeder(js jetstream.JetStream, stories *storyMaker, backlog int64, finished func() int64) *feeder {
	f := &feeder{js: js, stories: stories, backlog: backlog, finished: finished,
		futures: make([]jetstream.PubAckFuture, 0, soakPublishBatch)}
	f.low.Store(math.MaxInt64)
	return f
}

// run tops the backlog up every soakTopUpEvery until ctx ends; it returns
// nil then, or the first publishing error.
func (f *feeder) run(ctx context.Context) error {
	tick := time.NewTicker(soakTopUpEvery)
	defer tick.Stop()
	for {
		if err := f.topUp(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// topUp publishes new stories until backlog of them are unfinished, in
// batches whose acknowledgements it awaits.
func (f *feeder) topUp(ctx context.Context) error {
	unfinished := f.next - f.finished()
	f.noteLow(unfinished)
	for unfinished < f.backlog {
		n := min(f.backlog-unfinished, soakPublishBatch)
		if err := f.publish(ctx, int(n)); err != nil {
			return err
		}
		unfinished += n
	}
	return nil
}

// publish publishes the next n stories and waits for their
// acknowledgements.
func (f *feeder) publish(ctx context.Context, n int) error {
	f.futures = f.futures[:0]
	for range n {
		a := f.stories.article(int(f.next))
		data, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("feed: %w", err)
		}
		fut, err := f.js.PublishAsync("articles.bench", data, jetstream.WithMsgID(a.ID))
		if err != nil {
			return fmt.Errorf("feed: %w", err)
		}
		f.futures = append(f.futures, fut)
		f.next++
	}
	for _, fut := range f.futures {
		select {
		case <-fut.Ok():
		case err := <-fut.Err():
			return fmt.Errorf("feed: %w", err)
		case <-ctx.Done():
			return fmt.Errorf("feed: %w", ctx.Err())
		}
	}
	return nil
}

// noteLow lowers low to n when n is fewer.
func (f *feeder) noteLow(n int64) {
	for {
		low := f.low.Load()
		if n >= low || f.low.CompareAndSwap(low, n) {
			return
		}
	}
}

// takeLow returns the fewest unfinished articles seen since the last call
// (-1 when none was seen) and starts over.
func (f *feeder) takeLow() int64 {
	low := f.low.Swap(math.MaxInt64)
	if low == math.MaxInt64 {
		return -1
	}
	return low
}
