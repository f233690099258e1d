package pipeline

import (
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// Doc is one article on its way through the stages. The decoder fills the
// input fields; stages only add to the rest. The types of its parts are
// those of the wire schema, package event.
type Doc struct {
	// Input, as given (with defaults applied to ID and PublishedAt).
	ID          string
	Body        string
	ContentType string
	Title       string
	URL         string
	Source      string
	Authors     []string
	// InputLanguage is the language the publisher declared, if any.
	InputLanguage string
	PublishedAt   time.Time
	// PublishedSource says where PublishedAt came from: "input", "message"
	// (the message time, for want of anything better), or, when a stage
	// found it in the page, "json-ld", "meta", "url" or "text".
	PublishedSource string
	Metadata        map[string]string

	// ReceivedAt is when the runtime took the article in.
	ReceivedAt time.Time

	// Filled by stages.
	// SiteName and CanonicalURL are what an HTML page declares of itself.
	SiteName     string
	CanonicalURL string
	Text         string
	Language     event.Language
	WordCount    int
	Entities     []event.Entity
	Dates        []event.DateRef
	Quotes       []event.Quote
	// Events are the article's coded events, in the order of the text.
	Events []event.Coding
	// Dedup says whether the article copies one seen before; nil when no
	// dedup stage ran. A Doc whose Dedup.Kind is not event.DedupOriginal
	// goes out as a duplicate notice instead of an article event.
	Dedup    *event.Dedup
	Warnings []event.Warning
	Timings  []event.StageTiming
}

// Warn records a warning from stage on d.
func (d *Doc) Warn(stage, message string) {
	d.Warnings = append(d.Warnings, event.Warning{Stage: stage, Message: message})
}

// IsDuplicate reports whether d goes out as a duplicate notice.
func (d *Doc) IsDuplicate() bool {
	return d.Dedup != nil && d.Dedup.Kind != "" && d.Dedup.Kind != event.DedupOriginal
}
