package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// testConfig retries fast, so that tests of redelivery take milliseconds.
func testConfig() pipeline.RunnerConfig {
	cfg := pipeline.DefaultRunnerConfig()
	cfg.Workers = 4
	cfg.MaxInFlight = 8
	cfg.MaxDeliver = 3
	cfg.RetryDelay = pipeline.Duration(time.Millisecond)
	cfg.MaxRetryDelay = pipeline.Duration(4 * time.Millisecond)
	cfg.ShutdownTimeout = pipeline.Duration(5 * time.Second)
	return cfg
}

// echo publishes each input unchanged under "out.<seq>".
func echo(_ context.Context, m pipeline.Message) ([]pipeline.Output, error) {
	id := fmt.Sprint(m.Info().Sequence)
	return []pipeline.Output{{Subject: "out." + id, ID: id + ":echo", Data: m.Data(), Kind: "echo"}}, nil
}

func newMetrics(t *testing.T, reg prometheus.Registerer) *pipeline.Metrics {
	t.Helper()
	m, err := pipeline.NewMetrics(reg)
	if err != nil {
		t.Fatalf("NewMetrics: %v", err)
	}
	return m
}

type harness struct {
	src     *pipelinetest.Source
	pub     *pipelinetest.Publisher
	metrics *pipeline.Metrics
	reg     *prometheus.Registry
	cancel  context.CancelFunc
	done    chan error
}

// start runs a Runner over an in-memory source until the test ends.
func start(t *testing.T, cfg pipeline.RunnerConfig, h pipeline.Handler) *harness {
	t.Helper()
	reg := prometheus.NewRegistry()
	hs := &harness{
		src:     pipelinetest.NewSource("ARTICLES"),
		pub:     &pipelinetest.Publisher{},
		metrics: newMetrics(t, reg),
		reg:     reg,
		done:    make(chan error, 1),
	}
	r, err := pipeline.NewRunner(cfg, hs.src, hs.pub, h, hs.metrics, nil)
	if err != nil {
		t.Fatalf("NewRunner: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	hs.cancel = cancel
	go func() { hs.done <- r.Run(ctx) }()
	t.Cleanup(func() { hs.stop(t) })
	return hs
}

// settle waits until every message added is acked or terminated.
func (hs *harness) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := hs.src.Settled(ctx); err != nil {
		t.Fatalf("messages not settled: %v", err)
	}
}

func (hs *harness) stop(t *testing.T) error {
	t.Helper()
	if hs.cancel == nil {
		return nil
	}
	hs.cancel()
	hs.cancel = nil
	select {
	case err := <-hs.done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("runner did not stop")
		return nil
	}
}

func TestRunnerPublishesAndAcks(t *testing.T) {
	hs := start(t, testConfig(), pipeline.HandlerFunc(echo))
	const n = 100
	for i := range n {
		hs.src.Add("in", []byte(fmt.Sprint(i)))
	}
	hs.settle(t)
	if got := len(hs.pub.Outputs()); got != n {
		t.Errorf("outputs = %d; want %d", got, n)
	}
	for seq := uint64(1); seq <= n; seq++ {
		if st, deliveries, _ := hs.src.State(seq); st != pipelinetest.Acked || deliveries != 1 {
			t.Errorf("message %d: state %v after %d deliveries; want acked after 1", seq, st, deliveries)
		}
	}
	if got := testutil.ToFloat64(hs.metrics.EventsPublished.WithLabelValues("echo")); got != n {
		t.Errorf("events_published{echo} = %v; want %d", got, n)
	}
	if err := hs.stop(t); err != nil {
		t.Fatalf("Run = %v", err)
	}
	// Counted after each ack: read once the runner has stopped.
	if got := testutil.ToFloat64(hs.metrics.ArticlesProcessed.WithLabelValues(pipeline.OutcomeOK)); got != n {
		t.Errorf("processed{ok} = %v; want %d", got, n)
	}
	if got := testutil.ToFloat64(hs.metrics.InFlight); got != 0 {
		t.Errorf("in_flight = %v after stopping; want 0", got)
	}
}

func TestRunnerDeadLettersPermanentErrors(t *testing.T) {
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		if string(m.Data()) == "bad" {
			return nil, &pipeline.StageError{Stage: "clean", Err: pipeline.Reject("empty_text", errors.New("empty after cleaning"))}
		}
		return echo(ctx, m)
	})
	hs := start(t, testConfig(), h)
	hs.src.Add("articles.a", []byte("good"))
	bad := hs.src.Add("articles.b", []byte("bad"))
	hs.src.Add("articles.c", []byte("good"))
	hs.settle(t)

	var dlq []pipeline.Output
	for _, o := range hs.pub.Outputs() {
		if o.Kind == pipeline.KindDLQ {
			dlq = append(dlq, o)
		}
	}
	if len(dlq) != 1 {
		t.Fatalf("dead letters = %d; want 1", len(dlq))
	}
	d := dlq[0]
	want := map[string]string{
		pipeline.HeaderError:   "stage clean: empty after cleaning",
		pipeline.HeaderStage:   "clean",
		pipeline.HeaderSubject: "articles.b",
		pipeline.HeaderSeq:     fmt.Sprint(bad),
	}
	for k, v := range want {
		if got := d.Header[k]; len(got) != 1 || got[0] != v {
			t.Errorf("dead letter header %s = %q; want %q", k, got, v)
		}
	}
	if d.Subject != "dlq.articles.empty_text" || string(d.Data) != "bad" || d.ID != fmt.Sprintf("ARTICLES:%d:dlq", bad) {
		t.Errorf("dead letter = {%s %s %q}; want {dlq.articles.empty_text ARTICLES:%d:dlq \"bad\"}", d.Subject, d.ID, d.Data, bad)
	}
	if st, _, reason := hs.src.State(bad); st != pipelinetest.Termed || reason != "empty_text" {
		t.Errorf("bad message: state %v reason %q; want terminated with empty_text", st, reason)
	}
	if got := len(hs.pub.Outputs()) - len(dlq); got != 2 {
		t.Errorf("good outputs = %d; want 2", got)
	}
}

