package clean

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/clean/htmlmeta"
)

// name is the stage's name in metrics, timings and warnings.
const name = "clean"

// ReasonEmptyText is the dead-letter reason of an article that has no
// text left after cleaning.
const ReasonEmptyText = "empty_text"

// ErrEmptyText is the error, marked permanent with ReasonEmptyText, that
// Process returns for an article with no text left after cleaning.
var ErrEmptyText = errors.New("empty after cleaning")

// Language methods.
const (
	methodInput    = "input"
	methodHTML     = "html"
	methodDetected = "detected"
)

// Stage cleans an article's body into plain text and finds its word
// count and language. It is safe for concurrent use.
type Stage struct {
	cfg Config
	x   *extractor
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns a clean stage, or the configuration's problems.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("clean: %w", err)
	}
	workers := cfg.HTMLConcurrency
	if workers == 0 {
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	return &Stage{cfg: cfg, x: newExtractor(workers, time.Duration(cfg.HTMLTimeout))}, nil
}

// Name returns "clean".
func (s *Stage) Name() string { return name }

// Process fills d.Text, d.WordCount and d.Language from d.Body (and
// d.Title from an HTML body's <title> when d.Title is empty). An article
// with no text left is rejected with ReasonEmptyText; the only other
// error is the context's.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	n := &sc.norm

	if err := checkIsText(d.Body); err != nil {
		return pipeline.Reject(ReasonNotText, err)
	}
	src, htmlLang := d.Body, ""
	if isHTML(d.ContentType, d.Body) {
		var err error
		if src, htmlLang, err = s.htmlText(ctx, d, sc); err != nil {
			return err
		}
	}

	// Input is read up to twice the bound: NFC can shrink text, and the
	// cut is made on the normalised result.
	n.reset(2*s.cfg.MaxTextBytes, false)
	if err := n.write(ctx, src); err != nil {
		return err
	}
	text, cut := n.finish(s.cfg.MaxTextBytes)
	if len(text) == 0 {
		return pipeline.Reject(ReasonEmptyText, ErrEmptyText)
	}
	if cut {
		d.Warn(name, fmt.Sprintf("text cut to %d bytes (max_text_bytes %d)", len(text), s.cfg.MaxTextBytes))
	}
	if string(text) == d.Body {
		d.Text = d.Body // already clean: share it rather than copy it
	} else {
		d.Text = string(text)
	}
	d.WordCount = countWords(d.Text)
	d.Language = s.language(d, htmlLang)
	return nil
}

// htmlText returns the text of an HTML body, for the normalizer, and the
// language the page declares. The text is the page's main text when it can
// be found in time; otherwise all its visible text, with a warning saying
// why. It fills an empty d.Title from the page.
func (s *Stage) htmlText(ctx context.Context, d *pipeline.Doc, sc *scratch) (string, string, error) {
	body, why := d.Body, ""
	switch err := checkShape(ctx, body, s.cfg.MaxHTMLDepth, s.cfg.MaxHTMLElements); {
	case len(body) > s.cfg.MaxHTMLBytes:
		why = fmt.Sprintf("page of %d bytes is over max_html_bytes (%d)", len(body), s.cfg.MaxHTMLBytes)
	case ctx.Err() != nil:
		return "", "", ctx.Err()
	case err != nil:
		why = "page has " + err.Error()
	default:
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			why = "page does not parse"
			break
		}
		meta := htmlmeta.Extract(doc, d.URL)
		if err := s.fillTitle(ctx, d, &sc.norm, meta.Title); err != nil {
			return "", "", err
		}
		fillMeta(d, meta)
		lang := meta.Lang
		pruneHidden(doc, 0)
		ex, err := s.x.extractMain(ctx, doc, d.URL)
		switch {
		case err == nil:
			return string(dropRepeatedTitle(ex.text, d.Title)), lang, nil
		case ctx.Err() != nil:
			return "", "", ctx.Err()
		case errors.Is(err, context.DeadlineExceeded):
			why = fmt.Sprintf("main-text extraction took over %v", s.x.timeout)
		default:
			why = "no main text found"
		}
	}
	d.Warn(name, why+": all visible text kept")
	var (
		p   page
		err error
	)
	sc.html, p, err = extractHTML(ctx, sc.html[:0], body, sc.title[:0], d.Title == "")
	if err != nil {
		return "", "", err
	}
	sc.title = p.title
	if err := s.fillTitle(ctx, d, &sc.norm, string(p.title)); err != nil {
		return "", "", err
	}
	return string(dropRepeatedTitle(sc.html, d.Title)), p.lang, nil
}

// fillMeta fills what the article lacks with what its page says of
// itself: authors, the publication time (better than the message's), the
// site name and the canonical URL.
func fillMeta(d *pipeline.Doc, m htmlmeta.Meta) {
	if len(d.Authors) == 0 {
		d.Authors = m.Authors
	}
	if d.PublishedSource == pipeline.PublishedFromMessage && !m.Published.IsZero() {
		d.PublishedAt, d.PublishedSource = m.Published, m.PublishedSource
	}
	d.SiteName = m.SiteName
	d.CanonicalURL = m.CanonicalURL
}

