package event

import (
	"time"

	"github.com/segmentio/encoding/json"
)

// ArticleSchema names the version of ArticleEvent.
const ArticleSchema = "newsflow.article.v1"

// ArticleEvent is the record published for each unique article on
// "events.article.<lang>". Fields no stage has filled are left out. The raw
// body is not repeated: Text is its cleaned form, and the input stays in its
// stream, at Pipeline.Input.
type ArticleEvent struct {
	// Schema is ArticleSchema.
	Schema      string    `json:"schema"`
	ID          string    `json:"id"`
	Title       string    `json:"title,omitempty"`
	URL         string    `json:"url,omitempty"`
	Source      string    `json:"source,omitempty"`
	Authors     []string  `json:"authors,omitempty"`
	PublishedAt time.Time `json:"published_at"`
	// PublishedSource says where PublishedAt came from: "input", "message"
	// (the time the input was stored, for want of anything better), or,
	// found in an HTML page, "json-ld", "meta", "url" or "text".
	PublishedSource string `json:"published_at_source"`
	// SiteName and CanonicalURL are what an HTML page declares of itself.
	SiteName     string            `json:"site_name,omitempty"`
	CanonicalURL string            `json:"canonical_url,omitempty"`
	Metadata     map[string]string `json:"metadata,omitempty"`
	Language     Language          `json:"language"`
	// Text is the cleaned text; every offset of the event points into it.
	Text      string    `json:"text"`
	WordCount int       `json:"word_count"`
	Entities  []Entity  `json:"entities,omitempty"`
	Dates     []DateRef `json:"dates,omitempty"`
	Quotes    []Quote   `json:"quotes,omitempty"`
	// Dedup is absent when no dedup stage ran; in an article event it is
	// always of an original.
	Dedup *Dedup `json:"dedup,omitempty"`
	// Events are what the article says happened, coded; each is also
	// published on its own as a CodedEvent.
	Events   []Coding     `json:"events,omitempty"`
	Warnings []Warning    `json:"warnings,omitempty"`
	Pipeline PipelineInfo `json:"pipeline"`
}

// AppendJSON appends e as one line of JSON (without the newline) to b, map
// keys sorted, so that the same event always has the same bytes.
func (e *ArticleEvent) AppendJSON(b []byte) ([]byte, error) {
	return json.Append(b, e, json.SortMapKeys)
}

// Language is an article's language as a BCP 47 primary subtag ("en"), or
// "und" when it could not be determined.
type Language struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	// Method says where the code came from: "input", "html" or "detected".
	Method string `json:"method,omitempty"`
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
	ClusterSize int `json:"cluster_size"`
	// Kind is DedupOriginal, DedupExact or DedupNear.
	Kind string `json:"kind"`
	// Similarity is the estimated shingle Jaccard similarity to the
	// article matched: 1 for exact copies, 0 for originals.
	Similarity float64 `json:"similarity"`
	// Of is the id of the article this one was matched to, when not the
	// cluster's first.
	Of string `json:"of,omitempty"`
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

// PipelineInfo says how and when a record was made.
type PipelineInfo struct {
	// Version is the newsflow version that made it.
	Version    string        `json:"version"`
	ReceivedAt time.Time     `json:"received_at"`
	Timings    []StageTiming `json:"timings"`
	// Input points at the input message, when it came from a stream.
	Input *InputRef `json:"input,omitempty"`
}

// InputRef points at the input message a record was made from.
type InputRef struct {
	Subject  string `json:"subject"`
	Stream   string `json:"stream,omitempty"`
	Sequence uint64 `json:"seq,omitempty"`
}
