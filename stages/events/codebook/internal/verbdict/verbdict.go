// Package verbdict reads a verb dictionary in the format of PETRARCH2
// (CAMEO.2.0.txt, PETR.Validate.verbs.txt) and checks every line of it. It
// is the one reader of that format: the codebook package reads a
// dictionary with it at run time (codebook.FromDictionary), and the
// codebook's generator (../gen) builds the embedded data with it.
//
// The format, as PETRARCH2's PETRreader.py documents and reads it:
//
//   - "&NAME" starts a synonym set; the "+phrase" lines after it are its
//     phrases, in words joined by spaces or "_". A phrase may be another,
//     earlier, synonym set ("+&TIETYPES"): its phrases are copied in.
//   - "--- MEANING [CODE] ---" starts a verb block; the closing "---" is
//     optional, as PETRARCH never reads it.
//   - A verb line gives a verb, its irregular forms in "{…}" and its own
//     code in "[…]": "GIVE {GAVE GIVEN} [070]". A multi-word verb joins its
//     words by "_" and marks the verb among them by "+" ("+ASK_FOR",
//     "WIRE_+TAP"); regular forms are made for that word.
//   - A pattern line is "- … * … [CODE]": the words before the verb, "*",
//     the words after it.
//   - "~" lines are transformations, rewrites of PETRARCH2's parse trees.
//   - "#" and ";" start a comment that runs to the end of the line;
//     "<!--" one that runs to "-->", on the same line or a later one.
//
// The section headers "####### SYNONYM SETS", "####### VERB PATTERNS" and
// "######## TRANSFORMATIONS" are optional. After one, only the lines of
// that section are allowed; without them (PETR.Validate.verbs.txt)
// synonym sets and verb blocks may alternate, a synonym set ending the
// block before it.
//
// A malformed line is an error naming the file and line; every problem is
// reported, not the first. A few lines of the published dictionaries are
// malformed as written: [Corrections] lists them, each with the reading
// given to it and why.
package verbdict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Dict is a verb dictionary read and checked: its synonym sets, and its
// verb blocks with their verbs and patterns.
type Dict struct {
	// Synsets maps a label ("&CURRENCY") to its phrases, plurals added,
	// words joined by " ".
	Synsets map[string][]string
	Blocks  []Block
	// Transformations counts the "~" rules, which rewrite PETRARCH2's
	// parse trees ("A said B attacked"): a reader without those trees has
	// no use for them, so only their number is kept.
	Transformations int
}

// Block is a "--- MEANING [CODE] ---" block: verbs that share the patterns
// after them.
type Block struct {
	Line    int
	Meaning string // its words joined by " "
	// Code is the code of the block's verbs that give none, "---" for
	// none.
	Code     string
	Verbs    []Verb
	Patterns []Pattern
}

// Verb is one verb of a block with every form it is written in.
type Verb struct {
	Line int
	// Code is the code of the verb alone, its block's if it gives none;
	// "---" for none.
	Code string
	// Inherited says Code is the block's: the verb gave none.
	Inherited bool
	Forms     []string // the lemma first; words of a multi-word verb joined by " "
}

// Pattern is one "- … * … [CODE]" line: what stands before the verb (*)
// and after it, in the dictionary's token syntax, normalised.
type Pattern struct {
	Line      int
	Pre, Post []string
	Code      string // "042", or "042:043" for an event and its reverse
}

// sameWords reports whether p and q are the same pattern but for their
// codes.
func (p Pattern) sameWords(q Pattern) bool {
	return slices.Equal(p.Pre, q.Pre) && slices.Equal(p.Post, q.Post)
}

// Options says how strictly to read a dictionary.
type Options struct {
	// Known reports whether a code is a CAMEO code the reader knows; a
	// code it refuses is an error. Nil keeps every code of the right
	// shape (see [Parse]).
	Known func(code string) bool
	// Corrections rewrite or drop the malformed lines they name.
	Corrections []Correction
	// Base is the dictionary a supplement adds to (see [Dict.Merge]):
	// the supplement's patterns may use its synonym sets, and may not
	// define them again.
	Base *Dict
	// Strict requires each correction to apply at its line: the
	// dictionary is the one the corrections were written for, and a
	// changed one must be looked at again. Otherwise a correction applies
	// to any line that reads as its Was.
	Strict bool
}

