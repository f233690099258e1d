package htmlmeta

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textCand is a snippet of page text that may hold the publication date,
// or, when structured, a <time datetime> value.
type textCand struct {
	// text is "" for a candidate found to be a revision date.
	text       string
	structured bool
}

// capture collects the text of an element's subtree.
type capture struct {
	node  *html.Node
	kind  captureKind
	slot  int // index in cands, for captureDate and captureTime
	limit int
	buf   []byte
}

// captureKind says what a capture's text is for, and where close files
// it.
type captureKind uint8

const (
	captureH1      captureKind = iota // the first <h1>: the title of last resort
	captureDate                       // a dateline candidate, in its slot of cands
	capturePub                        // an itemprop=datePublished element without a value attribute
	captureByline                     // an itemprop=author or rel=author element
	captureTime                       // a <time>, whose text may say it is a revision
	captureByClass                    // a "byline" element, kept when it starts with "By"
)

// roomForCand reports whether a dateline candidate may still be taken:
// there are fewer than maxTextCands and the text has not gone more than
// maxAfterH1 bytes past the headline.
func (w *walker) roomForCand() bool {
	return len(w.cands) < maxTextCands && w.afterH1 < maxAfterH1
}

// afterRevision reports whether the dateline being captured has just
// said "Updated" (or "modified", "edited"): an element that starts there
// holds the revision date ("Updated <time ...>").
func (w *walker) afterRevision() bool {
	for i := len(w.caps) - 1; i >= 0; i-- {
		if c := w.caps[i]; c.kind == captureDate {
			b := bytes.TrimRight(c.buf, " \t\r\n:")
			return revision(string(b[max(0, len(b)-24):]))
		}
	}
	return false
}

// addPub records a microdata publication date, as written.
func (w *walker) addPub(v string) {
	if len(w.pubs) < maxTextCands {
		w.pubs = append(w.pubs, v)
	}
}

// openByline starts capturing an author element's text, while there is
// room for more bylines.
func (w *walker) openByline(n *html.Node) {
	if len(w.bylines) < maxBylines {
		w.open(n, captureByline, maxSnippet)
	}
}

// open starts collecting the text under n.
func (w *walker) open(n *html.Node, kind captureKind, limit int) {
	w.caps = append(w.caps, capture{node: n, kind: kind, limit: limit})
}

// text adds text to every open capture that has room. A space is not
// added at the start or after another, so that deep markup cannot fill a
// capture with the spaces between its elements.
func (w *walker) text(s string) {
	for i := range w.caps {
		c := &w.caps[i]
		if s == " " && (len(c.buf) == 0 || c.buf[len(c.buf)-1] == ' ') {
			continue
		}
		if room := c.limit - len(c.buf); room > 0 {
			c.buf = append(c.buf, s[:min(len(s), room)]...)
		}
	}
}

// close ends the innermost capture and files its text.
func (w *walker) close() {
	c := w.caps[len(w.caps)-1]
	w.caps = w.caps[:len(w.caps)-1]
	s := string(c.buf)
	switch c.kind {
	case captureH1:
		w.h1 = s
	case captureDate:
		w.cands[c.slot].text = s
	case capturePub:
		w.addPub(s)
	case captureByline:
		if strings.TrimSpace(s) != "" {
			w.bylines = append(w.bylines, s)
		}
	case captureByClass:
		if t := strings.TrimSpace(s); trimBy(t) != t {
			w.byClass = append(w.byClass, t)
		}
	case captureTime:
		if revision(s) {
			w.cands[c.slot].text = ""
		}
	}
}

// inline elements do not separate words: text on either side of their
// tags runs together ("Apr<b>il</b>"), while other tags are a space.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Data: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true,
}

// childText returns the text of n's text children: the content of a
// <title> or <script>, which the parser keeps as raw text.
func childText(n *html.Node) string {
	c := n.FirstChild
	if c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return c.Data
	}
	var b strings.Builder
	for ; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
