package natsjs_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// testNATS is an embedded server on a random port with its storage in a
// temporary directory, a connection to it, and the streams.
type testNATS struct {
	srv *natsjs.Server
	nc  *nats.Conn
	js  jetstream.JetStream
}

func startNATS(t testing.TB) *testNATS {
	t.Helper()
	cfg := natsjs.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	srv, err := natsjs.StartServer(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	nc, err := natsjs.Connect(cfg, natsjs.ConnectOptions{Embedded: srv})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(4096))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := natsjs.EnsureStreams(ctx, js, natsjs.DefaultStreamsConfig(), int(nc.MaxPayload()), nil); err != nil {
		t.Fatal(err)
	}
	return &testNATS{srv: srv, nc: nc, js: js}
}

func (n *testNATS) source(t *testing.T, cfg natsjs.ConsumerConfig) *natsjs.Source {
	t.Helper()
	open := func(ctx context.Context) (jetstream.Consumer, error) {
		return natsjs.EnsureConsumer(ctx, n.js, "ARTICLES", cfg)
	}
	src, err := natsjs.NewSource(t.Context(), open, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(src.Drain)
	return src
}

func (n *testNATS) publish(t *testing.T, subject, data string) {
	t.Helper()
	if _, err := n.js.Publish(t.Context(), subject, []byte(data)); err != nil {
		t.Fatal(err)
	}
}

func next(t *testing.T, src *natsjs.Source) pipeline.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	msg, err := src.Next(ctx)
	if err != nil {
		t.Fatalf("Next() error = %v", err)
	}
	return msg
}

func TestSourceDeliversAndAcks(t *testing.T) {
	n := startNATS(t)
	src := n.source(t, natsjs.DefaultConsumerConfig())
	for i := range 3 {
		n.publish(t, "articles.test", fmt.Sprint("article ", i))
	}
	for i := range 3 {
		msg := next(t, src)
		info := msg.Info()
		if got, want := string(msg.Data()), fmt.Sprint("article ", i); got != want || msg.Subject() != "articles.test" {
			t.Errorf("message %d = %s %q; want articles.test %q", i, msg.Subject(), got, want)
		}
		if info.Stream != "ARTICLES" || info.Sequence != uint64(i+1) || info.NumDelivered != 1 || info.Timestamp.IsZero() {
			t.Errorf("message %d info = %+v; want stream ARTICLES, sequence %d, first delivery, a timestamp", i, info, i+1)
		}
		if err := msg.Ack(t.Context()); err != nil {
			t.Errorf("Ack() = %v", err)
		}
	}
	cons, err := n.js.Consumer(t.Context(), "ARTICLES", "newsflow")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := cons.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// The acks were confirmed by the server (double ack): no wait needed.
	if ci.AckFloor.Stream != 3 || ci.NumAckPending != 0 {
		t.Errorf("consumer ack floor %d, pending %d; want 3, 0", ci.AckFloor.Stream, ci.NumAckPending)
	}
}

