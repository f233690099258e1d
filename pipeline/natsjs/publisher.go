package natsjs

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// Publisher is a pipeline.Publisher on JetStream: outputs are published
// asynchronously, each with its ID as Nats-Msg-Id, and Publish returns once
// the server has confirmed every one.
type Publisher struct {
	js jetstream.JetStream
	// denials, when set, tells a refused subject from a server that does
	// not answer.
	denials *denials
}

var _ pipeline.Publisher = (*Publisher)(nil)

// NewPublisher returns a Publisher on js. Create js with
// jetstream.WithPublishAsyncMaxPending at least the runner's max_in_flight
// times the outputs per message, so that publishing never stalls on the
// client's own limit.
func NewPublisher(js jetstream.JetStream) *Publisher {
	return &Publisher{js: js}
}

// Publish implements pipeline.Publisher. Every output is sent before any
// confirmation is awaited; an output sent is unconfirmed when the server
// answers it with an error or has not answered when ctx ends.
func (p *Publisher) Publish(ctx context.Context, outs []pipeline.Output) ([]pipeline.Output, error) {
	var one [1]jetstream.PubAckFuture
	futures := one[:0]
	var sendErr error
	for i := range outs {
		o := &outs[i]
		msg := &nats.Msg{Subject: o.Subject, Data: o.Data, Header: nats.Header(o.Header)}
		f, err := p.js.PublishMsgAsync(msg, jetstream.WithMsgID(o.ID))
		if err != nil {
			sendErr = p.classify(o.Subject, err)
			break
		}
		futures = append(futures, f)
	}
	var first error
	var unconfirmed []pipeline.Output
	for i, f := range futures {
		var err error
		select {
		case <-f.Ok():
		case err = <-f.Err():
		case <-ctx.Done():
			select {
			case <-f.Ok(): // confirmed as ctx ended
			default:
				err = ctx.Err()
			}
		}
		if err != nil {
			if first == nil {
				first = p.classify(outs[i].Subject, err)
			}
			unconfirmed = append(unconfirmed, outs[i])
		}
	}
	if sendErr != nil {
		if first == nil {
			first = sendErr
		}
		unconfirmed = append(unconfirmed, outs[len(futures):]...)
	}
	return unconfirmed, first
}

// errDenied explains a publish the server refused by permissions.
var errDenied = errors.New("permissions violation: newsflow may not publish there")

// classify wraps err, the failure of a publish to subject, and marks it
// as a pipeline.InfraError when it is the server's or the network's, so
// that it never counts against the article (see package pipeline, "Whose
// failure"). What is left unmarked is the article's: an output larger than
// the connection or the stream allows, a subject newsflow may not publish
// to (the server only tells so asynchronously, and the publish times out),
// and any error not known here.
func (p *Publisher) classify(subject string, err error) error {
	if p.denials.denied(subject) {
		return fmt.Errorf("publish %s: %w: %w", subject, errDenied, err)
	}
	err = fmt.Errorf("publish %s: %w", subject, err)
	if reason := infraReason(err); reason != "" {
		return pipeline.Infrastructure(reason, err)
	}
	return err
}

// JetStream API error codes of the server (nats-server's errors.json)
// that are not among nats.go's named ones.
const (
	errCodeClusterNotAvail     jetstream.ErrorCode = 10008 // JetStream system temporarily unavailable
	errCodeClusterNotLeader    jetstream.ErrorCode = 10009
	errCodeInsufficientRes     jetstream.ErrorCode = 10023 // insufficient resources
	errCodeMemoryResources     jetstream.ErrorCode = 10028
	errCodeStorageResources    jetstream.ErrorCode = 10047
	errCodeStreamStoreFailed   jetstream.ErrorCode = 10077 // the store's error, as text
	errCodeStreamOffline       jetstream.ErrorCode = 10118
	errCodeStreamOfflineReason jetstream.ErrorCode = 10194
	// A clustered stream still deciding on an earlier publish of the same
	// message id: an answer the cluster owes, as a leader's.
	errCodeDuplicateInProcess jetstream.ErrorCode = 10158
)

func infraReason(err error) string {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode {
		case errCodeInsufficientRes, errCodeMemoryResources, errCodeStorageResources:
			return pipeline.BlockedStorageFull
		case errCodeStreamStoreFailed:
			// The stream's limits with discard new ("maximum messages
			// exceeded", "maximum bytes exceeded", "maximum messages per
			// subject exceeded"); "message too large" is the output's.
			if strings.HasPrefix(apiErr.Description, "maximum ") {
				return pipeline.BlockedStreamFull
			}
			return ""
		case errCodeClusterNotAvail, errCodeClusterNotLeader, errCodeStreamOffline, errCodeStreamOfflineReason, errCodeDuplicateInProcess,
			jetstream.JSErrCodeJetStreamNotEnabled, jetstream.JSErrCodeJetStreamNotEnabledForAccount:
			return pipeline.BlockedNoLeader
		}
		return ""
	}
	switch {
	case errors.Is(err, jetstream.ErrNoStreamResponse), errors.Is(err, nats.ErrNoResponders):
		return pipeline.BlockedNoResponders
	case errors.Is(err, jetstream.ErrAsyncPublishTimeout), errors.Is(err, jetstream.ErrTooManyStalledMsgs),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrTimeout):
		return pipeline.BlockedTimeout
	case errors.Is(err, nats.ErrConnectionClosed), errors.Is(err, nats.ErrConnectionDraining),
		errors.Is(err, nats.ErrConnectionReconnecting), errors.Is(err, nats.ErrReconnectBufExceeded),
		errors.Is(err, nats.ErrDisconnected), errors.Is(err, nats.ErrStaleConnection):
		return pipeline.BlockedDisconnected
	}
	return ""
}
