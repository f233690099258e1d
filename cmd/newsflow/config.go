package main

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"

	"github.com/segmentio/encoding/json"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages/clean"
	"github.com/newsflow/newsflow/stages/dedup"
	"github.com/newsflow/newsflow/stages/extract"
)

// Config is newsflow's whole configuration: a YAML or JSON file, then
// NEWSFLOW_* environment variables, then flags, each overriding the one
// before. Field names are the snake_case keys of the file.
type Config struct {
	NATS     natsjs.Config         `json:"nats"`
	Streams  natsjs.StreamsConfig  `json:"streams"`
	Consumer natsjs.ConsumerConfig `json:"consumer"`
	Runner   pipeline.RunnerConfig `json:"runner"`
	Limits   pipeline.Limits       `json:"limits"`
	HTTP     HTTPConfig            `json:"http"`
	Log      LogConfig             `json:"log"`
	Stages   StagesConfig          `json:"stages"`
	// DedupStore is the KV bucket the dedup stage shares with the other
	// replicas (run only; process keeps its state in memory).
	DedupStore natsjs.KVStoreConfig `json:"dedup_store"`
}

// HTTPConfig configures the HTTP listener for /metrics, /livez and /readyz.
type HTTPConfig struct {
	// Addr is host:port; empty turns the listener off.
	Addr string `json:"addr"`
}

// LogConfig configures logging to stderr.
type LogConfig struct {
	Level  string `json:"level"`
	Format string `json:"format"`
}

// StagesConfig holds each stage's configuration.
type StagesConfig struct {
	Clean   clean.Config   `json:"clean"`
	Extract extract.Config `json:"extract"`
	Dedup   dedup.Config   `json:"dedup"`
}

// defaultConfig returns the configuration used when nothing is set.
func defaultConfig() Config {
	return Config{
		NATS:     natsjs.DefaultConfig(),
		Streams:  natsjs.DefaultStreamsConfig(),
		Consumer: natsjs.DefaultConsumerConfig(),
		Runner:   pipeline.DefaultRunnerConfig(),
		Limits:   pipeline.DefaultLimits(),
		HTTP:     HTTPConfig{Addr: "127.0.0.1:9464"},
		Log:      LogConfig{Level: "info", Format: "text"},
		Stages:   StagesConfig{Clean: clean.DefaultConfig(), Extract: extract.DefaultConfig(), Dedup: dedup.DefaultConfig()},

		DedupStore: natsjs.DefaultKVStoreConfig(),
	}
}

// resolved returns c with the values left to newsflow filled in: workers
// (GOMAXPROCS) and the pull batch (max_in_flight + 2 × workers).
func (c Config) resolved() Config {
	if c.Runner.Workers == 0 {
		c.Runner.Workers = runtime.GOMAXPROCS(0)
	}
	if c.Consumer.PullBatch == 0 {
		c.Consumer.PullBatch = c.Runner.MaxInFlight + 2*c.Runner.Workers
	}
	return c
}