// Parse reads and checks the dictionary in r, named name in messages.
//
// A code is "---" (no event), a code of letters, digits, "+" and "?"
// (CAMEO's are digits; the validation dictionary keeps older ones such as
// "075A" and "+++"), or two of them joined by ":": the event from the
// source to the target, then the one back, of which the first may be
// empty (":051").
func Parse(name string, r io.Reader, opt Options) (*Dict, error) {
	p := &parser{
		name:  name,
		opt:   opt,
		d:     &Dict{Synsets: make(map[string][]string)},
		fixes: make(map[string]*Correction, len(opt.Corrections)),
		used:  make(map[*Correction]bool, len(opt.Corrections)),
	}
	for k := range opt.Corrections {
		c := &opt.Corrections[k]
		p.fixes[c.Was] = c
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		p.n++
		p.line(strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p.finish()
	if len(p.errs) > 0 {
		return nil, fmt.Errorf("%d problems in the verb dictionary:\n%s", len(p.errs), strings.Join(p.errs, "\n"))
	}
	return p.d, nil
}

// parser is the state of Parse between lines.
type parser struct {
	name  string
	opt   Options
	d     *Dict
	fixes map[string]*Correction // by the line they correct
	used  map[*Correction]bool   // the corrections applied
	errs  []string
	n     int // the line number

	section   string // "", "synsets", "verbs", "transformations"
	synset    string // the synonym set being read, "" for none
	noPlural  bool   // its label ends with "_"
	block     *Block // the block being read, nil for none
	inComment int    // the line of an open "<!--" comment, 0 for none
}

func (p *parser) fail(n int, format string, a ...any) {
	p.errs = append(p.errs, fmt.Sprintf("%s:%d: %s", p.name, n, fmt.Sprintf(format, a...)))
}

func (p *parser) line(raw string) {
	if p.inComment == 0 {
		switch {
		case strings.HasPrefix(raw, "####### SYNONYM SETS"):
			p.section, p.synset, p.block = "synsets", "", nil
			return
		case strings.HasPrefix(raw, "####### VERB PATTERNS"):
			p.section, p.synset, p.block = "verbs", "", nil
			return
		case strings.HasPrefix(raw, "######## TRANSFORMATIONS"):
			p.section, p.synset, p.block = "transformations", "", nil
			return
		}
	}
	open := p.inComment > 0
	line, stillOpen := stripComments(raw, open)
	switch {
	case stillOpen && !open:
		p.inComment = p.n
	case !stillOpen:
		p.inComment = 0
	}
	line = strings.TrimSpace(line)
	if c, ok := p.fixes[line]; ok && line != "" {
		if p.opt.Strict && c.Line != p.n {
			p.fail(p.n, "correction for line %d found here instead: %q", c.Line, line)
			return
		}
		p.used[c] = true
		line, _ = stripComments(c.Now, false)
		line = strings.TrimSpace(line)
	}
	if line == "" {
		return
	}
	switch p.section {
	case "synsets":
		p.synsetLine(line)
	case "verbs":
		p.verbLine(line)
	case "transformations":
		if !strings.HasPrefix(line, "~") {
			p.fail(p.n, "unexpected line in the transformations: %q", line)
			return
		}
		p.d.Transformations++
	default:
		// No section header: synonym sets and blocks alternate.
		switch {
		case strings.HasPrefix(line, "&"), strings.HasPrefix(line, "+") && p.synset != "":
			p.block = nil // patterns after a synonym set need a block of their own
			p.synsetLine(line)
		case strings.HasPrefix(line, "~"):
			p.d.Transformations++
		default:
			p.synset = ""
			p.verbLine(line)
		}
	}
}

// synsetLine reads a synonym set's label or one of its phrases.
func (p *parser) synsetLine(line string) {
	switch {
	case strings.HasPrefix(line, "&"):
		p.noPlural = strings.HasSuffix(line, "_")
		p.synset = strings.TrimSuffix(line, "_")
		if !synsetRE.MatchString(p.synset) {
			p.fail(p.n, "bad synset label %q", line)
			p.synset = ""
			return
		}
		if _, dup := p.synsets(p.synset); dup {
			p.fail(p.n, "synset %s defined twice", p.synset)
		}
		p.d.Synsets[p.synset] = nil
	case strings.HasPrefix(line, "+") && p.synset != "":
		phrase := strings.TrimSpace(line[1:])
		if synsetRE.MatchString(phrase) {
			// Another synonym set's phrases, plurals included.
			if phrase == p.synset {
				p.fail(p.n, "synset %s contains itself", phrase)
				return
			}
			phrases, ok := p.synsets(phrase)
			if !ok {
				p.fail(p.n, "undefined synset %s", phrase)
				return
			}
			for _, ph := range phrases {
				p.d.Synsets[p.synset] = appendNew(p.d.Synsets[p.synset], ph)
			}
			return
		}
		fixed := p.noPlural || strings.HasSuffix(phrase, "_")
		words := strings.Fields(strings.ReplaceAll(strings.TrimSuffix(phrase, "_"), "_", " "))
		if len(words) == 0 || !allWords(words) {
			p.fail(p.n, "bad synset phrase %q", phrase)
			return
		}
		p.d.Synsets[p.synset] = appendNew(p.d.Synsets[p.synset], strings.Join(words, " "))
		last := len(words) - 1
		if pl := plural(words[last]); !fixed && pl != "" {
			words[last] = pl
			p.d.Synsets[p.synset] = appendNew(p.d.Synsets[p.synset], strings.Join(words, " "))
		}
	default:
		p.fail(p.n, "unexpected line in the synonym sets: %q", line)
	}
}

// verbLine reads a block header, a verb or a pattern.
func (p *parser) verbLine(line string) {
	switch {
	case strings.HasPrefix(line, "---"):
		m := blockRE.FindStringSubmatch(line)
		if m == nil {
			p.fail(p.n, "bad block header %q", line)
			p.block = nil
			return
		}
		meaning := strings.Join(strings.Fields(m[1]), " ")
		if err := p.checkCode(m[2]); err != nil {
			p.fail(p.n, "block %s: %v", meaning, err)
			p.block = nil
			return
		}
		p.d.Blocks = append(p.d.Blocks, Block{Line: p.n, Meaning: meaning, Code: m[2]})
		p.block = &p.d.Blocks[len(p.d.Blocks)-1]
	case p.block == nil:
		p.fail(p.n, "verb or pattern outside a block: %q", line)
	case strings.HasPrefix(line, "-"):
		pat, err := p.parsePattern(line[1:])
		if err != nil {
			p.fail(p.n, "%v: %q", err, line)
			return
		}
		pat.Line = p.n
		p.block.Patterns = append(p.block.Patterns, pat)
	default:
		v, err := p.parseVerb(line)
		if err != nil {
			p.fail(p.n, "%v: %q", err, line)
			return
		}
		if v.Code == "" {
			v.Code, v.Inherited = p.block.Code, true
		}
		v.Line = p.n
		p.block.Verbs = append(p.block.Verbs, v)
	}
}

// finish reports what only the whole file tells.
func (p *parser) finish() {
	if p.inComment > 0 {
		p.fail(p.inComment, "<!-- comment never closed")
	}
	if p.opt.Strict {
		for k := range p.opt.Corrections {
			c := &p.opt.Corrections[k]
			if _, ok := p.used[c]; !ok {
				p.fail(c.Line, "correction no longer applies: the line does not read %q", c.Was)
			}
		}
	}
	for _, b := range p.d.Blocks {
		if len(b.Verbs) == 0 && len(b.Patterns) == 0 {
			p.fail(b.Line, "block %s has neither verbs nor patterns", b.Meaning)
		}
	}
}

// Merge adds the blocks of a supplement: to the block of the same meaning
// if there is one (the dictionary's, or one the supplement adds), else as
// blocks of their own; and its synonym sets. A pattern of the supplement
// written as one of the block's recodes it. A block of its own with no
// verb is an error: its patterns would never be read, as a verb's patterns
// are those of the verb's block ("CUT" has none; "cut" is of SEPARATE).
func (d *Dict) Merge(extra *Dict) error {
	for name, phrases := range extra.Synsets {
		d.Synsets[name] = phrases
	}
	at := make(map[string]int, len(d.Blocks))
	for k, b := range d.Blocks {
		at[b.Meaning] = k
	}
	added := len(d.Blocks)
	for _, b := range extra.Blocks {
		k, ok := at[b.Meaning]
		if !ok {
			at[b.Meaning] = len(d.Blocks)
			d.Blocks = append(d.Blocks, b)
			continue
		}
		d.Blocks[k].Verbs = append(d.Blocks[k].Verbs, b.Verbs...)
		for _, p := range b.Patterns {
			if i := slices.IndexFunc(d.Blocks[k].Patterns, p.sameWords); i >= 0 {
				d.Blocks[k].Patterns[i].Code = p.Code
				continue
			}
			d.Blocks[k].Patterns = append(d.Blocks[k].Patterns, p)
		}
	}
	var errs []error
	for _, b := range d.Blocks[added:] {
		if len(b.Verbs) == 0 {
			errs = append(errs, fmt.Errorf("line %d: block %s has no verb, and no block of the dictionary has its meaning: its patterns would never be read", b.Line, b.Meaning))
		}
	}
	return errors.Join(errs...)
}
