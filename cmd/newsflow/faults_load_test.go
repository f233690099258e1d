package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// poisonStage panics on an article titled "PANIC" and works on one titled
// "STALL" until its deadline: the two ways a stage can go wrong.
type poisonStage struct{}

func (poisonStage) Name() string { return "poison" }

func (poisonStage) Process(ctx context.Context, d *pipeline.Doc) error {
	switch d.Title {
	case "PANIC":
		panic("poisoned article")
	case "STALL":
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

func TestFaultPoisonInput(t *testing.T) {
	ctx, start := faultContext(t), time.Now()
	cfg := testConfig(t.TempDir())
	cfg.Runner.Workers = 2
	cfg.Runner.MaxDeliver = 2
	cfg.Runner.StageTimeout = pipeline.Duration(2 * time.Second)
	r := startRunning(t, cfg, poisonStage{})

	good := faultArticles(40, articleBytes)
	poison := []faultArticle{
		{id: "poison-json", story: -1, data: []byte(`{"id":"poison-json","body":"unterminated`)},
		{id: "poison-panic", story: -1, data: []byte(`{"id":"poison-panic","title":"PANIC","body":"A stage panics on this article."}`)},
		{id: "poison-stall", story: -1, data: []byte(`{"id":"poison-stall","title":"STALL","body":"A stage works on this article until its deadline."}`)},
	}
	arts := append(append(append([]faultArticle(nil), good[:20]...), poison...), good[20:]...)
	f := startFeed(ctx, r.js, faultSubject, arts)
	waitFinished(t, ctx, r.js, f)
	verify(t, ctx, r.js, "poison input among good (bad JSON, panic, stall)", f, start, 0)

	// No head-of-line blocking: every good article sent after the stalling
	// one was out before the stalling one was given up.
	stored := make(map[string]time.Time)
	for _, stream := range []string{"EVENTS", "DLQ"} {
		for _, m := range readStream(t, ctx, r.js, stream) {
			id, _, _ := strings.Cut(m.Header.Get(jetstream.MsgIDHeader), ":")
			if stream == "DLQ" {
				seq, _ := strconv.ParseUint(m.Header.Get(pipeline.HeaderSeq), 10, 64)
				id = f.seqs[seq]
				if id == "poison-panic" && !strings.Contains(m.Header.Get(pipeline.HeaderError), "poisoned article") {
					t.Errorf("panic dead letter error = %q; want the panic's value", m.Header.Get(pipeline.HeaderError))
				}
			}
			stored[id] = m.Time
		}
	}
	stalled := stored["poison-stall"]
	for _, a := range good[20:] {
		if got := stored[a.id]; a.story >= 0 && !got.Before(stalled) {
			t.Errorf("%s out at %v, after the stalled article's dead letter at %v; want before", a.id, got, stalled)
		}
	}
}

func TestFaultOverload(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf := rig.ctx, rig.dir, rig.js, rig.conf
	n, size := 300, 64<<10
	if *faultsFull {
		n = 3000
	}

	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	idle := sample(t, nf, httpURL)
	samples := make(chan loadSample, 1)
	stop := make(chan struct{})
	go func() {
		peak := idle
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				samples <- peak
				return
			case <-tick.C:
				s, err := scrape(nf, httpURL)
				if err == nil {
					peak = peak.max(s)
				}
			}
		}
	}()
	f := startFeed(ctx, js, faultSubject, faultArticles(n, size))
	// Goroutines are counted from the first output on: the runner's pool
	// starts after the "running" line.
	waitOutputs(t, ctx, js, 1)
	working := sample(t, nf, httpURL)
	waitFinished(t, ctx, js, f)
	close(stop)
	peak := <-samples
	end := sample(t, nf, httpURL)
	row := rig.finish(t, f, fmt.Sprintf("overload: %d × %d KB published at full speed", n, size>>10), nf)

	t.Logf("RSS idle %d MB, peak %d MB, end %d MB; goroutines working %v, peak %v, end %v; backlog peak %v, end %v; %d outputs",
		idle.rss>>20, peak.rss>>20, end.rss>>20, working.goroutines, peak.goroutines, end.goroutines, peak.pending, end.pending, row.Out)
	if limit := idle.rss + overloadRSSGrowth; peak.rss > limit {
		t.Errorf("peak RSS %d MB; want at most %d MB (idle %d MB + %d MB)", peak.rss>>20, limit>>20, idle.rss>>20, overloadRSSGrowth>>20)
	}
	if peak.goroutines > working.goroutines+20 || end.goroutines > working.goroutines+5 {
		t.Errorf("goroutines at the first output %v, peak %v, end %v; want flat", working.goroutines, peak.goroutines, end.goroutines)
	}
	if peak.pending < float64(n/10) || end.pending != 0 {
		t.Errorf("newsflow_consumer_pending_messages peak %v, end %v; want a visible backlog, drained to 0", peak.pending, end.pending)
	}
}

// loadSample is what the overload test watches of a newsflow child.
type loadSample struct {
	rss        int64
	goroutines float64
	pending    float64
}

func (s loadSample) max(o loadSample) loadSample {
	return loadSample{rss: max(s.rss, o.rss), goroutines: max(s.goroutines, o.goroutines), pending: max(s.pending, o.pending)}
}

func sample(t *testing.T, p *proc, httpURL string) loadSample {
	t.Helper()
	s, err := scrape(p, httpURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var scrapeMu sync.Mutex

// scrape reads p's RSS and two of its metrics.
func scrape(p *proc, httpURL string) (loadSample, error) {
	scrapeMu.Lock()
	defer scrapeMu.Unlock()
	var s loadSample
	var err error
	if s.rss, err = p.rss(); err != nil {
		return s, err
	}
	resp, err := http.Get(httpURL + "/metrics")
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			continue
		}
		switch name {
		case "go_goroutines":
			s.goroutines = v
		case "newsflow_consumer_pending_messages":
			s.pending = v
		}
	}
	return s, sc.Err()
}

// overloadRSSGrowth bounds how far a newsflow's resident memory may grow
// over its idle size while a backlog waits in the stream: the backlog stays
// in the server; newsflow holds its pull buffer, the articles being worked
// on and the garbage collector's headroom over its live heap.
var overloadRSSGrowth = func() int64 {
	if raceEnabled {
		return 1 << 30
	}
	return 256 << 20
}()
