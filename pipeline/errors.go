package pipeline

import (
	"errors"
	"fmt"
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
