package natsjs_test

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// BenchmarkRelay moves b.N 3 KB messages through the runner with a no-op
// handler: pull, publish, wait for the PubAck, double ack. It is the floor
// under every pipeline's throughput on this machine.
func BenchmarkRelay(b *testing.B) {
	n := startNATS(b)
	ctx := b.Context()
	if _, err := n.js.CreateStream(ctx, jetstream.StreamConfig{Name: "RELAY", Subjects: []string{"relay.>"}}); err != nil {
		b.Fatal(err)
	}
	payload := []byte(strings.Repeat("x", 3072))
	var futures []jetstream.PubAckFuture
	for i := range b.N {
		f, err := n.js.PublishAsync("articles.bench", payload, jetstream.WithMsgID(strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		futures = append(futures, f)
	}
	for _, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			b.Fatal(err)
		}
	}
	cfg := natsjs.DefaultConsumerConfig()
	open := func(ctx context.Context) (jetstream.Consumer, error) {
		return natsjs.EnsureConsumer(ctx, n.js, "ARTICLES", cfg)
	}
	src, err := natsjs.NewSource(ctx, open, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var done atomic.Int64
	finished := make(chan struct{})
	relay := pipeline.HandlerFunc(func(_ context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		seq := strconv.FormatUint(m.Info().Sequence, 10)
		return []pipeline.Output{{Subject: "relay.x", ID: seq + ":relay", Data: m.Data(), Kind: "relay"}}, nil
	})
	counted := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		return relay(ctx, m)
	})
	metrics, err := pipeline.NewMetrics(prometheus.NewRegistry())
	if err != nil {
		b.Fatal(err)
	}
	runner, err := pipeline.NewRunner(pipeline.DefaultRunnerConfig(), &ackCounter{Source: src, done: &done, target: int64(b.N), finished: finished}, natsjs.NewPublisher(n.js), counted, metrics, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(payload)))
	b.ReportAllocs()
	b.ResetTimer()
	runCtx, stop := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() { runner.Run(runCtx); close(stopped) }()
	<-finished
	b.StopTimer()
	stop()
	<-stopped
}

type ackCounter struct {
	pipeline.Source
	done     *atomic.Int64
	target   int64
	finished chan struct{}
}

func (a *ackCounter) Next(ctx context.Context) (pipeline.Message, error) {
	m, err := a.Source.Next(ctx)
	if err != nil {
		return nil, err
	}
	return &countedAck{Message: m, a: a}, nil
}

type countedAck struct {
	pipeline.Message
	a *ackCounter
}

func (c *countedAck) Ack(ctx context.Context) error {
	err := c.Message.Ack(ctx)
	if c.a.done.Add(1) == c.a.target {
		close(c.a.finished)
	}
	return err
}
