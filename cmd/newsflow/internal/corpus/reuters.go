// Package corpus reads the public test corpora under ../shared/corpora for
// benchmarks and evaluation. The corpora are read in place and never copied:
// Reuters-21578 in particular may be used for research only.
package corpus

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Story is one Reuters-21578 story.
type Story struct {
	NewID    string
	Date     time.Time
	Title    string
	Dateline string
	Body     string
	Places   []string
}

// reutersDate is the layout of <DATE>: "26-FEB-1987 15:01:01.79".
const reutersDate = "2-Jan-2006 15:04:05.00"

// ReadReuters reads every story of the reut2-*.sgm files in dir, in file and
// then document order. Stories without a body are skipped.
func ReadReuters(dir string) ([]Story, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read reuters: no reut2-*.sgm files in %s", dir)
	}
	sort.Strings(files)
	var stories []Story
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read reuters: %w", err)
		}
		for _, doc := range elements(data, "REUTERS") {
			s := Story{
				NewID:    attr(doc, "NEWID"),
				Title:    text(doc, "TITLE"),
				Dateline: strings.TrimSpace(text(doc, "DATELINE")),
				Body:     text(doc, "BODY"),
			}
			if s.Body == "" {
				continue
			}
			if t, err := time.Parse(reutersDate, strings.TrimSpace(text(doc, "DATE"))); err == nil {
				s.Date = t
			}
			for _, d := range elements(first(doc, "PLACES"), "D") {
				s.Places = append(s.Places, string(inner(d)))
			}
			stories = append(stories, s)
		}
	}
	return stories, nil
}

// elements returns each <name ...>...</name> element in data, whole.
func elements(data []byte, name string) [][]byte {
	open, closing := []byte("<"+name), []byte("</"+name+">")
	var out [][]byte
	for {
		i := bytes.Index(data, open)
		if i < 0 {
			return out
		}
		// "<D" must not match "<DATE".
		if end := i + len(open); end < len(data) && data[end] != '>' && data[end] != ' ' {
			data = data[end:]
			continue
		}
		j := bytes.Index(data[i:], closing)
		if j < 0 {
			return out
		}
		out = append(out, data[i:i+j+len(closing)])
		data = data[i+j+len(closing):]
	}
}

func first(data []byte, name string) []byte {
	if els := elements(data, name); len(els) > 0 {
		return els[0]
	}
	return nil
}

// inner is the content of an element, without its tags.
func inner(el []byte) []byte {
	i := bytes.IndexByte(el, '>')
	j := bytes.LastIndex(el, []byte("</"))
	if i < 0 || j < i {
		return nil
	}
	return el[i+1 : j]
}

// text is the unescaped content of the first element called name.
func text(doc []byte, name string) string {
	s := html.UnescapeString(string(inner(first(doc, name))))
	// Wire control characters (&#3; ends a story) are not text.
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}

func attr(el []byte, name string) string {
	end := bytes.IndexByte(el, '>')
	if end < 0 {
		return ""
	}
	tag := string(el[:end])
	key := name + `="`
	i := strings.Index(tag, key)
	if i < 0 {
		return ""
	}
	rest := tag[i+len(key):]
	j := strings.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return rest[:j]
}