func TestRunnerRetriesTransientErrors(t *testing.T) {
	tests := []struct {
		name           string
		failures       int // deliveries that fail before success
		wantState      pipelinetest.State
		wantDeliveries uint64
		wantSubject    string
	}{
		{"succeeds on the third delivery", 2, pipelinetest.Acked, 3, "out.1"},
		{"dead-lettered after max deliver", 1000, pipelinetest.Termed, 3, "dlq.articles.max_deliver"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
				if int(calls.Add(1)) <= tt.failures {
					return nil, errors.New("store unavailable")
				}
				return echo(ctx, m)
			})
			hs := start(t, testConfig(), h)
			seq := hs.src.Add("in", []byte("x"))
			hs.settle(t)
			st, deliveries, _ := hs.src.State(seq)
			if st != tt.wantState || deliveries != tt.wantDeliveries {
				t.Errorf("state %v after %d deliveries; want %v after %d", st, deliveries, tt.wantState, tt.wantDeliveries)
			}
			outs := hs.pub.Outputs()
			if len(outs) != 1 || outs[0].Subject != tt.wantSubject {
				t.Fatalf("outputs = %+v; want one on %s", outs, tt.wantSubject)
			}
			if tt.wantState == pipelinetest.Termed {
				if got := outs[0].Header[pipeline.HeaderError][0]; !strings.Contains(got, "store unavailable") {
					t.Errorf("dead letter error %q does not carry the last failure", got)
				}
			}
		})
	}
}

func TestRunnerRetriesFailedPublishes(t *testing.T) {
	hs := start(t, testConfig(), pipeline.HandlerFunc(echo))
	var fails atomic.Int32
	hs.pub.Fail = func(pipeline.Output) error {
		if fails.Add(1) == 1 {
			return errors.New("no responders")
		}
		return nil
	}
	seq := hs.src.Add("in", []byte("x"))
	hs.settle(t)
	if st, deliveries, _ := hs.src.State(seq); st != pipelinetest.Acked || deliveries != 2 {
		t.Errorf("state %v after %d deliveries; want acked after 2", st, deliveries)
	}
	if got := len(hs.pub.Outputs()); got != 1 {
		t.Errorf("outputs = %d; want 1", got)
	}
}

