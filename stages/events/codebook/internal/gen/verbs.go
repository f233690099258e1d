package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
)

// verbDict is the CAMEO verb dictionary read and checked: its synonym sets,
// and its verb blocks with their verbs and patterns.
type verbDict struct {
	synsets map[string][]string // "&CURRENCY" → phrases, plurals added, words joined by " "
	blocks  []verbBlock
	// transformations counts the "~" rules of the dictionary's last
	// section, which rewrite PETRARCH2's parse trees ("A said B attacked"):
	// the shallow coder reads reporting frames itself, so they are not
	// carried over.
	transformations int
}

// verbBlock is a "--- MEANING [CODE] ---" block: verbs that share the
// patterns after them.
type verbBlock struct {
	line     int
	meaning  string
	code     string // the code of the block's verbs that give none, "---" for none
	verbs    []verb
	patterns []pattern
}

// verb is one verb of a block with every form it is written in.
type verb struct {
	line int
	code string // the CAMEO code of the verb alone (its block's if it gives none), "---" for none
	// inherited says the code is the block's: the verb gave none.
	inherited bool
	forms     []string // the lemma first; words of a multi-word verb joined by " "
}

// pattern is one "- … * … [CODE]" line: what stands before the verb (*)
// and after it, in the dictionary's token syntax, normalised.
type pattern struct {
	line      int
	pre, post []string
	code      string // "042", or "042:043" for an event and its reverse
}

// correction rewrites a dictionary line that is malformed as written, or
// drops it (now ""), with the reason; every other malformed line is an
// error.
type correction struct {
	line     int
	was, now string
	why      string
}

// cameoCorrections of CAMEO.2.0.txt (petrarch2 @676801c). A line that no longer
// reads as written here fails generation, so that a changed dictionary is
// looked at again.
var cameoCorrections = []correction{
	{2374, "- * VENTURE (WITH VISIT)                              VISIT)[042:043]", "- * VENTURE (WITH VISIT) [042:043]",
		"a stray copy of the last word before the code"},
	{5787, "- * DOWN (FROM)                                       [080!]", "- * DOWN (FROM) [080]",
		"'!' after the code: CAMEO 080 (yield)"},
	{7606, "- STRONGLY * ATTACK (ON ^)                            ^)[111]", "- STRONGLY * ATTACK (ON ^) [111]",
		"a stray copy of the last tokens before the code"},
	{2406, "- * &FIGHT_CRIM                                       [1124]", "",
		"&FIGHT_CRIM is defined nowhere (PETRARCH skips the pattern)"},
	{3887, "- * &FIGHT_GAMES IN +                                 [062:062]", "",
		"&FIGHT_GAMES is defined nowhere (PETRARCH skips the pattern)"},
	{8443, "-  * (IN &WEATHER) [---]", "", "&WEATHER is defined nowhere (PETRARCH skips the pattern)"},
	{8444, "-  * (IN &DEMONSTRATION) [145]", "", "&DEMONSTRATION is defined nowhere (PETRARCH skips the pattern)"},
	{3412, "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED , +ARE_DETERMINED} [030]",
		"+IS_DETERMINED {+WAS_DETERMINED +BE_DETERMINED +ARE_DETERMINED} [030]", "commas between the forms"},
}

