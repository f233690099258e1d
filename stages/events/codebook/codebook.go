package codebook

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"maps"
	"strconv"
	"strings"
	"sync"

	"github.com/newsflow/newsflow/stages/events/codebook/internal/verbdict"
)

// Event is what PLOVER says of a CAMEO code.
type Event struct {
	CAMEO string // "042"
	// Type is the PLOVER 2.0 event type ("CONSULT"), or STATEMENT and
	// APPEAL for the CAMEO roots 01 and 02, which PLOVER leaves out.
	Type     string
	Mode     string   // a PLOVER mode of Type ("visit"), "" if none
	Contexts []string // PLOVER contexts ("diplomatic")
	// Quad is the PLOVER quad code: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict; 0 for
	// STATEMENT and APPEAL.
	Quad int
	// Goldstein is the code's weight on the Goldstein conflict-cooperation
	// scale, -10 to +10.
	Goldstein float64
}

// Root is the CAMEO root of the code: its first two digits ("04").
func (e Event) Root() string { return e.CAMEO[:2] }

// Verb is a verb form of the dictionary: the verb block it belongs to, and
// the CAMEO code of the verb alone ("---" when the verb alone is no
// event; "042:043" for an event and its reverse).
type Verb struct {
	Block int
	Code  string
	Lemma string // "ASK", "ASK FOR"
	// Inherited says Code is the block's: the dictionary gives the verb no
	// code of its own ("THINK" in the block of "CONSIDER"), a weaker
	// reason to code it alone.
	Inherited bool
}

// Pattern is a verb pattern of a block: the tokens that stand before the
// verb and after it, in the dictionary's syntax ("$", "+", "^", "&SYNSET",
// "(" preposition … ")", "{" phrase "}", words in capitals), and the code
// it gives.
type Pattern struct {
	Pre, Post []string
	Code      string
}

// Codebook is the loaded knowledge. Its methods are safe for concurrent use.
type Codebook struct {
	events   map[string]Event
	types    map[string]Type
	verbs    map[string]Verb // by form: "ASKED", "ASKED FOR"
	blocks   []block
	synsets  map[string][]string
	modes    map[string]ModeRule // by lemma
	maxWords int                 // the most words of a verb form
}

// Type is a PLOVER 2.0 event type.
type Type struct {
	Name           string
	Quad           int
	NeedsRecipient bool
	Modes          []string
}

type block struct {
	meaning  string
	patterns []Pattern
}

var (
	//go:embed generated/verbs.txt.gz
	verbsGz []byte
	//go:embed generated/plover.txt
	ploverTxt []byte

	loadOnce sync.Once
	loaded   *Codebook
	loadErr  error
)

// Load returns the codebook, parsed from the embedded data on first use
// (BenchmarkLoad measures what it costs) and shared afterwards.
func Load() (*Codebook, error) {
	loadOnce.Do(func() { loaded, loadErr = parse(verbsGz, ploverTxt) })
	return loaded, loadErr
}

// FromDictionary reads a verb dictionary in the format of PETRARCH2's
// CAMEO.2.0.txt from r, named name in messages, and returns a codebook of
// its verbs, patterns and synonym sets, with the PLOVER table that Load's
// codebook has. It serves to run the coder on another dictionary than the
// embedded one: PETRARCH's unit-test dictionary, PETR.Validate.verbs.txt,
// to check the coder against PETRARCH's unit tests.
//
// A malformed line is an error naming name and the line, bar the lines of
// the published PETRARCH2 dictionaries that a listed rule corrects, as the
// generator of the embedded data does. Unlike the generator, FromDictionary
// keeps a code the CAMEO to PLOVER table does not know (the unit-test
// dictionary's are mostly older WEIS codes, some such as "075A" or "+++"):
// the verb or pattern is kept with its code, for which Event reports false,
// so that a coder finds the verb and codes no event.
//
// The codebook holds the dictionary alone: newsflow's supplement to the
// CAMEO dictionary is in Load's, not here.
func FromDictionary(name string, r io.Reader) (*Codebook, error) {
	d, err := verbdict.Parse(name, r, verbdict.Options{Corrections: verbdict.Corrections})
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	nForms := 0
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			nForms += len(v.Forms)
		}
	}
	c, err := withPlover(ploverTxt, nForms, 0)
	if err != nil {
		return nil, err
	}
	c.synsets = d.Synsets
	c.blocks = make([]block, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		k := len(c.blocks)
		c.blocks = append(c.blocks, block{meaning: b.Meaning, patterns: make([]Pattern, 0, len(b.Patterns))})
		for _, v := range b.Verbs {
			// As the generator writes verbs for Load: a verb that gives no
			// code and whose block gives none is no event, not inherited.
			inherited := v.Inherited && v.Code != "---"
			c.addVerb(Verb{Block: k, Code: v.Code, Lemma: v.Forms[0], Inherited: inherited}, v.Forms)
		}
		for _, p := range b.Patterns {
			c.blocks[k].patterns = append(c.blocks[k].patterns, Pattern{Pre: p.Pre, Post: p.Post, Code: p.Code})
		}
	}
	return c, nil
}

