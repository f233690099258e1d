package htmlmeta

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// testNow is the "now" of the tests, so that the future-date bound does
// not move under them.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// run parses src and extracts its metadata as of testNow.
func run(t *testing.T, src, pageURL string) Meta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return extract(doc, pageURL, testNow)
}

func date(y int, m time.Month, d, h, min int, off int) time.Time {
	loc := time.UTC
	if off != 0 {
		loc = time.FixedZone("", off)
	}
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

func TestPublishedSources(t *testing.T) {
	const (
		ld   = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-12T09:00:00Z"}</script>`
		meta = `<meta property="article:published_time" content="2025-04-11T08:00:00Z">`
		text = `<p class="dateline">Published April 10, 2025</p>`
		url  = "https://example.com/news/2025/04/09/story/"
	)
	tests := []struct {
		name, head, body, url string
		want                  time.Time
		source                string
	}{
		{"json-ld over all", ld + meta, text, url, date(2025, 4, 12, 9, 0, 0), SourceJSONLD},
		{"meta over url and text", meta, text, url, date(2025, 4, 11, 8, 0, 0), SourceMeta},
		{"url over text", "", text, url, date(2025, 4, 9, 0, 0, 0), SourceURL},
		{"text", "", text, "https://example.com/story", date(2025, 4, 10, 0, 0, 0), SourceText},
		{"none", "", "<p>No date here.</p>", "", time.Time{}, ""},
		{"bad json-ld date falls through", `<script type="application/ld+json">{"@type":"Article","datePublished":"soon"}</script>` + meta,
			"", "", date(2025, 4, 11, 8, 0, 0), SourceMeta},
		{"zero json-ld date falls through", `<script type="application/ld+json">{"@type":"Article","datePublished":"0001-01-01T00:00:00Z"}</script>` + meta,
			"", "", date(2025, 4, 11, 8, 0, 0), SourceMeta},
		{"future meta date rejected", `<meta property="article:published_time" content="2031-01-01">`,
			"", "", time.Time{}, ""},
		{"meta key order", `<meta name="date" content="2025-01-01"><meta name="parsely-pub-date" content="2025-02-02">`,
			"", "", date(2025, 2, 2, 0, 0, 0), SourceMeta},
		{"microdata time", "", `<time itemprop="datePublished" datetime="2025-03-03T10:00:00+02:00">March 3</time>`,
			"", date(2025, 3, 3, 10, 0, 2*3600), SourceMeta},
		{"time in published container", "", `<div class="post-published"><time datetime="2025-03-04">4 March</time></div>`,
			"", date(2025, 3, 4, 0, 0, 0), SourceMeta},
		{"itemprop content", "", `<span itemprop="datePublished" content="2025-03-05">5 March</span>`,
			"", date(2025, 3, 5, 0, 0, 0), SourceMeta},
		{"itemprop text", "", `<span itemprop="datePublished">March 6, 2025</span>`,
			"", date(2025, 3, 6, 0, 0, 0), SourceMeta},
		{"plain time is text", "", `<article><time datetime="2025-03-07T07:00">7 March</time></article>`,
			"", date(2025, 3, 7, 7, 0, 0), SourceText},
		{"canonical url date", `<link rel="canonical" href="https://example.com/2025/03/08/x">`, "",
			"", date(2025, 3, 8, 0, 0, 0), SourceURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			m := run(t, src, tt.url)
			if !m.Published.Equal(tt.want) || m.PublishedSource != tt.source {
				t.Errorf("Published = %v (%q); want %v (%q)", m.Published, m.PublishedSource, tt.want, tt.source)
			}
		})
	}
}

