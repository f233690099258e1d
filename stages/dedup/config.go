package dedup

import (
	"fmt"
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
	// NamesThreshold and NumbersThreshold are the least shares of the
	// names, and of the numbers, of the text with fewer of them that the
	// other must hold too: stories cut from one template (dividend
	// notices, results, weather) differ there, and copies do not.
	NamesThreshold   float64 `json:"names_threshold"`
	NumbersThreshold float64 `json:"numbers_threshold"`
	// TTL is how long an article is remembered, here and in the store.
	TTL pipeline.Duration `json:"ttl"`
	// MaxEntries bounds the articles held in memory; the oldest go first.
	// 0 leaves it to the program: newsflow run sizes it from the memory
	// limit (see MaxEntriesFor), and a Stage built with 0 holds
	// DefaultMaxEntries.
	MaxEntries int `json:"max_entries"`
	// StoreTimeout bounds each call to the shared store. When the store
	// fails, detection goes on with what this replica knows.
	StoreTimeout pipeline.Duration `json:"store_timeout"`
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Enabled:          true,
		Threshold:        0.5,
		NamesThreshold:   0.7,
		NumbersThreshold: 0.8,
		TTL:              pipeline.Duration(72 * time.Hour),
		MaxEntries:       0,
		StoreTimeout:     pipeline.Duration(2 * time.Second),
	}
}

// Validate reports every invalid field.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	if !(c.Threshold > 0 && c.Threshold <= 1) {
		errs.Add("threshold", c.Threshold, "must be in (0, 1]")
	}
	if !(c.NamesThreshold >= 0 && c.NamesThreshold <= 1) {
		errs.Add("names_threshold", c.NamesThreshold, "must be in [0, 1]")
	}
	if !(c.NumbersThreshold >= 0 && c.NumbersThreshold <= 1) {
		errs.Add("numbers_threshold", c.NumbersThreshold, "must be in [0, 1]")
	}
	if c.TTL < pipeline.Duration(time.Minute) {
		errs.Add("ttl", c.TTL, "must be at least 1m")
	}
	if c.MaxEntries != 0 && (c.MaxEntries < minEntries || c.MaxEntries > maxEntries) {
		errs.Add("max_entries", c.MaxEntries, fmt.Sprintf("must be 0 (sized from the memory limit) or between %d and %d", minEntries, maxEntries))
	}
	if c.StoreTimeout < pipeline.Duration(time.Millisecond) || c.StoreTimeout > pipeline.Duration(time.Minute) {
		errs.Add("store_timeout", c.StoreTimeout, "must be between 1ms and 1m")
	}
	return errs.Err()
}
