package htmlmeta

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on what the walk keeps from the page body.
const (
	maxTextCands = 16   // byline and dateline snippets, and <time> values
	maxBylines   = 10   // itemprop=author and rel=author texts
	maxSnippet   = 256  // bytes kept of a dateline or byline snippet
	maxAfterH1   = 3000 // bytes of text after the first <h1> past which no dateline is taken
)

// walker collects, in one walk over the tree, every candidate value
// Extract chooses from. It reads the tree and never changes it.
type walker struct {
	lang, base, title, canonical, h1 string
	titleSeen, h1Seen, canonSeen     bool

	metas   []metaVal
	ld      ldGraph
	blocks  int      // JSON-LD blocks seen
	pubs    []string // microdata publication dates
	cands   []textCand
	bylines []string // itemprop=author and rel=author texts
	byClass []string // texts of class=byline elements that start with "By"

	ctx   []scope   // elements that opened a scope, innermost last
	caps  []capture // open text captures, innermost last
	skip  int       // open nav and aside elements, and page headers and footers
	pub   int       // open elements marked "published" or "pubdate"
	inArt int       // open article, main and section elements

	// afterH1 counts the bytes of text since the first <h1>: datelines
	// sit near the headline, and a date further down is a caption's or
	// a related story's.
	afterH1 int
}

// scope is an element that changes how its descendants are read.
type scope struct {
	node           *html.Node
	skip, pub, art bool
}

// walk visits every node of the tree under doc in document order,
// iteratively (a hostile page can nest deeper than is wise to recurse).
func (w *walker) walk(doc *html.Node) {
	n := doc
	for n != nil {
		if w.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil {
			w.leave(n)
			if n == doc {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// enter handles a node and reports whether to visit its children.
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		if w.skip == 0 {
			// Every capture opens outside the excluded regions, so text
			// inside one (a menu within a byline block) is not the
			// capture's.
			w.text(n.Data)
			if w.h1Seen {
				w.afterH1 += len(strings.TrimSpace(n.Data))
			}
		}
		return false
	case html.ElementNode:
	case html.DocumentNode:
		return true
	default:
		return false
	}
	if n.Namespace != "" {
		return false // svg and math: their <title> is not the page's
	}
	if len(w.caps) > 0 && w.skip == 0 && !inline[n.DataAtom] {
		w.text(" ")
	}
	switch n.DataAtom {
	case atom.Html:
		if w.lang == "" {
			if w.lang = attr(n, "lang"); w.lang == "" {
				w.lang = attr(n, "xml:lang")
			}
		}
	case atom.Base:
		if w.base == "" {
			w.base = attr(n, "href")
		}
	case atom.Title:
		if !w.titleSeen {
			w.titleSeen = true
			w.title = childText(n)
		}
		return false
	case atom.Meta:
		// In the body a <meta> is microdata, and in a menu or a list of
		// related stories it describes another article.
		if w.skip == 0 {
			w.addMeta(n)
		}
		return false
	case atom.Link:
		if !w.canonSeen && hasToken(attr(n, "rel"), "canonical") {
			w.canonSeen = true
			w.canonical = attr(n, "href")
		}
		return false
	case atom.Script:
		w.script(n)
		return false
	case atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object,
		atom.Select, atom.Textarea, atom.Button:
		return false
	case atom.H1:
		if !w.h1Seen && w.skip == 0 {
			w.h1Seen = true
			w.open(n, captureH1, maxTitle)
		}
	case atom.Time:
		w.time(n)
	case atom.A:
		if w.skip == 0 && hasToken(attr(n, "rel"), "author") {
			w.openByline(n)
		}
	}
	w.scopes(n)
	return true
}

// leave closes what entering n opened.
func (w *walker) leave(n *html.Node) {
	for len(w.caps) > 0 && w.caps[len(w.caps)-1].node == n {
		w.close()
	}
	if len(w.caps) > 0 && n.Type == html.ElementNode && !inline[n.DataAtom] {
		w.text(" ")
	}
	if k := len(w.ctx) - 1; k >= 0 && w.ctx[k].node == n {
		s := w.ctx[k]
		w.ctx = w.ctx[:k]
		w.skip -= b2i(s.skip)
		w.pub -= b2i(s.pub)
		w.inArt -= b2i(s.art)
	}
}

// scopes reads the attributes of an element that matter to its
// descendants: the excluded regions, "published" containers, and the
// microdata and class names that mark datelines and bylines.
func (w *walker) scopes(n *html.Node) {
	var s scope
	switch n.DataAtom {
	case atom.Nav, atom.Aside:
		s.skip = true
	case atom.Header, atom.Footer:
		// Outside article, main and section, a header is the page's
		// banner and a footer its content information (their ARIA
		// roles), with the site's logo, menus and often today's date;
		// inside them they are the article's own header and footer,
		// where bylines and datelines are.
		s.skip = w.inArt == 0
	case atom.Article, atom.Main, atom.Section:
		s.art = true
	}
	var class, id, itemprop string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "itemprop":
			itemprop = a.Val
		case "role":
			s.skip = s.skip || a.Val == "banner" || a.Val == "navigation" || a.Val == "contentinfo"
		}
	}
	if containsFold(class, "published") || containsFold(class, "pubdate") ||
		containsFold(itemprop, "published") {
		s.pub = true
	}
	if s.skip || s.pub || s.art {
		w.ctx = append(w.ctx, scope{node: n, skip: s.skip, pub: s.pub, art: s.art})
		w.skip += b2i(s.skip)
		w.pub += b2i(s.pub)
		w.inArt += b2i(s.art)
	}
	if w.skip > 0 {
		return
	}
	switch {
	case strings.EqualFold(itemprop, "datePublished") && n.DataAtom != atom.Time:
		if v := attr(n, "content"); v != "" {
			w.addPub(v)
		} else {
			w.open(n, capturePub, maxSnippet)
		}
	case strings.EqualFold(itemprop, "author") && n.DataAtom != atom.A:
		w.openByline(n)
	}
	if containsFold(class, "byline") && len(w.byClass) < maxBylines {
		w.open(n, captureByClass, maxSnippet)
	}
	if datelike(class) || datelike(id) {
		if w.roomForCand() && !w.afterRevision() {
			w.cands = append(w.cands, textCand{})
			w.open(n, captureDate, maxSnippet)
			w.caps[len(w.caps)-1].slot = len(w.cands) - 1
		}
	}
}