func TestSourceRedeliversAfterNak(t *testing.T) {
	n := startNATS(t)
	src := n.source(t, natsjs.DefaultConsumerConfig())
	n.publish(t, "articles.test", "x")
	first := next(t, src)
	if err := first.Nak(10 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	second := next(t, src)
	if second.Info().Sequence != first.Info().Sequence || second.Info().NumDelivered != 2 {
		t.Errorf("redelivery info = %+v; want sequence %d, second delivery", second.Info(), first.Info().Sequence)
	}
	if err := second.Term("test"); err != nil {
		t.Fatal(err)
	}
}

func TestSourceDrainHandsOutBufferThenCloses(t *testing.T) {
	n := startNATS(t)
	src := n.source(t, natsjs.DefaultConsumerConfig())
	const total = 5
	for i := range total {
		n.publish(t, "articles.test", fmt.Sprint(i))
	}
	got := 1
	if err := next(t, src).Ack(t.Context()); err != nil {
		t.Fatal(err)
	}
	src.Drain()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for {
		msg, err := src.Next(ctx)
		if errors.Is(err, pipeline.ErrSourceClosed) {
			break
		}
		if err != nil {
			t.Fatalf("Next() after Drain = %v; want messages, then ErrSourceClosed", err)
		}
		got++
		_ = msg.Ack(ctx)
	}
	if got > total {
		t.Errorf("got %d messages; want at most %d", got, total)
	}
	if src.Live() {
		t.Error("Live() = true after Drain; want false")
	}
}

func TestSourceRecoversFromDeletedConsumer(t *testing.T) {
	n := startNATS(t)
	cfg := natsjs.DefaultConsumerConfig()
	src := n.source(t, cfg)
	n.publish(t, "articles.test", "before")
	if err := next(t, src).Ack(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := n.js.DeleteConsumer(t.Context(), "ARTICLES", cfg.Durable); err != nil {
		t.Fatal(err)
	}
	n.publish(t, "articles.test", "after")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		// Errors are expected while the source notices and reopens the
		// consumer; a runner calls Next again after each.
		msg, err := src.Next(ctx)
		if ctx.Err() != nil {
			t.Fatal("no message after the consumer was deleted and the source reopened it")
		}
		if err != nil {
			continue
		}
		// The consumer was recreated from the start of the stream.
		if string(msg.Data()) == "after" {
			return
		}
		_ = msg.Ack(ctx)
	}
}

func TestPublisher(t *testing.T) {
	n := startNATS(t)
	pub := natsjs.NewPublisher(n.js)
	ctx := t.Context()
	outs := []pipeline.Output{
		{Subject: "events.article.en", ID: "a:article", Data: []byte(`{"id":"a"}`)},
		{Subject: "dlq.articles.too_deep", ID: "ARTICLES:1:dlq", Data: []byte("[[["), Header: map[string][]string{pipeline.HeaderError: {"too deep"}}},
	}
	if left, err := pub.Publish(ctx, outs); err != nil || len(left) != 0 {
		t.Fatalf("Publish() = %d unconfirmed, %v; want none, nil", len(left), err)
	}
	// A redelivered input publishes the same ids: the streams keep one.
	if left, err := pub.Publish(ctx, outs); err != nil || len(left) != 0 {
		t.Fatalf("Publish() again = %d unconfirmed, %v; want none, nil", len(left), err)
	}
	for _, name := range []string{"EVENTS", "DLQ"} {
		s, err := n.js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if msgs := s.CachedInfo().State.Msgs; msgs != 1 {
			t.Errorf("stream %s holds %d messages; want 1", name, msgs)
		}
	}
	raw, err := n.js.Stream(ctx, "DLQ")
	if err != nil {
		t.Fatal(err)
	}
	m, err := raw.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Data) != "[[[" || m.Header.Get(pipeline.HeaderError) != "too deep" || m.Header.Get(jetstream.MsgIDHeader) != "ARTICLES:1:dlq" {
		t.Errorf("dead letter = %q %v; want the original bytes with headers", m.Data, m.Header)
	}

	// Of outputs some of which fail, only those are unconfirmed.
	mixed := []pipeline.Output{
		{Subject: "events.article.en", ID: "b:article", Data: []byte(`{"id":"b"}`)},
		{Subject: "nowhere.x", ID: "x", Data: []byte("x")},
		{Subject: "events.coded.consult.usa", ID: "b:event:0", Data: []byte(`{}`)},
	}
	left, err := pub.Publish(ctx, mixed)
	if err == nil || len(left) != 1 || left[0].ID != "x" {
		t.Errorf("Publish() with a subject no stream holds = %d unconfirmed %v, %v; want that one alone, and an error", len(left), left, err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"default config", natsjs.DefaultConfig().Validate(), ""},
		{"default streams", natsjs.DefaultStreamsConfig().Validate(), ""},
		{"default consumer", natsjs.DefaultConsumerConfig().Validate(), ""},
		{"bad listen", func() error { c := natsjs.DefaultConfig(); c.Listen = "4222"; return c.Validate() }(), "listen"},
		{"no data dir", func() error { c := natsjs.DefaultConfig(); c.DataDir = ""; return c.Validate() }(), "data_dir"},
		{"bad url", func() error { c := natsjs.DefaultConfig(); c.URL = "localhost"; return c.Validate() }(), "url"},
		{"stream without subjects", func() error { c := natsjs.DefaultStreamsConfig(); c.Events.Subjects = nil; return c.Validate() }(), "events.subjects"},
		{"zero duplicate window", func() error { c := natsjs.DefaultStreamsConfig(); c.DLQ.DuplicateWindow = 0; return c.Validate() }(), "dlq.duplicate_window"},
		{"pull batch over max ack pending", func() error {
			c := natsjs.DefaultConsumerConfig()
			c.PullBatch = c.MaxAckPending + 1
			return c.Validate()
		}(), "pull_batch"},
		{"short ack wait", func() error { c := natsjs.DefaultConsumerConfig(); c.AckWait = 0; return c.Validate() }(), "ack_wait"},
		{"ping interval too short", func() error { c := natsjs.DefaultConfig(); c.PingInterval = 1; return c.Validate() }(), "ping_interval"},
		{"negative pings out", func() error { c := natsjs.DefaultConfig(); c.MaxPingsOut = -1; return c.Validate() }(), "max_pings_out"},
		{"heartbeat over half the expiry", func() error {
			c := natsjs.DefaultConsumerConfig()
			c.PullHeartbeat = c.PullExpiry/2 + 1
			return c.Validate()
		}(), "pull_heartbeat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fes pipeline.FieldErrors
			fes.Merge("", tt.err)
			switch {
			case tt.field == "" && len(fes) > 0:
				t.Errorf("Validate() = %v; want nil", tt.err)
			case tt.field != "" && (len(fes) != 1 || fes[0].Field != tt.field):
				t.Errorf("Validate() = %v; want one problem with %s", tt.err, tt.field)
			}
		})
	}
}