// Event returns the PLOVER event of a CAMEO code.
func (c *Codebook) Event(cameo string) (Event, bool) {
	e, ok := c.events[cameo]
	return e, ok
}

// ModeRule gives the events of a verb a PLOVER type and mode that no
// CAMEO code carries: resigning is RETREAT, mode resign; hacking COERCE,
// mode cyber.
type ModeRule struct {
	// CAMEO is the code of the verb's events when the dictionary gives the
	// verb none ("176" for HACK), "" to keep the verb's.
	CAMEO      string
	Type, Mode string
}

// Mode returns the mode rule of the verb of lemma ("RESIGN", "STEP
// DOWN"), if it has one.
func (c *Codebook) Mode(lemma string) (ModeRule, bool) {
	r, ok := c.modes[lemma]
	return r, ok
}

// Type returns a PLOVER 2.0 event type by name.
func (c *Codebook) Type(name string) (Type, bool) {
	t, ok := c.types[name]
	return t, ok
}

// Verb returns the verb a form belongs to; form is in capitals, the words
// of a multi-word verb separated by one space ("ASKED FOR").
func (c *Codebook) Verb(form string) (Verb, bool) {
	v, ok := c.verbs[form]
	return v, ok
}

// Forms yields every verb form with its verb, in no particular order.
func (c *Codebook) Forms() iter.Seq2[string, Verb] { return maps.All(c.verbs) }

// VerbBytes is Verb for a form held in a buffer; it does not allocate.
func (c *Codebook) VerbBytes(form []byte) (Verb, bool) {
	v, ok := c.verbs[string(form)]
	return v, ok
}

// MaxVerbWords is the most words of any verb form.
func (c *Codebook) MaxVerbWords() int { return c.maxWords }

// Blocks is the number of verb blocks: Verb.Block is in [0, Blocks()).
func (c *Codebook) Blocks() int { return len(c.blocks) }

// Patterns returns the patterns of a verb block, in dictionary order. The
// slice is shared: callers must not modify it.
func (c *Codebook) Patterns(block int) []Pattern { return c.blocks[block].patterns }

// Synset returns the phrases of a synonym set ("&CURRENCY"), plurals
// included, in capitals.
func (c *Codebook) Synset(name string) []string { return c.synsets[name] }

func parse(verbsGz, plover []byte) (*Codebook, error) {
	c, err := withPlover(plover, 4*numVerbs, numSynsets)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(verbsGz))
	if err != nil {
		return nil, fmt.Errorf("codebook: verbs.txt.gz: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("codebook: verbs.txt.gz: %w", err)
	}
	if err := c.parseVerbs(text); err != nil {
		return nil, fmt.Errorf("codebook: verbs.txt.gz: %w", err)
	}
	return c, nil
}

