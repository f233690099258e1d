package natsjs

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// EnsureStreams creates the streams when missing and brings existing ones to
// cfg. Message size is left to the server's max_payload: an article over
// newsflow's own limit is stored, then dead-lettered with reason too_large,
// so that its publisher's bytes are kept where operators look.
func EnsureStreams(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig) error {
	for _, sc := range []StreamConfig{cfg.Articles, cfg.Events, cfg.DLQ} {
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
		if _, err := js.CreateOrUpdateStream(ctx, jsc); err != nil {
			return fmt.Errorf("ensure stream %s: %w", sc.Name, err)
		}
	}
	return nil
}

// EnsureConsumer creates or updates the durable pull consumer on stream.
// maxDeliver is the runner's; the consumer allows one more delivery so that
// the runner, not the server, decides when a message is dead.
func EnsureConsumer(ctx context.Context, js jetstream.JetStream, stream string, cfg ConsumerConfig, maxDeliver int) (jetstream.Consumer, error) {
	cons, err := js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		Description:   "newsflow processors (shared by every replica)",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       time.Duration(cfg.AckWait),
		MaxDeliver:    maxDeliver + 1,
		MaxAckPending: cfg.MaxAckPending,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("ensure consumer %s on %s: %w", cfg.Durable, stream, err)
	}
	return cons, nil
}