func TestTextDates(t *testing.T) {
	tests := []struct {
		name, body string
		want       time.Time
	}{
		{"byline", `<h1>Headline</h1><div class="byline">By Jane Doe | Apr. 12, 2025 9:00 AM ET</div>`, date(2025, 4, 12, 9, 0, -4*3600)},
		{"updated skipped", `<div class="meta">Updated May 2, 2025. First published April 30, 2025</div>`, date(2025, 4, 30, 0, 0, 0)},
		{"updated time skipped", `<div class="meta">Updated <time datetime="2025-05-02">May 2</time></div><div class="date">1 May 2025</div>`, date(2025, 5, 1, 0, 0, 0)},
		{"masthead skipped", `<header><span class="today-date">May 20, 2025</span></header><article><p class="date">12 May 2025</p></article>`, date(2025, 5, 12, 0, 0, 0)},
		{"article header read", `<article><header><span class="date">13 May 2025</span></header></article>`, date(2025, 5, 13, 0, 0, 0)},
		{"nav and aside skipped", `<nav><span class="date">May 20, 2025</span></nav><aside><time datetime="2025-05-21">x</time></aside>`, time.Time{}},
		{"far below headline", `<h1>Headline</h1><p>` + strings.Repeat("Words of the story. ", 200) + `</p><span class="date">May 3, 2025</span>`, time.Time{}},
		{"no year", `<div class="date">April 12</div>`, time.Time{}},
		{"implausible year", `<div class="date">April 12, 1985</div>`, time.Time{}},
		{"future", `<div class="date">April 12, 2030</div>`, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := run(t, "<html><body>"+tt.body+"</body></html>", "")
			if !m.Published.Equal(tt.want) {
				t.Errorf("Published = %v (%q); want %v", m.Published, m.PublishedSource, tt.want)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, src, url, want string
	}{
		{"json-ld headline first", `<title>T | Site</title><meta property="og:title" content="OG"><script type="application/ld+json">{"@type":"Article","headline":"LD"}</script>`, "", "LD"},
		{"og:title next", `<title>T</title><meta property="og:title" content="OG &amp;amp; more">`, "", "OG & more"},
		{"title suffix is site name", `<meta property="og:site_name" content="The Daily Example"><title>Storm hits coast | The Daily Example</title>`, "", "Storm hits coast"},
		{"title suffix is host", `<title>Storm hits coast - DailyExample.com</title>`, "https://www.dailyexample.com/a", "Storm hits coast"},
		{"title suffix is host label", `<title>Storm hits coast — Daily Example</title>`, "https://dailyexample.co.uk/a", "Storm hits coast"},
		{"site name mid-title kept", `<meta property="og:site_name" content="Example News"><title>Example News: x | Example News - Storm</title>`, "", "Example News: x | Example News - Storm"},
		{"title site prefix", `<meta property="og:site_name" content="Example News"><title>Example News | Storm hits coast</title>`, "", "Storm hits coast"},
		{"other suffix kept", `<meta property="og:site_name" content="Example News"><title>Storm hits coast | Weather</title>`, "", "Storm hits coast | Weather"},
		{"only the site", `<meta property="og:site_name" content="Example News"><title>Example News</title>`, "", "Example News"},
		{"h1 last", `<title> </title></head><body><header><h1>Logo</h1></header><h1>Real <em>headline</em></h1>`, "", "Real headline"},
		{"svg title ignored", `</head><body><svg><title>icon</title></svg><h1>Headline</h1>`, "", "Headline"},
		{"white space", "<title>\n  A\u00a0 long\ttitle  </title>", "", "A long title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(t, "<html><head>"+tt.src, tt.url).Title; got != tt.want {
				t.Errorf("Title = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestFields(t *testing.T) {
	const u = "https://example.com/news/story.html"
	tests := []struct {
		name, src string
		get       func(Meta) string
		want      string
	}{
		{"canonical relative", `<link rel="canonical" href="/news/story#top">`, canon, "https://example.com/news/story"},
		{"canonical base", `<base href="https://cdn.example.org/x/"><link rel="Canonical" href="story">`, canon, "https://cdn.example.org/x/story"},
		{"canonical og:url", `<meta property="og:url" content="https://example.com/og">`, canon, "https://example.com/og"},
		{"canonical not http", `<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://x/y">`, canon, ""},
		{"site og first", `<meta property="og:site_name" content="Example Post"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Wire Service"}}</script>`, site, "Example Post"},
		{"site slug yields", `<meta property="og:site_name" content="examplepost"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"The Example Post"}}</script>`, site, "The Example Post"},
		{"site slug alone", `<meta property="og:site_name" content="examplepost">`, site, "examplepost"},
		{"site application-name", `<meta name="application-name" content="Example App">`, site, "Example App"},
		{"site url never", `<meta property="og:site_name" content="https://example.com">`, site, ""},
		{"lang html", `<meta http-equiv="Content-Language" content="fr">`, lang, "en-GB"},
		{"description", `<meta name="description" content="  Short   summary. ">`, desc, "Short summary."},
		{"description og", `<meta property="og:description" content="OG summary">`, desc, "OG summary"},
		{"modified", `<meta property="article:modified_time" content="2025-04-12T10:00:00+01:00">`, mod, "2025-04-12T10:00:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := run(t, `<html lang="en-GB"><head>`+tt.src, u)
			if got := tt.get(m); got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
	if got := run(t, `<html><head><meta http-equiv="content-language" content="de-AT, en">`, u).Lang; got != "de-AT" {
		t.Errorf("Lang from Content-Language = %q; want %q", got, "de-AT")
	}
}

func canon(m Meta) string { return m.CanonicalURL }
func site(m Meta) string  { return m.SiteName }
func lang(m Meta) string  { return m.Lang }
func desc(m Meta) string  { return m.Description }
func mod(m Meta) string {
	if m.Modified.IsZero() {
		return ""
	}
	return m.Modified.Format(time.RFC3339)
}
