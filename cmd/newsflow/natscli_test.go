package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/micro"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

// natsCLI returns the path of the official nats CLI (v0.5.0), which .ci/run
// installs with `go install github.com/nats-io/natscli/nats@v0.5.0`: the
// tests of the interfaces newsflow offers nats CLI users run it for real.
func natsCLI(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nats"); err == nil {
		return p
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "bin", "nats")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("the nats CLI is not installed: go install github.com/nats-io/natscli/nats@v0.5.0 (it goes to $(go env GOPATH)/bin)")
	return ""
}

// runNATS runs the nats CLI against url, with a home of its own so that no
// context of the machine's applies, and returns its stdout.
func runNATS(t *testing.T, url string, args ...string) string {
	t.Helper()
	stdout, _ := runNATSOutput(t, url, args...)
	return stdout
}

// runNATSOutput is runNATS, returning stderr too: the nats CLI prints
// headers and notes there.
func runNATSOutput(t *testing.T, url string, args ...string) (string, string) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.CommandContext(t.Context(), natsCLI(t), append([]string{"--server", url, "--timeout", "30s"}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "NATS_CONTEXT=", "NATS_URL=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("nats %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

// awaitService waits until the service answers requests: it answers 503
// at once until the stages are ready.
func awaitService(t *testing.T, r *running) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		msg, err := r.nc.Request("newsflow.process", []byte(`{"id":"probe","body":"probe"}`), 30*time.Second)
		if err != nil {
			t.Fatalf("service request: %v", err)
		}
		if msg.Header.Get(micro.ErrorCodeHeader) != "503" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("service still unavailable: %s", msg.Header.Get(micro.ErrorHeader))
		}
	}
}

// TestNATSCLIService drives newsflow's service with the nats CLI: it is
// listed and described, answers the seed article with its event and a bad
// one with the reason its dead letter would have, and counts the requests.
func TestNATSCLIService(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	url := r.p.conn.URL()
	awaitService(t, r)

	if out := runNATS(t, url, "micro", "ls"); !strings.Contains(out, "newsflow") {
		t.Errorf("nats micro ls = %q; want newsflow listed", out)
	}
	info := runNATS(t, url, "micro", "info", "newsflow")
	for _, want := range []string{"newsflow.process", "Version", build().Version} {
		if !strings.Contains(info, want) && !strings.Contains(info, strings.TrimPrefix(want, "v")) {
			t.Errorf("nats micro info newsflow lacks %q:\n%s", want, info)
		}
	}

	out := runNATS(t, url, "req", "--raw", "newsflow.process", string(seedArticle(t)))
	var ev event.ArticleEvent
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("nats req newsflow.process seed = %q: %v", out, err)
	}
	if ev.ID != "seed-witkoff-putin" || ev.Schema != event.ArticleSchema || len(ev.Events) == 0 || len(ev.Entities) == 0 {
		t.Errorf("nats req newsflow.process seed = id %q schema %q, %d entities, %d events; want the seed's article event with entities and events",
			ev.ID, ev.Schema, len(ev.Entities), len(ev.Events))
	}
	stdout, stderr := runNATSOutput(t, url, "req", "newsflow.process", `{"title":"no body"}`)
	bad := stdout + stderr
	for _, want := range []string{"Nats-Service-Error-Code: 400", "Newsflow-Reason: missing_body"} {
		if !strings.Contains(bad, want) {
			t.Errorf("nats req newsflow.process (no body) = %q; want %q", bad, want)
		}
	}
	if n := len(r.messages(t, "EVENTS")) + len(r.messages(t, "DLQ")); n != 0 {
		t.Errorf("EVENTS and DLQ hold %d messages after requests; want none", n)
	}

	var stats []micro.Stats // one per instance
	if err := json.Unmarshal([]byte(runNATS(t, url, "micro", "stats", "newsflow", "--json")), &stats); err != nil {
		t.Fatalf("nats micro stats newsflow --json: %v", err)
	}
	var requests, errs int
	for _, st := range stats {
		for _, e := range st.Endpoints {
			requests += e.NumRequests
			errs += e.NumErrors
		}
	}
	if requests < 3 || errs < 1 {
		t.Errorf("nats micro stats newsflow: %d requests, %d errors; want the probe, the seed and the bad article, one an error", requests, errs)
	}
}

// TestNATSCLIDeadLetterThenTail is the tour's dead letter: published with
// nats pub, then shown by tail a moment later, which replays the stream,
// its flags after the subject as the nats CLI takes them.
func TestNATSCLIDeadLetterThenTail(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	url := r.p.conn.URL()
	runNATS(t, url, "pub", "articles.demo", `{"title":"no body"}`)
	articles := r.messages(t, "ARTICLES")
	if len(articles) != 1 {
		t.Fatalf("ARTICLES holds %d messages after nats pub; want 1", len(articles))
	}
	r.waitIdle(t, articles[0].Sequence)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	if code := runMain(t.Context(), e, []string{"tail", "dlq.>", "--nats-url", url, "--last", "1", "--no-follow"}); code != 0 {
		t.Fatalf("tail 'dlq.>' --last 1 --no-follow = exit %d: %s", code, stderr.String())
	}
	if out := stdout.String(); strings.Count(out, "\n") != 1 || !strings.Contains(out, "dlq.articles.missing_body from=articles.demo") {
		t.Errorf("tail 'dlq.>' --last 1 --no-follow = %q; want one line, the dead letter from articles.demo", out)
	}
}