// Validate reports every invalid field, with its dotted path.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	errs.Merge("nats", c.NATS.Validate())
	errs.Merge("streams", c.Streams.Validate())
	errs.Merge("consumer", c.Consumer.Validate())
	errs.Merge("runner", c.Runner.Validate())
	errs.Merge("limits", c.Limits.Validate())
	errs.Merge("stages.clean", c.Stages.Clean.Validate())
	errs.Merge("stages.extract", c.Stages.Extract.Validate())
	errs.Merge("stages.dedup", c.Stages.Dedup.Validate())
	errs.Merge("dedup_store", c.DedupStore.Validate())
	if n := c.DedupStore.MaxEntries; n > 0 && n < int64(c.Stages.Dedup.MaxEntries) {
		errs.Add("dedup_store.max_entries", n, fmt.Sprintf("must be 0 or at least stages.dedup.max_entries (%d), or a restarted replica warms fewer articles than its index holds", c.Stages.Dedup.MaxEntries))
	}
	if c.DedupStore.TTL < c.Stages.Dedup.TTL {
		errs.Add("dedup_store.ttl", c.DedupStore.TTL, fmt.Sprintf("must be at least stages.dedup.ttl (%v), or a restarted replica forgets articles its index still had", c.Stages.Dedup.TTL))
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		errs.Add("log.level", c.Log.Level, "must be debug, info, warn or error")
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		errs.Add("log.format", c.Log.Format, "must be text or json")
	}
	// Cross-field rules: these hold the delivery guarantees together.
	if r := c.resolved(); r.Consumer.PullBatch > c.Consumer.MaxAckPending && c.Consumer.PullBatch == 0 {
		errs.Add("consumer.max_ack_pending", c.Consumer.MaxAckPending, fmt.Sprintf("must be at least the pull batch, max_in_flight + 2 × workers = %d, or pulls stall", r.Consumer.PullBatch))
	}
	ackWait := c.Consumer.AckWait
	if c.Runner.ProgressInterval > 0 && c.Runner.ProgressInterval*2 > ackWait {
		errs.Add("runner.progress_interval", c.Runner.ProgressInterval, fmt.Sprintf("must be at most half of consumer.ack_wait (%v), or slow articles are redelivered while in progress", ackWait))
	}
	if c.Runner.ProgressInterval == 0 && c.Runner.StageTimeout >= ackWait {
		errs.Add("runner.stage_timeout", c.Runner.StageTimeout, fmt.Sprintf("must be under consumer.ack_wait (%v) when progress reports are off", ackWait))
	}
	need := pipeline.Duration(c.Runner.MaxDeliver) * (ackWait + c.Runner.MaxRetryDelay)
	if c.Streams.Events.DuplicateWindow < need {
		errs.Add("streams.events.duplicate_window", c.Streams.Events.DuplicateWindow, fmt.Sprintf("must be at least max_deliver × (ack_wait + max_retry_delay) = %v, or a redelivered article can be published twice", need))
	}
	if c.Limits.MaxBytes > c.NATS.MaxPayload && c.NATS.Embedded() {
		errs.Add("limits.max_bytes", c.Limits.MaxBytes, fmt.Sprintf("must not exceed nats.max_payload (%d)", c.NATS.MaxPayload))
	}
	return errs.Err()
}

// loadFile reads a YAML or JSON config file over cfg. Unknown fields are
// errors, every one reported with its path.
func loadFile(path string, cfg *Config) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	return decodeConfig(raw, cfg)
}

func decodeConfig(raw []byte, cfg *Config) error {
	// YAML is a superset of JSON: one path reads both.
	data, err := yaml.YAMLToJSON(raw)
	if err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	if generic == nil {
		return nil // an empty file sets nothing
	}
	var errs pipeline.FieldErrors
	unknownFields(generic, reflect.TypeOf(*cfg), "", &errs)
	if len(errs) > 0 {
		return errs
	}
	if _, err := json.Parse(data, cfg, json.DisallowUnknownFields|json.DontMatchCaseInsensitiveStructFields); err != nil {
		return fmt.Errorf("parse config: %w", typeErrorPath(err))
	}
	return nil
}

// unknownFields reports every key of v that names no field of t.
func unknownFields(v any, t reflect.Type, path string, errs *pipeline.FieldErrors) {
	obj, ok := v.(map[string]any)
	if !ok || t.Kind() != reflect.Struct {
		return
	}
	fields := jsonFields(t)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := join(path, k)
		f, ok := fields[k]
		if !ok {
			errs.Add(p, obj[k], "unknown field")
			continue
		}
		unknownFields(obj[k], f.Type, p, errs)
	}
}

// jsonFields maps the JSON names of t's fields to the fields.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := make(map[string]reflect.StructField, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fields[name] = f
	}
	return fields
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// typeErrorPath turns a decoder type error into a FieldError.
func typeErrorPath(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return pipeline.FieldError{Field: te.Field, Value: te.Value, Reason: "want " + te.Type.String()}
	}
	return err
}
