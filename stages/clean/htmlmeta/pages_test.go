package htmlmeta

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// corpusDir holds the article-extraction benchmark: real publisher pages,
// read in place and never copied into the repository.
const corpusDir = "../../../../shared/corpora/article-extraction-benchmark"

// page is one parsed corpus page.
type page struct {
	id, url string
	size    int
	doc     *html.Node
}

var (
	corpusOnce  sync.Once
	corpusPages []page
	corpusErr   error
)

// corpus returns the corpus pages, parsed once per test binary, or skips
// when the corpus is absent.
func corpus(tb testing.TB) []page {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(corpusDir, "ground-truth.json")); err != nil {
		tb.Skipf("corpus not found at %s: %v", corpusDir, err)
	}
	corpusOnce.Do(func() { corpusPages, corpusErr = loadCorpus() })
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpusPages
}

func loadCorpus() ([]page, error) {
	b, err := os.ReadFile(filepath.Join(corpusDir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "html", "*.html.gz"))
	if err != nil {
		return nil, err
	}
	var pages []page
	for _, f := range files {
		raw, err := readGzip(f)
		if err != nil {
			return nil, err
		}
		doc, err := html.Parse(strings.NewReader(raw))
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		pages = append(pages, page{id: id, url: truth[id].URL, size: len(raw), doc: doc})
	}
	return pages, nil
}

func readGzip(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(zr)
	return string(b), err
}

// TestCorpusCoverage runs Extract over the real pages and checks how often
// each field is found. It asserts coverage only: the pages have no gold
// metadata. The floors sit a little under what was measured, to catch
// regressions; run with -v for the numbers.
func TestCorpusCoverage(t *testing.T) {
	pages := corpus(t)
	var title, authors, published, modified, site, canonical, lang, desc int
	sources := map[string]int{}
	for _, p := range pages {
		m := Extract(p.doc, p.url)
		checkMeta(t, m)
		count := func(n *int, ok bool) {
			if ok {
				*n++
			}
		}
		count(&title, m.Title != "")
		count(&authors, len(m.Authors) > 0)
		count(&published, !m.Published.IsZero())
		count(&modified, !m.Modified.IsZero())
		count(&site, m.SiteName != "")
		count(&canonical, m.CanonicalURL != "")
		count(&lang, m.Lang != "")
		count(&desc, m.Description != "")
		sources[m.PublishedSource]++
	}
	n := len(pages)
	share := func(k int) float64 { return float64(k) / float64(n) }
	t.Logf("%d pages: title %d, authors %d, published %d (json-ld %d, meta %d, url %d, text %d), modified %d, site name %d, canonical %d, lang %d, description %d",
		n, title, authors, published, sources[SourceJSONLD], sources[SourceMeta], sources[SourceURL], sources[SourceText],
		modified, site, canonical, lang, desc)
	for _, c := range []struct {
		field string
		got   int
		floor float64
	}{
		{"title", title, 0.98},
		{"published", published, 0.90},
		{"authors", authors, 0.80},
		{"site name", site, 0.85},
		{"canonical URL", canonical, 0.92},
		{"lang", lang, 0.85},
	} {
		if share(c.got) < c.floor {
			t.Errorf("%s found on %d of %d pages (%.1f%%); want at least %.0f%%", c.field, c.got, n, 100*share(c.got), 100*c.floor)
		}
	}
}

// TestArticlePage checks every field on the benchmark page.
func TestArticlePage(t *testing.T) {
	src, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	m := run(t, string(src), "https://www.millbrookcourier.example/news/2025/04/12/harlow-street-bridge-closure/?utm_source=feed")
	want := Meta{
		Title:           "Harlow Street bridge to close for 11 months for rebuild",
		Authors:         []string{"Jonah Pritchard", "Lena Okafor"},
		Published:       date(2025, 4, 12, 9, 0, -4*3600),
		PublishedSource: SourceJSONLD,
		Modified:        date(2025, 4, 12, 15, 45, -4*3600),
		SiteName:        "The Millbrook Courier",
		CanonicalURL:    "https://www.millbrookcourier.example/news/2025/04/12/harlow-street-bridge-closure/",
		Lang:            "en-GB",
		Description:     "The county transport board voted to close the 1962 bridge in June and replace it with a wider concrete span.",
	}
	if m.Title != want.Title || !slices.Equal(m.Authors, want.Authors) || !m.Published.Equal(want.Published) ||
		m.PublishedSource != want.PublishedSource || !m.Modified.Equal(want.Modified) || m.SiteName != want.SiteName ||
		m.CanonicalURL != want.CanonicalURL || m.Lang != want.Lang || m.Description != want.Description {
		t.Errorf("Extract(article.html) =\n%+v\nwant\n%+v", m, want)
	}
}

// BenchmarkExtract measures Extract on testdata/article.html, a news
// article page of the usual shape (head metadata, JSON-LD @graph,
// navigation, byline, related stories, footer), parsed once outside the
// loop as the caller does.
func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	const u = "https://www.millbrookcourier.example/news/2025/04/12/harlow-street-bridge-closure/"
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc, u)
	}
}

// BenchmarkExtractCorpus measures Extract over the real pages of the
// article-extraction benchmark, one page per iteration in turn.
func BenchmarkExtractCorpus(b *testing.B) {
	pages := corpus(b)
	var size int64
	for _, p := range pages {
		size += int64(p.size)
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pages[i%len(pages)]
		Extract(p.doc, p.url)
		i++
	}
}
