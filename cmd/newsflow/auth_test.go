package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// TestRunRefusedCredentials starts `newsflow run` against a server that
// refuses its password: it exits at once, non-zero, saying why, without
// showing the password.
func TestRunRefusedCredentials(t *testing.T) {
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, NoSigs: true, NoLog: true,
		JetStream: true, StoreDir: t.TempDir(), Username: "newsflow", Password: "right-pw-41"})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, environ: []string{
		"NEWSFLOW_NATS_AUTH_USER=newsflow", "NEWSFLOW_NATS_AUTH_PASSWORD=wrong-pw-17",
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := runMain(ctx, e, []string{"run", "--nats-url", srv.ClientURL(), "--http-addr", ""})
	if code == 0 || ctx.Err() != nil {
		t.Fatalf("run with a refused password exited %d (ctx %v); want a non-zero exit of its own", code, ctx.Err())
	}
	if msg := stderr.String(); !strings.Contains(msg, "uthorization") || strings.Contains(msg, "wrong-pw-17") {
		t.Errorf("run stderr = %q; want the authorization error, without the password", msg)
	}
}
