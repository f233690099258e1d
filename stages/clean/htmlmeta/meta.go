package htmlmeta

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Meta is what an article page says about itself. Every string is valid
// UTF-8 with character references decoded, white space collapsed and
// length bounded; a field the page does not give is empty or zero.
type Meta struct {
	// Title is the headline, without a " | Site Name" suffix.
	Title string
	// Authors are the people or organisations credited, at most 10.
	Authors []string
	// Published is when the article was first published, zero if not
	// found; PublishedSource says where it was found: SourceJSONLD,
	// SourceMeta, SourceURL or SourceText ("" when not found). A date
	// without a time is midnight UTC; a time without a zone is UTC; a
	// time with a zone keeps its offset.
	Published       time.Time
	PublishedSource string
	// Modified is when the article was last changed (JSON-LD
	// dateModified, article:modified_time), zero if not found.
	Modified time.Time
	// SiteName is the publication's name ("The Daily Example").
	SiteName string
	// CanonicalURL is the absolute http(s) URL the page declares as its
	// own, without a fragment.
	CanonicalURL string
	// Lang is the page's declared language, as written ("en-GB").
	Lang string
	// Description is the page's summary of the article.
	Description string
}

// Sources of a publication date, from most to least trusted.
const (
	SourceJSONLD = "json-ld" // schema.org JSON-LD datePublished
	SourceMeta   = "meta"    // <meta> tags, and microdata such as <time itemprop=datePublished>
	SourceURL    = "url"     // a date in the page's URL path
	SourceText   = "text"    // a dateline or <time> element in the page body
)

// Extract reads the metadata of a parsed page. pageURL is the URL the
// page was fetched from, if known ("" otherwise): it resolves a relative
// canonical link, is read for a date, and names the host that a title's
// site suffix may repeat. Extract does not modify doc, so the tree can be
// shared with other readers, and is safe for concurrent use.
func Extract(doc *html.Node, pageURL string) Meta {
	return extract(doc, pageURL, time.Now())
}

// extract is Extract with the current time given, which bounds plausible
// dates.
func extract(doc *html.Node, pageURL string, now time.Time) Meta {
	var m Meta
	if doc == nil {
		return m
	}
	var w walker
	w.walk(doc)
	ld := w.ld.fields()

	m.SiteName = siteName(w.meta([]metaKey{metaOGSiteName}), ld.site, w.meta([]metaKey{metaApplicationName}), ld.website)
	m.CanonicalURL = canonicalURL(pageURL, w.base, w.canonical, w.meta([]metaKey{metaOGURL}), ld.url)
	host := hostOf(m.CanonicalURL)
	if h := hostOf(pageURL); h != "" {
		host = h
	}
	m.Title = stripSite(firstClean(maxTitle, ld.title, w.meta(titleKeys), w.title, w.h1), m.SiteName, host)
	m.Authors = w.authors(ld.authors)
	m.Published, m.PublishedSource = w.published(ld.published, pageURL, m.CanonicalURL, now)
	m.Modified = firstDate(now, ld.modified, w.meta(modifiedKeys))
	m.Lang = language(w.lang, w.meta(langKeys), ld.lang)
	m.Description = firstClean(maxDescription, ld.description, w.meta(descriptionKeys))
	return m
}

// siteName chooses the site's name. og:site_name is by definition the
// name of the site and comes first; JSON-LD publisher.name comes second
// although JSON-LD is otherwise the most trusted source, because on
// syndicated copies it names the wire service ("Associated Press" on a
// local paper's page) and on hosted blogs the platform ("Blogger"). An
// og:site_name that looks like a slug or a host name ("usatoday",
// "livescience.com") yields to the publisher's and application's names
// and is used only when there is nothing else; a URL is never a name.
func siteName(og, publisher, app, website string) string {
	og = clean(og, maxSiteName)
	weak := og
	if slugLike(og) {
		og = ""
	}
	for _, v := range [...]string{og, publisher, app, website, weak} {
		if v = clean(v, maxSiteName); v != "" && !strings.Contains(v, "://") {
			return v
		}
	}
	return ""
}

// slugLike reports whether a name is written as a slug or a host name: a
// single word in lower case, or containing a dot.
func slugLike(s string) bool {
	if strings.ContainsAny(s, " \u00a0") {
		return false
	}
	return strings.ContainsRune(s, '.') || strings.ToLower(s) == s
}

