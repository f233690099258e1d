package pipeline

import "time"

// Article is an article as publishers send it: the JSON message body on
// "articles.<source>". Only Body is required.
type Article struct {
	ID          string            `json:"id,omitempty"`
	Body        string            `json:"body"`
	ContentType string            `json:"content_type,omitempty"`
	Title       string            `json:"title,omitempty"`
	URL         string            `json:"url,omitempty"`
	Source      string            `json:"source,omitempty"`
	Authors     []string          `json:"authors,omitempty"`
	Language    string            `json:"language,omitempty"`
	PublishedAt string            `json:"published_at,omitempty"`
	Metadata    map[string]string `json:"metadata,omitempty"`
}

// Doc is one article on its way through the stages. The decoder fills the
// input fields; stages only add to the rest.
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
	Language     Language
	WordCount    int
	Entities     []Entity
	Dates        []DateRef
	Quotes       []Quote
	Warnings     []Warning
	Timings      []StageTiming
}

// Language is the article's language as a BCP 47 primary subtag ("en"), or
// "und" when it could not be determined.
type Language struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	// Method says where the code came from: "input", "html" or "detected".
	Method string `json:"method,omitempty"`
}

// Warning records a problem an optional step had with the article; the
// article was still processed.
type Warning struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// StageTiming is the wall time one stage spent on the article.
type StageTiming struct {
	Stage  string `json:"stage"`
	Micros int64  `json:"us"`
}

// Warn records a warning from stage on d.
func (d *Doc) Warn(stage, message string) {
	d.Warnings = append(d.Warnings, Warning{Stage: stage, Message: message})
}
