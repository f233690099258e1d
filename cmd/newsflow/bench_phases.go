package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/corpus"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// benchArticles returns count article messages of at least size bytes of
// body each, made of consecutive Reuters stories when dir holds the corpus,
// else of generated text.
func benchArticles(dir string, count, size int) ([][]byte, string, error) {
	var bodies []string
	var titles []string
	var dates []time.Time
	name := "reuters21578"
	stories, err := corpus.ReadReuters(dir)
	if err == nil {
		for _, s := range stories {
			bodies, titles, dates = append(bodies, s.Body), append(titles, s.Title), append(dates, s.Date)
		}
	} else {
		name = "generated"
		bodies, titles, dates = generatedStories(500)
	}
	out := make([][]byte, count)
	next := 0
	for i := range out {
		first := next % len(bodies)
		var b strings.Builder
		for b.Len() == 0 || b.Len() < size {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(bodies[next%len(bodies)])
			next++
		}
		data, err := json.Marshal(event.Article{
			ID:          "bench-" + strconv.Itoa(i),
			Title:       titles[first],
			Body:        b.String(),
			Source:      "bench",
			PublishedAt: dates[first].Format(time.RFC3339),
		})
		if err != nil {
			return nil, "", err
		}
		out[i] = data
	}
	return out, name, nil
}

// generatedStories makes n stories of plain English news-like sentences,
// deterministic, for machines without the corpus.
func generatedStories(n int) (bodies, titles []string, dates []time.Time) {
	subjects := []string{"The central bank", "Officials in Brussels", "President Maria Lopez", "The company", "Analysts at Fidelity", "The ministry of finance", "Workers in Detroit", "The United Nations"}
	verbs := []string{"said on Friday that", "announced that", "warned that", "told reporters that", "confirmed that"}
	objects := []string{"interest rates would stay unchanged", "talks would resume next week", "exports rose 4.5 pct in March", "the merger was approved by regulators", "the ceasefire held overnight", "profits fell to 1.2 billion dollars"}
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)
	for i := range n {
		var b strings.Builder
		for s := 0; s < 6+r.IntN(6); s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s %s %s.", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))])
		}
		bodies = append(bodies, b.String())
		titles = append(titles, fmt.Sprintf("Story %d", i))
		dates = append(dates, base.Add(time.Duration(i)*time.Minute))
	}
	return bodies, titles, dates
}

func meanSize(articles [][]byte) int {
	total := 0
	for _, a := range articles {
		total += len(a)
	}
	return total / max(1, len(articles))
}

