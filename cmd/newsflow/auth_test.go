package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// startAuthServer starts a nats-server with JetStream on a random port,
// with the users or password of opts.
func startAuthServer(t *testing.T, opts *server.Options) *server.Server {
	t.Helper()
	opts.Host, opts.Port, opts.NoSigs, opts.NoLog = "127.0.0.1", server.RANDOM_PORT, true, true
	opts.JetStream, opts.StoreDir = true, t.TempDir()
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	return srv
}

// TestRunRefusedCredentials starts `newsflow run` against a server that
// refuses its password: it exits at once, non-zero, saying why, without
// showing the password.
func TestRunRefusedCredentials(t *testing.T) {
	srv := startAuthServer(t, &server.Options{Username: "newsflow", Password: "right-pw-41"})
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, environ: []string{
		"NEWSFLOW_NATS_AUTH_USER=newsflow", "NEWSFLOW_NATS_AUTH_PASSWORD=wrong-pw-17",
	}}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	code := runMain(ctx, e, []string{"run", "--nats-url", srv.ClientURL(), "--http-addr", ""})
	if code == 0 || ctx.Err() != nil {
		t.Fatalf("run with a refused password exited %d (ctx %v); want a non-zero exit of its own", code, ctx.Err())
	}
	if msg := stderr.String(); !strings.Contains(msg, "uthorization") || strings.Contains(msg, "wrong-pw-17") {
		t.Errorf("run stderr = %q; want the authorization error, without the password", msg)
	}
}

// TestPublishDenied runs newsflow as a user that may not publish to
// events.>: the server drops its events without a word, so no article is
// acknowledged as done; each is retried and, after max_deliver
// deliveries, dead-lettered with the publish error, its bytes kept.
func TestPublishDenied(t *testing.T) {
	srv := startAuthServer(t, &server.Options{Users: []*server.User{
		{Username: "newsflow", Password: "pw-newsflow", Permissions: &server.Permissions{
			Publish: &server.SubjectPermission{Allow: []string{">"}, Deny: []string{"events.>"}},
		}},
		{Username: "admin", Password: "pw-admin"},
	}})
	cfg := testConfig(t.TempDir())
	cfg.NATS.URL = srv.ClientURL()
	cfg.NATS.Auth = natsjs.AuthConfig{User: "newsflow", Password: "pw-newsflow"}
	cfg.Runner.MaxDeliver = 2
	cfg.Runner.PublishTimeout = pipeline.Duration(200 * time.Millisecond)
	cfg.Stages.Dedup.Enabled = false
	r := startRunning(t, cfg)

	// Published as an administrator, who may.
	admin, err := nats.Connect(srv.ClientURL(), nats.UserInfo("admin", "pw-admin"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	body := []byte(`{"id":"denied","body":"The talks resumed on Monday in Geneva."}`)
	msg, err := admin.Request("articles.test", body, 5*time.Second)
	if err != nil || !strings.Contains(string(msg.Data), `"seq"`) {
		t.Fatalf("publish: %v %s", err, msg.Data)
	}
	r.waitIdle(t, 1)

	if events := r.messages(t, "EVENTS"); len(events) != 0 {
		t.Errorf("EVENTS holds %d messages; want none: the events were denied", len(events))
	}
	dlq := r.messages(t, "DLQ")
	if len(dlq) != 1 {
		t.Fatalf("DLQ holds %d messages; want the article", len(dlq))
	}
	if dlq[0].Subject != "dlq.articles."+pipeline.ReasonMaxDeliver || !bytes.Equal(dlq[0].Data, body) ||
		!strings.Contains(dlq[0].Header.Get(pipeline.HeaderError), "publish") {
		t.Errorf("dead letter = %s %q error %q; want max_deliver, the original bytes, a publish error",
			dlq[0].Subject, dlq[0].Data, dlq[0].Header.Get(pipeline.HeaderError))
	}
}
