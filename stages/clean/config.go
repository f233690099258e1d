package clean

import "github.com/newsflow/newsflow/pipeline"

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
	return errs.Err()
}
