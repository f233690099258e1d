package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

// block is one actor of a TABARI/PETRARCH actor dictionary: its names (the
// head first) and its dated codes.
type block struct {
	line    int
	names   []string // raw, e.g. "VLADIMIR_PUTIN_"
	comment string   // the comment on the head line
	codes   []code
}

// code is one dated CAMEO code: "[RUSGOV >080508]" is RUSGOV from
// 2008-05-08 on; "[RUSELI 700101-990809]" a closed range; "[RUSELI]" the
// code for any date no dated code covers.
type code struct {
	code       string
	start, end int // yyyymmdd; end 99999999 when open
	undated    bool
}

// readBlocks parses an actor dictionary. A line starting with "+" is a
// synonym of the current actor, one starting with "[" its codes, any other
// its head; "#" starts a comment. PETRARCH gives the codes only to the
// names since the last head, so that a head directly followed by another
// gets none; but the dictionaries write several un-plussed names above one
// code list ("LEONID_BREZHNEV_", "LEONID_ILYICH_BREZHNEV", ..., codes) and
// mean one actor: consecutive names before a code line are one block here.
// A blank line ends a block that has no codes yet, which is then dropped.
func readBlocks(path string) ([]block, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readBlocksFrom(f)
}

// readBlocksFrom reads the blocks of a dictionary from r (see readBlocks).
func readBlocksFrom(r io.Reader) ([]block, error) {
	var out []block
	var cur *block
	flush := func() {
		if cur != nil && len(cur.codes) > 0 && len(cur.names) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		text, comment, _ := strings.Cut(line, "#")
		text = strings.TrimSpace(text)
		if strings.TrimSpace(line) == "" {
			if cur != nil && len(cur.codes) == 0 {
				cur = nil
			}
			continue
		}
		if text == "" || strings.HasPrefix(text, "<!") {
			continue
		}
		names, codes := splitCodes(text)
		switch {
		case names == "":
			if cur != nil {
				cur.codes = append(cur.codes, codes...)
			}
			continue
		case names[0] == '+':
			if cur == nil {
				continue
			}
			cur.names = append(cur.names, names[1:])
		default:
			if cur == nil || len(cur.codes) > 0 {
				flush()
				cur = &block{line: n, comment: strings.TrimSpace(comment)}
			}
			cur.names = append(cur.names, names)
		}
		if cur != nil {
			cur.codes = append(cur.codes, codes...)
		}
	}
	flush()
	return out, sc.Err()
}

// splitCodes separates the names of a line from the bracketed codes on it.
func splitCodes(text string) (string, []code) {
	i := strings.IndexByte(text, '[')
	if i < 0 {
		return strings.TrimSpace(text), nil
	}
	var codes []code
	rest := text[i:]
	for {
		j := strings.IndexByte(rest, '[')
		k := strings.IndexByte(rest, ']')
		if j < 0 || k < j {
			break
		}
		if c, ok := parseCode(rest[j+1 : k]); ok {
			codes = append(codes, c)
		}
		rest = rest[k+1:]
	}
	return strings.TrimSpace(text[:i]), codes
}

func parseCode(s string) (code, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return code{}, false
	}
	c := code{code: strings.TrimPrefix(f[0], "~"), end: 99999999}
	if len(f) == 1 {
		c.undated = true
		return c, true
	}
	d := f[1]
	switch {
	case d[0] == '>':
		c.start = parseDate(d[1:])
	case d[0] == '<':
		c.end = parseDate(d[1:])
	default:
		a, b, _ := strings.Cut(d, "-")
		c.start, c.end = parseDate(a), parseDate(b)
	}
	return c, true
}

// parseDate reads PETRARCH dates: YYMMDD (years up to 30 are 20YY) or
// YYYYMMDD; anything else is 0.
func parseDate(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	switch {
	case len(s) >= 8:
		return n / pow10(len(s)-8)
	case len(s) == 6:
		if n/10000 <= 30 {
			return 20000000 + n
		}
		return 19000000 + n
	}
	return 0
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// current returns the code in force at the end of the dictionary's
// knowledge: the open-ended code with the latest start; else the undated
// code, which PETRARCH applies outside every dated range; else the range
// that ends last. Putin's [RUSGOV >080508] wins over his [RUSELI];
// Gorbachev, whose ranges all end in 1991, is [RUSELI].
func current(codes []code) (code, bool) {
	var best code
	found := false
	for _, c := range codes {
		if !c.undated && c.end == 99999999 && (!found || c.start > best.start) {
			best, found = c, true
		}
	}
	if found {
		return best, true
	}
	for _, c := range codes {
		if c.undated {
			return c, true
		}
	}
	for _, c := range codes {
		if !found || c.end > best.end {
			best, found = c, true
		}
	}
	return best, found
}

// recency is the latest date an actor's codes mention.
func recency(codes []code) int {
	r := 0
	for _, c := range codes {
		d := c.end
		if d == 99999999 {
			d = 20150101 // open ranges reach the dictionaries' end
		}
		if !c.undated && d > r {
			r = d
		}
	}
	return r
}
