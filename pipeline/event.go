package pipeline

import (
	"strconv"

	"github.com/newsflow/newsflow/pipeline/event"
)

// Kinds of output, the labels of newsflow_events_published_total and the
// last part of an output's message id ("<article-id>:<kind>").
const (
	KindArticle   = "article"
	KindDuplicate = "duplicate"
	// KindCoded is a coded event's: its ID is "<article-id>:event:<n>".
	KindCoded = "event"
)

// NewCodedEvent returns the k-th coded event of d, as published on its
// own.
func NewCodedEvent(d *Doc, k int) event.CodedEvent {
	e := event.CodedEvent{
		Schema:      event.CodedSchema,
		ID:          d.ID + ":" + KindCoded + ":" + strconv.Itoa(k+1),
		ArticleID:   d.ID,
		URL:         d.URL,
		Source:      d.Source,
		PublishedAt: d.PublishedAt,
		Language:    LanguageToken(d.Language.Code),
		Coding:      d.Events[k],
	}
	if d.Dedup != nil {
		e.StoryID = d.Dedup.ClusterID
	}
	return e
}

// NewArticleEvent returns the article event of d.
func NewArticleEvent(d *Doc, version string, input *event.InputRef) event.ArticleEvent {
	return event.ArticleEvent{
		Schema:          event.ArticleSchema,
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
		Events:          d.Events,
		Dedup:           d.Dedup,
		Warnings:        d.Warnings,
		Pipeline:        pipelineInfo(d, version, input),
	}
}

// NewDuplicateNotice returns the duplicate notice of d, whose Dedup must be
// set.
func NewDuplicateNotice(d *Doc, version string, input *event.InputRef) event.DuplicateNotice {
	return event.DuplicateNotice{
		Schema:      event.DuplicateSchema,
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
		Pipeline:    pipelineInfo(d, version, input),
	}
}

func pipelineInfo(d *Doc, version string, input *event.InputRef) event.PipelineInfo {
	return event.PipelineInfo{Version: version, ReceivedAt: d.ReceivedAt, Timings: d.Timings, Input: input}
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