// published picks the publication date by source, in order of trust.
func (w *walker) published(ld, pageURL, canonical string, now time.Time) (time.Time, string) {
	if t, ok := structuredDate(ld, now); ok {
		return t, SourceJSONLD
	}
	for _, k := range publishedKeys {
		for _, mv := range w.metas {
			if mv.key == k {
				if t, ok := structuredDate(mv.val, now); ok {
					return t, SourceMeta
				}
			}
		}
	}
	for _, v := range w.pubs {
		if t, ok := structuredDate(v, now); ok {
			return t, SourceMeta
		}
		if t, ok := findDate(clean(v, maxSnippet), now); ok {
			return t, SourceMeta
		}
	}
	for _, u := range [...]string{pageURL, canonical} {
		if t, ok := urlDate(u, now); ok {
			return t, SourceURL
		}
	}
	for _, c := range w.cands {
		if c.text == "" {
			continue
		}
		if c.structured {
			if t, ok := parseDate(c.text); ok && plausible(t, floorGuessed, now) {
				return t, SourceText
			}
		} else if t, ok := findDate(clean(c.text, maxSnippet), now); ok {
			return t, SourceText
		}
	}
	return time.Time{}, ""
}

// structuredDate parses a date from JSON-LD, a <meta> tag or a datetime
// attribute and checks that it is plausible.
func structuredDate(s string, now time.Time) (time.Time, bool) {
	t, ok := parseDate(clean(s, 64))
	if !ok || !plausible(t, floorStructured, now) {
		return time.Time{}, false
	}
	return t, true
}

// firstDate returns the first value that is a plausible date, or zero.
func firstDate(now time.Time, vals ...string) time.Time {
	for _, v := range vals {
		if t, ok := structuredDate(v, now); ok {
			return t
		}
	}
	return time.Time{}
}

// authors takes the names of the first source that credits anyone:
// JSON-LD, then the <meta> keys in order, then the microdata
// (itemprop=author) and rel=author bylines in the body, then the first
// element with a "byline" class whose text starts with "By".
func (w *walker) authors(ld []string) []string {
	var l authorList
	for _, a := range ld {
		l.add(a)
	}
	for _, k := range authorKeys {
		if l.names != nil {
			break
		}
		w.metaAll([]metaKey{k}, l.add)
	}
	if l.names == nil {
		for _, b := range w.bylines {
			l.add(b)
		}
	}
	for _, b := range w.byClass {
		if l.names != nil {
			break
		}
		l.add(b)
	}
	return l.names
}

// language returns the first declared language: the <html lang>
// attribute, the Content-Language <meta>, or JSON-LD inLanguage. Only the
// first tag of a list ("en, fr") is kept.
func language(vals ...string) string {
	for _, v := range vals {
		v = clean(v, 4*maxLang)
		if i := strings.IndexAny(v, ",; "); i >= 0 {
			v = v[:i]
		}
		if v != "" && len(v) <= maxLang {
			return v
		}
	}
	return ""
}

// canonicalURL returns the first candidate that resolves, against the
// page's <base> and URL, to an absolute http or https URL.
func canonicalURL(pageURL, base string, cands ...string) string {
	ref, _ := url.Parse(strings.TrimSpace(pageURL))
	if b := strings.TrimSpace(base); b != "" {
		if bu, err := url.Parse(b); err == nil {
			if ref != nil {
				bu = ref.ResolveReference(bu)
			}
			ref = bu
		}
	}
	if ref != nil && !ref.IsAbs() {
		ref = nil
	}
	for _, c := range cands {
		// A URL cut to length would be a different URL: too long is
		// none.
		if c = clean(c, 2*maxURL); c == "" || len(c) > maxURL {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if !u.IsAbs() {
			if ref == nil {
				continue
			}
			u = ref.ResolveReference(u)
		}
		u.Fragment, u.RawFragment = "", ""
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		if s := u.String(); len(s) <= maxURL {
			return s
		}
	}
	return ""
}

// firstClean returns the first value that is not empty once cleaned.
func firstClean(max int, vals ...string) string {
	for _, v := range vals {
		if v = clean(v, max); v != "" {
			return v
		}
	}
	return ""
}
