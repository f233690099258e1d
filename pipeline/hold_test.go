package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// startRunner runs a Runner over an in-memory source until the test ends
// and returns it with its source, publisher and metrics.
func startRunner(t *testing.T, cfg pipeline.RunnerConfig, h pipeline.Handler, pub *pipelinetest.Publisher) (*pipeline.Runner, *pipelinetest.Source, *pipeline.Metrics) {
	t.Helper()
	src := pipelinetest.NewSource("ARTICLES")
	m := newMetrics(t, prometheus.NewRegistry())
	r, err := pipeline.NewRunner(cfg, src, pub, h, m, nil)
	if err != nil {
		t.Fatalf("NewRunner: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v", err)
		}
	})
	return r, src, m
}

// poll waits until cond holds, for 10 s at most.
func poll(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline.C:
			t.Fatalf("waiting for %s: 10s passed", what)
		case <-tick.C:
		}
	}
}

// blockedPublisher returns a publisher that, until blocked is cleared,
// fails the outputs refuse picks with err, counting in refused those with
// id counted.
func blockedPublisher(counted string, refuse func(pipeline.Output) bool, err error) (pub *pipelinetest.Publisher, blocked *atomic.Bool, refused *atomic.Int32) {
	blocked, refused = new(atomic.Bool), new(atomic.Int32)
	blocked.Store(true)
	pub = &pipelinetest.Publisher{Fail: func(o pipeline.Output) error {
		if !blocked.Load() || !refuse(o) {
			return nil
		}
		if o.ID == counted {
			refused.Add(1)
		}
		return err
	}}
	return pub, blocked, refused
}

func TestRunnerHoldsOutputsTheServerRefuses(t *testing.T) {
	tests := []struct {
		reason string
		err    error
	}{
		{pipeline.BlockedStorageFull, errors.New("insufficient resources")},
		{pipeline.BlockedStreamFull, errors.New("maximum messages exceeded")},
		{pipeline.BlockedNoResponders, errors.New("no responders")},
		{pipeline.BlockedTimeout, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			t.Parallel()
			cfg := testConfig()
			cfg.Workers = 1
			pub, blocked, refused := blockedPublisher("1:echo", func(pipeline.Output) bool { return true }, pipeline.Infrastructure(tt.reason, tt.err))
			var handled atomic.Int32
			h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
				handled.Add(1)
				return echo(ctx, m)
			})
			r, src, m := startRunner(t, cfg, h, pub)

			src.Add("in", []byte("first"))
			poll(t, "output blocked", func() bool { return r.Outage().Err() != nil })
			const more = 5
			for range more {
				src.Add("in", []byte("later"))
			}
			// Past max_deliver attempts at the first article's output.
			poll(t, "refusals", func() bool { return refused.Load() > int32(cfg.MaxDeliver) })
			if got := handled.Load(); got > int32(1+cfg.Workers) {
				t.Errorf("articles handled while output is blocked = %d; want at most %d (the first, and one per worker already waiting)", got, 1+cfg.Workers)
			}
			if got := testutil.ToFloat64(m.OutputBlocked.WithLabelValues(tt.reason)); got != 1 {
				t.Errorf("newsflow_output_blocked{reason=%q} = %v while blocked; want 1", tt.reason, got)
			}

			blocked.Store(false)
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			if err := src.Settled(ctx); err != nil {
				t.Fatalf("messages not settled after the server recovered: %v", err)
			}
			for seq := uint64(1); seq <= 1+more; seq++ {
				if st, deliveries, _ := src.State(seq); st != pipelinetest.Acked || deliveries != 1 {
					t.Errorf("message %d: state %v after %d deliveries; want acked after 1", seq, st, deliveries)
				}
			}
			if got := len(pub.Outputs()); got != 1+more {
				t.Errorf("outputs = %d; want %d, no dead letter", got, 1+more)
			}
			if err := r.Outage().Err(); err != nil {
				t.Errorf("Outage().Err() after recovery = %v; want nil", err)
			}
			if got := testutil.ToFloat64(m.OutputBlocked.WithLabelValues(tt.reason)); got != 0 {
				t.Errorf("newsflow_output_blocked{reason=%q} after recovery = %v; want 0", tt.reason, got)
			}
		})
	}
}

