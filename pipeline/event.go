package pipeline

import (
	"time"

	"github.com/segmentio/encoding/json"
)

// ArticleSchema names the version of ArticleEvent.
const ArticleSchema = "newsflow.article.v1"

// KindArticle labels article events in newsflow_events_published_total.
const KindArticle = "article"

// ArticleEvent is the record published for each unique article on
// "events.article.<lang>". Fields no stage has filled are left out. The raw
// body is not repeated: Text is its cleaned form, and the input stays in its
// stream under Pipeline.Input.
type ArticleEvent struct {
	Schema      string    `json:"schema"`
	ID          string    `json:"id"`
	Title       string    `json:"title,omitempty"`
	URL         string    `json:"url,omitempty"`
	Source      string    `json:"source,omitempty"`
	Authors     []string  `json:"authors,omitempty"`
	PublishedAt time.Time `json:"published_at"`
	// PublishedSource says where published_at came from (see Doc).
	PublishedSource string            `json:"published_at_source"`
	SiteName        string            `json:"site_name,omitempty"`
	CanonicalURL    string            `json:"canonical_url,omitempty"`
	Metadata        map[string]string `json:"metadata,omitempty"`
	Language        Language          `json:"language"`
	Text            string            `json:"text"`
	WordCount       int               `json:"word_count"`
	Entities        []Entity          `json:"entities,omitempty"`
	Dates           []DateRef         `json:"dates,omitempty"`
	Quotes          []Quote           `json:"quotes,omitempty"`
	Dedup           *Dedup            `json:"dedup,omitempty"`
	Warnings        []Warning         `json:"warnings,omitempty"`
	Pipeline        PipelineInfo      `json:"pipeline"`
}

// PipelineInfo says how and when an event was made.
type PipelineInfo struct {
	Version    string        `json:"version"`
	ReceivedAt time.Time     `json:"received_at"`
	Timings    []StageTiming `json:"timings"`
	Input      *InputRef     `json:"input,omitempty"`
}

// InputRef points at the input message an event was made from.
type InputRef struct {
	Subject  string `json:"subject"`
	Stream   string `json:"stream,omitempty"`
	Sequence uint64 `json:"seq,omitempty"`
}

// NewArticleEvent returns the event for d.
func NewArticleEvent(d *Doc, version string, input *InputRef) ArticleEvent {
	return ArticleEvent{
		Schema:          ArticleSchema,
		ID:              d.ID,
		Title:           d.Title,
		URL:             d.URL,
		Source:          d.Source,
		Authors:         d.Authors,
		PublishedAt:     d.PublishedAt,
		PublishedSource: d.PublishedSource,
		SiteName:        d.SiteName,
		CanonicalURL:    d.CanonicalURL,
		Metadata:        d.Metadata,
		Language:        d.Language,
		Text:            d.Text,
		WordCount:       d.WordCount,
		Entities:        d.Entities,
		Dates:           d.Dates,
		Quotes:          d.Quotes,
		Dedup:           d.Dedup,
		Warnings:        d.Warnings,
		Pipeline: PipelineInfo{
			Version:    version,
			ReceivedAt: d.ReceivedAt,
			Timings:    d.Timings,
			Input:      input,
		},
	}
}

// AppendJSON appends e as one line of JSON (without the newline) to b.
func (e *ArticleEvent) AppendJSON(b []byte) ([]byte, error) {
	return json.Append(b, e, json.SortMapKeys)
}

// LanguageToken returns the subject token for a language code: the code
// itself when it is 2 or 3 lowercase ASCII letters, else "und".
func LanguageToken(code string) string {
	if len(code) < 2 || len(code) > 3 {
		return "und"
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'a' || code[i] > 'z' {
			return "und"
		}
	}
	return code
}