// TestEnsureConsumerUpdates brings an existing durable's delivery settings
// to newsflow's, its delivery limit removed, and keeps what an operator
// set besides.
func TestEnsureConsumerUpdates(t *testing.T) {
	n := startNATS(t)
	ctx := t.Context()
	cfg := natsjs.DefaultConsumerConfig()
	if _, err := n.js.CreateOrUpdateConsumer(ctx, "ARTICLES", jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       time.Minute,
		MaxDeliver:    6,
		MaxAckPending: 100,
		FilterSubject: "articles.wire.>",
	}); err != nil {
		t.Fatal(err)
	}
	cons, err := natsjs.EnsureConsumer(ctx, n.js, "ARTICLES", cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := cons.CachedInfo().Config
	if got.AckWait != time.Duration(cfg.AckWait) || got.MaxDeliver != -1 || got.MaxAckPending != cfg.MaxAckPending || got.FilterSubject != "articles.wire.>" {
		t.Errorf("consumer = {ack_wait %v max_deliver %d max_ack_pending %d filter %q}; want {%v -1 %d %q}",
			got.AckWait, got.MaxDeliver, got.MaxAckPending, got.FilterSubject, time.Duration(cfg.AckWait), cfg.MaxAckPending, "articles.wire.>")
	}
}

// TestDefaultsFindASilentPartitionWithin20s keeps the defaults' promise:
// a connection that stops moving bytes, or a consumer whose heartbeats
// stop, is noticed within 20 s.
func TestDefaultsFindASilentPartitionWithin20s(t *testing.T) {
	const limit = 20 * time.Second
	if got := natsjs.DefaultConfig().StaleAfter(); got > limit {
		t.Errorf("DefaultConfig().StaleAfter() = %v; want at most %v", got, limit)
	}
	if got := 2 * time.Duration(natsjs.DefaultConsumerConfig().PullHeartbeat); got > limit {
		t.Errorf("two default pull heartbeats = %v; want at most %v", got, limit)
	}
}
