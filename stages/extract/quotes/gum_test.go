package quotes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gumDir is the news part of the GUM corpus (CC BY; see its SOURCE.md),
// read in place.
const gumDir = "../../../../shared/corpora/gum-news"

// gumDoc is one GUM news document with its quotation gold.
type gumDoc struct {
	Name string
	// Text is the document as ner-gold.jsonl gives it: tokens with their
	// spacing, paragraphs separated by a blank line.
	Text string
	// Quotes are the <quote> spans: quotations of speech or writing.
	Quotes []gumSpan
	// Other are the <q> spans: scare quotes, titles, names and words
	// mentioned as words.
	Other []gumSpan
	// Unaligned counts xml tokens not found in Text.
	Unaligned int
}

// gumSpan is a gold span of gumDoc.Text, quotation marks excluded.
type gumSpan struct{ Start, End int }

// readGUMQuotes reads the GUM news documents of dir: the text from
// ner-gold.jsonl and the <quote> and <q> elements of xml/*.xml, whose
// tokens are aligned to the text by scanning it left to right.
func readGUMQuotes(dir string) ([]gumDoc, error) {
	f, err := os.Open(filepath.Join(dir, "ner-gold.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []gumDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var line struct {
			Doc  string `json:"doc"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("ner-gold.jsonl: %w", err)
		}
		d := gumDoc{Name: line.Doc, Text: line.Text}
		if err := readGUMXML(filepath.Join(dir, "xml", d.Name+".xml"), &d); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

var xmlUnescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

// readGUMXML reads the vertical xml of one document: a line per token
// (the token, tab, its annotations) or per tag.
func readGUMXML(path string, d *gumDoc) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	type tok struct {
		s, e int
		text string
	}
	type open struct {
		quote bool
		first int // index of its first token
	}
	var toks []tok
	var stack []open
	pos := 0
	for line := range strings.SplitSeq(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "<quote"):
			stack = append(stack, open{quote: true, first: len(toks)})
		case line == "<q>":
			stack = append(stack, open{first: len(toks)})
		case line == "</quote>" || line == "</q>":
			if len(stack) == 0 {
				return fmt.Errorf("%s: unbalanced %s", path, line)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if sp, ok := goldSpan(toks[o.first:], func(i int) (int, int, string) {
				t := toks[o.first+i]
				return t.s, t.e, t.text
			}); ok {
				if o.quote {
					d.Quotes = append(d.Quotes, sp)
				} else {
					d.Other = append(d.Other, sp)
				}
			}
		case line == "" || strings.HasPrefix(line, "<"):
		default:
			w, _, _ := strings.Cut(line, "\t")
			w = xmlUnescape.Replace(w)
			for pos < len(d.Text) && (d.Text[pos] == ' ' || d.Text[pos] == '\n') {
				pos++
			}
			if !strings.HasPrefix(d.Text[pos:], w) {
				k := strings.Index(d.Text[pos:min(len(d.Text), pos+200)], w)
				if k < 0 {
					d.Unaligned++
					continue
				}
				pos += k
			}
			toks = append(toks, tok{pos, pos + len(w), w})
			pos += len(w)
		}
	}
	return nil
}

// isMarkToken reports whether a token is a quotation mark.
func isMarkToken(w string) bool {
	switch w {
	case `"`, "'", "“", "”", "‘", "’", "«", "»", "„", "`", "``", "''":
		return true
	}
	return false
}

// goldSpan returns the text span of n tokens, marks excluded: leading
// marks go, and after a leading double mark everything from the last
// double mark on ("…" ((it)) keeps only what is inside); otherwise
// trailing marks go.
func goldSpan[T any](toks []T, at func(int) (int, int, string)) (gumSpan, bool) {
	i, j := 0, len(toks)
	lead := ""
	for i < j {
		_, _, w := at(i)
		if !isMarkToken(w) {
			break
		}
		lead = w
		i++
	}
	if lead == `"` || lead == "“" {
		for k := j - 1; k >= i; k-- {
			if _, _, w := at(k); w == `"` || w == "”" || w == "“" {
				j = k
				break
			}
		}
	}
	for j > i {
		if _, _, w := at(j - 1); !isMarkToken(w) {
			break
		}
		j--
	}
	if i >= j {
		return gumSpan{}, false
	}
	s, _, _ := at(i)
	_, e, _ := at(j - 1)
	return gumSpan{s, e}, true
}

// overlap returns the bytes that [s, e) shares with the spans.
func overlap(s, e int, spans []gumSpan) int {
	n := 0
	for _, g := range spans {
		if lo, hi := max(s, g.Start), min(e, g.End); hi > lo {
			n += hi - lo
		}
	}
	return n
}

// TestGUMQuotes scores Find on the GUM news quotations. A gold span is
// found when the quotations found cover at least half of it, marks
// excluded (GUM splits a quotation where a sentence ends, so one found
// quotation may cover several gold pieces; the union is measured). A
// found quotation is right when gold quotations cover at least half of
// it; precision counts only the documents whose quotations GUM annotated
// (those with a <quote>: in the others quotations are left unmarked).
func TestGUMQuotes(t *testing.T) {
	docs, err := readGUMQuotes(gumDir)
	if err != nil {
		t.Skipf("GUM news corpus not available (%v)", err)
	}
	var gold, hit, found, right, scare int
	var qs []Quote
	var fs []gumSpan
	for _, d := range docs {
		if d.Unaligned > 0 {
			t.Errorf("%s: %d xml tokens not aligned to the text", d.Name, d.Unaligned)
		}
		qs = Find(qs[:0], d.Text)
		fs = fs[:0]
		for _, q := range qs {
			fs = append(fs, gumSpan{q.Start, q.End})
		}
		for _, g := range d.Quotes {
			gold++
			if 2*overlap(g.Start, g.End, fs) >= g.End-g.Start {
				hit++
				continue
			}
			t.Logf("miss %s: %q", d.Name, clip(d.Text[g.Start:g.End]))
		}
		if len(d.Quotes) == 0 {
			continue
		}
		for _, q := range qs {
			found++
			switch {
			case 2*overlap(q.Start, q.End, d.Quotes) >= q.End-q.Start:
				right++
			case 2*overlap(q.Start, q.End, d.Other) >= q.End-q.Start:
				scare++
				t.Logf("false %s (gold <q>): %q", d.Name, clip(d.Text[q.Start:q.End]))
			default:
				t.Logf("false %s: %q", d.Name, clip(d.Text[q.Start:q.End]))
			}
		}
	}
	if gold == 0 {
		t.Skip("no gold quotations")
	}
	recall := float64(hit) / float64(gold)
	precision := float64(right) / float64(max(found, 1))
	t.Logf("GUM news quotations: recall %.3f (%d/%d), precision %.3f (%d/%d; %d on <q> spans)",
		recall, hit, gold, precision, right, found, scare)
	if recall < 0.90 {
		t.Errorf("recall %.3f, want at least 0.90", recall)
	}
}

// clip shortens s for a log line.
func clip(s string) string {
	if len(s) > 90 {
		return s[:60] + " … " + s[len(s)-25:]
	}
	return s
}
