package pipelinetest

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// ErrAlreadyAcked is returned when a message is acknowledged twice.
var ErrAlreadyAcked = errors.New("message already acknowledged")

// Message is one delivery from a Source.
type Message struct {
	src     *Source
	subject string
	data    []byte
	info    pipeline.MessageInfo

	mu         sync.Mutex
	done       bool
	progressed chan struct{} // closed at the first InProgress
}

var _ pipeline.Message = (*Message)(nil)

// Data implements pipeline.Message.
func (m *Message) Data() []byte { return m.data }

// Subject implements pipeline.Message.
func (m *Message) Subject() string { return m.subject }

// Info implements pipeline.Message.
func (m *Message) Info() pipeline.MessageInfo { return m.info }

// Ack implements pipeline.Message.
func (m *Message) Ack(context.Context) error {
	if err := m.settle(); err != nil {
		return err
	}
	m.src.finish(m, Acked, "")
	return nil
}

// Nak implements pipeline.Message.
func (m *Message) Nak(delay time.Duration) error {
	if err := m.settle(); err != nil {
		return err
	}
	m.src.redeliver(m, delay)
	return nil
}

// Term implements pipeline.Message.
func (m *Message) Term(reason string) error {
	if err := m.settle(); err != nil {
		return err
	}
	m.src.finish(m, Termed, reason)
	return nil
}

// InProgress implements pipeline.Message.
func (m *Message) InProgress() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return ErrAlreadyAcked
	}
	select {
	case <-m.progressCh():
	default:
		close(m.progressed)
	}
	return nil
}

// Progressed is closed once the message has been reported in progress.
func (m *Message) Progressed() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.progressCh()
}

func (m *Message) progressCh() chan struct{} {
	if m.progressed == nil {
		m.progressed = make(chan struct{})
	}
	return m.progressed
}

func (m *Message) settle() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return ErrAlreadyAcked
	}
	m.done = true
	return nil
}
