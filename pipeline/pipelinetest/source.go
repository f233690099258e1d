package pipelinetest

import (
	"context"
	"sync"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// State is where a message stands.
type State int

// Message states. Acked and Termed are final.
const (
	Pending State = iota
	Acked
	Termed
)

// Source is an in-memory pipeline.Source. A Nak'd message is delivered
// again after its delay with NumDelivered raised, like JetStream does.
type Source struct {
	stream string

	mu       sync.Mutex
	queue    []*Message
	wake     chan struct{} // closed and replaced when queue grows or the source drains
	draining bool
	seq      uint64
	states   map[uint64]*record
	settled  chan struct{} // closed when every message is final; nil if none pending
}

// record is what the source knows of one message across its deliveries.
type record struct {
	state      State
	deliveries uint64
	termReason string
}

var _ pipeline.Source = (*Source)(nil)

// NewSource returns an empty Source whose messages claim to come from
// stream.
func NewSource(stream string) *Source {
	return &Source{stream: stream, wake: make(chan struct{}), states: make(map[uint64]*record)}
}

// Add enqueues a new message and returns its sequence number.
func (s *Source) Add(subject string, data []byte) uint64 {
	return s.AddDelivered(subject, data, 1)
}

func (s *Source) pushLocked(m *Message) {
	s.states[m.info.Sequence].deliveries = m.info.NumDelivered
	s.queue = append(s.queue, m)
	close(s.wake)
	s.wake = make(chan struct{})
}

// Next implements pipeline.Source.
func (s *Source) Next(ctx context.Context) (pipeline.Message, error) {
	for {
		s.mu.Lock()
		if len(s.queue) > 0 {
			m := s.queue[0]
			s.queue = s.queue[1:]
			s.mu.Unlock()
			return m, nil
		}
		if s.draining {
			s.mu.Unlock()
			return nil, pipeline.ErrSourceClosed
		}
		wake := s.wake
		s.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Drain implements pipeline.Source. Messages Nak'd after Drain are not
// delivered again, as a stopped JetStream consumer would not deliver them.
func (s *Source) Drain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.draining {
		s.draining = true
		close(s.wake)
		s.wake = make(chan struct{})
	}
}

// Settled waits until every message added so far is acked or terminated.
func (s *Source) Settled(ctx context.Context) error {
	s.mu.Lock()
	ch := s.settled
	s.mu.Unlock()
	if ch == nil {
		return nil
	}
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// State returns the state of message seq, how often it was delivered and,
// if terminated, the reason given.
func (s *Source) State(seq uint64) (state State, deliveries uint64, termReason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.states[seq]
	if r == nil {
		return Pending, 0, ""
	}
	return r.state, r.deliveries, r.termReason
}

// finish records a final state for m's message.
func (s *Source) finish(m *Message, state State, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.states[m.info.Sequence]
	r.state, r.termReason = state, reason
	for _, r := range s.states {
		if r.state == Pending {
			return
		}
	}
	if s.settled != nil {
		close(s.settled)
		s.settled = nil
	}
}

// redeliver enqueues m's message again after delay.
func (s *Source) redeliver(m *Message, delay time.Duration) {
	next := &Message{src: s, subject: m.subject, data: m.data, info: m.info}
	next.info.NumDelivered++
	time.AfterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if !s.draining {
			s.pushLocked(next)
		}
	})
}

// AddDelivered enqueues a new message whose delivery count is deliveries,
// as if earlier deliveries had been lost to crashes.
func (s *Source) AddDelivered(subject string, data []byte, deliveries uint64) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.states[s.seq] = &record{}
	if s.settled == nil {
		s.settled = make(chan struct{})
	}
	s.pushLocked(&Message{src: s, subject: subject, data: data, info: pipeline.MessageInfo{
		Stream: s.stream, Sequence: s.seq, NumDelivered: deliveries, Timestamp: time.Now(),
	}})
	return s.seq
}
