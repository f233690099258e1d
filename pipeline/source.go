package pipeline

import (
	"context"
	"errors"
	"time"
)

// ErrSourceClosed is returned by Source.Next once the source has been
// drained and every buffered message handed out.
var ErrSourceClosed = errors.New("source closed")

// Source hands out input messages. Next and Drain must be safe for
// concurrent use.
type Source interface {
	// Next blocks until a message is available, ctx is done, or the source
	// is closed (ErrSourceClosed). Other errors are transient: the caller
	// logs them and calls Next again.
	Next(ctx context.Context) (Message, error)
	// Drain stops fetching new messages; Next goes on returning those
	// already buffered, then ErrSourceClosed.
	Drain()
}

// Message is one delivery of an input message. Its acknowledgement methods
// may be called from any goroutine; only the first of Ack, Nak and Term
// takes effect.
type Message interface {
	Data() []byte
	Subject() string
	Info() MessageInfo
	// Ack acknowledges the message and waits for the server to confirm it.
	Ack(ctx context.Context) error
	// Nak asks for redelivery after delay.
	Nak(delay time.Duration) error
	// Term stops redelivery; reason is recorded by the server.
	Term(reason string) error
	// InProgress resets the server's redelivery timer.
	InProgress() error
}

// MessageInfo describes a delivery.
type MessageInfo struct {
	Stream string
	// Sequence is the message's sequence in its stream.
	Sequence uint64
	// NumDelivered counts deliveries of this message, this one included.
	NumDelivered uint64
	// Timestamp is when the message was stored in its stream.
	Timestamp time.Time
	// Pending counts the messages still waiting for the consumer when this
	// one was delivered: the backlog behind it.
	Pending uint64
}

// Output is one message to publish.
type Output struct {
	Subject string
	// ID is the deduplication id (Nats-Msg-Id): the same output of a
	// redelivered input has the same ID.
	ID     string
	Header map[string][]string
	Data   []byte
	// Kind labels the output in newsflow_events_published_total.
	Kind string
}

// Publisher publishes outputs. Publish must be safe for concurrent use.
type Publisher interface {
	// Publish sends every output and returns once the server has confirmed
	// all of them. On an error it returns, with the first output's error,
	// the outputs the server has not confirmed, in their order: a later
	// call need send only those, since the others are stored, and sending
	// them again would rely on the stream's duplicate window, which a long
	// outage outlasts.
	Publish(ctx context.Context, outs []Output) (unconfirmed []Output, err error)
}

// Handler turns one input message into the outputs to publish. An error
// marked permanent dead-letters the message; any other is retried.
type Handler interface {
	Handle(ctx context.Context, m Message) ([]Output, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m Message) ([]Output, error)

// Handle calls f(ctx, m).
func (f HandlerFunc) Handle(ctx context.Context, m Message) ([]Output, error) { return f(ctx, m) }
