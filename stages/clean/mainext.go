package clean

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// errNoMainText is returned by extractMain when the extractor finds no main
// text; the caller then keeps all visible text.
var errNoMainText = errors.New("no main text found")

// extractor finds a page's main text with go-trafilatura. The library
// takes no context, so each extraction runs on its own goroutine: when it
// overruns its time limit the caller goes on without it. A semaphore,
// which an overrunning extraction holds until it ends, bounds the CPU and
// memory that extractions take, finished or abandoned.
type extractor struct {
	slots   chan struct{}
	timeout time.Duration
}

func newExtractor(concurrency int, timeout time.Duration) *extractor {
	return &extractor{slots: make(chan struct{}, concurrency), timeout: timeout}
}

// extraction is what extractMain finds.
type extraction struct {
	// text holds the main text's blocks separated by "\n\n", for the
	// normalizer.
	text []byte
}

// extractMain parses body and returns its main text. Errors other than the
// context's mean "no main text": the caller falls back to all visible
// text.
func (x *extractor) extractMain(ctx context.Context, doc *html.Node, pageURL string) (extraction, error) {
	ctx, cancel := context.WithTimeout(ctx, x.timeout)
	defer cancel()
	select {
	case x.slots <- struct{}{}:
	case <-ctx.Done():
		return extraction{}, fmt.Errorf("main text: waiting for a slot: %w", ctx.Err())
	}
	opts := trafilatura.Options{
		// The fallback extractors (readability, distiller) were measured
		// to lower F1 on the benchmark corpus (0.9618 without, 0.9597
		// with) while doubling the time.
		EnableFallback: false,
		// Dates come from the page's metadata, where the source of each
		// value is known (htmlmeta).
		HtmlDateMode: trafilatura.Disabled,
		MaxTreeSize:  maxOutputElements,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
		opts.OriginalURL = u
	}
	done := make(chan extraction, 1)
	go func() {
		defer func() { <-x.slots }()
		defer func() {
			// A bug in the library on one hostile page must not take the
			// process down; the page falls back to its visible text.
			if recover() != nil {
				done <- extraction{}
			}
		}()
		text, stats := trafilaturaText(doc, opts)
		if why := suspect(stats, countVisible(doc, 0)); why != notSuspect {
			if second, st2 := readable(doc, opts.OriginalURL); better(why, stats, st2, utf8.RuneCount(second)) {
				text = second
			}
		}
		if len(text) > 0 {
			text = continued(doc, text)
		}
		done <- extraction{text: text}
	}()
	select {
	case ex := <-done:
		if len(ex.text) == 0 {
			return ex, errNoMainText
		}
		return ex, nil
	case <-ctx.Done():
		return extraction{}, fmt.Errorf("main text: %w", ctx.Err())
	}
}

// trafilaturaText returns the main text go-trafilatura finds in doc,
// rendered for the normalizer, and its stats; nil when it finds too little.
func trafilaturaText(doc *html.Node, opts trafilatura.Options) ([]byte, textStats) {
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, textStats{}
	}
	r := renderer{}
	r.render(res.ContentNode, 0, 0)
	switch {
	case utf8.RuneCountInString(res.ContentText) < minMainRunes:
		// Too little to be an article's text, or the library's very last
		// resort (the page's text run together): the caller's fallback
		// keeps all visible text, in paragraphs.
		return nil, textStats{}
	case lastRepeatsAll(r.dst):
		// The library's last resort but one: the text of the page's body,
		// tidied of its chrome, after the few paragraphs found. Its text
		// nodes are lines; the normalizer makes paragraphs.
		return []byte(res.ContentText), r.stats
	}
	return r.dst, r.stats
}

// minMainRunes is the least main text worth keeping: with less, all
// visible text serves better.
const minMainRunes = 100

// maxOutputElements bounds the elements of an extracted main text; a page
// whose "article" has more is not an article.
const maxOutputElements = 20000

// maxRenderDepth bounds the recursion of renderBlocks. The extractor's
// output is shallow; deeper content is cut rather than risked.
const maxRenderDepth = 64

