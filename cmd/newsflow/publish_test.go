package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

func TestPublishThenTail(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	url := r.p.conn.URL()

	// tail first, and wait until the server has its interest.
	var tailOut, tailErr bytes.Buffer
	tailDone := make(chan int, 1)
	go func() {
		e := &env{stdin: strings.NewReader(""), stdout: &tailOut, stderr: &tailErr}
		tailDone <- runMain(t.Context(), e, []string{"tail", "--nats-url", url, "--count", "2", "--json", "events.article.>"})
	}()
	// The EVENTS stream's own interest in events.> hides the tail's from an
	// account-level check: look for the tail's connection and its
	// subscription instead. The server only shows its state when asked.
	deadline := time.Now().Add(10 * time.Second)
	for !tailSubscribed(t, r) {
		if time.Now().After(deadline) {
			t.Fatalf("tail did not subscribe: %s", tailErr.String())
		}
		time.Sleep(time.Millisecond)
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "seed.json"), seedArticle(t), 0o600)
	os.WriteFile(filepath.Join(dir, "more.jsonl"), []byte(`{"id":"m1","body":"The talks resumed on Monday."}`+"\n"+`{"body":`+"\n"), 0o600)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	code := runMain(t.Context(), e, []string{"publish", "--nats-url", url, "--source", "Test Wire", dir})
	if code != 1 {
		t.Errorf("publish exit = %d; want 1 (one line is not an article)", code)
	}
	for _, want := range []string{"more.jsonl:2: malformed_json", "published 2 articles (0 already in the stream)", "1 failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("publish stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	// Publishing again is deduplicated by the articles stream.
	stderr.Reset()
	runMain(t.Context(), e, []string{"publish", "--nats-url", url, filepath.Join(dir, "seed.json")})
	if !strings.Contains(stderr.String(), "published 1 articles (1 already in the stream)") {
		t.Errorf("second publish stderr = %q; want the copy reported as already in the stream", stderr.String())
	}

	// The pipeline first: its outcome is in the streams.
	articles := r.messages(t, "ARTICLES")
	r.waitIdle(t, articles[len(articles)-1].Sequence)
	events, _ := splitCoded(r.messages(t, "EVENTS"))
	if dlq := r.messages(t, "DLQ"); len(events) != 2 || len(dlq) != 0 {
		t.Fatalf("EVENTS holds %d article events and DLQ %d; want 2 and 0", len(events), len(dlq))
	}
	select {
	case code := <-tailDone:
		if code != 0 {
			t.Fatalf("tail exit = %d: %s", code, tailErr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("tail did not print the 2 events in the stream; it printed:\n%s%s", tailOut.String(), tailErr.String())
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(tailOut.String()), "\n") {
		var ev event.ArticleEvent
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("tail line %q: %v", line, err)
		}
		ids[ev.ID] = true
	}
	if !ids["seed-witkoff-putin"] || !ids["m1"] {
		t.Errorf("tail printed %v; want the seed article and m1", ids)
	}
	// Articles without a source go to articles.<--source>; the seed names its own.
	subjects := map[string]bool{}
	for _, m := range r.messages(t, "ARTICLES") {
		subjects[m.Subject] = true
		if m.Header.Get(jetstream.MsgIDHeader) == "" {
			t.Errorf("article on %s published without a message id", m.Subject)
		}
	}
	if !subjects["articles.worldnews"] || !subjects["articles.test-wire"] {
		t.Errorf("articles published on %v; want articles.worldnews and articles.test-wire", subjects)
	}
}

// tailSubscribed reports whether a "newsflow tail" client has its
// subscription on r's server.
func tailSubscribed(t *testing.T, r *running) bool {
	t.Helper()
	conns, err := r.p.conn.Server().Internal().Connz(&server.ConnzOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range conns.Conns {
		if c.Name == "newsflow tail" && c.NumSubs > 0 {
			return true
		}
	}
	return false
}
