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
	// Dedup says whether the article copies one seen before; nil when no
	// dedup stage ran. A Doc whose Dedup.Kind is not DedupOriginal goes
	// out as a duplicate notice instead of an article event.
	Dedup    *Dedup
	Warnings []Warning
	Timings  []StageTiming
}

// Kinds of Dedup.Kind.
const (
	DedupOriginal = "original" // the first of its story seen
	DedupExact    = "exact"    // the same normalised text as the cluster's first
	DedupNear     = "near"     // an edited copy of an article of the cluster
)

// Dedup places an article in its story cluster.
type Dedup struct {
	// Fingerprint is the hash of the normalised text, 16 hex digits:
	// exact copies share it.
	Fingerprint string `json:"fingerprint"`
	// ClusterID is the id of the cluster's first-seen article.
	ClusterID string `json:"cluster_id"`
	// ClusterSize counts the cluster's articles seen so far, this one
	// included.
	ClusterSize int    `json:"cluster_size"`
	Kind        string `json:"kind"`
	// Similarity is the estimated shingle Jaccard similarity to the
	// article matched: 1 for exact copies, 0 for originals.
	Similarity float64 `json:"similarity"`
	// Of is the id of the article this one was matched to, when not the
	// cluster's first.
	Of string `json:"of,omitempty"`
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
