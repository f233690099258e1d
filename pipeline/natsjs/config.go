package natsjs

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// Config says which NATS server to use: an external one at URL, or, when URL
// is empty, an embedded one listening on Listen with its data in DataDir.
type Config struct {
	URL        string `json:"url"`
	Listen     string `json:"listen"`
	DataDir    string `json:"data_dir"`
	MaxPayload int    `json:"max_payload"`
	// Name is the connection name the server shows in its monitoring.
	Name string `json:"name"`
	// Auth and TLS apply to an external server.
	Auth AuthConfig `json:"auth"`
	TLS  TLSConfig  `json:"tls"`
	// PingInterval is how often the client pings the server, and
	// MaxPingsOut how many pings may go unanswered: a connection that
	// stops moving bytes without closing is found dead within
	// PingInterval × (MaxPingsOut + 1), 15 s by default. Zero leaves the
	// client's default (2 minutes, 2 pings: up to 6 minutes).
	PingInterval pipeline.Duration `json:"ping_interval"`
	MaxPingsOut  int               `json:"max_pings_out"`
}

// DefaultConfig returns the defaults: an embedded server on 127.0.0.1:4222.
func DefaultConfig() Config {
	return Config{
		Listen:       "127.0.0.1:4222",
		DataDir:      "./data",
		MaxPayload:   8 << 20,
		Name:         "newsflow",
		PingInterval: pipeline.Duration(5 * time.Second),
		MaxPingsOut:  2,
	}
}

// StaleAfter is the longest a connection that stopped moving bytes goes
// unnoticed: PingInterval × (MaxPingsOut + 1).
func (c Config) StaleAfter() time.Duration {
	return time.Duration(c.PingInterval) * time.Duration(c.MaxPingsOut+1)
}

// Embedded reports whether the configuration asks for an embedded server.
func (c Config) Embedded() bool { return c.URL == "" }

// Validate reports every invalid field.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	if c.URL != "" {
		for _, u := range strings.Split(c.URL, ",") {
			if !strings.Contains(u, "://") && !strings.Contains(u, ":") {
				errs.Add("url", c.URL, "must be a NATS URL such as nats://host:4222 (a comma-separated list is allowed)")
				break
			}
		}
	} else {
		if _, port, err := net.SplitHostPort(c.Listen); err != nil {
			errs.Add("listen", c.Listen, "must be host:port, such as 127.0.0.1:4222 (port 0 picks a free one)")
		} else if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
			errs.Add("listen", c.Listen, "port must be a number from 0 to 65535")
		}
		if c.DataDir == "" {
			errs.Add("data_dir", c.DataDir, "must name a directory for the embedded server's JetStream storage")
		}
		if c.MaxPayload < 1<<10 || c.MaxPayload > 64<<20 {
			errs.Add("max_payload", c.MaxPayload, "must be between 1024 and 67108864 bytes")
		}
	}
	if c.Name == "" {
		errs.Add("name", c.Name, "must not be empty")
	}
	if c.PingInterval != 0 && (c.PingInterval < pipeline.Duration(100*time.Millisecond) || c.PingInterval > pipeline.Duration(10*time.Minute)) {
		errs.Add("ping_interval", c.PingInterval, "must be between 100ms and 10m (0: the client's default, 2m)")
	}
	if c.MaxPingsOut < 0 || c.MaxPingsOut > 100 {
		errs.Add("max_pings_out", c.MaxPingsOut, "must be between 1 and 100 (0: the client's default, 2)")
	}
	c.Auth.validate(&errs)
	c.TLS.validate(&errs)
	if c.URL == "" && (c.Auth != AuthConfig{} || c.TLS != TLSConfig{}) {
		errs.Add("url", c.URL, "auth and tls apply to an external server: set url too")
	}
	return errs.Err()
}

// StreamConfig is the part of a stream's configuration newsflow sets.
type StreamConfig struct {
	Name            string            `json:"name"`
	Subjects        []string          `json:"subjects"`
	MaxAge          pipeline.Duration `json:"max_age"`
	DuplicateWindow pipeline.Duration `json:"duplicate_window"`
	Replicas        int               `json:"replicas"`
}

// StreamsConfig names the three streams.
type StreamsConfig struct {
	Articles StreamConfig `json:"articles"`
	Events   StreamConfig `json:"events"`
	DLQ      StreamConfig `json:"dlq"`
}

