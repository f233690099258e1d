package dedup

import (
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// Config configures the dedup stage.
type Config struct {
	// Enabled turns the stage on; off, every article is published as an
	// article event and no store is used.
	Enabled bool `json:"enabled"`
	// Threshold is the least estimated shingle Jaccard similarity of a
	// near copy to the article it copies.
	Threshold float64 `json:"threshold"`
	// KeyThreshold is the least share of the shorter text's names and
	// numbers that the longer one must hold too: stories cut from one
	// template (dividend notices, results, weather) differ there.
	KeyThreshold float64 `json:"key_threshold"`
	// TTL is how long an article is remembered, here and in the store.
	TTL pipeline.Duration `json:"ttl"`
	// MaxEntries bounds the articles held in memory; the oldest go first.
	MaxEntries int `json:"max_entries"`
	// StoreTimeout bounds each call to the shared store. When the store
	// fails, detection goes on with what this replica knows.
	StoreTimeout pipeline.Duration `json:"store_timeout"`
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Enabled:      true,
		Threshold:    0.5,
		KeyThreshold: 0.7,
		TTL:          pipeline.Duration(72 * time.Hour),
		MaxEntries:   1_000_000,
		StoreTimeout: pipeline.Duration(2 * time.Second),
	}
}

// Validate reports every invalid field.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	if !(c.Threshold > 0 && c.Threshold <= 1) {
		errs.Add("threshold", c.Threshold, "must be in (0, 1]")
	}
	if !(c.KeyThreshold >= 0 && c.KeyThreshold <= 1) {
		errs.Add("key_threshold", c.KeyThreshold, "must be in [0, 1]")
	}
	if c.TTL < pipeline.Duration(time.Minute) {
		errs.Add("ttl", c.TTL, "must be at least 1m")
	}
	if c.MaxEntries < 1000 || c.MaxEntries > 100_000_000 {
		errs.Add("max_entries", c.MaxEntries, "must be between 1000 and 100000000")
	}
	if c.StoreTimeout < pipeline.Duration(time.Millisecond) || c.StoreTimeout > pipeline.Duration(time.Minute) {
		errs.Add("store_timeout", c.StoreTimeout, "must be between 1ms and 1m")
	}
	return errs.Err()
}
