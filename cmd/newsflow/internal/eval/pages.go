package eval

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/segmentio/encoding/json"
)

// The article-extraction-benchmark corpus (see its SOURCE.md) is read in
// place: its pages belong to their publishers and are never copied.

// goldPage is one page of the corpus with its gold article body.
type goldPage struct {
	ID   string
	URL  string
	Body string
}

// readGold reads dir/ground-truth.json, an object keyed by page id, and
// returns its pages sorted by id so that every run goes in the same order.
func readGold(dir string) ([]goldPage, error) {
	path := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var items map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("read ground truth %s: %w", path, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("read ground truth %s: no pages", path)
	}
	pages := make([]goldPage, 0, len(items))
	for id, it := range items {
		// The id names the page's file: refuse one that would leave html/.
		if id == "" || id != filepath.Base(id) || id == "." || id == ".." {
			return nil, fmt.Errorf("read ground truth %s: bad page id %q", path, id)
		}
		pages = append(pages, goldPage{ID: id, URL: it.URL, Body: it.ArticleBody})
	}
	slices.SortFunc(pages, func(a, b goldPage) int { return strings.Compare(a.ID, b.ID) })
	return pages, nil
}

// findPage returns the page whose id is id or, failing that, the one page
// whose id starts with it, so that a short prefix serves on the command
// line.
func findPage(pages []goldPage, id string) (goldPage, error) {
	var found []goldPage
	for _, p := range pages {
		if p.ID == id {
			return p, nil
		}
		if strings.HasPrefix(p.ID, id) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return goldPage{}, fmt.Errorf("find page: no page id starts with %q", id)
	case 1:
		return found[0], nil
	}
	return goldPage{}, fmt.Errorf("find page: %d page ids start with %q; give more of it", len(found), id)
}

// pageReader reads the gzip-compressed pages of a corpus, reusing its
// buffers from page to page.
type pageReader struct {
	dir string
	zr  *gzip.Reader
	buf bytes.Buffer
}

// read returns the decompressed bytes of html/<id>.html.gz, valid until
// the next call.
func (r *pageReader) read(id string) ([]byte, error) {
	path := filepath.Join(r.dir, "html", id+".html.gz")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	defer f.Close()
	if r.zr == nil {
		r.zr, err = gzip.NewReader(f)
	} else {
		err = r.zr.Reset(f)
	}
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	r.buf.Reset()
	if _, err := io.Copy(&r.buf, r.zr); err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	return r.buf.Bytes(), nil
}