// withPlover returns a codebook of the PLOVER table plover and no verbs
// yet, its maps sized for forms verb forms and synsets synonym sets.
func withPlover(plover []byte, forms, synsets int) (*Codebook, error) {
	c := &Codebook{
		events:  make(map[string]Event, numMappings),
		types:   make(map[string]Type, 16),
		verbs:   make(map[string]Verb, forms),
		synsets: make(map[string][]string, synsets),
		modes:   make(map[string]ModeRule, numModeRules),
	}
	if err := c.parsePlover(plover); err != nil {
		return nil, fmt.Errorf("codebook: plover.txt: %w", err)
	}
	return c, nil
}

func (c *Codebook) parsePlover(text []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "T" && len(f) == 5:
			q, err := strconv.Atoi(f[2])
			if err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
			c.types[f[1]] = Type{Name: f[1], Quad: q, NeedsRecipient: f[3] == "true", Modes: split(f[4])}
		case f[0] == "L" && len(f) == 5:
			c.modes[f[1]] = ModeRule{CAMEO: f[2], Type: f[3], Mode: f[4]}
		case f[0] == "M" && len(f) == 5:
			e := Event{CAMEO: f[1], Type: f[2], Mode: f[3], Contexts: split(f[4])}
			w, ok := goldsteinOf(e.CAMEO)
			if !ok {
				return fmt.Errorf("line %d: no Goldstein weight for %s", n, e.CAMEO)
			}
			e.Goldstein = w
			if t, ok := c.types[e.Type]; ok {
				e.Quad = t.Quad
			} else if e.Type != "STATEMENT" && e.Type != "APPEAL" {
				return fmt.Errorf("line %d: unknown type %s", n, e.Type)
			}
			c.events[e.CAMEO] = e
		default:
			return fmt.Errorf("line %d: bad record %q", n, line)
		}
	}
	if len(c.types) != 16 || len(c.events) != numMappings || len(c.modes) != numModeRules {
		return fmt.Errorf("%d types, %d codes and %d mode rules; want 16, %d and %d",
			len(c.types), len(c.events), len(c.modes), numMappings, numModeRules)
	}
	return nil
}

func (c *Codebook) parseVerbs(text []byte) error {
	nVerbs, nPatterns := 0, 0
	for n, line := range strings.Split(strings.TrimSuffix(string(text), "\n"), "\n") {
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "S" && len(f) == 3:
			c.synsets[f[1]] = split(f[2])
		case f[0] == "B" && len(f) == 2:
			c.blocks = append(c.blocks, block{meaning: f[1]})
		case f[0] == "V" && len(f) == 3 && len(c.blocks) > 0:
			forms := split(f[2])
			code, inherited := strings.CutPrefix(f[1], "^")
			c.addVerb(Verb{Block: len(c.blocks) - 1, Code: code, Lemma: forms[0], Inherited: inherited}, forms)
			nVerbs++
		case f[0] == "P" && len(f) == 3 && len(c.blocks) > 0:
			toks := strings.Fields(f[2])
			star := -1
			for k, t := range toks {
				if t == "*" {
					star = k
				}
			}
			if star < 0 {
				return fmt.Errorf("line %d: pattern without *", n+1)
			}
			b := &c.blocks[len(c.blocks)-1]
			b.patterns = append(b.patterns, Pattern{Pre: toks[:star], Post: toks[star+1:], Code: f[1]})
			nPatterns++
		default:
			return fmt.Errorf("line %d: bad record %q", n+1, line)
		}
	}
	if len(c.synsets) != numSynsets || len(c.blocks) != numBlocks || nVerbs != numVerbs || nPatterns != numPatterns {
		return fmt.Errorf("%d synsets, %d blocks, %d verbs, %d patterns; want %d, %d, %d, %d",
			len(c.synsets), len(c.blocks), nVerbs, nPatterns, numSynsets, numBlocks, numVerbs, numPatterns)
	}
	return nil
}

// addVerb adds the forms of a verb, the lemma first.
func (c *Codebook) addVerb(v Verb, forms []string) {
	for _, form := range forms {
		// A form in two blocks keeps the first, as PETRARCH does.
		if _, dup := c.verbs[form]; !dup {
			c.verbs[form] = v
		}
		c.maxWords = max(c.maxWords, strings.Count(form, " ")+1)
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}