var (
	codeRE     = regexp.MustCompile(`^(---|[0-9]{2,4}|)(:(---|[0-9]{2,4}))?$`)
	wordRE     = regexp.MustCompile(`^[A-Z0-9][A-Z0-9'./\-]*$`)
	synsetRE   = regexp.MustCompile(`^&[A-Z0-9_]+$`)
	blockRE    = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]\s*---\s*(---)?\s*$`)
	verbLineRE = regexp.MustCompile(`^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$`)
)

// readVerbs parses and checks the verb dictionary at path, with its
// corrections. Every CAMEO code must be in known.
func readVerbs(path string, known map[string]bool, corrections []correction) (*verbDict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseVerbs(path, f, known, corrections)
}

// parseVerbs is readVerbs for a dictionary read from r, named path in
// messages.
func parseVerbs(path string, r io.Reader, known map[string]bool, corrections []correction) (*verbDict, error) {
	d := &verbDict{synsets: make(map[string][]string)}
	fixes := make(map[int]correction)
	for _, c := range corrections {
		fixes[c.line] = c
	}
	var (
		errs    []string
		section string // "synsets", "verbs", "transformations"
		synset  string // the synset being read
		noPlur  bool   // its label ends with "_"
		block   *verbBlock
	)
	fail := func(n int, format string, a ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d: %s", path, n, fmt.Sprintf(format, a...)))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		if c, ok := fixes[n]; ok {
			if strings.TrimSpace(stripComment(raw)) != c.was {
				fail(n, "correction no longer applies: line is %q, not %q", raw, c.was)
				continue
			}
			raw = c.now
			delete(fixes, n)
		}
		if raw == "" {
			continue
		}
		switch {
		case strings.HasPrefix(raw, "####### SYNONYM SETS"):
			section = "synsets"
			continue
		case strings.HasPrefix(raw, "####### VERB PATTERNS"):
			section, synset = "verbs", ""
			continue
		case strings.HasPrefix(raw, "######## TRANSFORMATIONS"):
			section, block = "transformations", nil
			continue
		}
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch section {
		case "synsets":
			switch {
			case strings.HasPrefix(line, "&"):
				label := strings.TrimSpace(line)
				noPlur = strings.HasSuffix(label, "_")
				synset = strings.TrimSuffix(label, "_")
				if !synsetRE.MatchString(synset) {
					fail(n, "bad synset label %q", label)
					continue
				}
				if _, dup := d.synsets[synset]; dup {
					fail(n, "synset %s defined twice", synset)
				}
				d.synsets[synset] = nil
			case strings.HasPrefix(line, "+") && synset != "":
				phrase := strings.TrimSpace(line[1:])
				fixed := noPlur || strings.HasSuffix(phrase, "_")
				words := strings.Fields(strings.ReplaceAll(strings.TrimSuffix(phrase, "_"), "_", " "))
				if len(words) == 0 || !allWords(words) {
					fail(n, "bad synset phrase %q", phrase)
					continue
				}
				p := strings.Join(words, " ")
				d.synsets[synset] = appendNew(d.synsets[synset], p)
				last := len(words) - 1
				if pl := plural(words[last]); !fixed && pl != "" {
					words[last] = pl
					d.synsets[synset] = appendNew(d.synsets[synset], strings.Join(words, " "))
				}
			default:
				fail(n, "unexpected line in the synonym sets: %q", line)
			}
		case "verbs":
			switch {
			case strings.HasPrefix(line, "---"):
				m := blockRE.FindStringSubmatch(line)
				if m == nil {
					fail(n, "bad block header %q", line)
					continue
				}
				if err := checkCode(m[2], known); err != nil {
					fail(n, "block %s: %v", m[1], err)
					continue
				}
				d.blocks = append(d.blocks, verbBlock{line: n, meaning: m[1], code: m[2]})
				block = &d.blocks[len(d.blocks)-1]
			case block == nil:
				fail(n, "verb or pattern outside a block: %q", line)
			case strings.HasPrefix(line, "-"):
				p, err := parsePattern(line[1:], d.synsets, known)
				if err != nil {
					fail(n, "%v: %q", err, line)
					continue
				}
				p.line = n
				block.patterns = append(block.patterns, p)
			default:
				v, err := parseVerb(line, known)
				if err != nil {
					fail(n, "%v: %q", err, line)
					continue
				}
				if v.code == "" {
					v.code, v.inherited = block.code, true
				}
				v.line = n
				block.verbs = append(block.verbs, v)
			}
		case "transformations":
			if !strings.HasPrefix(line, "~") {
				fail(n, "unexpected line in the transformations: %q", line)
				continue
			}
			d.transformations++
		default:
			fail(n, "text before the synonym sets: %q", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, c := range fixes {
		errs = append(errs, fmt.Sprintf("%s:%d: correction for a line past the end", path, c.line))
	}
	for k := range d.blocks {
		if len(d.blocks[k].verbs) == 0 && len(d.blocks[k].patterns) == 0 {
			errs = append(errs, fmt.Sprintf("%s:%d: block %s has neither verbs nor patterns", path, d.blocks[k].line, d.blocks[k].meaning))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%d problems in the verb dictionary:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	return d, nil
}

// stripComment removes a "#" comment and the legacy ";" one.
func stripComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t")
}

// parseVerb reads a verb line: "GIVE {GAVE GIVEN} [070]", "+ASK_FOR
// {+ASKED_FOR +ASKING_FOR} [020]", "HASTEN". The lemma's regular forms are
// added to the irregular ones given; "{}" means none. A verb without a code
// has "" (its block's).
func parseVerb(line string, known map[string]bool) (verb, error) {
	m := verbLineRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return verb{}, fmt.Errorf("bad verb line")
	}
	lemma := strings.TrimPrefix(m[1], "+")
	words := strings.Split(strings.Trim(lemma, "_"), "_")
	if !allWords(words) {
		return verb{}, fmt.Errorf("bad verb %q", m[1])
	}
	v := verb{forms: []string{strings.Join(words, " ")}}
	if m[3] != "" {
		c := strings.Trim(m[3], "[] ")
		if err := checkCode(c, known); err != nil {
			return verb{}, err
		}
		v.code = c
	}
	if m[2] == "{}" || strings.TrimSpace(strings.Trim(m[2], "{}")) == "" && m[2] != "" {
		return v, nil
	}
	for _, f := range strings.FieldsFunc(strings.Trim(m[2], "{}"), func(r rune) bool { return r == ' ' || r == ',' }) {
		ws := strings.Split(strings.Trim(strings.TrimPrefix(f, "+"), "_"), "_")
		if !allWords(ws) {
			return verb{}, fmt.Errorf("bad verb form %q", f)
		}
		v.forms = appendNew(v.forms, strings.Join(ws, " "))
	}
	// Regular forms of the first word: "ASK FOR" gives "ASKS FOR"…
	for _, f := range regularForms(words[0]) {
		v.forms = appendNew(v.forms, strings.Join(append([]string{f}, words[1:]...), " "))
	}
	return v, nil
}

// parsePattern checks a pattern's tokens and normalises their spacing:
// one "*", balanced "(…)" and "{…}" (a phrase may stand inside a
// prepositional group, not the reverse), defined synsets, a final code.
func parsePattern(s string, synsets map[string][]string, known map[string]bool) (pattern, error) {
	s = strings.TrimSpace(s)
	open := strings.LastIndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") {
		return pattern{}, fmt.Errorf("no code")
	}
	code := strings.TrimSpace(s[open+1 : len(s)-1])
	if err := checkCode(code, known); err != nil {
		return pattern{}, err
	}
	// "**" is PETRARCH's verb mark as "*" is TABARI's; "*_LAWS" and
	// "*SCEPTICAL" put the next word against it.
	body := strings.ReplaceAll(strings.ReplaceAll(s[:open], "**", "*"), "*_", "*")
	for _, b := range []string{"(", ")", "{", "}", "*"} {
		body = strings.ReplaceAll(body, b, " "+b+" ")
	}
	toks := strings.Fields(body)
	star := slices.Index(toks, "*")
	if star < 0 || slices.Contains(toks[star+1:], "*") {
		return pattern{}, fmt.Errorf("a pattern needs one *")
	}
	inPrep, inPhrase := false, false
	for _, t := range toks {
		switch {
		case t == "(":
			if inPrep || inPhrase {
				return pattern{}, fmt.Errorf("nested (")
			}
			inPrep = true
		case t == ")":
			if !inPrep || inPhrase {
				return pattern{}, fmt.Errorf("unbalanced )")
			}
			inPrep = false
		case t == "{":
			if inPhrase {
				return pattern{}, fmt.Errorf("nested {")
			}
			inPhrase = true
		case t == "}":
			if !inPhrase {
				return pattern{}, fmt.Errorf("unbalanced }")
			}
			inPhrase = false
		case t == "*", t == "$", t == "+", t == "^", t == "%":
		case strings.HasPrefix(t, "&"):
			name := strings.TrimSuffix(t, "_")
			if _, ok := synsets[name]; !ok {
				return pattern{}, fmt.Errorf("undefined synset %s", name)
			}
		default:
			// Words joined by "_" must be consecutive; a synset may be
			// one of them ("FIGHTER_&AIRCRAFT").
			for _, w := range strings.Split(strings.Trim(t, "_"), "_") {
				if strings.HasPrefix(w, "&") {
					if _, ok := synsets[w]; !ok {
						return pattern{}, fmt.Errorf("undefined synset %s", w)
					}
				} else if !wordRE.MatchString(w) {
					return pattern{}, fmt.Errorf("bad token %q", t)
				}
			}
		}
	}
	if inPrep || inPhrase {
		return pattern{}, fmt.Errorf("unclosed ( or {")
	}
	return pattern{pre: toks[:star], post: toks[star+1:], code: code}, nil
}

// checkCode accepts "---", a known CAMEO code, or two of them joined by ":"
// (the event, then the event in reverse), of which the first may be empty
// (":051": "received support from +" is only the reverse event).
func checkCode(c string, known map[string]bool) error {
	if !codeRE.MatchString(c) {
		return fmt.Errorf("bad code [%s]", c)
	}
	for _, part := range strings.Split(c, ":") {
		if part != "---" && part != "" && !known[part] {
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

// merge adds the blocks of a supplement: to the block of the same meaning
// if there is one, else as blocks of their own; and its synonym sets.
func (d *verbDict) merge(extra *verbDict) {
	for name, phrases := range extra.synsets {
		d.synsets[name] = phrases
	}
	at := make(map[string]int, len(d.blocks))
	for k, b := range d.blocks {
		at[b.meaning] = k
	}
	for _, b := range extra.blocks {
		k, ok := at[b.meaning]
		if !ok {
			d.blocks = append(d.blocks, b)
			continue
		}
		d.blocks[k].verbs = append(d.blocks[k].verbs, b.verbs...)
		d.blocks[k].patterns = append(d.blocks[k].patterns, b.patterns...)
	}
}
