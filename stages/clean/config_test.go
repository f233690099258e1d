package clean

import (
	"errors"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Config)
		fields []string // invalid fields, in order
	}{
		{"defaults", func(*Config) {}, nil},
		{"smallest", func(c *Config) {
			*c = Config{MaxTextBytes: 1024, DetectBytes: 64, MinDetectWords: 1, MaxHTMLBytes: 1024, MaxHTMLDepth: 16,
				MaxHTMLElements: 100, HTMLTimeout: pipeline.Duration(time.Millisecond)}
		}, nil},
		{"largest", func(c *Config) {
			*c = Config{MaxTextBytes: 1 << 30, DetectBytes: 1 << 20, MinDetectWords: 1000, MaxHTMLBytes: 1 << 30, MaxHTMLDepth: 10_000,
				MaxHTMLElements: 10_000_000, HTMLTimeout: pipeline.Duration(time.Hour), HTMLConcurrency: 4096}
		}, nil},
		{"zero", func(c *Config) { *c = Config{} }, []string{"max_text_bytes", "detect_bytes", "min_detect_words",
			"max_html_bytes", "max_html_depth", "max_html_elements", "html_timeout"}},
		{"negative concurrency", func(c *Config) { c.HTMLConcurrency = -1 }, []string{"html_concurrency"}},
		{"shallow html", func(c *Config) { c.MaxHTMLDepth = 8 }, []string{"max_html_depth"}},
		{"negative max", func(c *Config) { c.MaxTextBytes = -1 }, []string{"max_text_bytes"}},
		{"tiny max", func(c *Config) { c.MaxTextBytes = 100 }, []string{"max_text_bytes"}},
		{"huge max", func(c *Config) { c.MaxTextBytes = 1<<30 + 1 }, []string{"max_text_bytes"}},
		{"tiny detect", func(c *Config) { c.DetectBytes = 10 }, []string{"detect_bytes"}},
		{"huge detect", func(c *Config) { c.DetectBytes = 1<<20 + 1 }, []string{"detect_bytes"}},
		{"zero words", func(c *Config) { c.MinDetectWords = 0 }, []string{"min_detect_words"}},
		{"many words", func(c *Config) { c.MinDetectWords = 1001 }, []string{"min_detect_words"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultConfig()
			tt.modify(&c)
			err := c.Validate()
			var fe pipeline.FieldErrors
			if err != nil && !errors.As(err, &fe) {
				t.Fatalf("%+v.Validate() = %T %v; want pipeline.FieldErrors", c, err, err)
			}
			var got []string
			for _, f := range fe {
				got = append(got, f.Field)
			}
			if len(got) != len(tt.fields) {
				t.Fatalf("%+v.Validate() = %v; want problems with %v", c, err, tt.fields)
			}
			for i := range got {
				if got[i] != tt.fields[i] {
					t.Errorf("%+v.Validate() = %v; want problems with %v", c, err, tt.fields)
				}
			}
		})
	}
}
