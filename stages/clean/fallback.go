package clean

import (
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// When go-trafilatura's main text looks wrong, a second extractor, the
// readability algorithm of Firefox's reader view (Readability.js as
// codeberg.org/readeck/go-readability ports it), reads the page too, and
// the better of the two is kept. This is what trafilatura does with its
// own fallbacks, but only for the pages that need it: on the others the
// second extractor costs time and, measured on the extraction benchmark,
// a little quality.
//
// The main text looks wrong when it holds fewer words than a tenth of the
// page's visible text (the extractor kept a caption, a teaser, a language
// menu), when more than half of its words are link text (it kept the
// comments, the related stories, the navigation), or when it is the
// page's whole visible text (the extractor's last resort: it found no
// article). Readability's text is then kept if it has more than
// minMainRunes characters and at most half of it is link text, and: the
// first found nothing; or the first was small and the second has at least
// twice its words; or the first was mostly links and the second has less
// than half its share of link text; or the first was the whole page and
// the second at most half of it.
const (
	smallShare = 0.1 // of the visible words, under which the text is small
	wholeShare = 0.9 // of the visible words, over which the text is the page
	linkyShare = 0.5 // of link text, over which the text is links
	minVisible = 80  // visible words under which a page is not second-guessed
)

// textStats are the words of a text and how many of them are link text.
type textStats struct {
	words, linkWords int
}

func (t textStats) linkShare() float64 {
	if t.words == 0 {
		return 0
	}
	return float64(t.linkWords) / float64(t.words)
}

// suspicion is why a main text looks wrong, if it does.
type suspicion int

const (
	notSuspect suspicion = iota
	tooSmall
	tooLinky
	wholePage
)

// suspect says whether and why main, the main text found on a page of
// visible words, looks like a wrong extraction.
func suspect(main textStats, visible int) suspicion {
	switch {
	case visible < minVisible:
		return notSuspect
	case main.linkShare() > linkyShare:
		return tooLinky
	case float64(main.words) < smallShare*float64(visible):
		return tooSmall
	case float64(main.words) >= wholeShare*float64(visible):
		return wholePage
	}
	return notSuspect
}

// better reports whether second, found by the second extractor, should
// replace first, suspected for why: see the rule above.
func better(why suspicion, first, second textStats, secondRunes int) bool {
	if secondRunes < minMainRunes || second.linkShare() > linkyShare {
		return false
	}
	switch why {
	case tooSmall:
		return first.words == 0 || second.words >= 2*first.words
	case tooLinky:
		return second.linkShare() < first.linkShare()/2
	case wholePage:
		return 2*second.words <= first.words
	}
	return false
}

// readable returns the main text the readability algorithm finds in doc,
// rendered for the normalizer, and its stats; nil when it finds none. doc
// is left as it is.
func readable(doc *html.Node, pageURL *url.URL) ([]byte, textStats) {
	p := readability.NewParser()
	art, err := p.ParseDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return nil, textStats{}
	}
	r := renderer{}
	r.render(art.Node, 0, 0)
	return r.dst, r.stats
}

// countVisible counts the words of the text a browser shows of doc, its
// navigation and footer included.
func countVisible(n *html.Node, depth int) int {
	if depth > maxPruneDepth {
		return 0
	}
	words := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			words += countWordsBytes(c.Data)
		case html.ElementNode:
			if !skipElements[c.DataAtom] && c.DataAtom != atom.Head {
				words += countVisible(c, depth+1)
			}
		}
	}
	return words
}

// countWordsBytes counts the runs of non-space bytes of s: a word count
// good enough to compare two texts of one page.
func countWordsBytes(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
