package natsjs

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// Publisher is a pipeline.Publisher on JetStream: outputs are published
// asynchronously, each with its ID as Nats-Msg-Id, and Publish returns once
// the server has confirmed every one.
type Publisher struct {
	js jetstream.JetStream
}

var _ pipeline.Publisher = (*Publisher)(nil)

// NewPublisher returns a Publisher on js. Create js with
// jetstream.WithPublishAsyncMaxPending at least the runner's max_in_flight
// times the outputs per message, so that publishing never stalls on the
// client's own limit.
func NewPublisher(js jetstream.JetStream) *Publisher {
	return &Publisher{js: js}
}

// Publish implements pipeline.Publisher.
func (p *Publisher) Publish(ctx context.Context, outs []pipeline.Output) error {
	var one [1]jetstream.PubAckFuture
	futures := one[:0]
	for i := range outs {
		o := &outs[i]
		msg := &nats.Msg{Subject: o.Subject, Data: o.Data, Header: nats.Header(o.Header)}
		f, err := p.js.PublishMsgAsync(msg, jetstream.WithMsgID(o.ID))
		if err != nil {
			return fmt.Errorf("publish %s: %w", o.Subject, err)
		}
		futures = append(futures, f)
	}
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			return fmt.Errorf("publish %s: %w", outs[i].Subject, err)
		case <-ctx.Done():
			return fmt.Errorf("publish %s: %w", outs[i].Subject, ctx.Err())
		}
	}
	return nil
}
