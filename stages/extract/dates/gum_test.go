package dates

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The GUM news gold (../shared/corpora/gum-news, CC BY: GUM corpus, A.
// Zeldes, Georgetown University; texts from Wikinews, CC BY 2.5): the
// <date> elements of xml/*.xml, placed on the text of ner-gold.jsonl.

// gumDir is where the corpus is read in place.
const gumDir = "../../../../shared/corpora/gum-news"

// gumDoc is one GUM news document with its gold dates.
type gumDoc struct {
	name        string
	text        string
	dateCreated time.Time
	dates       []gumDate
}

// gumDate is one gold <date> span: byte offsets into the text and its
// value. A `when` value is kept as is (exact). A from/to range that is
// exactly one ISO week, month or year gets that value ("2017-W28"); any
// other range is an ISO 8601 interval ("2015-09-19/2015-09-20", with ".."
// for an open end) and matches nothing.
type gumDate struct {
	start, end int
	value      string
	exact      bool // from a `when` attribute
}

// readGUMDates reads the documents of dir (the gum-news folder): the text
// of each from ner-gold.jsonl, which rebuilds it from the tokens with
// their spacing, and its <date> spans from xml/<doc>.xml, whose tokens are
// found in the text in order.
func readGUMDates(dir string) ([]gumDoc, error) {
	texts, err := readGUMTexts(filepath.Join(dir, "ner-gold.jsonl"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "xml", "*.xml"))
	if err != nil {
		return nil, err
	}
	var docs []gumDoc
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".xml")
		text, ok := texts[name]
		if !ok {
			return nil, fmt.Errorf("%s: no text in ner-gold.jsonl", name)
		}
		d, err := readGUMXML(file, name, text)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// readGUMTexts returns the text of each document of ner-gold.jsonl.
func readGUMTexts(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string)
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		var r struct{ Doc, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		texts[r.Doc] = r.Text
	}
	return texts, nil
}

// readGUMXML reads one xml file: a tag per line, or a token per line whose
// first tab-separated field is the word, XML-escaped.
func readGUMXML(file, name, text string) (gumDoc, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return gumDoc{}, err
	}
	d := gumDoc{name: name, text: text}
	type open struct {
		attrs      string
		start, end int
	}
	var stack []open
	pos := 0
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "<text "):
			created, err := time.Parse(time.DateOnly, xmlAttr(line, "dateCreated"))
			if err != nil {
				return d, fmt.Errorf("%s: dateCreated: %v", name, err)
			}
			d.dateCreated = created
		case strings.HasPrefix(line, "<date "):
			stack = append(stack, open{attrs: line, start: -1})
		case line == "</date>":
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.start < 0 {
				continue
			}
			g := gumDate{start: o.start, end: o.end}
			if v := xmlAttr(o.attrs, "when"); v != "" {
				g.value, g.exact = v, true
			} else {
				g.value = rangeValue(xmlAttr(o.attrs, "from")+xmlAttr(o.attrs, "notBefore"),
					xmlAttr(o.attrs, "to")+xmlAttr(o.attrs, "notAfter"))
			}
			d.dates = append(d.dates, g)
		case line == "" || strings.HasPrefix(line, "<"):
		default:
			word := html.UnescapeString(strings.SplitN(line, "\t", 2)[0])
			i := strings.Index(text[pos:], word)
			if i < 0 || strings.TrimSpace(text[pos:pos+i]) != "" {
				return d, fmt.Errorf("%s: token %q not found at %d", name, word, pos)
			}
			pos += i + len(word)
			for k := range stack {
				if stack[k].start < 0 {
					stack[k].start = pos - len(word)
				}
				stack[k].end = pos
			}
		}
	}
	return d, sc.Err()
}

// xmlAttr returns the unescaped value of attribute a in a tag line.
func xmlAttr(line, a string) string {
	_, v, ok := strings.Cut(line, " "+a+`="`)
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, `"`)
	return html.UnescapeString(v)
}

// rangeValue returns the value of a gold range from–to: the ISO week,
// month or year it covers exactly, or an ISO 8601 interval.
func rangeValue(from, to string) string {
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	if errA == nil && errB == nil {
		y, w := a.ISOWeek()
		switch {
		case a.Weekday() == time.Monday && b.Sub(a) == 6*24*time.Hour:
			return fmt.Sprintf("%04d-W%02d", y, w)
		case a.Day() == 1 && b.Equal(a.AddDate(0, 1, -1)):
			return a.Format("2006-01")
		case a.YearDay() == 1 && b.Equal(a.AddDate(1, 0, -1)):
			return a.Format("2006")
		}
	}
	if from == "" {
		from = ".."
	}
	if to == "" {
		to = ".."
	}
	return from + "/" + to
}

// TestGUMDates scores Find on the GUM news gold. Accuracy is the share of
// gold `when` spans that a found date overlaps with the same value;
// "accuracy with ranges" counts the ranges that are one week, month or
// year too. Precision is the share of found dates that overlap a gold
// span with the same value. Misses and unmatched dates are logged.
func TestGUMDates(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skipf("GUM corpus not found at %s: skipping the gold evaluation", gumDir)
	}
	docs, err := readGUMDates(gumDir)
	if err != nil {
		t.Fatal(err)
	}
	var gold, hit, goldAll, hitAll, found, right int
	for _, d := range docs {
		got := Find(nil, d.text, d.dateCreated)
		var dg, dh, dr int
		for _, g := range d.dates {
			ok := false
			for _, r := range got {
				if r.Start < g.end && g.start < r.End && r.Value == g.value {
					ok = true
				}
			}
			if !strings.Contains(g.value, "/") {
				goldAll++
				if ok {
					hitAll++
				}
			}
			if !g.exact {
				continue
			}
			dg++
			if ok {
				dh++
			} else {
				t.Logf("%s: miss %q = %s", d.name, d.text[g.start:g.end], g.value)
			}
		}
		for _, r := range got {
			ok := false
			for _, g := range d.dates {
				if r.Start < g.end && g.start < r.End && r.Value == g.value {
					ok = true
				}
			}
			if ok {
				dr++
			} else {
				t.Logf("%s: unmatched %q = %s", d.name, r.Text, r.Value)
			}
		}
		t.Logf("%-24s gold %2d  hit %2d  found %2d  right %2d", d.name, dg, dh, len(got), dr)
		gold, hit, found, right = gold+dg, hit+dh, found+len(got), right+dr
	}
	acc := float64(hit) / float64(gold)
	t.Logf("accuracy %.3f (%d/%d), accuracy with ranges %.3f (%d/%d), precision %.3f (%d/%d)",
		acc, hit, gold, float64(hitAll)/float64(goldAll), hitAll, goldAll,
		float64(right)/float64(found), right, found)
	if acc < 0.90 {
		t.Errorf("accuracy %.3f, want ≥ 0.90", acc)
	}
}