// fillTitle sets d.Title to the cleaned raw title when d has none.
func (s *Stage) fillTitle(ctx context.Context, d *pipeline.Doc, n *normalizer, raw string) error {
	if d.Title != "" || raw == "" {
		return nil
	}
	n.reset(2*s.cfg.MaxTextBytes, true)
	if err := n.write(ctx, raw); err != nil {
		return err
	}
	if t, _ := n.finish(s.cfg.MaxTextBytes); len(t) > 0 {
		d.Title = string(t)
	}
	return nil
}

// scratch holds the buffers of one Process call, reused through a pool so
// that cleaning allocates little more than the resulting string.
type scratch struct {
	norm  normalizer
	html  []byte
	title []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledBytes bounds each buffer kept for reuse, so that one huge
// article does not pin its memory.
const maxPooledBytes = 256 << 10

func (sc *scratch) release() {
	for _, b := range []*[]byte{&sc.norm.buf, &sc.norm.alt, &sc.html, &sc.title} {
		if cap(*b) > maxPooledBytes {
			*b = nil
		}
	}
	scratchPool.Put(sc)
}

// languageAliases canonicalises declared codes, so that one language gets
// one code (and one subject token) however it was declared: ISO 639-2
// codes of the detected languages become their ISO 639-1 codes, "nb"
// becomes "no" as detection has it, and the withdrawn codes iw, in and ji
// their current ones.
var languageAliases = map[string]string{
	"nb": "no", "nob": "no", "nor": "no",
	"iw": "he", "in": "id", "ji": "yi",
	"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
	"spa": "es", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl",
	"swe": "sv", "dan": "da", "fin": "fi", "pol": "pl", "ces": "cs",
	"cze": "cs", "ron": "ro", "rum": "ro", "tur": "tr", "ind": "id",
	"hun": "hu", "rus": "ru", "ukr": "uk", "bul": "bg", "srp": "sr",
	"ara": "ar", "fas": "fa", "per": "fa", "urd": "ur", "hin": "hi",
	"zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko", "ell": "el",
	"gre": "el", "heb": "he", "tha": "th", "kat": "ka", "geo": "ka",
	"hye": "hy", "arm": "hy",
}

// primaryLanguage returns the canonical primary subtag of a declared
// language tag ("en-GB", "pt_BR", "EN"), and false if the tag does not
// start with 2 or 3 ASCII letters.
func primaryLanguage(tag string) (string, bool) {
	p, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	p, _, _ = strings.Cut(p, "_")
	if len(p) < 2 || len(p) > 3 {
		return "", false
	}
	var lower [3]byte
	for i := 0; i < len(p); i++ {
		c := p[i] | 0x20
		if c < 'a' || c > 'z' {
			return "", false
		}
		lower[i] = c
	}
	code := lower[:len(p)]
	if alias, ok := languageAliases[string(code)]; ok {
		return alias, true
	}
	if string(code) == p {
		return p, true // already lowercase: no copy
	}
	return string(code), true
}

// minOverrideConfidence is the detection confidence above which detection
// overrides the language a page declares.
const minOverrideConfidence = 0.8

// language decides d's language: the declared one when valid; else the one
// the HTML declares, checked against detection; else detection.
func (s *Stage) language(d *pipeline.Doc, htmlLang string) event.Language {
	if d.InputLanguage != "" {
		code, ok := primaryLanguage(d.InputLanguage)
		switch {
		case !ok:
			d.Warn(name, fmt.Sprintf("invalid language %q ignored: detecting it", truncate(d.InputLanguage, 32)))
		case code != undetermined:
			return event.Language{Code: code, Confidence: 1, Method: methodInput}
		}
	}
	htmlCode, declared := primaryLanguage(htmlLang)
	declared = declared && htmlCode != undetermined
	if d.WordCount < s.cfg.MinDetectWords {
		if declared {
			return event.Language{Code: htmlCode, Confidence: 1, Method: methodHTML}
		}
		return event.Language{Code: undetermined, Method: methodDetected}
	}
	code, conf := detectLanguage(prefix(d.Text, s.cfg.DetectBytes))
	if declared {
		// Pages declare their template's language, not always their
		// article's: a confident detection that disagrees wins.
		if code != htmlCode && conf >= minOverrideConfidence {
			d.Warn(name, fmt.Sprintf("page declares language %q, text reads as %q", htmlCode, code))
			return event.Language{Code: code, Confidence: conf, Method: methodDetected}
		}
		return event.Language{Code: htmlCode, Confidence: 1, Method: methodHTML}
	}
	return event.Language{Code: code, Confidence: conf, Method: methodDetected}
}

// prefix returns at most n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// truncate shortens s, for a message, to about n bytes.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return prefix(s, n) + "…"
}
