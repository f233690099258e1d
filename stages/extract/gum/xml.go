package gum

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Date is a gold <date> span of Doc.Text and its value. A `when` value is
// kept as written (Exact). A from/to range that is exactly one ISO week,
// month or year gets that value ("2017-W28", "2017-07", "2017"); any other
// range is an ISO 8601 interval ("2015-09-19/2015-09-20", ".." for an open
// end), which no extracted date matches.
type Date struct {
	Start, End int
	Value      string
	Exact      bool
}

// xmlUnescape undoes the escapes of the vertical xml's tokens.
var xmlUnescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

// readXML reads the vertical xml of d (a line per tag, or per token: the
// token, a tab, its annotations), places its tokens on d.Text left to
// right, and collects the <date>, <quote> and <q> spans.
func readXML(path string, d *Doc) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read gum: %w", err)
	}
	type open struct {
		tag   string // "date", "quote" or "q"
		attrs string
		first int // index of its first token
	}
	var toks []Span
	var stack []open
	pos := 0
	for line := range strings.SplitSeq(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "<date "):
			stack = append(stack, open{tag: "date", attrs: line, first: len(toks)})
		case strings.HasPrefix(line, "<quote"):
			stack = append(stack, open{tag: "quote", first: len(toks)})
		case line == "<q>":
			stack = append(stack, open{tag: "q", first: len(toks)})
		case line == "</date>" || line == "</quote>" || line == "</q>":
			if len(stack) == 0 {
				return fmt.Errorf("read gum: %s: unbalanced %s", path, line)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inner := toks[o.first:]
			if len(inner) == 0 {
				continue
			}
			switch o.tag {
			case "date":
				g := Date{Start: inner[0].Start, End: inner[len(inner)-1].End}
				if v := xmlAttr(o.attrs, "when"); v != "" {
					g.Value, g.Exact = v, true
				} else {
					g.Value = rangeValue(xmlAttr(o.attrs, "from")+xmlAttr(o.attrs, "notBefore"),
						xmlAttr(o.attrs, "to")+xmlAttr(o.attrs, "notAfter"))
				}
				d.Dates = append(d.Dates, g)
			case "quote", "q":
				if sp, ok := quoteSpan(inner); ok {
					if o.tag == "quote" {
						d.Quotes = append(d.Quotes, sp)
					} else {
						d.OtherQuotes = append(d.OtherQuotes, sp)
					}
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
					return fmt.Errorf("read gum: %s: token %q not found at byte %d", path, w, pos)
				}
				pos += k
			}
			toks = append(toks, Span{Start: pos, End: pos + len(w), Text: w})
			pos += len(w)
		}
	}
	return nil
}

// xmlAttr returns the unescaped value of attribute a in a tag line.
func xmlAttr(line, a string) string {
	_, v, ok := strings.Cut(line, " "+a+`="`)
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, `"`)
	return xmlUnescape.Replace(v)
}

// rangeValue is the value of a from/to date range (see Date).
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

// isMark reports whether a token is a quotation mark.
func isMark(w string) bool {
	switch w {
	case `"`, "'", "“", "”", "‘", "’", "«", "»", "„", "`", "``", "''":
		return true
	}
	return false
}

// quoteSpan is the span of a quotation's tokens without its marks: leading
// marks go and, after a leading double mark, everything from the last
// double mark on ("…" ((it)) keeps what is inside the marks); otherwise
// trailing marks go.
func quoteSpan(toks []Span) (Span, bool) {
	i, j := 0, len(toks)
	lead := ""
	for i < j && isMark(toks[i].Text) {
		lead = toks[i].Text
		i++
	}
	if lead == `"` || lead == "“" {
		for k := j - 1; k >= i; k-- {
			if w := toks[k].Text; w == `"` || w == "”" || w == "“" {
				j = k
				break
			}
		}
	}
	for j > i && isMark(toks[j-1].Text) {
		j--
	}
	if i >= j {
		return Span{}, false
	}
	return Span{Start: toks[i].Start, End: toks[j-1].End}, true
}