// publishBacklog publishes articles to articles.bench and waits for every
// acknowledgement.
func publishBacklog(ctx context.Context, js jetstream.JetStream, articles [][]byte) error {
	futures := make([]jetstream.PubAckFuture, 0, 1024)
	flush := func() error {
		for _, f := range futures {
			select {
			case <-f.Ok():
			case err := <-f.Err():
				return fmt.Errorf("publish backlog: %w", err)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		futures = futures[:0]
		return nil
	}
	for i, a := range articles {
		f, err := js.PublishAsync("articles.bench", a, jetstream.WithMsgID("bench-"+strconv.Itoa(i)))
		if err != nil {
			return fmt.Errorf("publish backlog: %w", err)
		}
		if futures = append(futures, f); len(futures) == cap(futures) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// drain runs h on its own consumer until it has finished n messages, and
// measures it.
func drain(ctx context.Context, conn *natsjs.Conn, cfg config.Config, durable string, h pipeline.Handler, n int, m *pipeline.Metrics, log *slog.Logger) (phaseReport, error) {
	cfg.Consumer.Durable = durable
	inner, err := conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return phaseReport{}, err
	}
	src := &countingSource{Source: inner, target: int64(n), done: make(chan struct{})}
	runner, err := pipeline.NewRunner(cfg.Runner, src, conn.Publisher(), h, m, log)
	if err != nil {
		return phaseReport{}, err
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpuBefore := procstat.CPUTime()
	start := time.Now()

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- runner.Run(runCtx) }()
	select {
	case <-src.done:
	case err := <-stopped:
		return phaseReport{}, fmt.Errorf("runner stopped early: %v", err)
	case <-ctx.Done():
		return phaseReport{}, ctx.Err()
	}
	elapsed := time.Since(start)
	cpu := procstat.CPUTime() - cpuBefore
	runtime.ReadMemStats(&after)
	stop()
	<-stopped

	return phaseReport{
		Seconds:             elapsed.Seconds(),
		ArticlesPerSec:      float64(n) / elapsed.Seconds(),
		CPUMicrosPerArticle: float64(cpu.Microseconds()) / float64(n),
		AllocsPerArticle:    float64(after.Mallocs-before.Mallocs) / float64(n),
		BytesPerArticle:     float64(after.TotalAlloc-before.TotalAlloc) / float64(n),
	}, nil
}

// countingSource closes done once target messages have been finished.
type countingSource struct {
	pipeline.Source
	target   int64
	finished atomic.Int64
	done     chan struct{}
}

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

type countedMessage struct {
	pipeline.Message
	src *countingSource
}

func (m *countedMessage) Ack(ctx context.Context) error {
	err := m.Message.Ack(ctx)
	if err == nil {
		m.src.count()
	}
	return err
}

func (m *countedMessage) Term(reason string) error {
	err := m.Message.Term(reason)
	if err == nil {
		m.src.count()
	}
	return err
}

// measureLatency publishes articles at rate while h runs, and measures the
// time from each publish to the arrival of its event.
func measureLatency(ctx context.Context, conn *natsjs.Conn, cfg config.Config, h pipeline.Handler, articles [][]byte, rate float64, m *pipeline.Metrics, log *slog.Logger) (latencyReport, error) {
	// The latency articles were made with ids after the backlog's; their
	// index in sent is their id's number minus that offset.
	offset := firstID(articles)
	sent := make([]time.Time, len(articles))
	lat := make([]time.Duration, 0, len(articles))
	var mu sync.Mutex
	all := make(chan struct{})
	// Every article yields one event: an article event, or a duplicate
	// notice when dedup finds it a copy.
	sub, err := conn.NATS().Subscribe("events.>", func(msg *nats.Msg) {
		now := time.Now()
		id, _, _ := strings.Cut(msg.Header.Get(jetstream.MsgIDHeader), ":")
		i, err := strconv.Atoi(strings.TrimPrefix(id, "bench-"))
		i -= offset
		mu.Lock()
		defer mu.Unlock()
		if err != nil || i < 0 || i >= len(sent) || sent[i].IsZero() {
			return
		}
		lat = append(lat, now.Sub(sent[i]))
		sent[i] = time.Time{}
		if len(lat) == len(articles) {
			close(all)
		}
	})
	if err != nil {
		return latencyReport{}, err
	}
	defer sub.Unsubscribe()
	sub.SetPendingLimits(-1, -1)

	cfg.Consumer.Durable = "bench-pipeline"
	src, err := conn.NewSource(ctx, cfg.Streams.Articles.Name, cfg.Consumer)
	if err != nil {
		return latencyReport{}, err
	}
	runner, err := pipeline.NewRunner(cfg.Runner, src, conn.Publisher(), h, m, log)
	if err != nil {
		return latencyReport{}, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- runner.Run(runCtx) }()

	start := time.Now()
	interval := time.Duration(float64(time.Second) / rate)
	for i, a := range articles {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			time.Sleep(d) // pacing the load, not synchronising
		}
		mu.Lock()
		sent[i] = time.Now()
		mu.Unlock()
		if _, err := conn.JetStream().PublishAsync("articles.bench", a, jetstream.WithMsgID("bench-"+strconv.Itoa(offset+i))); err != nil {
			return latencyReport{}, fmt.Errorf("publish: %w", err)
		}
	}
	select {
	case <-all:
	case <-time.After(time.Minute):
		return latencyReport{}, errors.New("latency phase: not every event arrived within a minute")
	case <-ctx.Done():
		return latencyReport{}, ctx.Err()
	}
	stop()
	<-stopped
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return latencyReport{
		Articles: len(lat),
		Rate:     rate,
		P50Ms:    ms(lat[len(lat)/2]),
		P99Ms:    ms(lat[len(lat)*99/100]),
		MaxMs:    ms(lat[len(lat)-1]),
	}, nil
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
