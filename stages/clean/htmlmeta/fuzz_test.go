package htmlmeta

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkMeta reports a Meta that breaks Extract's promises: invalid UTF-8,
// unbounded strings, too many authors, a source without a date or a date
// without a source.
func checkMeta(t *testing.T, m Meta) {
	t.Helper()
	strs := append([]string{m.Title, m.PublishedSource, m.SiteName, m.CanonicalURL, m.Lang, m.Description}, m.Authors...)
	for _, s := range strs {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
		if s != strings.TrimSpace(s) {
			t.Errorf("untrimmed: %q", s)
		}
	}
	if len(m.Title) > maxTitle || len(m.SiteName) > maxSiteName || len(m.Description) > maxDescription ||
		len(m.CanonicalURL) > maxURL || len(m.Lang) > maxLang {
		t.Errorf("value over its bound: %+v", m)
	}
	if len(m.Authors) > maxAuthors {
		t.Errorf("%d authors", len(m.Authors))
	}
	for _, a := range m.Authors {
		if a == "" || len(a) > maxAuthor {
			t.Errorf("author %q", a)
		}
	}
	if m.Published.IsZero() != (m.PublishedSource == "") {
		t.Errorf("Published %v with source %q", m.Published, m.PublishedSource)
	}
}

func FuzzExtract(f *testing.F) {
	if page, err := os.ReadFile("testdata/article.html"); err == nil {
		f.Add(page, "https://www.millbrookcourier.example/news/2025/04/12/x/")
	}
	f.Add([]byte(`<html lang="en"><title>T | S</title><meta property="og:site_name" content="S"><h1>H</h1>`), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"x","author":{"@id":"#a"}},{"@id":"#a","name":"A"}],}</script>`), "https://example.com/2025/01/02/")
	f.Add([]byte(`<script type="application/ld+json">//<![CDATA[
{"@type":"Article","datePublished":"2025-01-02T03:04:05+06:00"}//]]></script>`), "")
	f.Add([]byte(`<div class="byline">By A and B, Staff | Apr. 1, 2025 9:00 AM ET <time datetime="2025-04-01">x</time></div>`), "/rel")
	f.Add([]byte(`<link rel=canonical href="//x"><base href="::"><meta name=author content="a@b.c">`), "http://[::1]:namedport")
	f.Add([]byte("<title>\xff\xfe&#0;&#x110000;</title><meta name=\"description\" content=\"\x00\">"), "\xff")
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return
		}
		var before bytes.Buffer
		if err := html.Render(&before, doc); err != nil {
			return
		}
		checkMeta(t, Extract(doc, pageURL))
		var after bytes.Buffer
		if err := html.Render(&after, doc); err != nil || !bytes.Equal(before.Bytes(), after.Bytes()) {
			t.Errorf("Extract changed the tree")
		}
	})
}

// TestDeepTree builds a tree deeper than html.Parse allows (a caller
// could build one another way): the walk must not recurse.
func TestDeepTree(t *testing.T) {
	doc := &html.Node{Type: html.DocumentNode}
	n := doc
	for range 200000 {
		c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
			Attr: []html.Attribute{{Key: "class", Val: "meta"}}}
		n.AppendChild(c)
		n = c
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "April 12, 2025"})
	m := extract(doc, "", testNow)
	if !m.Published.Equal(date(2025, 4, 12, 0, 0, 0)) {
		t.Errorf("Published = %v", m.Published)
	}
}

// TestHostileSizes checks that pages built to cost time stay cheap: huge
// attribute values, thousands of meta tags, dateline classes and
// bylines, and a JSON-LD block that is one big array.
func TestHostileSizes(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html lang="` + strings.Repeat("x", 1<<20) + `"><head>`)
	b.WriteString(`<title>` + strings.Repeat("long title ", 100000) + `</title>`)
	for range 5000 {
		b.WriteString(`<meta name="author" content="` + strings.Repeat("a, ", 1000) + `">`)
	}
	b.WriteString(`<script type="application/ld+json">[` + strings.Repeat(`{"@type":"NewsArticle"},`, 40000) + `{}]</script>`)
	b.WriteString(`</head><body>`)
	for range 5000 {
		b.WriteString(`<div class="date byline"><a rel="author">` + strings.Repeat("By x and ", 500) + `</a></div>`)
	}
	b.WriteString(`</body></html>`)
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	m := extract(doc, "", testNow)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Extract took %v", d)
	}
	checkMeta(t, m)
	if len(m.Title) == 0 || m.Lang != "" {
		t.Errorf("Title %d bytes, Lang %q", len(m.Title), m.Lang)
	}
}

// TestConcurrent runs Extract on one shared tree from several goroutines,
// for the race detector.
func TestConcurrent(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	want := Extract(doc, "")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				if got := Extract(doc, ""); got.Title != want.Title || !got.Published.Equal(want.Published) {
					t.Errorf("concurrent Extract = %+v", got)
				}
			}
		})
	}
	wg.Wait()
}

func TestNilDoc(t *testing.T) {
	if m := Extract(nil, "https://example.com/2025/01/01/"); m.Title != "" || !m.Published.IsZero() {
		t.Errorf("Extract(nil) = %+v", m)
	}
}
