package natsjs

import (
	"errors"
	"regexp"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// denialMemory is how long a permissions violation for a subject explains
// a publish to it that went unconfirmed.
const denialMemory = time.Minute

// denials remembers the subjects the server refused newsflow to publish
// to. The server answers such a publish with an asynchronous error, not
// a PubAck, so the publish itself only times out; a timeout on a denied
// subject is the output's, not the infrastructure's: its subject comes
// from the article (language, event, actor), and holding it would stop
// every article behind it.
type denials struct {
	mu   sync.Mutex
	when map[string]time.Time
}

// deniedSubject reads the subject of the server's "Permissions Violation
// for Publish to "<subject>"".
var deniedSubject = regexp.MustCompile(`Publish to "([^"]+)"`)

// record notes the subject of err, when it is a publish's permissions
// violation.
func (d *denials) record(err error) {
	if d == nil || !errors.Is(err, nats.ErrPermissionViolation) {
		return
	}
	m := deniedSubject.FindStringSubmatch(err.Error())
	if m == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.when == nil {
		d.when = make(map[string]time.Time)
	}
	d.when[m[1]] = time.Now()
}

// denied reports whether publishing to subject was refused lately.
func (d *denials) denied(subject string) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	t, ok := d.when[subject]
	return ok && time.Since(t) < denialMemory
}
