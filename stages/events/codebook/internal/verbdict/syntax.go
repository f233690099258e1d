package verbdict

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

var (
	codeRE   = regexp.MustCompile(`^(---|[0-9A-Za-z+?]+|)(:(---|[0-9A-Za-z+?]+))?$`)
	wordRE   = regexp.MustCompile(`^[A-Z0-9][A-Z0-9'./\-]*$`)
	synsetRE = regexp.MustCompile(`^&[A-Z0-9_]+$`)
	// The meaning may be several words ("--- LASH OUT [122] ---"); the
	// closing "---" is optional.
	blockRE    = regexp.MustCompile(`^---\s+([^\[\]]*[^\s\[\]])\s*\[([^\]]*)\]\s*(---\s*(---)?)?$`)
	verbLineRE = regexp.MustCompile(`^([A-Z+][A-Z_+'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?$`)
)

// stripComments removes the comments of a line: "#" and the legacy ";" to
// the end of the line, "<!--" to "-->". open says the line starts inside
// a "<!--" comment; stillOpen that it ends inside one.
func stripComments(s string, open bool) (line string, stillOpen bool) {
	var b strings.Builder
	for {
		if open {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String(), true
			}
			s, open = s[i+3:], false
		}
		i := strings.IndexAny(s, "#;<")
		for i >= 0 && s[i] == '<' && !strings.HasPrefix(s[i:], "<!--") {
			j := strings.IndexAny(s[i+1:], "#;<")
			if j < 0 {
				i = -1
			} else {
				i += 1 + j
			}
		}
		if i < 0 {
			b.WriteString(s)
			return b.String(), false
		}
		b.WriteString(s[:i])
		if s[i] != '<' {
			return b.String(), false
		}
		s, open = s[i+4:], true
	}
}

// parseVerb reads a verb line: "GIVE {GAVE GIVEN} [070]", "+ASK_FOR
// {+ASKED_FOR +ASKING_FOR} [020]", "WIRE_+TAP", "HASTEN". The regular
// forms of the word marked "+" (the first without a mark) are added to
// the irregular ones given; "{}" means none. A verb without a code has ""
// (its block's).
func (p *parser) parseVerb(line string) (Verb, error) {
	m := verbLineRE.FindStringSubmatch(line)
	if m == nil {
		return Verb{}, errors.New("bad verb line")
	}
	words, head, ok := verbWords(m[1])
	if !ok {
		return Verb{}, fmt.Errorf("bad verb %q", m[1])
	}
	v := Verb{Forms: []string{strings.Join(words, " ")}}
	if m[3] != "" {
		c := strings.Trim(m[3], "[] ")
		if err := p.checkCode(c); err != nil {
			return Verb{}, err
		}
		v.Code = c
	}
	if m[2] == "{}" || strings.TrimSpace(strings.Trim(m[2], "{}")) == "" && m[2] != "" {
		return v, nil
	}
	for _, f := range strings.FieldsFunc(strings.Trim(m[2], "{}"), func(r rune) bool { return r == ' ' || r == ',' }) {
		ws, _, ok := verbWords(f)
		if !ok {
			return Verb{}, fmt.Errorf("bad verb form %q", f)
		}
		v.Forms = appendNew(v.Forms, strings.Join(ws, " "))
	}
	// Regular forms of the verb's word: "ASK FOR" gives "ASKS FOR"…
	for _, f := range regularForms(words[head]) {
		ws := slices.Clone(words)
		ws[head] = f
		v.Forms = appendNew(v.Forms, strings.Join(ws, " "))
	}
	return v, nil
}

// verbWords splits a verb written with "_" between its words, one of them
// marked "+", into words, and returns which was marked (0 if none).
func verbWords(s string) (words []string, head int, ok bool) {
	words = strings.Split(strings.Trim(s, "_"), "_")
	marked := false
	for k, w := range words {
		if rest, cut := strings.CutPrefix(w, "+"); cut {
			if marked {
				return nil, 0, false
			}
			words[k], head, marked = rest, k, true
		}
	}
	return words, head, allWords(words)
}

