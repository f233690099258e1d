package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dead-letter headers.
const (
	HeaderError   = "Newsflow-Error"
	HeaderStage   = "Newsflow-Stage"
	HeaderSubject = "Newsflow-Subject"
	HeaderSeq     = "Newsflow-Seq"
)

// KindDLQ labels dead letters in newsflow_events_published_total.
const KindDLQ = "dlq"

// maxErrorHeader bounds the Newsflow-Error header.
const maxErrorHeader = 1024

// ackTimeout bounds one acknowledgement round trip.
const ackTimeout = 10 * time.Second

// fetchBackoff spaces out the attempts of a worker whose source fails.
var fetchBackoff = Backoff{Initial: 100 * time.Millisecond, Max: 5 * time.Second}

// Runner moves messages from a Source through a Handler to a Publisher.
// Workers run the handler; a separate, bounded set of goroutines publishes
// each message's outputs and acknowledges it, so that CPU work never waits on
// a network round trip.
type Runner struct {
	cfg RunnerConfig
	src Source
	pub Publisher
	h   Handler
	m   *Metrics
	log *slog.Logger
	// retry spaces out the deliveries of a transiently failing message.
	retry Backoff
	// Failures to ack and to dead-letter come in runs when the server is
	// unavailable: logged once per run.
	acks, deadLetters episode
	// outage is what keeps outputs from the server; held counts the
	// messages waiting for it to clear, and failures the article's own
	// failures where the server's delivery count cannot tell them.
	outage   *Outage
	held     *holding
	failures failures
}

// NewRunner returns a Runner. cfg is validated here.
func NewRunner(cfg RunnerConfig, src Source, pub Publisher, h Handler, m *Metrics, log *slog.Logger) (*Runner, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("new runner: %w", err)
	}
	if src == nil || pub == nil || h == nil || m == nil {
		return nil, errors.New("new runner: source, publisher, handler and metrics are required")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers == 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return &Runner{cfg: cfg, src: src, pub: pub, h: h, m: m, log: log,
		retry: Backoff{Initial: time.Duration(cfg.RetryDelay), Max: time.Duration(cfg.MaxRetryDelay)},
		acks:  episode{what: "acks"}, deadLetters: episode{what: "dead letters"},
		outage: newOutage(m.OutputBlocked, log), held: newHolding()}, nil
}

// Outage returns the Runner's record of what keeps its outputs from the
// server, for the owner of the connection to report to and a readiness
// probe to ask.
func (r *Runner) Outage() *Outage { return r.outage }

// result is a handled message on its way to being published and
// acknowledged.
type result struct {
	msg       Message
	outs      []Output
	err       error
	keepAlive *keepAlive
}

// Run processes messages until ctx ends, then drains: it stops fetching,
// finishes the messages it holds within ShutdownTimeout and returns. Messages
// still unfinished at the deadline are handed back for redelivery. Run
// returns nil after a clean drain.
//
// When the Handler implements Lifecycle, Run starts it first and waits for
// it to be ready, at most ReadyTimeout, and stops it after the drain.
func (r *Runner) Run(ctx context.Context) error {
	if lc, ok := r.h.(Lifecycle); ok {
		if err := lc.Start(ctx); err != nil {
			return fmt.Errorf("run: %w", err)
		}
		defer r.stop(ctx, lc)
		r.waitReady(ctx, lc)
	}
	// Work goes on after ctx ends, until the shutdown deadline.
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()

	// drain is closed when ctx ends: held messages are handed back then.
	drain := make(chan struct{})
	results := make(chan result, r.cfg.Workers)
	var workers, finishers sync.WaitGroup
	for range r.cfg.Workers {
		workers.Go(func() { r.work(workCtx, drain, results) })
	}
	for range r.cfg.MaxInFlight {
		finishers.Go(func() {
			for res := range results {
				r.finish(workCtx, drain, res)
			}
		})
	}
	done := make(chan struct{})
	go func() {
		workers.Wait()
		close(results)
		finishers.Wait()
		close(done)
	}()

	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	r.log.Info("draining", "timeout", r.cfg.ShutdownTimeout)
	close(drain)
	r.src.Drain()
	deadline := time.NewTimer(time.Duration(r.cfg.ShutdownTimeout))
	defer deadline.Stop()
	select {
	case <-done:
		return nil
	case <-deadline.C:
		cancelWork()
		<-done
		return fmt.Errorf("run: shutdown timeout %v reached; unfinished messages were handed back", r.cfg.ShutdownTimeout)
	}
}

