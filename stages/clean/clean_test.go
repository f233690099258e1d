package clean

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newStage(tb testing.TB, cfg Config) *Stage {
	tb.Helper()
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	// Extractions abandoned at their timeout run on in the background;
	// waiting for them keeps one test's work out of the next one's
	// measurements (allocation counts are process-wide).
	tb.Cleanup(func() { waitIdle(s.x) })
	return s
}

// waitIdle returns once no extraction of x is running: it holds every
// slot, which abandoned extractions release only when they end.
func waitIdle(x *extractor) {
	for range cap(x.slots) {
		x.slots <- struct{}{}
	}
	for range cap(x.slots) {
		<-x.slots
	}
}

// seedBody returns the body of the worked example article.
func seedBody(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/seed.input.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// cleanText returns the text Process makes of a plain-text body.
func cleanText(tb testing.TB, body string) string {
	tb.Helper()
	d := &pipeline.Doc{Body: body, ContentType: "text/plain"}
	if err := newStage(tb, DefaultConfig()).Process(tb.Context(), d); err != nil {
		tb.Fatal(err)
	}
	return d.Text
}

// TestGolden cleans each testdata/NAME.input.{txt,html} and compares the
// result, with its metadata, to testdata/NAME.golden.txt. Run with
// -update to rewrite the golden files after a deliberate change.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input.*")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	s := newStage(t, DefaultConfig())
	for _, in := range inputs {
		name, ext, _ := strings.Cut(strings.TrimPrefix(in, "testdata/"), ".input.")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d := &pipeline.Doc{Body: string(body), ContentType: map[string]string{"txt": "text/plain", "html": "text/html"}[ext]}
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			got := render(d)
			golden := filepath.Join("testdata", name+".golden.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("Process(%s) =\n%s\nwant (%s)\n%s", in, got, golden, want)
			}
		})
	}
}

// render writes what Process found in a reviewable form: metadata lines,
// a blank line, the text.
func render(d *pipeline.Doc) string {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", d.Title)
	}
	fmt.Fprintf(&b, "language: %s %.2f %s\n", d.Language.Code, d.Language.Confidence, d.Language.Method)
	fmt.Fprintf(&b, "words: %d\n", d.WordCount)
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w.Message)
	}
	b.WriteString("\n")
	b.WriteString(d.Text)
	b.WriteString("\n")
	return b.String()
}

func TestProcessEmpty(t *testing.T) {
	s := newStage(t, DefaultConfig())
	for _, tt := range []struct{ body, contentType string }{
		{" \n\t\r\n ", ""},
		{"\x00\x01\x02\ufeff\u200b\u00ad", "text/plain"},
		{"\u00a0\u3000\u2028\u2029", "text/plain"},
		{"<html><head><title>Only a title</title></head><body><script>x()</script></body></html>", ""},
		{"<p> </p>", "text/html"},
	} {
		d := &pipeline.Doc{Body: tt.body, ContentType: tt.contentType}
		err := s.Process(t.Context(), d)
		if !pipeline.IsPermanent(err) || pipeline.ReasonOf(err) != ReasonEmptyText || !errors.Is(err, ErrEmptyText) {
			t.Errorf("Process(%q) = %v (reason %q); want a permanent error with reason %q", tt.body, err, pipeline.ReasonOf(err), ReasonEmptyText)
		}
	}
}

func TestProcessSharesCleanBody(t *testing.T) {
	body := "Already clean.\n\nNothing to do."
	d := &pipeline.Doc{Body: body}
	s := newStage(t, DefaultConfig())
	if err := s.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if d.Text != body || d.WordCount != 5 {
		t.Errorf("Process(%q) = %q, %d words; want the body, 5 words", body, d.Text, d.WordCount)
	}
	// AllocsPerRun counts every allocation of the process, and the
	// goroutines of other tests (servers, timers, abandoned extractions)
	// allocate too: the least of a few measurements is Process's own.
	least := math.Inf(1)
	for range 10 {
		least = min(least, testing.AllocsPerRun(100, func() {
			d := pipeline.Doc{Body: body, InputLanguage: "en"}
			_ = s.Process(t.Context(), &d)
		}))
		if least == 0 {
			break
		}
	}
	if least != 0 {
		t.Errorf("Process(clean body) allocates %v times; want 0", least)
	}
}

