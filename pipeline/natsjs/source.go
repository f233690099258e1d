package natsjs

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// Source is a pipeline.Source on a durable pull consumer. Messages are
// pulled in batches of ConsumerConfig.PullBatch ahead of the workers; the
// caller sizes it (cmd sizes a zero to the runner).
type Source struct {
	open func(ctx context.Context) (jetstream.Consumer, error)
	opts []jetstream.PullMessagesOpt

	// heartbeat is the pull requests' idle heartbeat; stalled is set when
	// two in a row were missed, and cleared by the next message or by
	// heartbeatsOK of them heard since.
	heartbeat time.Duration
	stalled   atomic.Bool

	mu       sync.Mutex
	iter     jetstream.MessagesContext
	draining bool
	live     atomic.Bool
}

// heartbeatsOK is how many heartbeat intervals without a missed heartbeat
// end a stall: the iterator reports a miss after two.
const heartbeatsOK = 3

var _ pipeline.Source = (*Source)(nil)

// NewSource returns a Source on the consumer that open returns. open is
// called again whenever the consumer has to be found anew, for example
// after it was deleted.
func NewSource(ctx context.Context, open func(ctx context.Context) (jetstream.Consumer, error), cfg ConsumerConfig) (*Source, error) {
	s := &Source{
		open:      open,
		heartbeat: time.Duration(cfg.PullHeartbeat),
		opts:      []jetstream.PullMessagesOpt{jetstream.PullExpiry(time.Duration(cfg.PullExpiry))},
	}
	if s.heartbeat > 0 { // else the client's default (half the expiry, at most 30 s)
		s.opts = append(s.opts, jetstream.PullHeartbeat(s.heartbeat))
	}
	if cfg.PullBatch > 0 { // else the client's default (500)
		s.opts = append(s.opts, jetstream.PullMaxMessages(cfg.PullBatch))
	}
	if _, err := s.iterator(ctx, nil); err != nil {
		return nil, err
	}
	return s, nil
}

// Live reports whether the source is pulling from its consumer.
func (s *Source) Live() bool { return s.live.Load() }

// Stalled reports whether the consumer's heartbeats stopped: its server,
// or the consumer's leader behind it, is out of reach.
func (s *Source) Stalled() bool { return s.stalled.Load() }

// Next implements pipeline.Source.
func (s *Source) Next(ctx context.Context) (pipeline.Message, error) {
	var it jetstream.MessagesContext
	for {
		var err error
		if it, err = s.iterator(ctx, it); err != nil {
			return nil, err
		}
		msg, err := s.next(ctx, it)
		switch {
		case err == nil:
			s.stalled.Store(false)
			return newMessage(msg), nil
		case errors.Is(err, errHeartbeatsOK):
			s.stalled.Store(false)
			continue
		case errors.Is(err, jetstream.ErrMsgIteratorClosed):
			// Drained, or closed under us (the consumer was deleted, the
			// connection closed): iterator decides which.
			continue
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case errors.Is(err, jetstream.ErrNoHeartbeat):
			s.stalled.Store(true)
			return nil, fmt.Errorf("pull: %w", err)
		case errors.Is(err, jetstream.ErrConsumerDeleted), errors.Is(err, jetstream.ErrConsumerNotFound):
			s.live.Store(false)
			s.reset(it)
			return nil, fmt.Errorf("pull: %w", err)
		default:
			// Missed heartbeats and the like: the iterator recovers by
			// itself once the connection does.
			return nil, fmt.Errorf("pull: %w", err)
		}
	}
}

// errHeartbeatsOK ends a wait of a stalled source that heard its
// heartbeats again.
var errHeartbeatsOK = errors.New("heartbeats heard again")

// next waits for the iterator's next message. While the source is stalled
// it waits heartbeatsOK heartbeat intervals at most: the iterator, which
// reports a miss after two, heard them if it reported none.
func (s *Source) next(ctx context.Context, it jetstream.MessagesContext) (jetstream.Msg, error) {
	if !s.stalled.Load() || s.heartbeat <= 0 {
		return it.Next(jetstream.NextContext(ctx))
	}
	waitCtx, cancel := context.WithTimeout(ctx, heartbeatsOK*s.heartbeat)
	defer cancel()
	msg, err := it.Next(jetstream.NextContext(waitCtx))
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return nil, errHeartbeatsOK
	}
	return msg, err
}

// iterator returns the current iterator, opening a new one when there is
// none or when failed, the one the caller saw fail, is still current.
func (s *Source) iterator(ctx context.Context, failed jetstream.MessagesContext) (jetstream.MessagesContext, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.draining {
		if s.iter == nil || s.iter == failed {
			return nil, pipeline.ErrSourceClosed
		}
		return s.iter, nil
	}
	if s.iter != nil && s.iter != failed {
		return s.iter, nil
	}
	if s.iter != nil {
		s.iter.Stop()
		s.iter = nil
	}
	s.live.Store(false)
	cons, err := s.open(ctx)
	if err != nil {
		return nil, fmt.Errorf("open consumer: %w", err)
	}
	it, err := cons.Messages(s.opts...)
	if err != nil {
		return nil, fmt.Errorf("start pulling: %w", err)
	}
	s.iter = it
	s.live.Store(true)
	return it, nil
}

// reset drops it so that the next call to Next opens the consumer anew.
func (s *Source) reset(it jetstream.MessagesContext) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.iter == it && !s.draining {
		s.iter.Stop()
		s.iter = nil
	}
}

// Drain implements pipeline.Source: no more pulls; buffered messages are
// still handed out, then Next returns pipeline.ErrSourceClosed.
func (s *Source) Drain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.draining {
		return
	}
	s.draining = true
	s.live.Store(false)
	if s.iter != nil {
		s.iter.Drain()
	}
}