// datelike reports whether a class or id names a dateline or byline.
func datelike(s string) bool {
	return s != "" && (containsFold(s, "date") || containsFold(s, "time") ||
		containsFold(s, "publish") || containsFold(s, "byline") || containsFold(s, "meta"))
}

// time reads a <time> element: its datetime is a microdata publication
// date when the element or a container says so, and a text candidate
// otherwise.
func (w *walker) time(n *html.Node) {
	v := attr(n, "datetime")
	if v == "" || w.skip > 0 {
		return
	}
	ip := attr(n, "itemprop")
	if strings.EqualFold(ip, "datePublished") || w.pub > 0 || hasAttr(n, "pubdate") ||
		containsFold(attr(n, "class"), "published") || containsFold(attr(n, "class"), "pubdate") {
		w.addPub(v)
		return
	}
	if strings.EqualFold(ip, "dateModified") || !w.roomForCand() {
		return
	}
	// "<time ...>Updated ...</time>" is a revision, found when the
	// element closes.
	if w.afterRevision() {
		return
	}
	w.cands = append(w.cands, textCand{text: v, structured: true})
	w.open(n, captureTime, 24)
	w.caps[len(w.caps)-1].slot = len(w.cands) - 1
}

// script reads a JSON-LD block.
func (w *walker) script(n *html.Node) {
	t := strings.TrimSpace(attr(n, "type"))
	if !hasPrefixFold(t, "application/ld+json") || w.blocks >= maxLDBlocks {
		return
	}
	w.blocks++
	if v, ok := decodeLD(childText(n)); ok {
		w.ld.add(v)
	}
}

// attr returns the value of n's attribute key (lower case), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