func TestRunnerRecoversPanics(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := newMetrics(t, reg)
	chain, err := pipeline.NewChain([]pipeline.Stage{panicky{}}, time.Second, m, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := pipeline.HandlerFunc(func(ctx context.Context, msg pipeline.Message) ([]pipeline.Output, error) {
		if err := chain.Process(ctx, &pipeline.Doc{}); err != nil {
			return nil, err
		}
		return echo(ctx, msg)
	})
	hs := start(t, testConfig(), h)
	seq := hs.src.Add("in", []byte("x"))
	hs.settle(t)
	outs := hs.pub.Outputs()
	if len(outs) != 1 || outs[0].Subject != "dlq.articles.panic" || outs[0].Header[pipeline.HeaderStage][0] != "panicky" {
		t.Fatalf("outputs = %+v; want one dead letter on dlq.articles.panic from stage panicky", outs)
	}
	if st, deliveries, _ := hs.src.State(seq); st != pipelinetest.Termed || deliveries != 1 {
		t.Errorf("state %v after %d deliveries; want terminated after 1", st, deliveries)
	}
	if got := testutil.ToFloat64(m.StageErrors.WithLabelValues("panicky", "panic")); got != 1 {
		t.Errorf("stage_errors{panicky,panic} = %v; want 1", got)
	}
}

type panicky struct{}

func (panicky) Name() string                                 { return "panicky" }
func (panicky) Process(context.Context, *pipeline.Doc) error { panic("index out of range") }

func TestRunnerDrainsOnShutdown(t *testing.T) {
	release := make(chan struct{})
	var started atomic.Int32
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		started.Add(1)
		<-release
		return echo(ctx, m)
	})
	cfg := testConfig()
	cfg.Workers = 2
	hs := start(t, cfg, h)
	const n = 10
	for i := range n {
		hs.src.Add("in", []byte(fmt.Sprint(i)))
	}
	stopped := make(chan error, 1)
	go func() { stopped <- hs.stop(t) }()
	close(release)
	if err := <-stopped; err != nil {
		t.Fatalf("Run = %v; want nil after a clean drain", err)
	}
	// Everything the source held when the drain began was finished.
	if got := len(hs.pub.Outputs()); got != n {
		t.Errorf("outputs after drain = %d; want %d", got, n)
	}
}

func TestRunnerShutdownTimeoutHandsBackWork(t *testing.T) {
	started := make(chan struct{})
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		close(started)
		<-ctx.Done() // a stage that only stops when told to
		return nil, ctx.Err()
	})
	cfg := testConfig()
	cfg.ShutdownTimeout = pipeline.Duration(50 * time.Millisecond)
	hs := start(t, cfg, h)
	seq := hs.src.Add("in", []byte("x"))
	<-started
	if err := hs.stop(t); err == nil {
		t.Fatal("Run = nil; want a shutdown timeout error")
	}
	if st, _, _ := hs.src.State(seq); st != pipelinetest.Pending {
		t.Errorf("state = %v; want pending (handed back for redelivery)", st)
	}
	if got := len(hs.pub.Outputs()); got != 0 {
		t.Errorf("outputs = %d; want 0", got)
	}
}

func TestRunnerDeadLettersMessagesDeliveredTooOften(t *testing.T) {
	// A message whose earlier deliveries ended without an answer (the
	// process crashed on it) is not handled again.
	var calls atomic.Int32
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		calls.Add(1)
		return echo(ctx, m)
	})
	cfg := testConfig()
	hs := start(t, cfg, h)
	hs.src.AddDelivered("in", []byte("crash"), uint64(cfg.MaxDeliver)+1)
	hs.settle(t)
	if calls.Load() != 0 {
		t.Errorf("handler called %d times; want 0", calls.Load())
	}
	outs := hs.pub.Outputs()
	if len(outs) != 1 || outs[0].Subject != "dlq.articles.max_deliver" {
		t.Errorf("outputs = %+v; want one dead letter on dlq.articles.max_deliver", outs)
	}
}

func TestMetricsLint(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := newMetrics(t, reg)
	// Give every vector a child, so that lint sees every family.
	m.StageDuration.WithLabelValues("clean").Observe(1e-5)
	m.StageErrors.WithLabelValues("clean", "transient").Inc()
	m.EventsPublished.WithLabelValues("article").Inc()
	m.EndToEndLatency.Observe(0.01)
	problems, err := testutil.GatherAndLint(reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("metric %s: %s", p.Metric, p.Text)
	}
}

func TestRunnerReportsSlowMessagesInProgress(t *testing.T) {
	cfg := testConfig()
	cfg.ProgressInterval = pipeline.Duration(5 * time.Millisecond)
	h := pipeline.HandlerFunc(func(ctx context.Context, m pipeline.Message) ([]pipeline.Output, error) {
		// A slow article: it finishes only once the runner has told the
		// server it is still being worked on.
		<-m.(*pipelinetest.Message).Progressed()
		return echo(ctx, m)
	})
	hs := start(t, cfg, h)
	seq := hs.src.Add("in", []byte("slow"))
	hs.settle(t)
	if st, deliveries, _ := hs.src.State(seq); st != pipelinetest.Acked || deliveries != 1 {
		t.Errorf("state %v after %d deliveries; want acked after 1", st, deliveries)
	}
}
