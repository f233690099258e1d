package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
)

func TestPrecedenceFileEnvFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newsflow.yaml")
	if err := os.WriteFile(path, []byte("runner:\n  workers: 3\n  max_in_flight: 100\nhttp:\n  addr: 127.0.0.1:1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	environ := []string{"NEWSFLOW_RUNNER_WORKERS=5", "NEWSFLOW_HTTP_ADDR=127.0.0.1:2", "NEWSFLOW_STREAMS_EVENTS_SUBJECTS=a.>,b.>", "HOME=/root"}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var cf configFlags
	cf.register(fs, true)
	if err := fs.Parse([]string{"--config", path, "--workers", "7"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := cf.load(fs, environ)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Runner.Workers != 7 {
		t.Errorf("workers = %d; want 7 (flag over env over file)", cfg.Runner.Workers)
	}
	if cfg.Runner.MaxInFlight != 100 {
		t.Errorf("max_in_flight = %d; want 100 (file)", cfg.Runner.MaxInFlight)
	}
	if cfg.HTTP.Addr != "127.0.0.1:2" {
		t.Errorf("http.addr = %q; want 127.0.0.1:2 (env over file; flag not set)", cfg.HTTP.Addr)
	}
	if got := strings.Join(cfg.Streams.Events.Subjects, " "); got != "a.> b.>" {
		t.Errorf("streams.events.subjects = %q; want \"a.> b.>\" (comma-separated env)", got)
	}
}

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("runner:\n  workers: 2\n"), 0o600)
	os.WriteFile(bad, []byte("runner:\n  workers: -1\n  retry_delay: 0s\nlog:\n  format: xml\n"), 0o600)
	tests := []struct {
		args     []string
		environ  []string
		wantCode int
		wantOut  []string
	}{
		{[]string{"validate", "--config", good}, nil, 0, []string{"configuration is valid"}},
		{[]string{"validate", "--config", bad}, nil, 1, []string{"runner.workers: -1: must be between 0 (GOMAXPROCS) and 4096", "runner.retry_delay: 0s", "log.format: xml"}},
		{[]string{"validate"}, nil, 0, []string{"configuration is valid"}},
		{[]string{"validate"}, []string{"NEWSFLOW_RUNNER_WORKERS=-1"}, 1, []string{"runner.workers: -1"}},
		{[]string{"validate", "--workers", "-2"}, nil, 1, []string{"runner.workers: -2"}},
		{[]string{"validate", "--print", "--workers", "3"}, []string{"NEWSFLOW_SERVICE_SUBJECT_PREFIX=cms", "NATS_URL=nats://app:pw-9@nats:4222"},
			0, []string{"  workers: 3\n", "  subject_prefix: cms\n", "  url: nats://REDACTED@nats:4222\n"}},
		{[]string{"validate", "--config", filepath.Join(dir, "missing.yaml")}, nil, 1, nil},
		{[]string{"validate", "extra"}, nil, 2, nil},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, environ: tt.environ}
		if code := runMain(t.Context(), e, tt.args); code != tt.wantCode {
			t.Errorf("newsflow %v with %q exit = %d; want %d (stderr %q)", tt.args, tt.environ, code, tt.wantCode, stderr.String())
		}
		if strings.Contains(stdout.String(), "pw-9") {
			t.Errorf("newsflow %v shows the password:\n%s", tt.args, stdout.String())
		}
		for _, w := range tt.wantOut {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("newsflow %v output %q lacks %q", tt.args, stdout.String(), w)
			}
		}
	}
}

// TestRunHelpListsEnvironment checks that run --help names every
// NEWSFLOW_* variable and the nats CLI's.
func TestRunHelpListsEnvironment(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	if code := runMain(t.Context(), e, []string{"run", "--help"}); code != 0 {
		t.Fatalf("run --help exit = %d", code)
	}
	wants := []string{"NEWSFLOW_CONFIG", "NATS_URL", "NATS_CONTEXT", "GOMEMLIMIT"}
	for _, v := range config.EnvVars() {
		wants = append(wants, v.Name+" ")
	}
	for _, w := range wants {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("run --help lacks %q", w)
		}
	}
}
