package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Lifecycle is implemented by a stage with background work, such as keeping
// an index in step with a store other replicas write to. The runtime finds
// it by type assertion: a Runner starts it before it takes the first
// message, waits until it is ready (at most RunnerConfig.ReadyTimeout) and
// stops it once the drain is over, so that the stage's goroutines have one
// owner and a clear end. A stage used without a Runner (newsflow process,
// tests) works without being started, on what it learns from Process
// alone.
type Lifecycle interface {
	// Start begins the background work and returns; the work goes on until
	// Stop. ctx bounds the start, not the work.
	Start(ctx context.Context) error
	// Ready is closed once the stage does its work as well as it will, for
	// example once an index is loaded.
	Ready() <-chan struct{}
	// Stop ends the background work and waits for it to end, or for ctx.
	Stop(ctx context.Context) error
}

// lifecycles starts, watches and stops the stages of a Chain that
// implement Lifecycle.
type lifecycles struct {
	stages []Stage // each implements Lifecycle
	ready  chan struct{}

	readyOnce sync.Once // ready is closed once, however often the stages start

	mu      sync.Mutex
	running bool
	quit    chan struct{} // closed by stop: the readiness watch ends
	watched chan struct{} // closed when the readiness watch has ended
}

func newLifecycles(stages []Stage) *lifecycles {
	l := &lifecycles{ready: make(chan struct{})}
	for _, s := range stages {
		if _, ok := s.(Lifecycle); ok {
			l.stages = append(l.stages, s)
		}
	}
	if len(l.stages) == 0 {
		l.readyOnce.Do(func() { close(l.ready) })
	}
	return l
}

// start starts every stage in order; when one fails, those already
// started are stopped again.
func (l *lifecycles) start(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running {
		return errors.New("start stages: already running")
	}
	for i, s := range l.stages {
		if err := s.(Lifecycle).Start(ctx); err != nil {
			stopAll(ctx, l.stages[:i])
			return fmt.Errorf("start stage %s: %w", s.Name(), err)
		}
	}
	l.running = true
	l.quit, l.watched = make(chan struct{}), make(chan struct{})
	if len(l.stages) > 0 {
		go l.watchReady()
	} else {
		close(l.watched)
	}
	return nil
}

// watchReady closes l.ready once every stage is ready, unless the stages
// are stopped first.
func (l *lifecycles) watchReady() {
	defer close(l.watched)
	for _, s := range l.stages {
		select {
		case <-s.(Lifecycle).Ready():
		case <-l.quit:
			return
		}
	}
	l.readyOnce.Do(func() { close(l.ready) })
}

// stop stops every started stage, the last first, and returns their
// errors joined.
func (l *lifecycles) stop(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.running {
		return nil
	}
	l.running = false
	close(l.quit)
	<-l.watched
	return stopAll(ctx, l.stages)
}

func stopAll(ctx context.Context, stages []Stage) error {
	var errs []error
	for i := len(stages) - 1; i >= 0; i-- {
		if err := stages[i].(Lifecycle).Stop(ctx); err != nil {
			errs = append(errs, fmt.Errorf("stop stage %s: %w", stages[i].Name(), err))
		}
	}
	return errors.Join(errs...)
}

// Start starts the stages of c that implement Lifecycle, in order. Once
// stopped, they may be started again.
func (c *Chain) Start(ctx context.Context) error { return c.life.start(ctx) }

// Ready is closed once every stage of c that implements Lifecycle is
// ready; at once when none does.
func (c *Chain) Ready() <-chan struct{} { return c.life.ready }

// Stop stops the started stages of c, the last first.
func (c *Chain) Stop(ctx context.Context) error { return c.life.stop(ctx) }

var _ Lifecycle = (*Chain)(nil)
