package pipeline

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Duration is a time.Duration that reads and writes as a Go duration string
// ("30s", "1m30s") in JSON and YAML configuration.
type Duration time.Duration

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("invalid duration %q: want a number with a unit, such as 30s or 5m", b)
	}
	*d = Duration(v)
	return nil
}

// FieldError is one problem with one configuration field.
type FieldError struct {
	// Field is the dotted path of the field, as written in the config file.
	Field  string
	Value  any
	Reason string
}

// Error returns "field = value: reason".
func (e FieldError) Error() string {
	return fmt.Sprintf("%s = %v: %s", e.Field, e.Value, e.Reason)
}

// FieldErrors collects every problem found by a Validate method, so that a
// user sees them all at once.
type FieldErrors []FieldError

// Add records a problem with field.
func (e *FieldErrors) Add(field string, value any, reason string) {
	*e = append(*e, FieldError{Field: field, Value: value, Reason: reason})
}

// Merge adds the problems of err, a FieldErrors or FieldError returned by a
// nested Validate, with their fields under prefix.
func (e *FieldErrors) Merge(prefix string, err error) {
	var fes FieldErrors
	var fe FieldError
	switch {
	case err == nil:
		return
	case errors.As(err, &fes):
	case errors.As(err, &fe):
		fes = FieldErrors{fe}
	default:
		e.Add(prefix, "", err.Error())
		return
	}
	for _, f := range fes {
		if prefix != "" {
			f.Field = prefix + "." + f.Field
		}
		*e = append(*e, f)
	}
}

// Err returns e as an error, or nil when it holds no problem.
func (e FieldErrors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Error lists every problem on one line.
func (e FieldErrors) Error() string {
	msgs := make([]string, len(e))
	for i, f := range e {
		msgs[i] = f.Error()
	}
	return "invalid configuration: " + strings.Join(msgs, "; ")
}

// RunnerConfig configures a Runner.
type RunnerConfig struct {
	// Workers is the number of goroutines running handlers: CPU work.
	// Zero means GOMAXPROCS, read when the Runner is made.
	Workers int `json:"workers"`
	// MaxInFlight bounds the messages being published and acknowledged at
	// once; each waits for its server confirmations without holding a
	// worker.
	MaxInFlight int `json:"max_in_flight"`
	// MaxDeliver is the number of deliveries after which a transiently
	// failing message is dead-lettered.
	MaxDeliver int `json:"max_deliver"`
	// RetryDelay is the delay before the second delivery of a transiently
	// failed message; it doubles with each delivery up to MaxRetryDelay.
	RetryDelay    Duration `json:"retry_delay"`
	MaxRetryDelay Duration `json:"max_retry_delay"`
	// ProgressInterval is how often a message still being worked on is
	// reported in progress, so the server does not redeliver it. Zero turns
	// it off. It must be well under the consumer's ack wait.
	ProgressInterval Duration `json:"progress_interval"`
	// ShutdownTimeout bounds how long Run takes, after its context ends, to
	// finish the messages it holds; what is left is handed back for
	// redelivery.
	ShutdownTimeout Duration `json:"shutdown_timeout"`
	// StageTimeout bounds each stage's work on one article.
	StageTimeout Duration `json:"stage_timeout"`
	// ReadyTimeout bounds the wait, at start, for the stages with
	// background work to be ready (see Lifecycle), such as dedup loading
	// its index from the shared store: past it, processing begins with
	// what they have. Zero does not wait.
	ReadyTimeout Duration `json:"ready_timeout"`
	// PublishTimeout bounds the wait for the server's confirmation of an
	// article's outputs. Past it the publish fails: as the infrastructure's
	// (the message is held and published again, see "Whose failure" in the
	// package doc), or as the article's when the server refused the
	// subject by permissions.
	PublishTimeout Duration `json:"publish_timeout"`
	// DLQPrefix is the subject prefix of dead letters; the reason is the
	// last token.
	DLQPrefix string `json:"dlq_prefix"`
}

// DefaultRunnerConfig returns the defaults.
func DefaultRunnerConfig() RunnerConfig {
	return RunnerConfig{
		Workers:          runtime.GOMAXPROCS(0),
		MaxInFlight:      256,
		MaxDeliver:       5,
		RetryDelay:       Duration(time.Second),
		MaxRetryDelay:    Duration(time.Minute),
		ProgressInterval: Duration(10 * time.Second),
		ShutdownTimeout:  Duration(30 * time.Second),
		StageTimeout:     Duration(10 * time.Second),
		ReadyTimeout:     Duration(30 * time.Second),
		PublishTimeout:   Duration(10 * time.Second),
		DLQPrefix:        "dlq.articles",
	}
}

// Validate reports every invalid field.
func (c RunnerConfig) Validate() error {
	var errs FieldErrors
	if c.Workers < 0 || c.Workers > 4096 {
		errs.Add("workers", c.Workers, "must be between 0 (GOMAXPROCS) and 4096")
	}
	if c.MaxInFlight < 1 || c.MaxInFlight > 65536 {
		errs.Add("max_in_flight", c.MaxInFlight, "must be between 1 and 65536")
	}
	if c.MaxDeliver < 1 {
		errs.Add("max_deliver", c.MaxDeliver, "must be at least 1")
	}
	if c.RetryDelay <= 0 {
		errs.Add("retry_delay", c.RetryDelay, "must be positive")
	}
	if c.MaxRetryDelay < c.RetryDelay {
		errs.Add("max_retry_delay", c.MaxRetryDelay, "must be at least retry_delay")
	}
	if c.ProgressInterval < 0 {
		errs.Add("progress_interval", c.ProgressInterval, "must not be negative")
	}
	if c.ShutdownTimeout <= 0 {
		errs.Add("shutdown_timeout", c.ShutdownTimeout, "must be positive")
	}
	if c.StageTimeout <= 0 {
		errs.Add("stage_timeout", c.StageTimeout, "must be positive")
	}
	if c.ReadyTimeout < 0 {
		errs.Add("ready_timeout", c.ReadyTimeout, "must not be negative (0 does not wait)")
	}
	if c.PublishTimeout < Duration(10*time.Millisecond) {
		errs.Add("publish_timeout", c.PublishTimeout, "must be at least 10ms")
	}
	if !validSubjectPrefix(c.DLQPrefix) {
		errs.Add("dlq_prefix", strconv.Quote(c.DLQPrefix), "must be a NATS subject without wildcards")
	}
	return errs.Err()
}

// validSubjectPrefix reports whether s is a literal subject: dot-separated
// non-empty tokens without wildcards or whitespace.
func validSubjectPrefix(s string) bool {
	if s == "" {
		return false
	}
	for _, tok := range strings.Split(s, ".") {
		if tok == "" || strings.ContainsAny(tok, "*> \t\r\n") {
			return false
		}
	}
	return true
}

// String returns the duration as Go writes it ("1m30s").
func (d Duration) String() string { return time.Duration(d).String() }
