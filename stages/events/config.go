package events

import "github.com/newsflow/newsflow/pipeline"

// Config configures the events stage.
type Config struct {
	// Enabled turns event coding on.
	Enabled bool `json:"enabled"`
	// MinConfidence drops the events coded with less confidence, from 0
	// (keep all) to 1.
	MinConfidence float64 `json:"min_confidence"`
}

// DefaultConfig returns the defaults: coding on, every event kept.
func DefaultConfig() Config {
	return Config{Enabled: true}
}

// Validate reports every invalid field.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	if c.MinConfidence < 0 || c.MinConfidence > 1 {
		errs.Add("min_confidence", c.MinConfidence, "must be between 0 and 1")
	}
	return errs.Err()
}
