package extract

import "github.com/newsflow/newsflow/pipeline"

// Config configures the extract stage.
type Config struct {
	// Entities, Dates and Quotes turn each part on or off.
	Entities bool `json:"entities"`
	Dates    bool `json:"dates"`
	Quotes   bool `json:"quotes"`
}

// DefaultConfig returns the defaults: every part on.
func DefaultConfig() Config {
	return Config{Entities: true, Dates: true, Quotes: true}
}

// Validate reports every invalid field. Every combination is valid; the
// method exists so that the stage's configuration is checked like every
// other.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	return errs.Err()
}
