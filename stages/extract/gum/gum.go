// Package gum reads the gold of the news part of the GUM corpus (Wikinews
// articles annotated by the GUM project: texts CC BY 2.5, annotations CC
// BY 4.0, A. Zeldes, Georgetown University; see
// ../shared/corpora/gum-news) for the evaluation of the extract stage:
// names, dates and quotations, all as byte spans of one text. The corpus
// is read in place.
package gum

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/segmentio/encoding/json"
)

// Doc is one GUM news document.
type Doc struct {
	Name string
	// Partition is the GUM split: "train", "dev" or "test".
	Partition string
	// Text is the document as ner-gold.jsonl gives it: tokens rebuilt
	// with their spacing, paragraphs separated by a blank line.
	Text string
	// Created is the document's dateCreated, the reference for relative
	// dates.
	Created time.Time
	// Entities are the named-entity gold spans (names only; see
	// NER-GOLD.md).
	Entities []Span
	// Dates are the <date> spans.
	Dates []Date
	// Quotes are the <quote> spans (speech), OtherQuotes the <q> spans
	// (scare quotes, titles, names), marks excluded.
	Quotes, OtherQuotes []Span
}

// Span is a gold span of Doc.Text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
}

// Read reads every document of the corpus in dir, sorted by name.
func Read(dir string) ([]Doc, error) {
	docs, err := readNames(filepath.Join(dir, "ner-gold.jsonl"))
	if err != nil {
		return nil, err
	}
	for i := range docs {
		xml := filepath.Join(dir, "xml", docs[i].Name+".xml")
		if err := readHeader(xml, &docs[i]); err != nil {
			return nil, err
		}
		if err := readXML(xml, &docs[i]); err != nil {
			return nil, err
		}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}

// ReadNames reads the documents of a file in the format of the corpus's
// ner-gold.jsonl (one document a line: doc, text, entities), such as the
// files of ../shared/corpora/ner-dev, in the file's order. Only Name, Text
// and Entities are set: such files carry no dates, quotes or publication
// time.
func ReadNames(path string) ([]Doc, error) { return readNames(path) }

func readNames(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gum: %w", err)
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var line struct {
			Doc      string `json:"doc"`
			Text     string `json:"text"`
			Entities []Span `json:"entities"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("read gum: %s: %w", filepath.Base(path), err)
		}
		d := Doc{Name: line.Doc, Text: line.Text, Entities: line.Entities}
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End || d.Text[e.Start:e.End] != e.Text {
				return nil, fmt.Errorf("read gum: %s: entity %+v does not match the text", d.Name, e)
			}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gum: %s: %w", filepath.Base(path), err)
	}
	return docs, nil
}

// headerAttr finds an attribute of the <text> element that opens each xml
// file; the files are regular enough for this, and only the first line is
// read.
var headerAttr = regexp.MustCompile(`\s(partition|dateCreated)="([^"]*)"`)

func readHeader(path string, d *Doc) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read gum: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReaderSize(f, 64<<10).ReadBytes('\n')
	if err != nil && len(line) == 0 {
		return fmt.Errorf("read gum: %s: %w", path, err)
	}
	if !bytes.HasPrefix(line, []byte("<text ")) {
		return fmt.Errorf("read gum: %s: no <text> header", path)
	}
	for _, m := range headerAttr.FindAllSubmatch(line, -1) {
		switch string(m[1]) {
		case "partition":
			d.Partition = string(m[2])
		case "dateCreated":
			t, err := time.Parse("2006-01-02", string(m[2]))
			if err != nil {
				return fmt.Errorf("read gum: %s: dateCreated: %w", path, err)
			}
			d.Created = t
		}
	}
	if d.Created.IsZero() {
		return fmt.Errorf("read gum: %s: no dateCreated", path)
	}
	return nil
}

// Articles cuts the texts of docs into articles of at least size bytes,
// at paragraph breaks (a document's short tail is left out): real news
// text in the size benchmarks are set for. MeanLen gives their size.
func Articles(docs []Doc, size int) []string {
	var out []string
	for _, d := range docs {
		var cur strings.Builder
		for _, p := range strings.Split(d.Text, "\n\n") {
			if cur.Len() > 0 {
				cur.WriteString("\n\n")
			}
			cur.WriteString(p)
			if cur.Len() >= size {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
	}
	return out
}

// MeanLen returns the mean length in bytes of texts (0 for none), the
// bytes per operation of a benchmark that takes one text per operation.
func MeanLen(texts []string) int {
	if len(texts) == 0 {
		return 0
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n / len(texts)
}
