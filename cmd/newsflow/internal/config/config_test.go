package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v; want nil", err)
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
		{"empty", "", nil, func(c Config) bool { return c.Runner.Workers == Default().Runner.Workers }},
		{"unknown fields, all reported", "runner:\n  wokers: 3\n  max_in_flight: 4\nnats:\n  urll: x\ncolour: red\n",
			[]string{"colour", "nats.urll", "runner.wokers"}, nil},
		{"case-variant key is unknown", "Runner:\n  workers: 3\n", []string{"Runner"}, nil},
		{"wrong type", "runner:\n  workers: many\n", []string{"runner.workers"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			err := Decode([]byte(tt.in), &cfg)
			var fes pipeline.FieldErrors
			fes.Merge("", err)
			var got []string
			for _, f := range fes {
				got = append(got, f.Field)
			}
			if strings.Join(got, ",") != strings.Join(tt.wantFields, ",") {
				t.Errorf("Decode(%q) problems = %v (%v); want %v", tt.in, got, err, tt.wantFields)
			}
			if tt.check != nil && err == nil && !tt.check(cfg) {
				t.Errorf("Decode(%q) = %+v; not what the file says", tt.in, cfg)
			}
		})
	}
}

func TestValidateReportsEachProblem(t *testing.T) {
	cfg := Default()
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

func TestApplyEnvRejectsUnknownVariables(t *testing.T) {
	cfg := Default()
	err := ApplyEnv(&cfg, []string{"NEWSFLOW_RUNNER_WORKRS=3", "NEWSFLOW_CONFIG=x.yaml"})
	if err == nil || !strings.Contains(err.Error(), "NEWSFLOW_RUNNER_WORKERS") {
		t.Errorf("ApplyEnv(NEWSFLOW_RUNNER_WORKRS) = %v; want an error suggesting NEWSFLOW_RUNNER_WORKERS", err)
	}
	if err := ApplyEnv(&cfg, []string{"NEWSFLOW_RUNNER_WORKERS=lots"}); err == nil {
		t.Error("ApplyEnv(NEWSFLOW_RUNNER_WORKERS=lots) = nil; want an error")
	}
}

func TestExampleConfigIsValid(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "deploy", "systemd", "newsflow.yaml")
	cfg := Default()
	if err := LoadFile(path, &cfg); err != nil {
		t.Fatalf("LoadFile(%s) = %v", path, err)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}
