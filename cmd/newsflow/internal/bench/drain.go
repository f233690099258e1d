package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
)

// drain runs h on its own consumer, named durable, until it has finished
// n messages, and measures it.
func drain(ctx context.Context, srv *server, cfg config.Config, durable string, h pipeline.Handler, n int, log *slog.Logger) (PhaseReport, error) {
	cfg.Consumer.Durable = durable
	inner, err := srv.conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return PhaseReport{}, err
	}
	src := newCountingSource(inner, int64(n))
	runner, err := pipeline.NewRunner(cfg.Runner, src, srv.conn.Publisher(), h, srv.m, log)
	if err != nil {
		return PhaseReport{}, err
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpuBefore := procstat.CPUTime()
	serverBefore, serverKnown := srv.serverCPU()
	start := time.Now()

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- runner.Run(runCtx) }()
	select {
	case <-src.done:
	case err := <-stopped:
		if err == nil {
			err = errors.New("its source closed")
		}
		return PhaseReport{}, fmt.Errorf("runner stopped early: %w", err)
	case <-ctx.Done():
		return PhaseReport{}, ctx.Err()
	}
	elapsed := time.Since(start)
	cpu := procstat.CPUTime() - cpuBefore
	serverAfter, serverStill := srv.serverCPU()
	runtime.ReadMemStats(&after)
	stop()
	<-stopped

	r := PhaseReport{
		Seconds:             elapsed.Seconds(),
		ArticlesPerSec:      float64(n) / elapsed.Seconds(),
		CPUMicrosPerArticle: float64(cpu.Microseconds()) / float64(n),
		AllocsPerArticle:    float64(after.Mallocs-before.Mallocs) / float64(n),
		BytesPerArticle:     float64(after.TotalAlloc-before.TotalAlloc) / float64(n),
	}
	if serverKnown && serverStill {
		us := float64((serverAfter - serverBefore).Microseconds()) / float64(n)
		r.ServerCPUMicrosPerArticle = &us
	}
	return r, nil
}

// countingSource counts the messages the runner has finished, acked or
// terminated, and closes done once target of them have been.
type countingSource struct {
	pipeline.Source
	target   int64
	finished atomic.Int64
	done     chan struct{}
}

func newCountingSource(src pipeline.Source, target int64) *countingSource {
	return &countingSource{Source: src, target: target, done: make(chan struct{})}
}

// Next returns the source's next message, counted when finished.
func (s *countingSource) Next(ctx context.Context) (pipeline.Message, error) {
	msg, err := s.Source.Next(ctx)
	if err != nil {
		return nil, err
	}
	return &countedMessage{Message: msg, src: s}, nil
}

func (s *countingSource) count() {
	if s.finished.Add(1) == s.target {
		close(s.done)
	}
}

// countedMessage is a message of a countingSource.
type countedMessage struct {
	pipeline.Message
	src *countingSource
}

// Ack acks the message, and counts it when that succeeds.
func (m *countedMessage) Ack(ctx context.Context) error {
	err := m.Message.Ack(ctx)
	if err == nil {
		m.src.count()
	}
	return err
}

// Term terminates the message, and counts it when that succeeds.
func (m *countedMessage) Term(reason string) error {
	err := m.Message.Term(reason)
	if err == nil {
		m.src.count()
	}
	return err
}
