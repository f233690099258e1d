package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// testConfig is the default configuration with an embedded server on a
// random port storing in dir, an HTTP listener on a random port, and fast
// retries.
func testConfig(dir string) config.Config {
	cfg := config.Default()
	cfg.NATS.Listen = "127.0.0.1:0"
	cfg.NATS.DataDir = dir
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.Runner.MaxDeliver = 3
	cfg.Runner.RetryDelay = pipeline.Duration(10 * time.Millisecond)
	cfg.Runner.MaxRetryDelay = pipeline.Duration(50 * time.Millisecond)
	cfg.Runner.ShutdownTimeout = pipeline.Duration(10 * time.Second)
	cfg.Log.Level = "warn"
	return cfg.Resolved()
}

// running is a processor running in the background, and a client of its
// NATS server.
type running struct {
	p      *processor
	nc     *nats.Conn
	js     jetstream.JetStream
	cancel context.CancelFunc
	done   chan error
}

func startRunning(t *testing.T, cfg config.Config, extra ...pipeline.Stage) *running {
	t.Helper()
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, cancel := context.WithCancel(t.Context())
	p, err := startProcessor(ctx, cfg, log, extra...)
	if err != nil {
		cancel()
		t.Fatalf("startProcessor: %v", err)
	}
	r := &running{p: p, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- p.run(ctx) }()
	t.Cleanup(func() { r.stop(t) })
	var auth []nats.Option
	if !cfg.NATS.Embedded() {
		if auth, err = natsjs.AuthOptions(cfg.NATS); err != nil {
			t.Fatal(err)
		}
	}
	r.nc, err = nats.Connect(p.conn.URL(), auth...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.nc.Close)
	if r.js, err = jetstream.New(r.nc); err != nil {
		t.Fatal(err)
	}
	return r
}

// stop shuts the processor down gracefully and returns Run's error.
func (r *running) stop(t *testing.T) error {
	t.Helper()
	if r.cancel == nil {
		return nil
	}
	r.cancel()
	r.cancel = nil
	if r.nc != nil {
		r.nc.Close()
	}
	select {
	case err := <-r.done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("processor did not stop within 30s")
		return nil
	}
}

// publish publishes data like "nats pub" does: plain NATS, no message id.
func (r *running) publish(t *testing.T, subject string, data []byte) uint64 {
	t.Helper()
	// A request gets the stream's acknowledgement, so the test knows the
	// sequence; the message itself carries no id, as with nats pub.
	msg, err := r.nc.Request(subject, data, 5*time.Second)
	if err != nil {
		t.Fatalf("publish %s: %v", subject, err)
	}
	var ack struct {
		Seq   uint64 `json:"seq"`
		Error *struct {
			Description string `json:"description"`
		} `json:"error"`
	}
	if err := json.Unmarshal(msg.Data, &ack); err != nil || ack.Error != nil {
		t.Fatalf("publish %s: %s", subject, msg.Data)
	}
	return ack.Seq
}

