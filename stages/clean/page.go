package clean

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// voidElements never have content, so they do not deepen the tree.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true,
	atom.Embed: true, atom.Hr: true, atom.Img: true, atom.Input: true,
	atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// checkShape rejects, in one linear pass of the tokenizer, a page that
// would make tree-based extraction slow: nesting deeper than maxDepth or
// more than maxElements elements. Tree algorithms that walk a node's
// ancestors or subtree on every node are quadratic in such pages; the
// token stream is not. Depth is counted from start and end tags as
// written, which over-counts pages that leave elements unclosed: such
// pages are rare in news and the fallback handles them well.
func checkShape(ctx context.Context, body string, maxDepth, maxElements int) error {
	z := html.NewTokenizer(strings.NewReader(body))
	depth, elements, read, check := 0, 0, 0, checkEvery
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			a := tagAtom(z.Raw())
			if voidElements[a] {
				break
			}
			elements++
			if depth++; depth > maxDepth {
				return fmt.Errorf("elements nested deeper than %d", maxDepth)
			}
			if elements > maxElements {
				return fmt.Errorf("more than %d elements", maxElements)
			}
		case html.EndTagToken:
			if depth > 0 && !voidElements[tagAtom(z.Raw())] {
				depth--
			}
		}
		if read += len(z.Raw()); read >= check {
			if err := ctx.Err(); err != nil {
				return err
			}
			check = read + checkEvery
		}
	}
}
