package htmlmeta

import (
	"slices"
	"strings"
)

// ldFields is what a page's JSON-LD says about the article, as written
// (not yet cleaned or parsed).
type ldFields struct {
	title, published, modified, site, url, description, lang, website string
	authors                                                           []string
}

// ldGraph collects the objects of a page's JSON-LD blocks that describe
// the page's article.
type ldGraph struct {
	cands []ldCand
	ids   map[string]map[string]any // "@id" -> the object that defines it
	site  string                    // name of the first top-level WebSite
	nodes int                       // objects and arrays visited, for maxLDNodes
}

// ldCand is an object that may describe the article, ranked: objects at
// the top of a block (directly, in an array, in "@graph" or as a
// "mainEntity") above those nested in other properties, which are usually
// related stories, and among those, article types above WebPage types.
type ldCand struct {
	obj  map[string]any
	rank int
}

// add walks one decoded block.
func (g *ldGraph) add(v any) { g.walk(v, 0, true) }

func (g *ldGraph) walk(v any, depth int, top bool) {
	if depth > maxLDDepth || g.nodes >= maxLDNodes {
		return
	}
	switch x := v.(type) {
	case []any:
		g.nodes++
		for _, e := range x {
			g.walk(e, depth+1, top)
		}
	case map[string]any:
		g.nodes++
		g.visit(x, top)
		// Children in key order: map order is random, and which object
		// wins a tie must not be.
		var buf [16]string
		keys := buf[:0]
		for k, c := range x {
			switch c.(type) {
			case map[string]any, []any:
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			g.walk(x[k], depth+1, k == "@graph" || k == "mainEntity")
		}
	}
}

// visit records one object: as a candidate when its type describes an
// article or a page, and under its "@id" when it defines one.
func (g *ldGraph) visit(m map[string]any, top bool) {
	if id, ok := m["@id"].(string); ok && len(m) > 1 {
		if g.ids == nil {
			g.ids = make(map[string]map[string]any)
		}
		if _, dup := g.ids[id]; !dup {
			g.ids[id] = m
		}
	}
	rank := 0
	eachType(m["@type"], func(t string) {
		switch {
		case isArticleType(t):
			rank = max(rank, 2)
		case t == "WebPage" || t == "ItemPage" || strings.HasSuffix(t, "WebPage"):
			rank = max(rank, 1)
		case t == "WebSite" && top && g.site == "":
			g.site = ldText(m["name"])
		}
	})
	if rank == 0 {
		return
	}
	if top {
		rank += 10
	}
	g.cands = append(g.cands, ldCand{obj: m, rank: rank})
}

// isArticleType reports whether a schema.org type (prefix stripped) is
// CreativeWork that is an article or a post: Article and its subtypes
// (NewsArticle, ReportageNews, AnalysisNewsArticle, OpinionNewsArticle,
// BlogPosting, LiveBlogPosting, ...).
func isArticleType(t string) bool {
	switch t {
	case "ReportageNews", "BlogPosting", "LiveBlogPosting", "Report",
		"SocialMediaPosting", "DiscussionForumPosting", "Posting":
		return true
	}
	return strings.HasSuffix(t, "Article")
}

// eachType calls f with each type of an "@type" value (a string or an
// array of them), without a "schema:" or "https://schema.org/" prefix.
func eachType(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		if i := strings.LastIndexAny(x, "/:#"); i >= 0 {
			x = x[i+1:]
		}
		f(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				eachType(s, f)
			}
		}
	}
}

// fields picks each field from the best-ranked candidate that has it (the
// first in document order among equals), so an article object's headline
// wins over the page object's name, and a page object can still supply a
// date its article object lacks.
func (g *ldGraph) fields() ldFields {
	slices.SortStableFunc(g.cands, func(a, b ldCand) int { return b.rank - a.rank })
	f := ldFields{website: g.site}
	for _, c := range g.cands {
		m := c.obj
		fill(&f.title, ldText(m["headline"]), ldText(m["name"]))
		fill(&f.published, ldText(m["datePublished"]), ldText(m["dateCreated"]))
		fill(&f.modified, ldText(m["dateModified"]))
		fill(&f.site, g.name(m["publisher"], 0))
		fill(&f.url, ldURL(m["mainEntityOfPage"]), ldURL(m["url"]))
		fill(&f.description, ldText(m["description"]))
		fill(&f.lang, ldText(m["inLanguage"]))
		if f.authors == nil {
			g.names(m["author"], &f.authors, 0)
			if f.authors == nil {
				g.names(m["creator"], &f.authors, 0)
			}
		}
	}
	return f
}

// fill sets *dst to the first non-empty value when it is empty.
func fill(dst *string, vals ...string) {
	if *dst != "" {
		return
	}
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
			return
		}
	}
}

// names appends the names of an author value: a string, a Person or
// Organization object ("name", or "givenName" and "familyName"), a
// reference to one by "@id", or an array of these.
func (g *ldGraph) names(v any, out *[]string, depth int) {
	if depth > 3 || len(*out) >= maxAuthors {
		return
	}
	switch x := v.(type) {
	case string:
		*out = append(*out, x)
	case []any:
		for _, e := range x {
			g.names(e, out, depth+1)
		}
	case map[string]any:
		if n := g.name(x, depth); n != "" {
			*out = append(*out, n)
		}
	}
}

// name returns the name of an object, an object referred to by "@id", or
// a string, or "".
func (g *ldGraph) name(v any, depth int) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return g.name(x[0], depth+1)
		}
	case map[string]any:
		if n := ldText(x["name"]); n != "" {
			return n
		}
		if n := strings.TrimSpace(ldText(x["givenName"]) + " " + ldText(x["familyName"])); n != "" {
			return n
		}
		// A reference: {"@id": "#author-1"} names an object defined
		// elsewhere in the page's JSON-LD, typically in "@graph".
		if id, ok := x["@id"].(string); ok && depth < 3 {
			if def := g.ids[id]; def != nil {
				return g.name(def, depth+1)
			}
		}
	}
	return ""
}

// ldText returns a text value: a string, the first string of an array, or
// the "@value" of a value object.
func ldText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				return s
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return s
		}
	}
	return ""
}

// ldURL returns a URL value: a string, or an object's "@id" or "url".
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if s, ok := x["@id"].(string); ok {
			return s
		}
		return ldText(x["url"])
	}
	return ""
}
