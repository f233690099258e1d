package pipeline

import (
	"time"

	"github.com/segmentio/encoding/json"
)

// DuplicateSchema names the version of DuplicateNotice.
const DuplicateSchema = "newsflow.duplicate.v1"

// KindDuplicate labels duplicate notices in newsflow_events_published_total.
const KindDuplicate = "duplicate"

// DuplicateNotice is what goes out, on "events.duplicate.<lang>", for an
// article that copies one already published: who sent it and which story
// it belongs to, without the text and extractions its cluster's first
// article already carries.
type DuplicateNotice struct {
	Schema      string            `json:"schema"`
	ID          string            `json:"id"`
	Title       string            `json:"title,omitempty"`
	URL         string            `json:"url,omitempty"`
	Source      string            `json:"source,omitempty"`
	PublishedAt time.Time         `json:"published_at"`
	Metadata    map[string]string `json:"metadata,omitempty"`
	Language    Language          `json:"language"`
	WordCount   int               `json:"word_count"`
	Dedup       Dedup             `json:"dedup"`
	Warnings    []Warning         `json:"warnings,omitempty"`
	Pipeline    PipelineInfo      `json:"pipeline"`
}

// NewDuplicateNotice returns the notice for d, whose Dedup must be set.
func NewDuplicateNotice(d *Doc, version string, input *InputRef) DuplicateNotice {
	return DuplicateNotice{
		Schema:      DuplicateSchema,
		ID:          d.ID,
		Title:       d.Title,
		URL:         d.URL,
		Source:      d.Source,
		PublishedAt: d.PublishedAt,
		Metadata:    d.Metadata,
		Language:    d.Language,
		WordCount:   d.WordCount,
		Dedup:       *d.Dedup,
		Warnings:    d.Warnings,
		Pipeline: PipelineInfo{
			Version:    version,
			ReceivedAt: d.ReceivedAt,
			Timings:    d.Timings,
			Input:      input,
		},
	}
}

// AppendJSON appends n as one line of JSON (without the newline) to b.
func (n *DuplicateNotice) AppendJSON(b []byte) ([]byte, error) {
	return json.Append(b, n, json.SortMapKeys)
}

// IsDuplicate reports whether d goes out as a duplicate notice.
func (d *Doc) IsDuplicate() bool {
	return d.Dedup != nil && d.Dedup.Kind != "" && d.Dedup.Kind != DedupOriginal
}
