package clean

import (
	"bytes"
	"context"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isHTML reports whether the body is HTML: as the content type says, or,
// when there is none, as its first tag says.
func isHTML(contentType, body string) bool {
	if contentType != "" {
		mt, _, _ := strings.Cut(contentType, ";")
		mt = strings.TrimSpace(mt)
		return strings.EqualFold(mt, "text/html") || strings.EqualFold(mt, "application/xhtml+xml")
	}
	return sniffHTML(body)
}

// htmlSignatures are the starts of an HTML document: those of the WHATWG
// MIME sniffing standard, and the elements a fragment of article markup
// usually starts with. Each must be followed by white space, '>' or '/'.
var htmlSignatures = []string{
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<h2",
	"<h3", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body",
	"<br", "<p", "<meta", "<link", "<article", "<section", "<main",
	"<header", "<span", "<ul", "<ol", "<figure", "<img", "<blockquote",
}

// sniffHTML reports whether body, after leading white space and byte
// order marks, starts with an HTML comment or one of htmlSignatures.
func sniffHTML(body string) bool {
	s := strings.TrimLeft(body, " \t\n\r\f\ufeff")
	if len(s) < 2 || s[0] != '<' {
		return false
	}
	if strings.HasPrefix(s, "<!--") {
		return true
	}
	for _, sig := range htmlSignatures {
		if len(s) > len(sig) && strings.EqualFold(s[:len(sig)], sig) {
			switch s[len(sig)] {
			case ' ', '\t', '\n', '\r', '\f', '>', '/':
				return true
			}
		}
	}
	return false
}

// skipElements hold no article text: code, styling, metadata, embedded
// media and their fallbacks, and form controls.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Noembed: true,
	atom.Noframes: true, atom.Select: true, atom.Textarea: true,
}

// boilerplateElements hold a page's chrome, not its article: the
// fallback, which keeps all other visible text, leaves them out, as
// extractors' own last resorts do.
var boilerplateElements = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true,
}

// boilerplateAttr reports whether the tag being read has an id or class
// naming a footer, the one piece of chrome pages rarely mark with its
// element.
func boilerplateAttr(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if (string(key) == "id" || string(key) == "class") && bytes.Contains(bytes.ToLower(val), []byte("footer")) {
			return true
		}
		if !more {
			return false
		}
	}
}

// blockElements break paragraphs where they start and end.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Legend: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Xmp: true,
	atom.Plaintext: true,
}

// page is what extractHTML finds besides the text.
type page struct {
	title []byte // raw text of the first <title>, if wanted
	lang  string // lang attribute of <html>
}

// extractHTML appends the visible text of body to dst, with "\n\n" at
// block boundaries and HTML white space made spaces (lines kept inside
// <pre>), ready for the normalizer. It reads each token once, so its time
// is linear in the size of body. If wantTitle, the text of the first
// <title> is appended to title and returned in the page.
func extractHTML(ctx context.Context, dst []byte, body string, title []byte, wantTitle bool) ([]byte, page, error) {
	var (
		p         page
		z         = html.NewTokenizer(strings.NewReader(body))
		inTitle   bool
		inHead    bool
		skip      atom.Atom // outermost skipped element
		skipDepth int       // open elements named skip
		pre       int       // open <pre> elements
		read      int
		check     = checkEvery
	)
	p.title = title
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			// io.EOF, or a tokenizer error after which nothing is left to
			// read from a string.
			break
		}
		if read += len(z.Raw()); read >= check {
			if err := ctx.Err(); err != nil {
				return dst, p, err
			}
			check = read + checkEvery
		}
		switch tt {
		case html.TextToken:
			switch {
			case inTitle:
				p.title = appendHTMLText(p.title, z.Text(), false)
			case skipDepth == 0 && !inHead:
				dst = appendHTMLText(dst, z.Text(), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			a := tagAtom(z.Raw())
			if skipDepth > 0 {
				if a == skip && tt == html.StartTagToken {
					skipDepth++
				}
				continue
			}
			switch {
			case a == atom.Html:
				if p.lang == "" {
					p.lang = langAttr(z)
				}
			case a == atom.Head:
				inHead = tt == html.StartTagToken
			case a == atom.Body:
				inHead = false
			case a == atom.Title:
				inTitle = wantTitle && tt == html.StartTagToken
			case skipElements[a] || boilerplateElements[a] || a == atom.Div && boilerplateAttr(z):
				if tt == html.StartTagToken {
					skip, skipDepth = a, 1
				}
			case a == atom.Td || a == atom.Th:
				dst = append(dst, ' ')
			case blockElements[a]:
				inHead = false
				dst = append(dst, '\n', '\n')
				if (a == atom.Pre || a == atom.Xmp || a == atom.Plaintext) && tt == html.StartTagToken {
					pre++
				}
			}
		case html.EndTagToken:
			a := tagAtom(z.Raw())
			if skipDepth > 0 {
				if a == skip {
					skipDepth--
				}
				continue
			}
			switch {
			case a == atom.Head:
				inHead = false
			case a == atom.Title:
				if inTitle {
					inTitle, wantTitle = false, false
				}
			case a == atom.Td || a == atom.Th:
				dst = append(dst, ' ')
			case blockElements[a]:
				dst = append(dst, '\n', '\n')
				if (a == atom.Pre || a == atom.Xmp) && pre > 0 {
					pre--
				}
			}
		}
	}
	return dst, p, nil
}

// appendHTMLText appends text with HTML white space made spaces, or, in
// preformatted text, with each line break made a paragraph break.
func appendHTMLText(dst, text []byte, pre bool) []byte {
	for _, c := range text {
		switch c {
		case '\n':
			if pre {
				dst = append(dst, '\n', '\n')
			} else {
				dst = append(dst, ' ')
			}
		case '\t', '\r', '\f':
			dst = append(dst, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// tagAtom returns the atom of the name of the tag raw ("<p class=x>",
// "</DIV>"), or 0 for a name that has none. Unlike the tokenizer's
// TagName, it does not allocate.
func tagAtom(raw []byte) atom.Atom {
	i := 1 // past '<'
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var name [16]byte // longer than any atom this package looks for
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(name) {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	return atom.Lookup(name[:n])
}

func langAttr(z *html.Tokenizer) string {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "lang" || string(key) == "xml:lang" {
			return string(val)
		}
		if !more {
			return ""
		}
	}
}
