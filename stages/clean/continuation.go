package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page may hold its article in several sibling containers, one per run
// of text between advertisements or embeds (Wired's "article__body", once
// per chunk). The extractors take the one container their rules or scores
// find, and the text of the others is lost. So, once a main text is
// chosen, its first paragraph is looked for in the page; the nearest
// ancestor of that paragraph that has later siblings of its own element
// name and class is the first container, and those siblings are the rest
// of the article. Their paragraphs, headings and list items are appended
// in page order, each sibling only if it has at least minChunkWords words,
// at most half of them link text (a paragraph inside a link is a teaser),
// and none of its paragraphs is in the main text already.
const (
	minChunkWords   = 60 // words a continuing container must have: more than a bio or a note
	maxChunkLevels  = 8  // ancestors of the first paragraph looked at
	maxChunks       = 64 // continuing containers appended at most
	minLocateLetter = 24 // letters of a paragraph enough to find it in the page
)

// continued returns main followed by the text of the containers that
// continue it in doc; main itself if none do.
func continued(doc *html.Node, main []byte) []byte {
	first := locate(doc, main)
	if first == nil {
		return main
	}
	have := textKey(string(main))
	out := main
	for _, c := range continuations(first) {
		r := renderer{text: true}
		paragraphs(&r, c, 0)
		if r.stats.words < minChunkWords || r.stats.linkShare() > linkyShare {
			continue
		}
		if taken(have, r.dst) {
			continue // the extractor took this one too
		}
		out = append(append(out, '\n', '\n'), r.dst...)
	}
	return out
}

// locate finds the <p> of doc that holds the first paragraph of main,
// trying the first blocks of main in turn (the first may be a heading or a
// caption); nil if none is found.
func locate(doc *html.Node, main []byte) *html.Node {
	blocks := strings.Split(string(main), "\n\n")
	tried := 0
	for _, b := range blocks {
		k := textKey(b)
		if len(k) < minLocateLetter {
			continue
		}
		if p := findParagraph(doc, k[:minLocateLetter], 0); p != nil {
			return p
		}
		if tried++; tried == 3 {
			break
		}
	}
	return nil
}

// findParagraph returns the first <p> under n whose text starts with key
// (in textKey form).
func findParagraph(n *html.Node, key string, depth int) *html.Node {
	if depth > maxPruneDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipElements[c.DataAtom] {
			continue
		}
		if c.DataAtom == atom.P {
			if strings.HasPrefix(textKey(nodeText(c)), key) {
				return c
			}
			continue
		}
		if p := findParagraph(c, key, depth+1); p != nil {
			return p
		}
	}
	return nil
}

// continuations returns the later siblings of the nearest ancestor of p
// that has some with its element name and class.
func continuations(p *html.Node) []*html.Node {
	a := p
	for level := 0; level < maxChunkLevels && a.Parent != nil; level++ {
		a = a.Parent
		if a.DataAtom == atom.Body || a.DataAtom == atom.Html {
			return nil
		}
		class := attr(a, "class")
		if class == "" {
			continue
		}
		var same []*html.Node
		for s := a.NextSibling; s != nil && len(same) < maxChunks; s = s.NextSibling {
			if s.Type == html.ElementNode && s.DataAtom == a.DataAtom && s.Data == a.Data && attr(s, "class") == class {
				same = append(same, s)
			}
		}
		if len(same) > 0 {
			return same
		}
	}
	return nil
}

// paragraphs renders the paragraphs, headings and list items under n, as
// the main text is rendered, leaving out figures, asides and navigation.
func paragraphs(r *renderer, n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch a := c.DataAtom; {
		case skipElements[a] || a == atom.Figure || a == atom.Aside || a == atom.Nav || a == atom.Footer || a == atom.Form:
		case a == atom.P || a == atom.Li || a == atom.H2 || a == atom.H3 || a == atom.H4:
			r.dst = append(r.dst, '\n', '\n')
			r.render(c, depth+1, 0)
			r.dst = append(r.dst, '\n', '\n')
		case a == atom.A:
			// A paragraph inside a link is a teaser's: link text.
			r.links++
			paragraphs(r, c, depth+1)
			r.links--
		default:
			paragraphs(r, c, depth+1)
		}
	}
}

// nodeText is the text under n, script and style left out.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !skipElements[c.DataAtom]:
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return b.String()
}

// taken reports whether have, a main text in textKey form, holds text
// already: the start of any of its blocks long enough to tell.
func taken(have string, text []byte) bool {
	for _, b := range strings.Split(string(text), "\n\n") {
		if k := textKey(b); len(k) >= minLocateLetter && strings.Contains(have, k[:minLocateLetter]) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
