package actors

import (
	"strings"
)

// agentLine reads a line of an agents file: a substitution set
// ("!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON") or an agent, a phrase with
// an optional plural in braces and a code ("PRESIDENT [~GOVPRS]",
// "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]", "POLICE {} [~COP]",
// "CONGRESS!PERSON! [~LEG]").
func (p *parser) agentLine(s string) {
	if strings.Contains(s, "=") && strings.HasPrefix(s, "!") {
		p.marker(s)
		return
	}
	open := strings.IndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") || strings.Count(s, "[") != 1 || strings.Count(s, "]") != 1 {
		p.fail("agent %q needs one [code] at the end", s)
		return
	}
	code := strings.TrimSpace(s[open+1 : len(s)-1])
	bare, after := strings.CutPrefix(code, "~")
	if !after {
		bare = strings.TrimSuffix(code, "~")
	}
	if bare == code || !isCode(bare) || strings.HasSuffix(bare, "~") {
		p.fail("bad agent code [%s]: want [~CODE] or [CODE~]", code)
		return
	}
	text := s[:open]
	plural, braces := "", false
	if i := strings.IndexByte(text, '{'); i >= 0 {
		j := strings.IndexByte(text, '}')
		if j < i || strings.TrimSpace(text[j+1:]) != "" {
			p.fail("agent %q: want {plural} after the phrase", s)
			return
		}
		plural, braces = strings.TrimSpace(text[i+1:j]), true
		text = text[:i]
	}
	if strings.ContainsAny(text+plural, "[]{}") {
		p.fail("bracket in agent %q", s)
		return
	}
	if strings.Contains(text, "!") {
		// Each form of the set stands for the marker, and no plural is
		// made: the sets hold the plurals themselves.
		if plural != "" {
			p.fail("agent %q: a plural with a substitution marker", s)
			return
		}
		i := strings.IndexByte(text, '!')
		j := strings.IndexByte(text[i+1:], '!') + i + 1
		if j == i {
			p.fail("agent %q: unclosed substitution marker", s)
			return
		}
		set, ok := p.markers[text[i+1:j]]
		if !ok {
			p.fail("agent %q: substitution marker !%s! not defined above", s, text[i+1:j])
			return
		}
		if strings.Contains(text[j+1:], "!") {
			p.fail("agent %q: more than one substitution marker", s)
			return
		}
		for _, form := range set {
			p.agent(text[:i]+form+text[j+1:], code)
		}
		return
	}
	words, ok := p.agent(text, code)
	if !ok {
		return
	}
	switch {
	case plural != "":
		p.agent(plural, code)
	case !braces:
		// The regular plural, of the last word ("ATTORNEY_GENERAL" has
		// "ATTORNEY GENERALS"; irregular ones are given in braces).
		if pl := pluralOf(words[len(words)-1]); pl != "" {
			forms := append([]string(nil), words...)
			forms[len(forms)-1] = pl
			p.agentWords(forms, code)
		}
	}
}

// marker reads a substitution set: "!NAME! = FORM, FORM, …".
func (p *parser) marker(s string) {
	name, list, _ := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
		p.fail("bad substitution marker %q", name)
		return
	}
	var forms []string
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" || strings.ContainsAny(f, "!{}[]= ") {
			p.fail("bad form %q of substitution marker %s", f, name)
			return
		}
		forms = append(forms, f)
	}
	if p.markers == nil {
		p.markers = make(map[string][]string)
	}
	p.markers[name[1:len(name)-1]] = forms
}

// agent adds an agent phrase with its code and returns its words, which
// the index keeps: the caller must not change them.
func (p *parser) agent(text, code string) ([]string, bool) {
	words, ok := p.phrase(text)
	if !ok {
		return nil, false
	}
	p.agentWords(words, code)
	return words, true
}

// agentWords adds an agent of words, which the index keeps.
func (p *parser) agentWords(words []string, code string) {
	d := p.d
	d.agentList = append(d.agentList, agent{phrase: strings.Join(words, " "), code: code})
	d.agents.add(words, int32(len(d.agentList)-1))
}

// pluralOf is the regular plural of an English noun in capitals: a
// consonant and "Y" make "IES" ("ARMY", "ARMIES"), "S", "X", "Z", "CH"
// and "SH" take "ES", any other word "S". It is "" for a token that is
// not a word of letters. PETRARCH's reader turns every final "Y" into
// "IES" and adds "S" after "CH": "ATTORNEYS" and "COACHES" are the forms
// news use.
func pluralOf(w string) string {
	for i := 0; i < len(w); i++ {
		if !isLetter(w[i]) {
			return ""
		}
	}
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[n-2])):
		return w[:n-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}

// discardLine reads a line of a discards file: a phrase that voids the
// sentence it is found in, or with "+" before it the whole story.
func (p *parser) discardLine(s string) {
	story := s[0] == '+'
	if story {
		s = s[1:]
	}
	if strings.ContainsAny(s, "[]{}!+") {
		p.fail("bad discard phrase %q", s)
		return
	}
	words, ok := p.phrase(s)
	if !ok {
		return
	}
	d := p.d
	d.discardList = append(d.discardList, discard{phrase: strings.Join(words, " "), story: story})
	id := int32(len(d.discardList) - 1)
	// A phrase that is both voids the story, as in PETRARCH, which
	// checks for "+" first.
	if old, replaced := d.discards.add(words, id); replaced && d.discardList[old].story && !story {
		d.discards.add(words, old)
	}
}