// waitIdle waits until the consumer has finished every message up to seq.
// The consumer's state is only observable by asking the server, so it is
// polled.
func (r *running) waitIdle(t *testing.T, seq uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cons, err := r.js.Consumer(ctx, "ARTICLES", "newsflow")
	if err != nil {
		t.Fatal(err)
	}
	for {
		ci, err := cons.Info(ctx)
		if err == nil && ci.AckFloor.Stream >= seq && ci.NumAckPending == 0 && ci.NumPending == 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("consumer not idle at seq %d: %+v, %v", seq, ci, err)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// messages returns every message in stream.
func (r *running) messages(t *testing.T, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	ctx := t.Context()
	s, err := r.js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("get %s %d: %v", stream, seq, err)
		}
		out = append(out, m)
	}
	return out
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func seedArticle(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../shared/examples/seed-article.json")
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	return data
}

// wordRE is the word rule of stages/clean, written independently: runs of
// letters, digits and marks, joined by one apostrophe, hyphen, period or
// comma between two such characters.
var wordRE = regexp.MustCompile(`[\pL\pN\pM]+(?:['’.,\-][\pL\pN\pM]+)*`)

func TestSeedArticleYieldsOneEvent(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	seq := r.publish(t, "articles.demo", seedArticle(t))
	r.waitIdle(t, seq)

	events, coded := splitCoded(r.messages(t, "EVENTS"))
	if len(events) != 1 {
		t.Fatalf("EVENTS holds %d article events; want 1", len(events))
	}
	m := events[0]
	if m.Subject != "events.article.en" || m.Header.Get(jetstream.MsgIDHeader) != "seed-witkoff-putin:article" {
		t.Errorf("event on %s with id %q; want events.article.en with seed-witkoff-putin:article", m.Subject, m.Header.Get(jetstream.MsgIDHeader))
	}
	var ev event.ArticleEvent
	if err := json.Unmarshal(m.Data, &ev); err != nil {
		t.Fatal(err)
	}
	var in event.Article
	if err := json.Unmarshal(seedArticle(t), &in); err != nil {
		t.Fatal(err)
	}
	if ev.Schema != event.ArticleSchema || ev.ID != in.ID || ev.Title != in.Title || ev.URL != in.URL || ev.Source != in.Source {
		t.Errorf("event head = {%s %s %q %s %s}; want the input's fields", ev.Schema, ev.ID, ev.Title, ev.URL, ev.Source)
	}
	if got := ev.PublishedAt.Format(time.RFC3339); got != in.PublishedAt {
		t.Errorf("published_at = %s; want %s", got, in.PublishedAt)
	}
	if ev.Language.Code != "en" || ev.Language.Confidence < 0.5 {
		t.Errorf("language = %+v; want en with confidence >= 0.5", ev.Language)
	}
	// The text is the body with its line breaks made paragraph breaks.
	if want := strings.Join(strings.Split(strings.TrimSpace(in.Body), "\n"), "\n\n"); ev.Text != want {
		t.Errorf("text =\n%q\nwant\n%q", ev.Text, want)
	}
	if want := len(wordRE.FindAllString(in.Body, -1)); ev.WordCount != want {
		t.Errorf("word_count = %d; want %d", ev.WordCount, want)
	}
	if ev.Pipeline.Input == nil || ev.Pipeline.Input.Sequence != seq || ev.Pipeline.Input.Subject != "articles.demo" {
		t.Errorf("pipeline.input = %+v; want articles.demo seq %d", ev.Pipeline.Input, seq)
	}
	if len(ev.Pipeline.Timings) == 0 || ev.Pipeline.Timings[0].Stage != "clean" {
		t.Errorf("pipeline.timings = %+v; want clean first", ev.Pipeline.Timings)
	}
	// Each coded event the article lists is published once more on its
	// own, in order, under "<article-id>:event:<n>".
	if len(ev.Events) < 3 || len(coded) != len(ev.Events) {
		t.Fatalf("%d coded events published, %d listed; want the same, at least the seed's 3", len(coded), len(ev.Events))
	}
	for k, m := range coded {
		var ce event.CodedEvent
		if err := json.Unmarshal(m.Data, &ce); err != nil {
			t.Fatal(err)
		}
		wantID := fmt.Sprintf("seed-witkoff-putin:event:%d", k+1)
		wantSubject := "events.coded." + strings.ToLower(ce.Type) + "."
		if m.Header.Get(jetstream.MsgIDHeader) != wantID || ce.ID != wantID || !strings.HasPrefix(m.Subject, wantSubject) || ce.Key != ev.Events[k].Key {
			t.Errorf("coded event %d on %s, id %q/%q, key %s; want %s…, %s, key %s", k, m.Subject, m.Header.Get(jetstream.MsgIDHeader), ce.ID, ce.Key, wantSubject, wantID, ev.Events[k].Key)
		}
	}
	if len(r.messages(t, "DLQ")) != 0 {
		t.Error("DLQ is not empty")
	}
}

func TestSameArticleTwiceYieldsOneEvent(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	r.publish(t, "articles.demo", seedArticle(t))
	seq := r.publish(t, "articles.other", seedArticle(t))
	r.waitIdle(t, seq)
	if n := len(r.messages(t, "ARTICLES")); n != 2 {
		t.Fatalf("ARTICLES holds %d messages; want both copies", n)
	}
	if events, _ := splitCoded(r.messages(t, "EVENTS")); len(events) != 1 {
		t.Errorf("EVENTS holds %d article events; want 1", len(events))
	}
}

// splitCoded separates the coded events of msgs from the article events
// and duplicate notices.
func splitCoded(msgs []*jetstream.RawStreamMsg) (articles, coded []*jetstream.RawStreamMsg) {
	for _, m := range msgs {
		if strings.HasPrefix(m.Subject, natsjs.CodedSubjectPrefix+".") {
			coded = append(coded, m)
		} else {
			articles = append(articles, m)
		}
	}
	return articles, coded
}

func TestBadInputGoesToTheDLQ(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Limits.MaxBytes = 64 << 10
	r := startRunning(t, cfg)
	bad := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"malformed JSON", []byte(`{"body": "unterminated`), pipeline.ReasonMalformedJSON},
		{"no body", []byte(`{"title":"A headline"}`), pipeline.ReasonMissingBody},
		{"wrong field type", []byte(`{"body":"Text.","authors":"Jane Doe"}`), pipeline.ReasonInvalidArticle},
		{"invalid UTF-8", []byte("{\"body\":\"caf\xe9 au lait\"}"), pipeline.ReasonInvalidUTF8},
		{"NUL bytes", []byte("{\"body\":\"a\x00b\"}"), pipeline.ReasonMalformedJSON},
		{"nested arrays", []byte(`{"body":"x","a":` + strings.Repeat("[", 100_000) + `}`), pipeline.ReasonTooLarge},
		{"nested under the size limit", []byte(`{"body":"x","a":` + strings.Repeat("[", 10_000) + `}`), pipeline.ReasonTooDeep},
		{"oversize", []byte(`{"body":"` + strings.Repeat("word ", 20_000) + `"}`), pipeline.ReasonTooLarge},
		{"whitespace body", []byte(`{"body":" \n\t "}`), "empty_text"},
	}
	good := 0
	want := map[uint64]string{} // input seq -> reason
	var last uint64
	for i, b := range bad {
		want[r.publish(t, "articles.bad", b.data)] = b.reason
		last = r.publish(t, "articles.good", []byte(fmt.Sprintf(`{"id":"good-%d","body":"The minister said on Friday that talks would resume."}`, i)))
		good++
	}
	r.waitIdle(t, last)

	if events, _ := splitCoded(r.messages(t, "EVENTS")); len(events) != good {
		t.Errorf("EVENTS holds %d article events; want %d (every good article)", len(events), good)
	}
	dlq := r.messages(t, "DLQ")
	if len(dlq) != len(bad) {
		t.Fatalf("DLQ holds %d messages; want %d", len(dlq), len(bad))
	}
	inputs := map[uint64][]byte{}
	for _, m := range r.messages(t, "ARTICLES") {
		inputs[m.Sequence] = m.Data
	}
	for _, m := range dlq {
		var seq uint64
		fmt.Sscan(m.Header.Get(pipeline.HeaderSeq), &seq)
		reason, ok := want[seq]
		if !ok {
			t.Errorf("dead letter for seq %d (%s) is not of a bad input", seq, m.Subject)
			continue
		}
		if m.Subject != "dlq.articles."+reason {
			t.Errorf("input %d dead-lettered on %s; want dlq.articles.%s (error %q)", seq, m.Subject, reason, m.Header.Get(pipeline.HeaderError))
		}
		if string(m.Data) != string(inputs[seq]) {
			t.Errorf("input %d: dead letter holds %d bytes, not the original %d", seq, len(m.Data), len(inputs[seq]))
		}
		if m.Header.Get(pipeline.HeaderError) == "" || m.Header.Get(pipeline.HeaderStage) == "" || m.Header.Get(pipeline.HeaderSubject) != "articles.bad" {
			t.Errorf("input %d: dead letter headers %v lack the error, stage or subject", seq, m.Header)
		}
	}
}

