package natsjs

import (
	"context"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// message is a pipeline.Message on a JetStream message. Its metadata is
// parsed once, when it arrives.
type message struct {
	msg  jetstream.Msg
	info pipeline.MessageInfo
}

var _ pipeline.Message = (*message)(nil)

func newMessage(msg jetstream.Msg) *message {
	m := &message{msg: msg}
	if md, err := msg.Metadata(); err == nil {
		m.info = pipeline.MessageInfo{
			Stream:       md.Stream,
			Sequence:     md.Sequence.Stream,
			NumDelivered: md.NumDelivered,
			Timestamp:    md.Timestamp,
			Pending:      md.NumPending,
		}
	}
	return m
}

func (m *message) Data() []byte                  { return m.msg.Data() }
func (m *message) Subject() string               { return m.msg.Subject() }
func (m *message) Info() pipeline.MessageInfo    { return m.info }
func (m *message) Ack(ctx context.Context) error { return m.msg.DoubleAck(ctx) }
func (m *message) Nak(delay time.Duration) error {
	if delay <= 0 {
		return m.msg.Nak()
	}
	return m.msg.NakWithDelay(delay)
}
func (m *message) Term(reason string) error { return m.msg.TermWithReason(reason) }
func (m *message) InProgress() error        { return m.msg.InProgress() }