// parsePattern checks a pattern's tokens and normalises their spacing:
// one "*", balanced "(…)" and "{…}" (a phrase may stand inside a
// prepositional group, not the reverse), defined synsets, a final code.
func (p *parser) parsePattern(s string) (Pattern, error) {
	s = strings.TrimSpace(s)
	open := strings.LastIndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") {
		return Pattern{}, errors.New("no code")
	}
	code := strings.TrimSpace(s[open+1 : len(s)-1])
	if err := p.checkCode(code); err != nil {
		return Pattern{}, err
	}
	// "**" is PETRARCH's verb mark as "*" is TABARI's; "*_LAWS" and
	// "*SCEPTICAL" put the next word against it.
	body := strings.ReplaceAll(strings.ReplaceAll(s[:open], "**", "*"), "*_", "*")
	for _, b := range []string{"(", ")", "{", "}", "*"} {
		body = strings.ReplaceAll(body, b, " "+b+" ")
	}
	var toks []string
	for _, t := range strings.Fields(body) {
		toks = append(toks, splitParties(t)...)
	}
	star := slices.Index(toks, "*")
	if star < 0 || slices.Contains(toks[star+1:], "*") {
		return Pattern{}, errors.New("a pattern needs one *")
	}
	inPrep, inPhrase := false, false
	for _, t := range toks {
		switch {
		case t == "(":
			if inPrep || inPhrase {
				return Pattern{}, errors.New("nested (")
			}
			inPrep = true
		case t == ")":
			if !inPrep || inPhrase {
				return Pattern{}, errors.New("unbalanced )")
			}
			inPrep = false
		case t == "{":
			if inPhrase {
				return Pattern{}, errors.New("nested {")
			}
			inPhrase = true
		case t == "}":
			if !inPhrase {
				return Pattern{}, errors.New("unbalanced }")
			}
			inPhrase = false
		case t == "*", isParty(t):
		case strings.HasPrefix(t, "&") && p.isSynset(strings.TrimSuffix(t, "_")):
			// A label may hold "_" ("&FIGHT_OF_WORDS").
		default:
			// Words joined by "_" must be consecutive; a synset may be
			// one of them ("FIGHTER_&AIRCRAFT", "&TIETYPES_MEMOS").
			for _, w := range strings.Split(strings.Trim(t, "_"), "_") {
				if strings.HasPrefix(w, "&") {
					if !p.isSynset(w) {
						return Pattern{}, fmt.Errorf("undefined synset %s", w)
					}
				} else if !wordRE.MatchString(w) {
					return Pattern{}, fmt.Errorf("bad token %q", t)
				}
			}
		}
	}
	if inPrep || inPhrase {
		return Pattern{}, errors.New("unclosed ( or {")
	}
	return Pattern{Pre: toks[:star], Post: toks[star+1:], Code: code}, nil
}

func (p *parser) isSynset(name string) bool {
	_, ok := p.synsets(name)
	return ok
}

// synsets returns the phrases of a synonym set defined so far, or by the
// base dictionary.
func (p *parser) synsets(name string) ([]string, bool) {
	if phrases, ok := p.d.Synsets[name]; ok {
		return phrases, true
	}
	if p.opt.Base != nil {
		phrases, ok := p.opt.Base.Synsets[name]
		return phrases, ok
	}
	return nil, false
}

func isParty(t string) bool { return t == "$" || t == "+" || t == "^" || t == "%" }

// splitParties splits a token of words joined by "_" at the parties among
// them, TABARI's way of putting a party against a word: "SUGGESTED_+"
// is "SUGGESTED" then "+". A reader of the tokens takes "_" for words
// only, so the party stands apart, the words around it still joined.
func splitParties(t string) []string {
	if !strings.Contains(t, "_") || !strings.ContainsAny(t, "$+^%") {
		return []string{t}
	}
	var out []string
	start := 0
	parts := strings.Split(t, "_")
	for k, w := range parts {
		if !isParty(w) {
			continue
		}
		if k > start {
			out = append(out, strings.Join(parts[start:k], "_"))
		}
		out = append(out, w)
		start = k + 1
	}
	if start < len(parts) {
		out = append(out, strings.Join(parts[start:], "_"))
	}
	return out
}

// checkCode accepts a code of the shape Parse describes that Known, if
// set, knows.
func (p *parser) checkCode(c string) error {
	if !codeRE.MatchString(c) {
		return fmt.Errorf("bad code [%s]", c)
	}
	if p.opt.Known == nil {
		return nil
	}
	for _, part := range strings.Split(c, ":") {
		if part != "---" && part != "" && !p.opt.Known(part) {
			return fmt.Errorf("unknown CAMEO code %s", part)
		}
	}
	return nil
}

func allWords(ws []string) bool {
	for _, w := range ws {
		if !wordRE.MatchString(w) {
			return false
		}
	}
	return len(ws) > 0
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
