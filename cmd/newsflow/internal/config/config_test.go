package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/segmentio/encoding/json"
	"sigs.k8s.io/yaml"
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
	cfg.Stages.Dedup.MaxEntries = 2000
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

// TestDeployREADMEListsEveryField checks the configuration reference in
// deploy/README.md: its YAML block names every field of the configuration,
// no other, each with its default value.
func TestDeployREADMEListsEveryField(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "deploy", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Configuration\n")
	_, block, ok2 := strings.Cut(section, "```yaml\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("deploy/README.md has no yaml block under ## Configuration")
	}
	var listed Config
	if err := Decode([]byte(block), &listed); err != nil {
		t.Fatalf("the listed configuration does not decode: %v", err)
	}
	// Workers default to GOMAXPROCS, which the listing writes as 0.
	if got, want := listed.Resolved(), Default().Resolved(); !reflect.DeepEqual(got, want) {
		t.Errorf("the listed configuration's values differ from the defaults:\n got %+v\nwant %+v", got, want)
	}
	var generic map[string]any
	data, err := yaml.YAMLToJSON([]byte(block))
	if err == nil {
		err = json.Unmarshal(data, &generic)
	}
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]bool)
	leafPaths(generic, "", got)
	fields := make(map[string]envField)
	def := Default()
	collectEnvFields(reflect.ValueOf(&def).Elem(), "", fields)
	for _, f := range fields {
		if !got[f.path] {
			t.Errorf("field %s is not listed in deploy/README.md", f.path)
		}
		delete(got, f.path)
	}
	for p := range got {
		t.Errorf("deploy/README.md lists %s, which is no field", p)
	}
}

// leafPaths adds the dotted path of every leaf of v under path to out.
func leafPaths(v any, path string, out map[string]bool) {
	m, ok := v.(map[string]any)
	if !ok {
		out[path] = true
		return
	}
	for k, child := range m {
		leafPaths(child, join(path, k), out)
	}
}
