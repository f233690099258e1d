package natsjs

import (
	"regexp"
	"strings"

	"github.com/newsflow/newsflow/pipeline"
)

// ServiceConfig configures the NATS service through which newsflow answers
// requests to process one article (see StartService). Field names are
// those of newsflow's configuration file.
type ServiceConfig struct {
	// Enabled registers the service.
	Enabled bool `json:"enabled"`
	// SubjectPrefix starts the endpoint's subject: "<prefix>.process".
	SubjectPrefix string `json:"subject_prefix"`
	// Workers is how many requests a replica answers at once: each is an
	// instance of the service, answering one request at a time.
	Workers int `json:"workers"`
	// MaxPending bounds the requests waiting for each worker; requests
	// beyond it are dropped by the client library (the requester times
	// out), and the drop is logged.
	MaxPending int `json:"max_pending"`
}

// DefaultServiceConfig returns the defaults: on, at newsflow.process, two
// workers.
func DefaultServiceConfig() ServiceConfig {
	return ServiceConfig{Enabled: true, SubjectPrefix: "newsflow", Workers: 2, MaxPending: 64}
}

// subjectTokens matches a subject of literal tokens.
var subjectTokens = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$`)

// Validate reports every invalid field.
func (c ServiceConfig) Validate() error {
	var errs pipeline.FieldErrors
	if !subjectTokens.MatchString(c.SubjectPrefix) || strings.HasPrefix(c.SubjectPrefix, "$") {
		errs.Add("subject_prefix", c.SubjectPrefix, "must be dot-separated tokens of letters, digits, '-' and '_', without wildcards")
	}
	if c.Workers < 1 || c.Workers > 256 {
		errs.Add("workers", c.Workers, "must be between 1 and 256")
	}
	if c.MaxPending < 1 || c.MaxPending > 1<<16 {
		errs.Add("max_pending", c.MaxPending, "must be between 1 and 65536")
	}
	return errs.Err()
}