// flaky fails transiently for the first failures calls on each article.
type flaky struct {
	failures int
	mu       sync.Mutex
	calls    map[string]int
}

func (f *flaky) Name() string { return "flaky" }

func (f *flaky) Process(_ context.Context, d *pipeline.Doc) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[d.ID]++
	if f.calls[d.ID] <= f.failures || strings.HasPrefix(d.ID, "always") {
		return fmt.Errorf("backend unavailable (call %d)", f.calls[d.ID])
	}
	return nil
}

func TestTransientStageFailures(t *testing.T) {
	stage := &flaky{failures: 2, calls: map[string]int{}}
	r := startRunning(t, testConfig(t.TempDir()), stage)
	r.publish(t, "articles.x", []byte(`{"id":"twice","body":"The talks resumed on Monday."}`))
	last := r.publish(t, "articles.x", []byte(`{"id":"always","body":"The talks resumed on Tuesday."}`))
	r.waitIdle(t, last)

	events := r.messages(t, "EVENTS")
	if len(events) != 1 || events[0].Header.Get(jetstream.MsgIDHeader) != "twice:article" {
		t.Errorf("EVENTS = %d messages; want exactly one, for the article that failed twice", len(events))
	}
	dlq := r.messages(t, "DLQ")
	if len(dlq) != 1 || dlq[0].Subject != "dlq.articles.max_deliver" || dlq[0].Header.Get(pipeline.HeaderStage) != "flaky" {
		t.Fatalf("DLQ = %d messages; want one on dlq.articles.max_deliver from stage flaky", len(dlq))
	}
	stage.mu.Lock()
	defer stage.mu.Unlock()
	if stage.calls["twice"] != 3 || stage.calls["always"] != 3 {
		t.Errorf("calls = %v; want 3 each (max_deliver)", stage.calls)
	}
}