func TestRunnerHoldSendsOnlyTheUnconfirmed(t *testing.T) {
	// An article's first output is stored and its second refused: while
	// held, only the second is sent again. Sending the first again would
	// store it twice once the outage outlasts the duplicate window, which
	// the in-memory publisher does not model: it counts the copy instead.
	cfg := testConfig()
	cfg.Workers = 1
	second := func(o pipeline.Output) bool { return o.ID == "1:second" }
	pub, blocked, refused := blockedPublisher("1:second", second, pipeline.Infrastructure(pipeline.BlockedStorageFull, errors.New("insufficient resources")))
	h := pipeline.HandlerFunc(func(_ context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		id := fmt.Sprint(m.Info().Sequence)
		return []pipeline.Output{
			{Subject: "out.first", ID: id + ":first", Data: m.Data(), Kind: "echo"},
			{Subject: "out.second", ID: id + ":second", Data: m.Data(), Kind: "echo"},
		}, nil
	})
	r, src, m := startRunner(t, cfg, h, pub)

	src.Add("in", []byte("article"))
	poll(t, "refusals", func() bool { return refused.Load() >= 3 })
	blocked.Store(false)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := src.Settled(ctx); err != nil {
		t.Fatalf("message not settled after the server recovered: %v", err)
	}
	if got := pub.Duplicates(); got != 0 {
		t.Errorf("outputs sent again after being stored = %d; want 0", got)
	}
	if got := len(pub.Outputs()); got != 2 {
		t.Errorf("outputs = %d; want 2", got)
	}
	if got := testutil.ToFloat64(m.EventsPublished.WithLabelValues("echo")); got != 2 {
		t.Errorf("newsflow_events_published_total{kind=echo} = %v; want 2", got)
	}
	if err := r.Outage().Err(); err != nil {
		t.Errorf("Outage().Err() after recovery = %v; want nil", err)
	}
}

func TestRunnerCountsOnlyTheArticlesFailuresAfterAnOutage(t *testing.T) {
	// The server's delivery count of a message stored before an outage
	// includes deliveries the outage cut short.
	cfg := testConfig()
	var calls atomic.Int32
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		calls.Add(1)
		if string(m.Data()) == "flaky" {
			return nil, errors.New("store unavailable")
		}
		return echo(ctx, m)
	})
	pub := &pipelinetest.Publisher{}
	r, src, _ := startRunner(t, cfg, h, pub)
	r.Outage().Block(pipeline.BlockedDisconnected, errors.New("stale connection"))
	r.Outage().Unblock(pipeline.BlockedDisconnected)

	good := src.AddDelivered("in", []byte("good"), uint64(cfg.MaxDeliver)+3)
	flaky := src.AddDelivered("in", []byte("flaky"), uint64(cfg.MaxDeliver)+3)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := src.Settled(ctx); err != nil {
		t.Fatal(err)
	}
	if st, _, _ := src.State(good); st != pipelinetest.Acked {
		t.Errorf("good message delivered %d times before an outage: %v; want acked", cfg.MaxDeliver+3, st)
	}
	if st, _, reason := src.State(flaky); st != pipelinetest.Termed || reason != pipeline.ReasonMaxDeliver {
		t.Errorf("failing message: %v (%q); want terminated as max_deliver", st, reason)
	}
	if got := calls.Load(); got != int32(1+cfg.MaxDeliver) {
		t.Errorf("handler calls = %d; want %d: the good message once, the failing one max_deliver times", got, 1+cfg.MaxDeliver)
	}
}