func TestProcessHTML(t *testing.T) {
	tests := []struct {
		name, body, contentType, title, want string
	}{
		{"sniffed", "  <P>One.</P><p>Two &amp; three.</p>", "", "", "One.\n\nTwo & three."},
		{"content type", "<b>bold</b> text", "text/html; charset=utf-8", "", "bold text"},
		{"xhtml", "<p>x</p>", "application/xhtml+xml", "", "x"},
		{"not sniffed", "<notatag> text", "", "", "<notatag> text"},
		{"plain content type", "<p>kept</p>", "text/plain", "", "<p>kept</p>"},
		{"br and li", "<div>a<br>b<ul><li>c</li><li>d</li></ul></div>", "", "", "a\n\nb\n\nc\n\nd"},
		{"inline joins", "<p>in<i>line</i> <a href=x>link</a></p>", "", "", "inline link"},
		{"skipped", "<p>a<script>var x = '<p>no</p>';</script><style>p{}</style>b</p><noscript>no</noscript><template><p>no</p></template><select><option>no</option></select>", "", "", "ab"},
		{"nested skip", "<p>a</p><svg><svg><text>no</text></svg><text>no</text></svg><p>b</p>", "", "", "a\n\nb"},
		{"pre lines", "<pre>line one\nline two\n\n  indented</pre>", "text/html", "", "line one\n\nline two\n\nindented"},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "", "", "a b\n\nc"},
		{"title", "<html><head><title> The\n Title </title></head><body><p>Text.</p></body></html>", "", "The Title", "Text."},
		{"head without end", "<head><title>T</title><meta name=x><p>Text.</p>", "", "T", "Text."},
		{"entities and spaces", "<p>a&nbsp;&nbsp;b&#x2003;c &lt;d&gt;</p>", "", "", "a b c <d>"},
		{"comment", "<!-- c --><p>x</p>", "", "", "x"},
		{"unclosed", "<div><p>a<p>b", "", "", "a\n\nb"},
		{"bom", "\ufeff<!DOCTYPE html><p>x", "", "", "x"},
	}
	s := newStage(t, DefaultConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &pipeline.Doc{Body: tt.body, ContentType: tt.contentType}
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want || d.Title != tt.title {
				t.Errorf("Process(%q) = %q, title %q; want %q, title %q", tt.body, d.Text, d.Title, tt.want, tt.title)
			}
		})
	}
}

func TestProcessKeepsTitle(t *testing.T) {
	d := &pipeline.Doc{Body: "<title>From HTML</title><p>Text.</p>", Title: "Given"}
	if err := newStage(t, DefaultConfig()).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "Given" {
		t.Errorf("Process(title %q).Title = %q; want it kept", "Given", d.Title)
	}
}

func TestSniffHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!doctype html><html>", true},
		{"<!DOCTYPE HTML PUBLIC", true},
		{"\n\t <html lang=en>", true},
		{"<HEAD>", true},
		{"<body>", true},
		{"<article class=x>", true},
		{"<p>text", true},
		{"<div>", true},
		{"<br/>", true},
		{"<!-- comment -->", true},
		{"\ufeff<p>", true},
		{"<pre>", false},
		{"<paragraph>", false},
		{"<3 you", false},
		{"text <p>", false},
		{"<", false},
		{"<p", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := sniffHTML(tt.in); got != tt.want {
			t.Errorf("sniffHTML(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestProcessMaxTextBytes(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxTextBytes = 1024
	para := "A paragraph of some words that is repeated.\n"
	d := &pipeline.Doc{Body: strings.Repeat(para, 100)}
	if err := newStage(t, cfg).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Text) > 1024 || len(d.Text) < 900 || !strings.HasSuffix(d.Text, "repeated.") {
		t.Errorf("Process(%d bytes, max 1024) = %d bytes ending %q; want at most 1024, cut at a paragraph", len(d.Body), len(d.Text), d.Text[len(d.Text)-12:])
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Message, "max_text_bytes") {
		t.Errorf("Process(%d bytes, max 1024).Warnings = %v; want one about max_text_bytes", len(d.Body), d.Warnings)
	}
}

func TestProcessContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s := newStage(t, DefaultConfig())
	for _, ct := range []string{"text/plain", "text/html"} {
		d := &pipeline.Doc{Body: strings.Repeat("<p>word ", 40000), ContentType: ct}
		if err := s.Process(ctx, d); !errors.Is(err, context.Canceled) || pipeline.IsPermanent(err) {
			t.Errorf("Process(%s) with a cancelled context = %v; want a transient %v", ct, err, context.Canceled)
		}
	}
}

func TestProcessConcurrent(t *testing.T) {
	s := newStage(t, DefaultConfig())
	want := cleanText(t, seedBody(t))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				d := &pipeline.Doc{Body: seedBody(t)}
				if err := s.Process(t.Context(), d); err != nil || d.Text != want {
					t.Errorf("concurrent Process = %v, text ok %v", err, d.Text == want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestNew(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil || s.Name() != "clean" {
		t.Fatalf("New(DefaultConfig()) = %v, %v; want the clean stage", s, err)
	}
	var fe pipeline.FieldErrors
	if _, err := New(Config{}); !errors.As(err, &fe) || len(fe) != 7 {
		t.Errorf("New(Config{}) = %v; want 7 field errors", err)
	}
}

// checkText reports what is wrong with a text Process returned, if
// anything.
func checkText(text string) error {
	switch {
	case !utf8.ValidString(text):
		return errors.New("invalid UTF-8")
	case strings.TrimSpace(text) != text:
		return errors.New("leading or trailing white space")
	case strings.Contains(text, "\n\n\n"):
		return errors.New("triple newline")
	case strings.Contains(text, "  "):
		return errors.New("double space")
	case strings.Contains(text, " \n") || strings.Contains(text, "\n "):
		return errors.New("space at a line end")
	}
	if lone := strings.ReplaceAll(text, "\n\n", ""); strings.Contains(lone, "\n") {
		return errors.New("single newline")
	}
	for i, r := range text {
		if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r == '\ufeff' || r == '\u200b' || r == '\u00ad' || r == '\u2028' || r == '\u2029' || r == '\t' || r == '\u00a0' {
			return fmt.Errorf("%U at byte %d", r, i)
		}
	}
	return nil
}