// waitReady waits until lc is ready, ReadyTimeout has passed or ctx ends.
func (r *Runner) waitReady(ctx context.Context, lc Lifecycle) {
	if r.cfg.ReadyTimeout <= 0 {
		return
	}
	t := time.NewTimer(time.Duration(r.cfg.ReadyTimeout))
	defer t.Stop()
	select {
	case <-lc.Ready():
	case <-t.C:
		r.log.Warn("stages not ready in time; processing begins with what they have", "after", r.cfg.ReadyTimeout)
	case <-ctx.Done():
	}
}

// stop stops lc after the drain, within ShutdownTimeout of its own: ctx
// has usually ended by then.
func (r *Runner) stop(ctx context.Context, lc Lifecycle) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Duration(r.cfg.ShutdownTimeout))
	defer cancel()
	if err := lc.Stop(ctx); err != nil {
		r.log.Warn("stopping stages", "err", err)
	}
}

func (r *Runner) work(ctx context.Context, drain <-chan struct{}, results chan<- result) {
	var failures int
	for {
		if !r.waitInput(ctx, drain) {
			return
		}
		msg, err := r.src.Next(ctx)
		switch {
		case err == nil:
			failures = 0
		case errors.Is(err, ErrSourceClosed) || ctx.Err() != nil:
			return
		default:
			failures++
			r.log.Debug("fetch failed", "err", err, "consecutive", failures)
			if !fetchBackoff.Wait(ctx, failures) {
				return
			}
			continue
		}
		r.m.ArticlesReceived.Inc()
		r.m.InFlight.Inc()
		r.m.ConsumerPending.Set(float64(msg.Info().Pending))
		results <- r.handle(ctx, msg)
	}
}

func (r *Runner) handle(ctx context.Context, msg Message) result {
	res := result{msg: msg, keepAlive: startKeepAlive(msg, time.Duration(r.cfg.ProgressInterval))}
	if n := r.deliveries(msg.Info()); n > uint64(r.cfg.MaxDeliver) {
		// Earlier deliveries ended without an answer (a crash, a timeout):
		// do not let a message that may kill the process try again.
		res.err = Reject(ReasonMaxDeliver, fmt.Errorf("delivered %d times, more than max_deliver %d, without a result", n, r.cfg.MaxDeliver))
		return res
	}
	res.outs, res.err = r.h.Handle(ctx, msg)
	return res
}

func (r *Runner) finish(ctx context.Context, drain <-chan struct{}, res result) {
	defer r.m.InFlight.Dec()
	defer res.keepAlive.stop()
	msg := res.msg
	if res.err == nil {
		switch err := r.publishOrHold(ctx, drain, res.outs); {
		case err == nil:
			r.ack(msg, OutcomeOK)
			return
		case InfraReasonOf(err) != "":
			r.handBack(msg, err)
			return
		default:
			res.err = err
		}
	}
	r.fail(ctx, drain, msg, res.err)
}

// fail acts on a failure of the article itself: a stage's error, a panic,
// an output the server refuses for what it is. It is the one place where a
// failure counts toward max_deliver; the infrastructure's never reach it
// (see publishOrHold).
func (r *Runner) fail(ctx context.Context, drain <-chan struct{}, msg Message, err error) {
	if IsPermanent(err) {
		r.deadLetter(ctx, drain, msg, err)
		return
	}
	info := msg.Info()
	n := r.deliveries(info)
	if n >= uint64(r.cfg.MaxDeliver) {
		r.deadLetter(ctx, drain, msg, Reject(ReasonMaxDeliver, fmt.Errorf("failed %d deliveries, the last with: %w", n, err)))
		return
	}
	r.failures.add(info.Sequence)
	delay := r.retry.Delay(int(n))
	r.log.Debug("retrying", "subject", msg.Subject(), "seq", info.Sequence, "delivery", n, "delay", delay, "err", err)
	r.nak(msg, delay)
}

// handBack returns a message still held by the infrastructure at the
// drain, for another replica or the next start; the delivery does not
// count against the article.
func (r *Runner) handBack(msg Message, err error) {
	r.log.Debug("handed back while output is blocked", "subject", msg.Subject(), "seq", msg.Info().Sequence, "err", err)
	r.nak(msg, 0)
}

