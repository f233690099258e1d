package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// ArticleHandlerConfig configures an ArticleHandler.
type ArticleHandlerConfig struct {
	Limits Limits
	// SubjectPrefix is the subject prefix of article events, and
	// DuplicatePrefix that of duplicate notices; the language is the last
	// token. An empty DuplicatePrefix is "events.duplicate". CodedPrefix
	// is that of coded events, followed by the event type and the first
	// actor's code; empty, "events.coded".
	SubjectPrefix   string
	DuplicatePrefix string
	CodedPrefix     string
	// Version is the newsflow version recorded in every event.
	Version string
	// StageTimeout bounds each stage's work on one article.
	StageTimeout time.Duration
}

// ArticleHandler is the Handler of the article pipeline: it decodes a
// message once, runs its Chain of stages on it and encodes the article
// event. It implements Lifecycle for the stages that do, so a Runner
// starts and stops them.
type ArticleHandler struct {
	cfg   ArticleHandlerConfig
	chain *Chain
}

var (
	_ Handler   = (*ArticleHandler)(nil)
	_ Lifecycle = (*ArticleHandler)(nil)
)

// NewArticleHandler returns an ArticleHandler running stages in order, each
// wrapped by a Chain with recover, cfg.StageTimeout and metrics on m.
func NewArticleHandler(cfg ArticleHandlerConfig, stages []Stage, m *Metrics, log *slog.Logger) (*ArticleHandler, error) {
	if !validSubjectPrefix(cfg.SubjectPrefix) {
		return nil, fmt.Errorf("new article handler: invalid subject prefix %q", cfg.SubjectPrefix)
	}
	if cfg.DuplicatePrefix == "" {
		cfg.DuplicatePrefix = "events.duplicate"
	}
	if !validSubjectPrefix(cfg.DuplicatePrefix) {
		return nil, fmt.Errorf("new article handler: invalid duplicate subject prefix %q", cfg.DuplicatePrefix)
	}
	if cfg.CodedPrefix == "" {
		cfg.CodedPrefix = "events.coded"
	}
	if !validSubjectPrefix(cfg.CodedPrefix) {
		return nil, fmt.Errorf("new article handler: invalid coded event subject prefix %q", cfg.CodedPrefix)
	}
	if m == nil {
		return nil, errors.New("new article handler: no metrics")
	}
	chain, err := NewChain(stages, cfg.StageTimeout, m, log)
	if err != nil {
		return nil, fmt.Errorf("new article handler: %w", err)
	}
	return &ArticleHandler{cfg: cfg, chain: chain}, nil
}

// Start implements Lifecycle: it starts the stages that implement it.
func (h *ArticleHandler) Start(ctx context.Context) error { return h.chain.Start(ctx) }

// Ready implements Lifecycle.
func (h *ArticleHandler) Ready() <-chan struct{} { return h.chain.Ready() }

// Stop implements Lifecycle.
func (h *ArticleHandler) Stop(ctx context.Context) error { return h.chain.Stop(ctx) }

// Handle implements Handler.
func (h *ArticleHandler) Handle(ctx context.Context, m Message) ([]Output, error) {
	info := m.Info()
	d, err := h.Process(ctx, m.Data(), info.Timestamp)
	if err != nil {
		return nil, err
	}
	input := &event.InputRef{Subject: m.Subject(), Stream: info.Stream, Sequence: info.Sequence}
	out, err := h.Output(d, input)
	if err != nil {
		return nil, err
	}
	coded, err := h.CodedOutputs(d)
	if err != nil {
		return nil, err
	}
	return append([]Output{out}, coded...), nil
}

// Process decodes data into a Doc and runs the chain on it. msgTime is the
// default publication time.
func (h *ArticleHandler) Process(ctx context.Context, data []byte, msgTime time.Time) (*Doc, error) {
	a, err := DecodeArticle(data, h.cfg.Limits)
	if err != nil {
		return nil, &StageError{Stage: "decode", Err: err}
	}
	d, err := NewDoc(&a, msgTime)
	if err != nil {
		return nil, &StageError{Stage: "decode", Err: err}
	}
	d.ReceivedAt = time.Now().UTC()
	if err := h.chain.Process(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// Output encodes the article event of d, or its duplicate notice when
// the dedup stage found it a copy.
func (h *ArticleHandler) Output(d *Doc, input *event.InputRef) (Output, error) {
	lang := LanguageToken(d.Language.Code)
	if d.IsDuplicate() {
		n := NewDuplicateNotice(d, h.cfg.Version, input)
		data, err := encode(n.AppendJSON)
		if err != nil {
			return Output{}, Reject("encode_failed", &StageError{Stage: "encode", Err: err})
		}
		return Output{
			Subject: h.cfg.DuplicatePrefix + "." + lang,
			ID:      d.ID + ":" + KindDuplicate,
			Data:    data,
			Kind:    KindDuplicate,
		}, nil
	}
	return h.ArticleEvent(d, input)
}

// ArticleEvent encodes the article event of d, whether or not the dedup
// stage found it a copy: its dedup field says so.
func (h *ArticleHandler) ArticleEvent(d *Doc, input *event.InputRef) (Output, error) {
	lang := LanguageToken(d.Language.Code)
	ev := NewArticleEvent(d, h.cfg.Version, input)
	data, err := encode(ev.AppendJSON)
	if err != nil {
		// Every field is a plain type: failing here is a bug, not bad input.
		return Output{}, Reject("encode_failed", &StageError{Stage: "encode", Err: err})
	}
	return Output{
		Subject: h.cfg.SubjectPrefix + "." + lang,
		ID:      d.ID + ":" + KindArticle,
		Data:    data,
		Kind:    KindArticle,
	}, nil
}

// CodedOutputs encodes the coded events of d, one message each on
// "<CodedPrefix>.<event>.<actor-code>" (lower case; "xxx" when the first
// actor's code is unknown), with the ID "<article-id>:event:<n>", n from 1
// in the order of the text. A duplicate has none: its events are its
// story's, published with the original.
func (h *ArticleHandler) CodedOutputs(d *Doc) ([]Output, error) {
	if d.IsDuplicate() || len(d.Events) == 0 {
		return nil, nil
	}
	out := make([]Output, len(d.Events))
	data, err := encodeEach(len(d.Events), func(b []byte, k int) ([]byte, error) {
		e := NewCodedEvent(d, k)
		out[k] = Output{
			Subject: h.cfg.CodedPrefix + "." + subjectToken(e.Type, "event") + "." + subjectToken(actorCode(e.Actors), "xxx"),
			ID:      e.ID,
			Kind:    KindCoded,
		}
		return e.AppendJSON(b)
	})
	if err != nil {
		return nil, Reject("encode_failed", &StageError{Stage: "encode", Err: err})
	}
	for k := range out {
		out[k].Data = data[k]
	}
	return out, nil
}

// actorCode is the code of the first actor that has one.
func actorCode(ps []event.Party) string {
	for _, p := range ps {
		if p.Code != "" {
			return p.Code
		}
	}
	return ""
}

// subjectToken lower-cases s for a subject token, def if s is empty or
// holds anything but ASCII letters and digits.
func subjectToken(s, def string) string {
	if s == "" {
		return def
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			return def
		}
		b[i] = c
	}
	return string(b)
}