// renderer renders an extracted content tree into text for the
// normalizer.
type renderer struct {
	dst []byte
	// stats counts the words rendered, and those inside links.
	stats textStats
	links int // open <a> elements
	// text is set once a block of text has been rendered: headings before
	// it are the headline and standfirst, which have their own fields or
	// are summaries, not the article's text.
	text bool
}

// render appends the text of n's children, with "\n\n" at the start and
// end of block elements, HTML white space made spaces and lines kept
// inside preformatted text.
func (r *renderer) render(n *html.Node, depth, pre int) {
	if depth > maxRenderDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !r.text && strings.TrimSpace(c.Data) != "" {
				r.text = true
			}
			r.dst = appendHTMLText(r.dst, []byte(c.Data), pre > 0)
			w := countWordsBytes(c.Data)
			r.stats.words += w
			if r.links > 0 {
				r.stats.linkWords += w
			}
		case html.ElementNode:
			// The extractor builds its output tree by name, without atoms.
			a := c.DataAtom
			if a == 0 {
				a = atom.Lookup([]byte(c.Data))
			}
			switch {
			case skipElements[a]:
			case headingElements[a] && !r.text:
			case a == atom.Td || a == atom.Th:
				r.dst = append(r.dst, ' ')
				r.render(c, depth+1, pre)
				r.dst = append(r.dst, ' ')
			case a == atom.Pre:
				r.dst = append(r.dst, '\n', '\n')
				r.render(c, depth+1, pre+1)
				r.dst = append(r.dst, '\n', '\n')
			case a == atom.A:
				r.links++
				r.render(c, depth+1, pre)
				r.links--
			case blockElements[a]:
				r.dst = append(r.dst, '\n', '\n')
				r.render(c, depth+1, pre)
				r.dst = append(r.dst, '\n', '\n')
			default:
				r.render(c, depth+1, pre)
			}
		}
	}
}

var headingElements = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// pruneHidden removes from a parsed page what a browser never shows:
// <template> content and elements with the hidden attribute. The
// extractor, which scores text by its place in the tree, would otherwise
// take them for text.
func pruneHidden(n *html.Node, depth int) {
	if depth > maxPruneDepth {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.DataAtom == atom.Template || hasAttr(c, "hidden") {
				n.RemoveChild(c)
			} else {
				pruneHidden(c, depth+1)
			}
		}
		c = next
	}
}

// maxPruneDepth is checkShape's limit on the pages that reach pruneHidden,
// with room for the elements the parser adds.
const maxPruneDepth = 1 << 12

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// lastRepeatsAll reports whether the last block of text repeats all the
// blocks before it, in order: the output of the extractor's last resort
// for pages where it finds little (its "baseline"), which appends the
// page's whole text after the paragraphs it took from it.
func lastRepeatsAll(text []byte) bool {
	var blocks []string
	for _, b := range strings.Split(string(text), "\n\n") {
		if strings.TrimSpace(b) != "" {
			blocks = append(blocks, b)
		}
	}
	if len(blocks) < 2 {
		return false
	}
	last := textKey(blocks[len(blocks)-1])
	at := 0
	for _, b := range blocks[:len(blocks)-1] {
		k := textKey(b)
		i := strings.Index(last[at:], k)
		if i < 0 {
			return false
		}
		at += i + len(k)
	}
	return true
}

// dropRepeatedTitle removes the first block of text when it is the title:
// pages repeat their headline above the article, and the title has its own
// field. The block may lack the site name the title ends with ("Headline |
// Site"), so a block that is the start of the title, and at least half of
// it, counts as the title too.
func dropRepeatedTitle(text []byte, title string) []byte {
	if title == "" {
		return text
	}
	s := strings.TrimLeft(string(text), " \n")
	first, rest, _ := strings.Cut(s, "\n\n")
	if isTitle(first, title) {
		return []byte(rest)
	}
	return text
}

// isTitle compares a block and a title ignoring case, spaces and
// punctuation: a headline and its repetition differ in little else.
func isTitle(block, title string) bool {
	kb, kt := textKey(block), textKey(title)
	return kb != "" && strings.HasPrefix(kt, kb) && 2*len(kb) >= len(kt)
}

func textKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if c := lookup(r).class(); c == classLetter || c == classNumber || c == classIdeo {
			b.WriteRune(r)
		}
	}
	return b.String()
}