func (r *Runner) publish(ctx context.Context, outs []Output) ([]Output, error) {
	if len(outs) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Duration(r.cfg.PublishTimeout))
	defer cancel()
	unconfirmed, err := r.pub.Publish(ctx, outs)
	// The unconfirmed are a subsequence of outs, with ids of their own.
	j := 0
	for i := range outs {
		if j < len(unconfirmed) && unconfirmed[j].ID == outs[i].ID {
			j++
			continue
		}
		r.m.EventsPublished.WithLabelValues(outs[i].Kind).Inc()
	}
	if err != nil {
		return unconfirmed, fmt.Errorf("publish outputs: %w", err)
	}
	return nil, nil
}

func (r *Runner) ack(msg Message, outcome string) {
	ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
	defer cancel()
	if err := msg.Ack(ctx); err != nil {
		// The outputs are confirmed; a redelivery will produce the same
		// message ids and the stream will drop them.
		r.acks.fail(r.log, "ack failed; the message will be redelivered", "subject", msg.Subject(), "seq", msg.Info().Sequence, "err", err)
		r.m.ArticlesProcessed.WithLabelValues(OutcomeRetry).Inc()
		return
	}
	r.acks.ok(r.log)
	r.failures.forget(msg.Info().Sequence)
	r.m.ArticlesProcessed.WithLabelValues(outcome).Inc()
	if ts := msg.Info().Timestamp; !ts.IsZero() {
		r.m.EndToEndLatency.Observe(time.Since(ts).Seconds())
	}
}

func (r *Runner) nak(msg Message, delay time.Duration) {
	if err := msg.Nak(delay); err != nil {
		r.log.Warn("nak failed; the message will be redelivered after the ack wait", "subject", msg.Subject(), "err", err)
	}
	r.m.ArticlesProcessed.WithLabelValues(OutcomeRetry).Inc()
}

// deadLetter publishes msg's original bytes to the dead-letter subject of
// err's reason and terminates msg. If the dead letter cannot be published,
// msg is handed back for redelivery: nothing is lost.
func (r *Runner) deadLetter(ctx context.Context, drain <-chan struct{}, msg Message, err error) {
	reason := ReasonOf(err)
	info := msg.Info()
	stage := StageOf(err)
	if stage == "" {
		stage = "runner"
	}
	out := Output{
		Subject: r.cfg.DLQPrefix + "." + reason,
		ID:      info.Stream + ":" + strconv.FormatUint(info.Sequence, 10) + ":dlq",
		Data:    msg.Data(),
		Kind:    KindDLQ,
		Header: map[string][]string{
			HeaderError:   {headerValue(err.Error())},
			HeaderStage:   {stage},
			HeaderSubject: {msg.Subject()},
			HeaderSeq:     {strconv.FormatUint(info.Sequence, 10)},
		},
	}
	if perr := r.publishOrHold(ctx, drain, []Output{out}); perr != nil {
		if InfraReasonOf(perr) != "" {
			r.handBack(msg, perr)
			return
		}
		r.deadLetters.fail(r.log, "dead letter not published; the message will be redelivered", "subject", msg.Subject(), "seq", info.Sequence, "err", perr)
		r.nak(msg, r.retry.Delay(int(info.NumDelivered)))
		return
	}
	r.deadLetters.ok(r.log)
	r.failures.forget(info.Sequence)
	r.log.Debug("dead-lettered", "subject", msg.Subject(), "seq", info.Sequence, "reason", reason, "stage", stage, "err", err)
	if terr := msg.Term(reason); terr != nil {
		r.log.Warn("term failed; the message will be redelivered and dead-lettered again under the same id", "subject", msg.Subject(), "err", terr)
	}
	r.m.ArticlesProcessed.WithLabelValues(OutcomeDLQ).Inc()
}

// headerValue makes s safe as a header value: one line, bounded length.
func headerValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r < 0x20 && r != '\t' {
			return ' '
		}
		return r
	}, s)
	if len(s) > maxErrorHeader {
		s = strings.ToValidUTF8(s[:maxErrorHeader], "") + "…"
	}
	return s
}

// keepAlive reports a message in progress every interval until stopped.
type keepAlive struct {
	mu      sync.Mutex
	timer   *time.Timer
	stopped bool
}

func startKeepAlive(msg Message, interval time.Duration) *keepAlive {
	k := &keepAlive{}
	if interval <= 0 {
		return k
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.timer = time.AfterFunc(interval, func() {
		k.mu.Lock()
		defer k.mu.Unlock()
		if k.stopped {
			return
		}
		_ = msg.InProgress() // best effort: a failure only risks a redelivery
		k.timer.Reset(interval)
	})
	return k
}

func (k *keepAlive) stop() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.stopped = true
	if k.timer != nil {
		k.timer.Stop()
	}
}
