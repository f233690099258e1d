package natsjs

import (
	"fmt"
	"runtime"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// Subject prefixes of the outputs: the language is the last token.
const (
	ArticleSubjectPrefix   = "events.article"
	DuplicateSubjectPrefix = "events.duplicate"
	// CodedSubjectPrefix is followed by the event type and the first
	// actor's code ("events.coded.consult.usa").
	CodedSubjectPrefix = "events.coded"
)

// ProcessorConfig is what a Processor needs besides its connection and its
// stages. Field names are those of newsflow's configuration file.
type ProcessorConfig struct {
	Streams  StreamsConfig         `json:"streams"`
	Consumer ConsumerConfig        `json:"consumer"`
	Runner   pipeline.RunnerConfig `json:"runner"`
	Limits   pipeline.Limits       `json:"limits"`
}

// DefaultProcessorConfig returns the defaults of DESIGN.md.
func DefaultProcessorConfig() ProcessorConfig {
	return ProcessorConfig{
		Streams:  DefaultStreamsConfig(),
		Consumer: DefaultConsumerConfig(),
		Runner:   pipeline.DefaultRunnerConfig(),
		Limits:   pipeline.DefaultLimits(),
	}
}

// Resolved returns c with the values left to newsflow filled in: workers
// (GOMAXPROCS) and the pull batch (max_in_flight + 2 × workers).
func (c ProcessorConfig) Resolved() ProcessorConfig {
	if c.Runner.Workers == 0 {
		c.Runner.Workers = runtime.GOMAXPROCS(0)
	}
	if c.Consumer.PullBatch == 0 {
		c.Consumer.PullBatch = c.Runner.MaxInFlight + 2*c.Runner.Workers
	}
	return c
}

// Validate reports every invalid field, with its dotted path, and the
// rules across fields that hold the delivery guarantees together.
func (c ProcessorConfig) Validate() error {
	var errs pipeline.FieldErrors
	errs.Merge("streams", c.Streams.Validate())
	errs.Merge("consumer", c.Consumer.Validate())
	errs.Merge("runner", c.Runner.Validate())
	errs.Merge("limits", c.Limits.Validate())
	if r := c.Resolved(); r.Consumer.PullBatch > c.Consumer.MaxAckPending && c.Consumer.PullBatch == 0 {
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
	return errs.Err()
}

// Handler returns the configuration of the article handler a Processor
// runs: outputs on ArticleSubjectPrefix and DuplicateSubjectPrefix, each
// event recording version.
func (c ProcessorConfig) Handler(version string) pipeline.ArticleHandlerConfig {
	return pipeline.ArticleHandlerConfig{
		Limits:          c.Limits,
		SubjectPrefix:   ArticleSubjectPrefix,
		DuplicatePrefix: DuplicateSubjectPrefix,
		CodedPrefix:     CodedSubjectPrefix,
		Version:         version,
		StageTimeout:    time.Duration(c.Runner.StageTimeout),
	}
}
