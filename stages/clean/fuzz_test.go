package clean

import (
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"golang.org/x/text/unicode/norm"
)

var fuzzContentTypes = []string{"text/plain", "text/html", ""}

// FuzzClean checks the promises of the package documentation on any
// input: no panic; valid UTF-8 in NFC; paragraphs separated by exactly
// "\n\n"; no control characters or stray white space; rejection only for
// empty text or binary data; and, for plain text, that cleaning is
// idempotent.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "a\nb", "a\n\nb", "a\r\nb\rc", "\x00", "\xff\xfe", "e\u0301",
		"  indented\nnot", "- item\n- item", wire, letter, "<p>x</p>", "<html><title>t</title>",
		"a\u2028b\u2029c", "\u00a0\u3000x\t\ty", "\u0645\u06cc\u200c\u0634\u0648\u062f",
		"e\x00\u0301", "x \u0301", "\u212b", "A\u030a\u0323", "\ufeff<div>a<br>b</div>",
	} {
		for k := range fuzzContentTypes {
			f.Add(s, uint8(k))
		}
	}
	f.Add(seedBody(f), uint8(0))
	// Below the limits Validate allows, to exercise cutting on small input.
	small := DefaultConfig()
	small.MaxTextBytes, small.DetectBytes, small.MinDetectWords = 64, 64, 1
	s := &Stage{cfg: small, x: newExtractor(2, time.Duration(small.HTMLTimeout))}
	f.Cleanup(func() { waitIdle(s.x) })
	big := newStage(f, DefaultConfig())
	f.Fuzz(func(t *testing.T, body string, kind uint8) {
		ct := fuzzContentTypes[int(kind)%len(fuzzContentTypes)]
		for _, st := range []*Stage{s, big} {
			d := &pipeline.Doc{Body: body, ContentType: ct}
			if err := st.Process(t.Context(), d); err != nil {
				if r := pipeline.ReasonOf(err); r != ReasonEmptyText && r != ReasonNotText {
					t.Fatalf("Process(%q, %q) = %v; want nil, %s or %s", body, ct, err, ReasonEmptyText, ReasonNotText)
				}
				continue
			}
			if err := checkText(d.Text); err != nil {
				t.Fatalf("Process(%q, %q) = %q: %v", body, ct, d.Text, err)
			}
			if !norm.NFC.IsNormalString(d.Text) {
				t.Fatalf("Process(%q, %q) = %q: not NFC", body, ct, d.Text)
			}
			if len(d.Text) > st.cfg.MaxTextBytes {
				t.Fatalf("Process(%q, %q) = %d bytes; want at most %d", body, ct, len(d.Text), st.cfg.MaxTextBytes)
			}
			if c := d.Language.Confidence; c < 0 || c > 1 {
				t.Fatalf("Process(%q, %q).Language = %+v: confidence out of [0, 1]", body, ct, d.Language)
			}
			if ct == "text/plain" {
				again := &pipeline.Doc{Body: d.Text, ContentType: ct}
				if err := st.Process(t.Context(), again); err != nil || again.Text != d.Text {
					t.Fatalf("Process(Process(%q)) = %q, %v; want %q", body, again.Text, err, d.Text)
				}
				if again.WordCount != d.WordCount || again.Language != d.Language {
					t.Fatalf("Process(Process(%q)) = %d words, %+v; want %d, %+v", body, again.WordCount, again.Language, d.WordCount, d.Language)
				}
			}
		}
	})
}
