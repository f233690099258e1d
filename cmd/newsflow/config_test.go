package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := defaultConfig().Validate(); err != nil {
		t.Fatalf("defaultConfig().Validate() = %v; want nil", err)
	}
}

func TestDecodeConfig(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		wantFields []string // fields reported as problems; nil for success
		check      func(Config) bool
	}{
		{"yaml", "runner:\n  workers: 3\n  retry_delay: 2s\nnats:\n  url: nats://a:4222\n", nil,
			func(c Config) bool {
				return c.Runner.Workers == 3 && c.Runner.RetryDelay == pipeline.Duration(2*time.Second) && c.NATS.URL == "nats://a:4222"
			}},
		{"json", `{"http":{"addr":""},"streams":{"events":{"subjects":["ev.>"]}}}`, nil,
			func(c Config) bool {
				return c.HTTP.Addr == "" && c.Streams.Events.Subjects[0] == "ev.>" && c.Streams.Events.Name == "EVENTS"
			}},
		{"empty", "", nil, func(c Config) bool { return c.Runner.Workers == defaultConfig().Runner.Workers }},
		{"unknown fields, all reported", "runner:\n  wokers: 3\n  max_in_flight: 4\nnats:\n  urll: x\ncolour: red\n",
			[]string{"colour", "nats.urll", "runner.wokers"}, nil},
		{"case-variant key is unknown", "Runner:\n  workers: 3\n", []string{"Runner"}, nil},
		{"wrong type", "runner:\n  workers: many\n", []string{"runner.workers"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			err := decodeConfig([]byte(tt.in), &cfg)
			var fes pipeline.FieldErrors
			fes.Merge("", err)
			var got []string
			for _, f := range fes {
				got = append(got, f.Field)
			}
			if strings.Join(got, ",") != strings.Join(tt.wantFields, ",") {
				t.Errorf("decodeConfig(%q) problems = %v (%v); want %v", tt.in, got, err, tt.wantFields)
			}
			if tt.check != nil && err == nil && !tt.check(cfg) {
				t.Errorf("decodeConfig(%q) = %+v; not what the file says", tt.in, cfg)
			}
		})
	}
}

func TestValidateReportsEachProblem(t *testing.T) {
	cfg := defaultConfig()
	cfg.Runner.Workers = -1
	cfg.Runner.DLQPrefix = "dlq.>"
	cfg.Log.Level = "loud"
	cfg.Streams.Events.DuplicateWindow = pipeline.Duration(time.Minute)
	cfg.DedupStore.MaxEntries = 1000 // fewer than the index holds
	var fes pipeline.FieldErrors
	fes.Merge("", cfg.Validate())
	want := map[string]bool{"runner.workers": true, "runner.dlq_prefix": true, "log.level": true,
		"streams.events.duplicate_window": true, "dedup_store.max_entries": true}
	for _, f := range fes {
		if !want[f.Field] {
			t.Errorf("unexpected problem %v", f)
		}
		delete(want, f.Field)
	}
	for f := range want {
		t.Errorf("problem with %s not reported", f)
	}
}

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

func TestApplyEnvRejectsUnknownVariables(t *testing.T) {
	cfg := defaultConfig()
	err := applyEnv(&cfg, []string{"NEWSFLOW_RUNNER_WORKRS=3", "NEWSFLOW_CONFIG=x.yaml"})
	if err == nil || !strings.Contains(err.Error(), "NEWSFLOW_RUNNER_WORKERS") {
		t.Errorf("applyEnv(NEWSFLOW_RUNNER_WORKRS) = %v; want an error suggesting NEWSFLOW_RUNNER_WORKERS", err)
	}
	if err := applyEnv(&cfg, []string{"NEWSFLOW_RUNNER_WORKERS=lots"}); err == nil {
		t.Error("applyEnv(NEWSFLOW_RUNNER_WORKERS=lots) = nil; want an error")
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
		wantCode int
		wantOut  []string
	}{
		{[]string{"validate", "--config", good}, 0, []string{"configuration is valid"}},
		{[]string{"validate", "--config", bad}, 1, []string{"runner.workers: -1: must be between 0 (GOMAXPROCS) and 4096", "runner.retry_delay: 0s", "log.format: xml"}},
		{[]string{"validate"}, 2, nil},
		{[]string{"validate", "--config", filepath.Join(dir, "missing.yaml")}, 1, nil},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		if code := runMain(context.Background(), e, tt.args); code != tt.wantCode {
			t.Errorf("newsflow %v exit = %d; want %d (stderr %q)", tt.args, code, tt.wantCode, stderr.String())
		}
		for _, w := range tt.wantOut {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("newsflow %v output %q lacks %q", tt.args, stdout.String(), w)
			}
		}
	}
}

func TestExampleConfigIsValid(t *testing.T) {
	path := filepath.Join("..", "..", "deploy", "systemd", "newsflow.yaml")
	cfg := defaultConfig()
	if err := loadFile(path, &cfg); err != nil {
		t.Fatalf("loadFile(%s) = %v", path, err)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}
