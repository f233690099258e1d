package event

import (
	"time"

	"github.com/segmentio/encoding/json"
)

// DuplicateSchema names the version of DuplicateNotice.
const DuplicateSchema = "newsflow.duplicate.v1"

// DuplicateNotice is what goes out, on "events.duplicate.<lang>", for an
// article that copies one already published: who sent it and which story
// it belongs to, without the text and extractions its cluster's first
// article already carries.
type DuplicateNotice struct {
	// Schema is DuplicateSchema.
	Schema      string            `json:"schema"`
	ID          string            `json:"id"`
	Title       string            `json:"title,omitempty"`
	URL         string            `json:"url,omitempty"`
	Source      string            `json:"source,omitempty"`
	PublishedAt time.Time         `json:"published_at"`
	Metadata    map[string]string `json:"metadata,omitempty"`
	Language    Language          `json:"language"`
	WordCount   int               `json:"word_count"`
	// Dedup is of an exact or near copy: ClusterID is the story, Of the
	// article matched.
	Dedup    Dedup        `json:"dedup"`
	Warnings []Warning    `json:"warnings,omitempty"`
	Pipeline PipelineInfo `json:"pipeline"`
}

// AppendJSON appends n as one line of JSON (without the newline) to b, map
// keys sorted.
func (n *DuplicateNotice) AppendJSON(b []byte) ([]byte, error) {
	return json.Append(b, n, json.SortMapKeys)
}
