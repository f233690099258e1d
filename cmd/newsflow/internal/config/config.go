// Package config is newsflow's configuration as one file holds it: every
// part's Config under its key, read from YAML or JSON, then from NEWSFLOW_*
// environment variables, and validated as a whole. Flags, the last word,
// are the commands' business. It also builds what the configuration
// describes and more than one command needs: the stages, and the article
// handler around them.
package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/segmentio/encoding/json"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
	"github.com/newsflow/newsflow/stages/dedup"
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
	Service  natsjs.ServiceConfig  `json:"service"`
	Log      LogConfig             `json:"log"`
	Stages   stages.Config         `json:"stages"`
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

// Default returns the configuration used when nothing is set.
func Default() Config {
	p := natsjs.DefaultProcessorConfig()
	return Config{
		NATS:       natsjs.DefaultConfig(),
		Streams:    p.Streams,
		Consumer:   p.Consumer,
		Runner:     p.Runner,
		Limits:     p.Limits,
		HTTP:       HTTPConfig{Addr: "127.0.0.1:9464"},
		Service:    natsjs.DefaultServiceConfig(),
		Log:        LogConfig{Level: "info", Format: "text"},
		Stages:     stages.DefaultConfig(),
		DedupStore: natsjs.DefaultKVStoreConfig(),
	}
}

// Processor returns the part of c a natsjs.Processor takes.
func (c Config) Processor() natsjs.ProcessorConfig {
	return natsjs.ProcessorConfig{Streams: c.Streams, Consumer: c.Consumer, Runner: c.Runner, Limits: c.Limits}
}

// Resolved returns c with the values left to newsflow filled in: workers
// (GOMAXPROCS), the pull batch (max_in_flight + 2 × workers), and the
// dedup index's capacity from the memory limit (see MemoryLimit).
func (c Config) Resolved() Config { return c.resolvedFor(MemoryLimit()) }

// resolvedFor is Resolved under a memory limit of limit bytes (0: none).
func (c Config) resolvedFor(limit int64) Config {
	p := c.Processor().Resolved()
	c.Runner, c.Consumer = p.Runner, p.Consumer
	if c.Stages.Dedup.MaxEntries == 0 {
		n := c.DedupEntriesFor(limit)
		if n == 0 {
			n = dedup.DefaultMaxEntries // no limit to size it by
		}
		if b := c.DedupStore.MaxEntries; b > 0 && int64(n) > b {
			// A restarted replica warms its index from the bucket: an
			// index larger than the bucket would not fill.
			n = int(b)
		}
		c.Stages.Dedup.MaxEntries = n
	}
	return c
}

// Validate reports every invalid field, with its dotted path.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	errs.Merge("nats", c.NATS.Validate())
	errs.Merge("", c.Processor().Validate())
	errs.Merge("stages", c.Stages.Validate())
	errs.Merge("service", c.Service.Validate())
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
	if c.Limits.MaxBytes > c.NATS.MaxPayload && c.NATS.Embedded() {
		errs.Add("limits.max_bytes", c.Limits.MaxBytes, fmt.Sprintf("must not exceed nats.max_payload (%d)", c.NATS.MaxPayload))
	}
	return errs.Err()
}

// LoadFile reads a YAML or JSON config file over cfg. Unknown fields are
// errors, every one reported with its path.
func LoadFile(path string, cfg *Config) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	return Decode(raw, cfg)
}

// Decode reads YAML or JSON over cfg, as LoadFile does.
func Decode(raw []byte, cfg *Config) error {
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
