package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// TestDeadLetterOutlastsDLQOutage takes the DLQ stream away before a
// body-less article arrives. Its dead letter cannot be published, so the
// article must keep coming back, past max_deliver and past any count the
// consumer could set, until DLQ is there again; then it is dead-lettered
// with its original bytes. A consumer with a delivery limit loses it.
func TestDeadLetterOutlastsDLQOutage(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Stages.Dedup.Enabled = false
	r := startRunning(t, cfg)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := r.js.DeleteStream(ctx, cfg.Streams.DLQ.Name); err != nil {
		t.Fatal(err)
	}

	body := []byte(`{"id":"no-body","title":"A headline and nothing else"}`)
	seq := r.publish(t, "articles.test", body)
	cons, err := r.js.Consumer(ctx, "ARTICLES", "newsflow")
	if err != nil {
		t.Fatal(err)
	}
	// The consumer's sequence counts every delivery, redeliveries included;
	// the article is the stream's only message.
	want := uint64(cfg.Runner.MaxDeliver) + 3
	for {
		ci, err := cons.Info(ctx)
		if err == nil && ci.Delivered.Consumer >= want {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("deliveries of the article = %d (%v); want at least %d while DLQ is gone: the server gave up on it", ci.Delivered.Consumer, err, want)
		case <-time.After(5 * time.Millisecond):
		}
	}

	if err := natsjs.EnsureStreams(ctx, r.js, cfg.Streams, int(r.nc.MaxPayload()), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	r.waitIdle(t, seq)
	dlq := r.messages(t, cfg.Streams.DLQ.Name)
	if len(dlq) != 1 || !strings.HasPrefix(dlq[0].Subject, "dlq.articles.") || !bytes.Equal(dlq[0].Data, body) {
		t.Fatalf("DLQ = %d messages %v; want the article's dead letter with its original bytes", len(dlq), dlq)
	}
}
