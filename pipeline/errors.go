package pipeline

import (
	"errors"
	"fmt"
	"slices"
)

// Dead-letter reasons the runtime itself assigns. Stages may use their own
// (see Reject); every reason becomes the last token of the DLQ subject.
const (
	ReasonMalformedJSON  = "malformed_json"
	ReasonInvalidUTF8    = "invalid_utf8"
	ReasonTooDeep        = "too_deep"
	ReasonTooLarge       = "too_large"
	ReasonInvalidArticle = "invalid_article"
	ReasonMissingBody    = "missing_body"
	ReasonPanic          = "panic"
	ReasonMaxDeliver     = "max_deliver"
	// ReasonRejected is the reason of a Permanent error that names none.
	ReasonRejected = "rejected"
)

// PermanentError marks a failure of the article itself: retrying cannot help,
// so the message goes to the dead-letter subject named by Reason.
type PermanentError struct {
	Reason string
	Err    error
}

// Error returns the error's message; the reason goes in the subject.
func (e *PermanentError) Error() string { return e.Err.Error() }

// Unwrap returns the error marked permanent.
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as a failure of the article itself, with reason
// "rejected". Any error not marked permanent is transient and retried.
func Permanent(err error) error {
	return Reject(ReasonRejected, err)
}

// Reject marks err as a permanent failure with the given reason, a short
// snake_case word such as "empty_text". A reason that is not a valid subject
// token is replaced by "rejected".
func Reject(reason string, err error) error {
	if err == nil {
		return nil
	}
	if !validReason(reason) {
		reason = ReasonRejected
	}
	return &PermanentError{Reason: reason, Err: err}
}

// IsPermanent reports whether err, or an error it wraps, is permanent.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// ReasonOf returns the dead-letter reason of a permanent error, or "" for a
// transient one.
func ReasonOf(err error) string {
	var p *PermanentError
	if errors.As(err, &p) {
		return p.Reason
	}
	return ""
}

// StageError records which stage failed; it wraps the stage's error, so
// IsPermanent and ReasonOf see through it.
type StageError struct {
	Stage string
	Err   error
}

// Error returns "stage <name>: <error>".
func (e *StageError) Error() string { return fmt.Sprintf("stage %s: %v", e.Stage, e.Err) }

// Unwrap returns the stage's error.
func (e *StageError) Unwrap() error { return e.Err }

// StageOf returns the name of the stage an error came from, or "" if it did
// not come from a stage.
func StageOf(err error) string {
	var s *StageError
	if errors.As(err, &s) {
		return s.Stage
	}
	return ""
}

func validReason(r string) bool {
	if r == "" || len(r) > 64 {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Reasons an output is blocked by the infrastructure: the label values of
// newsflow_output_blocked, in the order the gauge prefers when several
// hold at once (the connection first: with it down, nothing else can be
// known).
const (
	// BlockedDisconnected: the connection to the server is down, or has
	// stopped moving bytes (pings unanswered).
	BlockedDisconnected = "disconnected"
	// BlockedNoHeartbeat: the input consumer's heartbeats stopped: its
	// server is cut off from it, or from the consumer's leader.
	BlockedNoHeartbeat = "no_heartbeat"
	// BlockedStorageFull: the server has no room left (insufficient
	// resources).
	BlockedStorageFull = "storage_full"
	// BlockedStreamFull: an output stream refuses writes by its own limits
	// (maximum messages or bytes with discard new).
	BlockedStreamFull = "stream_full"
	// BlockedNoLeader: the output stream has no leader, or JetStream is
	// unavailable on the server.
	BlockedNoLeader = "no_leader"
	// BlockedNoResponders: nothing answered the publish.
	BlockedNoResponders = "no_responders"
	// BlockedTimeout: the server did not confirm in time.
	BlockedTimeout = "timeout"
)

// BlockedReasons lists every reason, in order of preference.
var BlockedReasons = []string{
	BlockedDisconnected, BlockedNoHeartbeat, BlockedStorageFull, BlockedStreamFull,
	BlockedNoLeader, BlockedNoResponders, BlockedTimeout,
}

// InfraError marks a failure of the server or the network, not of the
// article: it never counts toward max_deliver (see the package doc).
type InfraError struct {
	// Reason is one of BlockedReasons.
	Reason string
	Err    error
}

// Error returns the error's message.
func (e *InfraError) Error() string { return e.Err.Error() }

// Unwrap returns the error marked.
func (e *InfraError) Unwrap() error { return e.Err }

// Infrastructure marks err as a failure of the infrastructure with the
// given reason, one of BlockedReasons; another reason is taken as
// BlockedTimeout, the vaguest.
func Infrastructure(reason string, err error) error {
	if err == nil {
		return nil
	}
	if !slices.Contains(BlockedReasons, reason) {
		reason = BlockedTimeout
	}
	return &InfraError{Reason: reason, Err: err}
}

// InfraReasonOf returns the reason of an infrastructure failure, or "" for
// any other error.
func InfraReasonOf(err error) string {
	var e *InfraError
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}
