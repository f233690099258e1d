package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// DLQHeadroom is kept free under the server's max_payload in the articles
// stream's message size limit: a dead letter is an article's bytes plus
// headers, and must still fit.
const DLQHeadroom = 64 << 10

// EnsureStreams creates each stream of cfg that does not exist. An existing
// stream is left as its operator configured it (replicas, limits,
// placement): newsflow never scales down a cluster's R3 stream because its
// own default says 1. What delivery depends on is checked and reported: a
// duplicate window shorter than cfg's lets a redelivered article be
// published twice. maxPayload is the server's max_payload; the articles
// stream admits messages up to maxPayload - DLQHeadroom.
func EnsureStreams(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig, maxPayload int, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for _, sc := range []StreamConfig{cfg.Articles, cfg.Events, cfg.DLQ} {
		s, err := js.Stream(ctx, sc.Name)
		if err == nil {
			got := s.CachedInfo().Config
			if want := time.Duration(sc.DuplicateWindow); got.Duplicates < want {
				log.Warn("stream duplicate window shorter than configured: a redelivered article may be published twice",
					"stream", sc.Name, "duplicate_window", got.Duplicates, "configured", want)
			}
			continue
		}
		if !errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("ensure stream %s: %w", sc.Name, err)
		}
		jsc := jetstream.StreamConfig{
			Name:       sc.Name,
			Subjects:   sc.Subjects,
			Retention:  jetstream.LimitsPolicy,
			Storage:    jetstream.FileStorage,
			Discard:    jetstream.DiscardOld,
			MaxAge:     time.Duration(sc.MaxAge),
			Duplicates: time.Duration(sc.DuplicateWindow),
			Replicas:   sc.Replicas,
			MaxMsgs:    -1,
			MaxBytes:   -1,
		}
		if sc.Name == cfg.Articles.Name && maxPayload > 2*DLQHeadroom {
			jsc.MaxMsgSize = int32(maxPayload - DLQHeadroom)
		}
		if _, err := js.CreateStream(ctx, jsc); err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return fmt.Errorf("create stream %s: %w", sc.Name, err)
		}
		log.Info("stream created", "stream", sc.Name, "subjects", sc.Subjects)
	}
	return nil
}

// unlimitedDeliveries is the consumer's MaxDeliver: no limit.
const unlimitedDeliveries = -1

// EnsureConsumer returns the durable pull consumer on stream, creating it
// when missing. On an existing consumer only what delivery depends on is
// brought to cfg (ack wait, max deliver, max ack pending); the rest, such
// as a filter an operator set, is kept. The consumer redelivers without
// limit: the runner counts deliveries and decides when a message is dead,
// and a message whose dead letter could not be published is delivered
// again until it can be (see the package documentation).
func EnsureConsumer(ctx context.Context, js jetstream.JetStream, stream string, cfg ConsumerConfig) (jetstream.Consumer, error) {
	cons, err := js.Consumer(ctx, stream, cfg.Durable)
	switch {
	case err == nil:
		cc := cons.CachedInfo().Config
		if cc.AckWait == time.Duration(cfg.AckWait) && cc.MaxDeliver == unlimitedDeliveries && cc.MaxAckPending == cfg.MaxAckPending {
			return cons, nil
		}
		cc.AckWait, cc.MaxDeliver, cc.MaxAckPending = time.Duration(cfg.AckWait), unlimitedDeliveries, cfg.MaxAckPending
		if cons, err = js.UpdateConsumer(ctx, stream, cc); err != nil {
			return nil, fmt.Errorf("update consumer %s on %s: %w", cfg.Durable, stream, err)
		}
		return cons, nil
	case !errors.Is(err, jetstream.ErrConsumerNotFound):
		return nil, fmt.Errorf("ensure consumer %s on %s: %w", cfg.Durable, stream, err)
	}
	cons, err = js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		Description:   "newsflow processors (shared by every replica)",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       time.Duration(cfg.AckWait),
		MaxDeliver:    unlimitedDeliveries,
		MaxAckPending: cfg.MaxAckPending,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("create consumer %s on %s: %w", cfg.Durable, stream, err)
	}
	return cons, nil
}

// LimitStream bounds the stream named name to maxMsgs messages and maxBytes
// bytes (-1: no bound), discarding the oldest first.
func LimitStream(ctx context.Context, js jetstream.JetStream, name string, maxMsgs, maxBytes int64) error {
	s, err := js.Stream(ctx, name)
	if err != nil {
		return fmt.Errorf("limit stream %s: %w", name, err)
	}
	sc := s.CachedInfo().Config
	sc.MaxMsgs, sc.MaxBytes, sc.Discard = maxMsgs, maxBytes, jetstream.DiscardOld
	if _, err := js.UpdateStream(ctx, sc); err != nil {
		return fmt.Errorf("limit stream %s: %w", name, err)
	}
	return nil
}