func TestShutdownThenRestartYieldsEachEventOnce(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	r := startRunning(t, cfg)
	events, err := r.nc.SubscribeSync("events.>")
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	for i := range n {
		msg := &nats.Msg{Subject: "articles.x", Data: []byte(fmt.Sprintf(`{"id":"a-%d","body":"Story number %d about the ceasefire talks."}`, i, i))}
		if _, err := r.js.PublishMsgAsync(msg); err != nil {
			t.Fatal(err)
		}
	}
	<-r.js.PublishAsyncComplete()
	// Stop mid-stream: once some events are out, not all.
	for range 50 {
		if _, err := events.NextMsg(10 * time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.stop(t); err != nil {
		t.Fatalf("first run: %v", err)
	}

	r = startRunning(t, cfg)
	r.waitIdle(t, n)
	seen := map[string]int{}
	for _, m := range r.messages(t, "EVENTS") {
		seen[m.Header.Get(jetstream.MsgIDHeader)]++
	}
	for i := range n {
		if id := fmt.Sprintf("a-%d:article", i); seen[id] != 1 {
			t.Errorf("event %s published %d times; want once", id, seen[id])
		}
	}
	if len(seen) != n {
		t.Errorf("%d distinct events; want %d", len(seen), n)
	}
}

func TestReadinessFollowsTheConnection(t *testing.T) {
	// An external server, stopped and started again on the same port.
	srvCfg := natsjs.DefaultConfig()
	srvCfg.Listen = "127.0.0.1:0"
	srvCfg.DataDir = t.TempDir()
	srv, err := natsjs.StartServer(srvCfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t.TempDir())
	cfg.NATS.URL = srv.ClientURL()
	r := startRunning(t, cfg)
	readyz := "http://" + r.p.http.Addr() + "/readyz"

	waitStatus(t, readyz, http.StatusOK)
	if code := get(t, "http://"+r.p.http.Addr()+"/livez"); code != http.StatusOK {
		t.Errorf("/livez = %d; want 200", code)
	}
	srv.Shutdown(t.Context())
	waitStatus(t, readyz, http.StatusServiceUnavailable)

	srvCfg.Listen = strings.TrimPrefix(cfg.NATS.URL, "nats://")
	srv, err = natsjs.StartServer(srvCfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(t.Context())
	waitStatus(t, readyz, http.StatusOK)
}

func get(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// waitStatus polls url until it answers code: readiness is only observable
// from outside.
func waitStatus(t *testing.T, url string, code int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := get(t, url)
		if got == code {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s = %d; want %d within 30s", url, got, code)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
