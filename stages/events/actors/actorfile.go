package actors

import (
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/stages/internal/calendar"
)

// actorLine reads a line of an actors file: a head phrase that starts an
// entry, with optional codes ("VLADIMIR_PUTIN_", "AFGHANISTAN_ [AFG]"); a
// synonym of the entry ("+PUTIN_"); or codes of the entry, usually one per
// tab-indented line ("[RUSGOV 991231-080507]", "[RUSELI]").
func (p *parser) actorLine(s string) {
	switch s[0] {
	case '[':
		if p.entry == nil {
			p.fail("code %q before any actor", s)
			return
		}
		p.codes(s)
	case '+':
		if p.entry == nil {
			p.fail("synonym %q before any actor", s)
			return
		}
		if strings.ContainsRune(s, '[') {
			p.fail("code on a synonym line: %q", s)
			return
		}
		p.actorPhrase(s[1:])
	default:
		p.endEntry()
		text, codes := s, ""
		if i := strings.IndexByte(s, '['); i >= 0 {
			text, codes = s[:i], s[i:]
		}
		p.d.entries = append(p.d.entries, Entry{})
		p.entry = &p.d.entries[len(p.d.entries)-1] // valid until the next head
		p.started = p.line
		p.actorPhrase(text)
		if codes != "" {
			p.codes(codes)
		}
	}
}

// actorPhrase adds a phrase to the entry being read.
func (p *parser) actorPhrase(s string) {
	if strings.ContainsAny(s, "[]{}") {
		p.fail("bracket in phrase %q", s)
		return
	}
	words, ok := p.phrase(s)
	if !ok {
		return
	}
	p.entry.Phrases = append(p.entry.Phrases, strings.Join(words, " "))
	p.d.actors.add(words, int32(len(p.d.entries)-1))
}

// endEntry stores the entry being read. An entry must have a code, dated
// or not: without one, PETRARCH would never code the actor, and such an
// entry is most often one whose codes were lost.
func (p *parser) endEntry() {
	if p.entry == nil {
		return
	}
	e := p.entry
	p.entry = nil
	if len(e.Roles) == 0 && e.Default == "" && len(e.Phrases) > 0 {
		p.errs = append(p.errs, &LineError{File: p.file, Line: p.started, Msg: "actor " + e.Phrases[0] + " has no code"})
	}
}

// codes reads one or more bracketed codes, "[CODE]" or "[CODE DATES]",
// separated by blanks and nothing else.
func (p *parser) codes(s string) {
	for s != "" {
		if s[0] != '[' {
			p.fail("text %q where a [code] was expected", s)
			return
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			p.fail("unclosed [ in %q", s)
			return
		}
		p.code(s[1:end])
		s = strings.TrimLeft(s[end+1:], " \t")
	}
}

// code reads what is between the brackets of a code: the code, and
// optionally the dates it holds, "<date" (on or before), ">date" (on or
// after) or "date-date" (from one to the other, both included), where a
// date is YYMMDD or YYYYMMDD. Blanks inside the dates are allowed
// ("> 140608", "19950601 - 19990815"), as the validation dictionary
// writes them. A code without dates is the entry's default.
func (p *parser) code(inner string) {
	inner = strings.TrimSpace(inner)
	code, dates, _ := strings.Cut(inner, " ")
	if c, d, ok := strings.Cut(inner, "\t"); ok && len(c) < len(code) {
		code, dates = c, d
	}
	if !isCode(code) {
		p.fail("bad code [%s]", inner)
		return
	}
	if strings.ContainsAny(dates, " \t") {
		dates = strings.Join(strings.Fields(dates), "")
	}
	if dates == "" {
		// The same default twice changes nothing ("[USAGOV]" on two
		// lines); two different ones are a contradiction.
		if p.entry.Default != "" && p.entry.Default != code {
			p.fail("second default code [%s] (the first is %s)", inner, p.entry.Default)
			return
		}
		p.entry.Default = code
		return
	}
	r := Role{Code: code, From: 0, To: Forever}
	var err error
	switch {
	case dates[0] == '<':
		r.To, err = parseDate(dates[1:])
	case dates[0] == '>':
		r.From, err = parseDate(dates[1:])
	default:
		from, to, ok := strings.Cut(dates, "-")
		if !ok {
			p.fail("bad dates in [%s]: want <date, >date or date-date", inner)
			return
		}
		if r.From, err = parseDate(from); err == nil {
			r.To, err = parseDate(to)
		}
		if err == nil && r.From > r.To {
			p.fail("dates in [%s] end before they start", inner)
			return
		}
	}
	if err != nil {
		p.fail("bad date in [%s]: %v", inner, err)
		return
	}
	p.entry.Roles = append(p.entry.Roles, r)
}

// parseDate reads a date YYYYMMDD, or YYMMDD whose year is 20YY up to 30
// and 19YY from 31, as PETRARCH's reader has it, into a number YYYYMMDD.
func parseDate(s string) (int, error) {
	if len(s) != 6 && len(s) != 8 {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, strconv.ErrSyntax
	}
	if len(s) == 6 {
		if n/10000 <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	y, m, d := n/10000, n/100%100, n%100
	if m < 1 || m > 12 || d < 1 || d > calendar.DaysIn(y, m) {
		return 0, strconv.ErrRange
	}
	return n, nil
}
