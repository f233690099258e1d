package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline/event"
)

// Stage is one step of article processing. A stage only adds to the Doc.
// A failure of an optional part is recorded with Doc.Warn and processing goes
// on; only a failure of the whole article returns an error, marked with
// Permanent or Reject when retrying cannot help.
type Stage interface {
	Name() string
	// Process must be safe for concurrent calls on different Docs, and must
	// return promptly once ctx is done.
	Process(ctx context.Context, d *Doc) error
}

// Error classes of newsflow_stage_errors_total.
const (
	classPermanent = "permanent"
	classTransient = "transient"
	classTimeout   = "timeout"
	classPanic     = "panic"
)

// Chain runs stages in order, each with recover, a timeout and metrics, so
// that stage authors write none of these.
type Chain struct {
	stages  []chainStage
	timeout time.Duration
	log     *slog.Logger
	life    *lifecycles
}

type chainStage struct {
	Stage
	duration prometheus.Observer
	errors   map[string]prometheus.Counter
}

// NewChain returns a Chain of stages. timeout bounds each stage's call; it
// must be positive. Stage names must be unique. A Chain implements
// Lifecycle for the stages that do.
func NewChain(stages []Stage, timeout time.Duration, m *Metrics, log *slog.Logger) (*Chain, error) {
	if timeout <= 0 {
		return nil, fmt.Errorf("new chain: stage timeout %v must be positive", timeout)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Chain{timeout: timeout, log: log}
	seen := make(map[string]bool)
	for _, s := range stages {
		name := s.Name()
		if seen[name] {
			return nil, fmt.Errorf("new chain: stage %q appears twice", name)
		}
		seen[name] = true
		cs := chainStage{
			Stage:    s,
			duration: m.StageDuration.WithLabelValues(name),
			errors:   make(map[string]prometheus.Counter),
		}
		for _, class := range []string{classPermanent, classTransient, classTimeout, classPanic} {
			cs.errors[class] = m.StageErrors.WithLabelValues(name, class)
		}
		c.stages = append(c.stages, cs)
	}
	c.life = newLifecycles(stages)
	return c, nil
}

// Process runs every stage on d and records each one's time in d.Timings.
// It stops at the first error, which is a *StageError.
func (c *Chain) Process(ctx context.Context, d *Doc) error {
	for i := range c.stages {
		s := &c.stages[i]
		start := time.Now()
		err := c.run(ctx, s, d)
		elapsed := time.Since(start)
		s.duration.Observe(elapsed.Seconds())
		d.Timings = append(d.Timings, event.StageTiming{Stage: s.Name(), Micros: elapsed.Microseconds()})
		if err != nil {
			s.errors[classify(err)].Inc()
			return &StageError{Stage: s.Name(), Err: err}
		}
	}
	return nil
}

func (c *Chain) run(ctx context.Context, s *chainStage, d *Doc) (err error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			// The stack is logged here, where the panic is handled; the
			// error that goes to the DLQ carries only the value.
			c.log.Error("stage panicked", "stage", s.Name(), "article", d.ID, "panic", v, "stack", string(debug.Stack()))
			err = Reject(ReasonPanic, &panicError{value: v})
		}
	}()
	err = s.Process(ctx, d)
	if err == nil && ctx.Err() != nil {
		// A stage that returns nil after its deadline may have given up
		// half way; treat its work as not done.
		err = ctx.Err()
	}
	if errors.Is(err, context.DeadlineExceeded) && !IsPermanent(err) {
		err = &timeoutError{after: c.timeout, err: err}
	}
	return err
}

type panicError struct{ value any }

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

type timeoutError struct {
	after time.Duration
	err   error
}

func (e *timeoutError) Error() string { return fmt.Sprintf("timed out after %v: %v", e.after, e.err) }
func (e *timeoutError) Unwrap() error { return e.err }

func classify(err error) string {
	var p *panicError
	var t *timeoutError
	switch {
	case errors.As(err, &p):
		return classPanic
	case errors.As(err, &t):
		return classTimeout
	case IsPermanent(err):
		return classPermanent
	default:
		return classTransient
	}
}
