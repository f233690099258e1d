package bench

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// run runs the pipeline and the feeder for the soak's duration, adds a
// row to r every interval, and sums the rows up.
func (s *soak) run(ctx context.Context, r *SoakReport) (err error) {
	w := s.start(ctx)
	defer func() {
		if ferr := w.halt(); ferr != nil && err == nil {
			err = ferr
		}
	}()

	s.o.progress("soak: running the pipeline for %v, a row every %v", s.o.Duration, s.o.Interval)
	start := time.Now()
	first, err := s.sampler.take(ctx)
	if err != nil {
		return err
	}
	if s.table != nil {
		r.PrintHeader(s.table)
	}
	last, interrupted, err := s.rows(ctx, w, start, first, r)
	if err != nil {
		return err
	}
	r.Summary = summarize(r.Rows, first, last)
	if s.o.MemProfile != "" {
		if err := writeHeapProfile(s.o.MemProfile); err != nil {
			return err
		}
	}
	if s.table != nil {
		r.Summary.Print(s.table)
	}
	if interrupted != nil {
		return fmt.Errorf("%w after %v: %w", ErrInterrupted, time.Since(start).Round(time.Second), interrupted)
	}
	return nil
}

// rows adds a row to r at the end of each interval from start, prev being
// the sample taken then, until the soak's duration or ctx ends. It returns
// the last sample, and ctx's error when ctx ended the soak: the last row
// is then cut short.
func (s *soak) rows(ctx context.Context, w *running, start time.Time, prev sample, r *SoakReport) (last sample, interrupted, err error) {
	for k := 1; ; k++ {
		from := time.Duration(k-1) * s.o.Interval
		to := min(time.Duration(k)*s.o.Interval, s.o.Duration)
		interrupted, err := w.wait(ctx, start.Add(to))
		if err != nil {
			return prev, nil, err
		}
		cur, err := s.sampler.take(ctx)
		if err != nil {
			return prev, nil, err
		}
		row := rowOf(prev, cur, start)
		row.Partial = interrupted != nil || to-from < s.o.Interval
		r.Rows = append(r.Rows, row)
		if s.table != nil {
			row.Print(s.table)
		}
		prev = cur
		if interrupted != nil || to == s.o.Duration {
			return prev, interrupted, nil
		}
	}
}

// running is a soak's runner and feeder at work, each in a goroutine of
// its own.
type running struct {
	stop    context.CancelFunc
	stopped chan error // the runner's outcome
	fed     chan error // the feeder's
}

// start starts the soak's runner and feeder; they run until ctx ends or
// halt stops them.
func (s *soak) start(ctx context.Context) *running {
	runCtx, stop := context.WithCancel(ctx)
	w := &running{stop: stop, stopped: make(chan error, 1), fed: make(chan error, 1)}
	go func() { w.stopped <- s.runner.Run(runCtx) }()
	go func() { w.fed <- s.feeder.run(runCtx) }()
	return w
}

// wait waits until the time until. It returns ctx's error as interrupted
// when ctx ends first, the soak then to report its last row, and an error
// when the runner or the feeder stops before.
func (w *running) wait(ctx context.Context, until time.Time) (interrupted, err error) {
	t := time.NewTimer(time.Until(until))
	defer t.Stop()
	select {
	case <-t.C:
		return nil, nil
	case <-ctx.Done():
		return ctx.Err(), nil
	case err := <-w.stopped:
		w.stopped <- err // for halt
		if ctx.Err() != nil {
			return ctx.Err(), nil // stopped by ctx, which select did not pick
		}
		if err == nil {
			err = errors.New("its source closed")
		}
		return nil, fmt.Errorf("soak: runner stopped early: %w", err)
	case err := <-w.fed:
		w.fed <- err // for halt
		if ctx.Err() != nil {
			return ctx.Err(), nil
		}
		return nil, err
	}
}

// halt stops the runner and the feeder, and returns the feeder's error.
func (w *running) halt() error {
	w.stop()
	err := <-w.fed
	<-w.stopped // ends by the stop: its drain's outcome says nothing here
	return err
}
