package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// TestDeadLetterOutlastsDLQOutage takes the DLQ stream away before a
// body-less article arrives. Its dead letter cannot be published, so the
// article must be kept, past max_deliver and past any count the consumer
// could set, until DLQ is there again; then it is dead-lettered with its
// original bytes. A consumer with a delivery limit would lose it.
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
	// The dead letter finds no stream: newsflow holds the article and
	// reports its output blocked, instead of letting the server give up
	// on it.
	for {
		err := r.p.proc.Ready()
		if err != nil && strings.Contains(err.Error(), pipeline.BlockedNoResponders) {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("readiness while DLQ is gone = %v; want output blocked (%s)", err, pipeline.BlockedNoResponders)
		case <-time.After(5 * time.Millisecond):
		}
	}
	cons, err := r.js.Consumer(ctx, "ARTICLES", "newsflow")
	if err != nil {
		t.Fatal(err)
	}
	if ci, err := cons.Info(ctx); err != nil || ci.NumAckPending != 1 {
		t.Fatalf("consumer while DLQ is gone: %v, %+v; want the article pending", err, ci)
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
