package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
)

// measureLatency publishes articles at rate while h runs, and measures the
// time from each publish to the arrival of its event.
func measureLatency(ctx context.Context, srv *server, cfg config.Config, h pipeline.Handler, articles [][]byte, rate float64, log *slog.Logger) (LatencyReport, error) {
	rec := newLatencyRecorder(articles)
	// Every article yields one event: an article event, or a duplicate
	// notice when dedup finds it a copy.
	sub, err := srv.conn.NATS().Subscribe("events.>", rec.arrived)
	if err != nil {
		return LatencyReport{}, err
	}
	defer sub.Unsubscribe()
	sub.SetPendingLimits(-1, -1)

	cfg.Consumer.Durable = "bench-pipeline"
	src, err := srv.conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return LatencyReport{}, err
	}
	runner, err := pipeline.NewRunner(cfg.Runner, src, srv.conn.Publisher(), h, srv.m, log)
	if err != nil {
		return LatencyReport{}, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- runner.Run(runCtx) }()

	if err := rec.publish(srv.conn.JetStream(), articles, rate); err != nil {
		return LatencyReport{}, err
	}
	select {
	case <-rec.all:
	case <-time.After(time.Minute):
		return LatencyReport{}, errors.New("latency phase: not every event arrived within a minute")
	case <-ctx.Done():
		return LatencyReport{}, ctx.Err()
	}
	stop()
	<-stopped
	return rec.report(rate), nil
}

// latencyRecorder matches events to the articles they come from.
type latencyRecorder struct {
	// offset is the number in the id of the first article: the latency
	// articles were made with ids after the backlog's, and their index in
	// sent is their id's number minus offset.
	offset int
	mu     sync.Mutex
	sent   []time.Time // when each article was published; zero once its event arrived
	lat    []time.Duration
	all    chan struct{} // closed when every event has arrived
}

func newLatencyRecorder(articles [][]byte) *latencyRecorder {
	return &latencyRecorder{
		offset: firstID(articles),
		sent:   make([]time.Time, len(articles)),
		lat:    make([]time.Duration, 0, len(articles)),
		all:    make(chan struct{}),
	}
}

// publish publishes articles at rate, noting when each was sent.
func (rec *latencyRecorder) publish(js jetstream.JetStream, articles [][]byte, rate float64) error {
	start := time.Now()
	interval := time.Duration(float64(time.Second) / rate)
	for i, a := range articles {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			time.Sleep(d) // pacing the load, not synchronising
		}
		rec.mu.Lock()
		rec.sent[i] = time.Now()
		rec.mu.Unlock()
		if _, err := js.PublishAsync("articles.bench", a, jetstream.WithMsgID("bench-"+strconv.Itoa(rec.offset+i))); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	return nil
}

// arrived records the latency of the article an event comes from, by the
// event's message id ("bench-<n>:...").
func (rec *latencyRecorder) arrived(msg *nats.Msg) {
	now := time.Now()
	id, _, _ := strings.Cut(msg.Header.Get(jetstream.MsgIDHeader), ":")
	i, err := strconv.Atoi(strings.TrimPrefix(id, "bench-"))
	i -= rec.offset
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if err != nil || i < 0 || i >= len(rec.sent) || rec.sent[i].IsZero() {
		return
	}
	rec.lat = append(rec.lat, now.Sub(rec.sent[i]))
	rec.sent[i] = time.Time{}
	if len(rec.lat) == len(rec.sent) {
		close(rec.all)
	}
}

// report sums the latencies up, once every event has arrived.
func (rec *latencyRecorder) report(rate float64) LatencyReport {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	lat := slices.Sorted(slices.Values(rec.lat))
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return LatencyReport{
		Articles: len(lat),
		Rate:     rate,
		P50Ms:    ms(lat[len(lat)/2]),
		P99Ms:    ms(lat[len(lat)*99/100]),
		MaxMs:    ms(lat[len(lat)-1]),
	}
}

// firstID is the number in the id of the first article ("bench-<n>").
func firstID(articles [][]byte) int {
	var a struct {
		ID string `json:"id"`
	}
	if len(articles) == 0 || json.Unmarshal(articles[0], &a) != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(a.ID, "bench-"))
	return n
}
