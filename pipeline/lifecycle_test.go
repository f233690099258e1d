package pipeline_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
)

// warming is a stage with background work: it is ready when the test
// closes ready, and it records the order of what happens to it.
type warming struct {
	name    string
	ready   chan struct{}
	started chan struct{} // closed at the first Start
	once    sync.Once
	failure error // returned by Start

	mu     sync.Mutex
	events []string
	early  int // articles processed before ready
}

func newWarming(name string) *warming {
	return &warming{name: name, ready: make(chan struct{}), started: make(chan struct{})}
}

func (w *warming) Name() string { return w.name }

func (w *warming) Process(_ context.Context, d *pipeline.Doc) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	select {
	case <-w.ready:
	default:
		w.early++
	}
	w.events = append(w.events, "process")
	return nil
}

func (w *warming) Start(context.Context) error {
	w.record("start")
	if w.failure != nil {
		return w.failure
	}
	w.once.Do(func() { close(w.started) })
	return nil
}

func (w *warming) Ready() <-chan struct{} { return w.ready }

func (w *warming) Stop(context.Context) error {
	w.record("stop")
	return nil
}

func (w *warming) record(e string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.events = append(w.events, e)
}

func (w *warming) log() (events []string, early int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.events), w.early
}

var _ pipeline.Lifecycle = (*warming)(nil)

func articleHandler(t *testing.T, stages ...pipeline.Stage) *pipeline.ArticleHandler {
	t.Helper()
	h, err := pipeline.NewArticleHandler(pipeline.ArticleHandlerConfig{
		Limits: pipeline.DefaultLimits(), SubjectPrefix: "events.article", StageTimeout: time.Second,
	}, stages, newMetrics(t, prometheus.NewRegistry()), nil)
	if err != nil {
		t.Fatalf("NewArticleHandler: %v", err)
	}
	return h
}

func TestRunnerRunsLifecycle(t *testing.T) {
	w := newWarming("warming")
	cfg := testConfig()
	cfg.ReadyTimeout = pipeline.Duration(time.Hour)
	hs := start(t, cfg, articleHandler(t, w))
	hs.src.Add("articles.test", []byte(`{"id":"a1","body":"Ministers met on Friday."}`))
	<-w.started
	close(w.ready)
	hs.settle(t)
	if err := hs.stop(t); err != nil {
		t.Fatalf("Run = %v; want nil", err)
	}
	events, early := w.log()
	if want := []string{"start", "process", "stop"}; !slices.Equal(events, want) {
		t.Errorf("stage saw %v; want %v", events, want)
	}
	if early != 0 {
		t.Errorf("%d articles processed before the stage was ready; want 0", early)
	}
}

func TestRunnerReadyTimeout(t *testing.T) {
	w := newWarming("never-ready")
	cfg := testConfig()
	cfg.ReadyTimeout = pipeline.Duration(time.Millisecond)
	hs := start(t, cfg, articleHandler(t, w))
	hs.src.Add("articles.test", []byte(`{"id":"a1","body":"Ministers met on Friday."}`))
	hs.settle(t) // a stage that is never ready does not hold processing up forever
	if got := len(hs.pub.Outputs()); got != 1 {
		t.Errorf("outputs = %d; want 1 once the ready timeout has passed", got)
	}
}

// TestRunnersOneAfterAnother runs two Runners on one handler, as newsflow
// bench does: the stages start and stop with each.
func TestRunnersOneAfterAnother(t *testing.T) {
	w := newWarming("warming")
	close(w.ready)
	h := articleHandler(t, w)
	for i := range 2 {
		hs := start(t, testConfig(), h)
		hs.src.Add("articles.test", []byte(`{"body":"Ministers met on Friday."}`))
		hs.settle(t)
		if err := hs.stop(t); err != nil {
			t.Fatalf("run %d: Run = %v; want nil", i+1, err)
		}
	}
	if events, _ := w.log(); !slices.Equal(events, []string{"start", "process", "stop", "start", "process", "stop"}) {
		t.Errorf("stage saw %v; want start, process and stop twice", events)
	}
}

func TestChainStartFailureStopsStarted(t *testing.T) {
	first, second := newWarming("first"), newWarming("second")
	second.failure = errors.New("no store")
	chain, err := pipeline.NewChain([]pipeline.Stage{first, second}, time.Second, newMetrics(t, prometheus.NewRegistry()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.Start(t.Context()); err == nil || !errors.Is(err, second.failure) {
		t.Fatalf("Start = %v; want the second stage's error", err)
	}
	if events, _ := first.log(); !slices.Equal(events, []string{"start", "stop"}) {
		t.Errorf("first stage saw %v; want [start stop]: started, then stopped when the second failed", events)
	}
}

func TestChainReadyWithoutLifecycles(t *testing.T) {
	chain, err := pipeline.NewChain([]pipeline.Stage{panicky{}}, time.Second, newMetrics(t, prometheus.NewRegistry()), nil)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-chain.Ready():
	default:
		t.Error("Ready() of a chain without lifecycle stages is open; want closed")
	}
	if err := chain.Start(t.Context()); err != nil {
		t.Errorf("Start = %v", err)
	}
	if err := chain.Start(t.Context()); err == nil {
		t.Error("second Start = nil; want an error: the chain is running")
	}
	if err := chain.Stop(t.Context()); err != nil {
		t.Errorf("Stop = %v", err)
	}
	if err := chain.Start(t.Context()); err != nil {
		t.Errorf("Start after Stop = %v; want nil", err)
	}
}