// DefaultStreamsConfig returns the streams of DESIGN.md.
func DefaultStreamsConfig() StreamsConfig {
	return StreamsConfig{
		Articles: StreamConfig{Name: "ARTICLES", Subjects: []string{"articles.>"}, MaxAge: pipeline.Duration(72 * time.Hour), DuplicateWindow: pipeline.Duration(10 * time.Minute), Replicas: 1},
		Events:   StreamConfig{Name: "EVENTS", Subjects: []string{"events.>"}, MaxAge: pipeline.Duration(7 * 24 * time.Hour), DuplicateWindow: pipeline.Duration(8 * time.Minute), Replicas: 1},
		DLQ:      StreamConfig{Name: "DLQ", Subjects: []string{"dlq.>"}, MaxAge: pipeline.Duration(30 * 24 * time.Hour), DuplicateWindow: pipeline.Duration(8 * time.Minute), Replicas: 1},
	}
}

// Validate reports every invalid field.
func (c StreamsConfig) Validate() error {
	var errs pipeline.FieldErrors
	errs.Merge("articles", c.Articles.Validate())
	errs.Merge("events", c.Events.Validate())
	errs.Merge("dlq", c.DLQ.Validate())
	return errs.Err()
}

// Validate reports every invalid field.
func (c StreamConfig) Validate() error {
	var errs pipeline.FieldErrors
	if c.Name == "" || strings.ContainsAny(c.Name, ".*> \t") {
		errs.Add("name", c.Name, "must be non-empty without '.', '*', '>' or spaces")
	}
	if len(c.Subjects) == 0 {
		errs.Add("subjects", c.Subjects, "must list at least one subject")
	}
	if c.MaxAge < 0 {
		errs.Add("max_age", c.MaxAge, "must not be negative (0 keeps messages forever)")
	}
	if c.DuplicateWindow <= 0 {
		errs.Add("duplicate_window", c.DuplicateWindow, "must be positive: output deduplication depends on it")
	}
	if c.MaxAge > 0 && c.DuplicateWindow > c.MaxAge {
		errs.Add("duplicate_window", c.DuplicateWindow, "must not exceed max_age")
	}
	if c.Replicas < 1 || c.Replicas > 5 {
		errs.Add("replicas", c.Replicas, "must be between 1 and 5")
	}
	return errs.Err()
}

// ConsumerConfig configures the durable consumer on the articles stream and
// how messages are pulled from it.
type ConsumerConfig struct {
	Durable       string            `json:"durable"`
	AckWait       pipeline.Duration `json:"ack_wait"`
	MaxAckPending int               `json:"max_ack_pending"`
	// PullBatch is how many messages the client buffers ahead of the
	// workers. Zero sizes it to the runner: max_in_flight + 2 × workers,
	// enough to keep every worker and every publish slot busy.
	PullBatch int `json:"pull_batch"`
	// PullExpiry is how long one pull request waits on the server.
	PullExpiry pipeline.Duration `json:"pull_expiry"`
	// PullHeartbeat is how often the server tells a waiting pull request
	// it is alive; two missed mark the input stalled (no_heartbeat): the
	// server, or the consumer's leader behind it, is out of reach. At most
	// half of PullExpiry.
	PullHeartbeat pipeline.Duration `json:"pull_heartbeat"`
}

// DefaultConsumerConfig returns the defaults.
func DefaultConsumerConfig() ConsumerConfig {
	return ConsumerConfig{
		Durable:       "newsflow",
		AckWait:       pipeline.Duration(30 * time.Second),
		MaxAckPending: 4096,
		PullBatch:     0,
		PullExpiry:    pipeline.Duration(30 * time.Second),
		PullHeartbeat: pipeline.Duration(5 * time.Second),
	}
}

// Validate reports every invalid field.
func (c ConsumerConfig) Validate() error {
	var errs pipeline.FieldErrors
	if c.Durable == "" || strings.ContainsAny(c.Durable, ".*> \t") {
		errs.Add("durable", c.Durable, "must be non-empty without '.', '*', '>' or spaces")
	}
	if c.AckWait < pipeline.Duration(time.Second) {
		errs.Add("ack_wait", c.AckWait, "must be at least 1s")
	}
	if c.MaxAckPending < 1 {
		errs.Add("max_ack_pending", c.MaxAckPending, "must be at least 1")
	}
	if c.PullBatch < 0 {
		errs.Add("pull_batch", c.PullBatch, "must not be negative (0 sizes it to the runner)")
	}
	if c.PullBatch > c.MaxAckPending {
		errs.Add("pull_batch", c.PullBatch, "must not exceed max_ack_pending, or pulls stall")
	}
	if c.PullExpiry < pipeline.Duration(time.Second) {
		errs.Add("pull_expiry", c.PullExpiry, "must be at least 1s")
	}
	if c.PullHeartbeat < pipeline.Duration(100*time.Millisecond) || c.PullHeartbeat*2 > c.PullExpiry {
		errs.Add("pull_heartbeat", c.PullHeartbeat, fmt.Sprintf("must be at least 100ms and at most half of pull_expiry (%v)", c.PullExpiry))
	}
	return errs.Err()
}
