package natsjs_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// smallServer is a server whose JetStream holds maxStore bytes of files.
func smallServer(t *testing.T, maxStore int64) jetstream.JetStream {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoSigs: true,
		JetStream: true, JetStreamMaxStore: maxStore, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Shutdown)
	cfg := natsjs.DefaultConfig()
	cfg.URL = srv.ClientURL()
	_, js := dial(t, cfg)
	return js
}

func TestPublisherClassifiesFailures(t *testing.T) {
	js := smallServer(t, 1<<20)
	ctx := t.Context()
	for _, cfg := range []jetstream.StreamConfig{
		{Name: "BIG", Subjects: []string{"big.>"}, Storage: jetstream.FileStorage},
		{Name: "CAPPED", Subjects: []string{"capped.>"}, Storage: jetstream.FileStorage, MaxMsgs: 1, Discard: jetstream.DiscardNew},
		{Name: "NARROW", Subjects: []string{"narrow.>"}, Storage: jetstream.FileStorage, MaxMsgSize: 100},
	} {
		if _, err := js.CreateStream(ctx, cfg); err != nil {
			t.Fatalf("create stream %s: %v", cfg.Name, err)
		}
	}
	pub := natsjs.NewPublisher(js)
	publish := func(ctx context.Context, subject string, size int) error {
		data := bytes.Repeat([]byte("x"), size)
		_, err := pub.Publish(ctx, []pipeline.Output{{Subject: subject, ID: fmt.Sprintf("%s:%d", subject, size), Data: data}})
		return err
	}
	if err := publish(ctx, "capped.a", 10); err != nil {
		t.Fatalf("first message to a stream of one: %v", err)
	}
	capped := publish(ctx, "capped.b", 10)
	// Fill the server: 1 MiB of files, in 32 KB messages.
	var full error
	for i := 0; i < 64 && full == nil; i++ {
		full = publish(ctx, fmt.Sprintf("big.%d", i), 32<<10)
	}
	if full == nil {
		t.Fatal("64 × 32 KB published to a server with 1 MiB of storage; want a refusal")
	}
	expired, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()

	tests := []struct {
		name string
		err  error
		want string // the reason; "" for the article's own failure
	}{
		{"server storage full", full, pipeline.BlockedStorageFull},
		{"stream at its message limit, discard new", capped, pipeline.BlockedStreamFull},
		{"no stream for the subject", publish(ctx, "nowhere.a", 10), pipeline.BlockedNoResponders},
		{"no confirmation in time", publish(expired, "nowhere.b", 10), pipeline.BlockedTimeout},
		{"output larger than its stream allows", publish(ctx, "narrow.a", 200), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("publish succeeded; want a failure")
			}
			if got := pipeline.InfraReasonOf(tt.err); got != tt.want {
				t.Errorf("InfraReasonOf(%v) = %q; want %q", tt.err, got, tt.want)
			}
		})
	}
}
