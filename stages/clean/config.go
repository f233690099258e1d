package clean

import (
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// Config configures the clean stage.
type Config struct {
	// MaxTextBytes bounds the cleaned text. Longer text is cut at the last
	// paragraph break before the bound (or, if that would drop more than
	// half, at the last character boundary) and the article is kept with
	// a warning. It bounds the work and memory of every later stage.
	MaxTextBytes int `json:"max_text_bytes"`
	// DetectBytes is how much of the cleaned text, from its start,
	// language detection reads. The first paragraphs decide a news
	// article's language; reading more costs time and rarely changes it.
	DetectBytes int `json:"detect_bytes"`
	// MinDetectWords is the fewest words a text needs for its language to
	// be detected; shorter text gets "und", as too little to go on.
	MinDetectWords int `json:"min_detect_words"`

	// MaxHTMLBytes, MaxHTMLDepth and MaxHTMLElements bound the pages whose
	// main text is extracted; a larger, deeper or busier page keeps all
	// its visible text, read in one linear pass, with a warning.
	MaxHTMLBytes    int `json:"max_html_bytes"`
	MaxHTMLDepth    int `json:"max_html_depth"`
	MaxHTMLElements int `json:"max_html_elements"`
	// HTMLTimeout bounds main-text extraction of one page; past it the
	// page keeps all its visible text, with a warning.
	HTMLTimeout pipeline.Duration `json:"html_timeout"`
	// HTMLConcurrency bounds the extractions running at once, abandoned
	// ones included; 0 means twice GOMAXPROCS.
	HTMLConcurrency int `json:"html_concurrency"`
}

// Limits of the configuration values.
const (
	minTextBytes = 1 << 10
	maxTextBytes = 1 << 30
	minDetect    = 64
	maxDetect    = 1 << 20
	maxMinWords  = 1000
)

// DefaultConfig returns the defaults: text up to 1 MiB (a long feature is
// 50 KB), language detected from the first 2 KiB (about 300 words of a
// European language), and not below 3 words.
func DefaultConfig() Config {
	return Config{
		MaxTextBytes:   1 << 20,
		DetectBytes:    2 << 10,
		MinDetectWords: 3,
		// A news page is 50 KB to 1 MB, nested 20 to 60 deep, with 1,000 to
		// 10,000 elements. Extraction time grows faster than the page: 60 ms
		// for 500 paragraphs, 2 s for 8,000 (measured).
		MaxHTMLBytes:    2 << 20,
		MaxHTMLDepth:    256,
		MaxHTMLElements: 30_000,
		HTMLTimeout:     pipeline.Duration(2 * time.Second),
	}
}

// Validate reports every invalid field.
func (c Config) Validate() error {
	var errs pipeline.FieldErrors
	if c.MaxTextBytes < minTextBytes || c.MaxTextBytes > maxTextBytes {
		errs.Add("max_text_bytes", c.MaxTextBytes, "must be between 1024 (1 KiB) and 1073741824 (1 GiB)")
	}
	if c.DetectBytes < minDetect || c.DetectBytes > maxDetect {
		errs.Add("detect_bytes", c.DetectBytes, "must be between 64 and 1048576 (1 MiB)")
	}
	if c.MinDetectWords < 1 || c.MinDetectWords > maxMinWords {
		errs.Add("min_detect_words", c.MinDetectWords, "must be between 1 and 1000")
	}
	if c.MaxHTMLBytes < 1<<10 || c.MaxHTMLBytes > maxTextBytes {
		errs.Add("max_html_bytes", c.MaxHTMLBytes, "must be between 1024 and 1073741824 (1 GiB)")
	}
	if c.MaxHTMLDepth < 16 || c.MaxHTMLDepth > 10_000 {
		errs.Add("max_html_depth", c.MaxHTMLDepth, "must be between 16 and 10000")
	}
	if c.MaxHTMLElements < 100 || c.MaxHTMLElements > 10_000_000 {
		errs.Add("max_html_elements", c.MaxHTMLElements, "must be between 100 and 10000000")
	}
	if c.HTMLTimeout < pipeline.Duration(time.Millisecond) {
		errs.Add("html_timeout", c.HTMLTimeout, "must be at least 1ms")
	}
	if c.HTMLConcurrency < 0 || c.HTMLConcurrency > 4096 {
		errs.Add("html_concurrency", c.HTMLConcurrency, "must be between 0 (twice GOMAXPROCS) and 4096")
	}
	return errs.Err()
}
