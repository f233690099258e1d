package bench

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// startExternal starts a NATS server with JetStream in this process, on a
// random port, as the external server of a bench; its process is this
// one, so that its CPU time is read as another machine-local server's
// would be.
func startExternal(t *testing.T) (url string, js jetstream.JetStream) {
	t.Helper()
	cfg := natsjs.DefaultConfig()
	cfg.Listen, cfg.DataDir = "127.0.0.1:0", t.TempDir()
	srv, err := natsjs.StartServer(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	if js, err = jetstream.New(nc); err != nil {
		t.Fatal(err)
	}
	return srv.ClientURL(), js
}

// TestRunExternal runs a small bench on an external server: it reports
// the server's CPU apart, and leaves no stream behind.
func TestRunExternal(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the server's CPU time is read from /proc")
	}
	url, js := startExternal(t)
	o := testOptions(t, t.TempDir())
	o.NATSURL, o.Articles, o.LatencyArticles, o.LatencyLoad = url, 200, 50, 0.5
	r, err := Run(t.Context(), o)
	if err != nil {
		t.Fatalf("Run on %s: %v", url, err)
	}
	if !strings.HasPrefix(r.Server, "external nats://127.0.0.1:") {
		t.Errorf("Run on %s: server %q; want external and its address", url, r.Server)
	}
	for name, p := range map[string]PhaseReport{"relay": r.Relay, "pipeline": r.Pipeline} {
		if p.ArticlesPerSec <= 0 || p.ServerCPUMicrosPerArticle == nil || *p.ServerCPUMicrosPerArticle < 0 {
			t.Errorf("Run on %s: %s %+v; want throughput and the server's CPU", url, name, p)
		}
	}
	var text strings.Builder
	r.Print(&text)
	if !strings.Contains(text.String(), "server CPU µs") {
		t.Errorf("Report.Print wrote no server CPU column:\n%s", text.String())
	}
	names := js.StreamNames(t.Context())
	var left []string
	for name := range names.Name() {
		left = append(left, name)
	}
	if len(left) != 0 {
		t.Errorf("streams after Run on %s = %v; want none", url, left)
	}
}

// TestRunExternalRefusesStreams checks that a bench does not run on a
// server that has a stream of the names it would use, whose messages it
// would mix with its own and then delete.
func TestRunExternalRefusesStreams(t *testing.T) {
	url, js := startExternal(t)
	o := testOptions(t, t.TempDir())
	o.NATSURL, o.Articles = url, 10
	name := o.Config.Streams.Events.Name
	if _, err := js.CreateStream(t.Context(), jetstream.StreamConfig{Name: name, Subjects: o.Config.Streams.Events.Subjects}); err != nil {
		t.Fatal(err)
	}
	_, err := Run(t.Context(), o)
	if err == nil || !strings.Contains(err.Error(), "has a stream "+name) {
		t.Fatalf("Run on a server with stream %s: %v; want an error naming it", name, err)
	}
	if _, err := js.Stream(t.Context(), name); err != nil {
		t.Errorf("stream %s after the refused Run: %v; want it kept", name, err)
	}
}

// TestSoakExternal runs a short soak on an external server: it processes
// articles there, and leaves no stream behind.
func TestSoakExternal(t *testing.T) {
	url, js := startExternal(t)
	o := testOptions(t, t.TempDir())
	o.NATSURL, o.Duration, o.Interval = url, 2*time.Second, time.Second
	r, err := Soak(t.Context(), o, nil)
	if err != nil {
		t.Fatalf("Soak on %s: %v", url, err)
	}
	if !strings.HasPrefix(r.Server, "external ") || len(r.Rows) == 0 || r.Summary.Articles == 0 {
		t.Errorf("Soak on %s: server %q, %d rows, %d articles; want external, rows and articles", url, r.Server, len(r.Rows), r.Summary.Articles)
	}
	for name := range js.StreamNames(t.Context()).Name() {
		t.Errorf("stream %s left after Soak on %s", name, url)
	}
}
