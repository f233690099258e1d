package actors

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Kind is the kind of a PETRARCH dictionary file.
type Kind int

// The kinds of dictionary file.
const (
	Actors Kind = iota + 1
	Agents
	Discards
)

func (k Kind) String() string {
	switch k {
	case Actors:
		return "actors"
	case Agents:
		return "agents"
	case Discards:
		return "discards"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// File is a dictionary file to parse: its kind, the name errors give it,
// and its text.
type File struct {
	Kind Kind
	Name string
	R    io.Reader
}

// LineError is a malformed line of a dictionary file.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// maxErrors is the most line errors Parse reports: past it, a file is
// likely of another format.
const maxErrors = 20

// Parse builds a dictionary from files, read in order: of two actors, two
// agents or two discards with the same phrase, the later one holds, as in
// PETRARCH. The actor files are read while the others are, each file once
// and in full. A malformed line is an error, a [*LineError] naming the file
// and line (several are joined); nothing is skipped.
func Parse(files ...File) (*Dictionary, error) {
	return parse(sizes{1 << 10, 1 << 10, 1 << 8, 1 << 6}, files...)
}

// sizes are how many entries and phrases to make room for.
type sizes struct{ entries, actors, agents, discards int }

func parse(n sizes, files ...File) (*Dictionary, error) {
	d := &Dictionary{
		entries: make([]Entry, 0, n.entries),
		actors:  newIndex(n.actors), agents: newIndex(n.agents), discards: newIndex(n.discards),
		agentList: make([]agent, 0, n.agents), discardList: make([]discard, 0, n.discards),
	}
	// Actors and the rest fill separate parts of d: read them at once.
	// Files of one kind are read in order, for the later phrase to hold.
	fileErrs := make([][]error, len(files))
	readKinds := func(kinds ...Kind) error {
		for k, f := range files {
			if !slices.Contains(kinds, f.Kind) {
				continue
			}
			p := &parser{d: d, file: f.Name}
			var err error
			switch f.Kind {
			case Actors:
				err = p.read(f.R, p.actorLine)
				p.endEntry()
			case Agents:
				err = p.read(f.R, p.agentLine)
			case Discards:
				err = p.read(f.R, p.discardLine)
			}
			if err != nil {
				return err
			}
			fileErrs[k] = p.errs
		}
		return nil
	}
	for _, f := range files {
		if f.Kind < Actors || f.Kind > Discards {
			return nil, fmt.Errorf("actors: %s: unknown kind %v", f.Name, f.Kind)
		}
	}
	var wg sync.WaitGroup
	var errActors error
	wg.Go(func() { errActors = readKinds(Actors) })
	errOthers := readKinds(Agents, Discards)
	wg.Wait()
	if err := cmp.Or(errActors, errOthers); err != nil {
		return nil, err
	}
	var errs []error
	for _, e := range fileErrs {
		errs = append(errs, e...)
	}
	if len(errs) > 0 {
		if len(errs) > maxErrors {
			errs = append(errs[:maxErrors], errors.New("more errors not shown"))
		}
		return nil, errors.Join(errs...)
	}
	for _, x := range []*index{d.actors, d.agents, d.discards} {
		x.compact()
	}
	return d, nil
}

// ParseFiles is [Parse] for files on disk, whose kind is told by their
// names as PETRARCH names them: "….actors.txt", "….agents.txt",
// "….discards.txt".
func ParseFiles(paths ...string) (*Dictionary, error) {
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		var k Kind
		switch base := filepath.Base(p); {
		case strings.HasSuffix(base, ".actors.txt"):
			k = Actors
		case strings.HasSuffix(base, ".agents.txt"):
			k = Agents
		case strings.HasSuffix(base, ".discards.txt"):
			k = Discards
		default:
			return nil, fmt.Errorf("actors: %s: not named *.actors.txt, *.agents.txt or *.discards.txt", p)
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		defer f.Close()
		files = append(files, File{Kind: k, Name: p, R: f})
	}
	return Parse(files...)
}

// parser reads one file into a dictionary.
type parser struct {
	d    *Dictionary
	file string
	errs []error
	line int

	// The actor entry being read.
	entry   *Entry
	started int // its head's line
	words   []string
	markers map[string][]string // the agents' substitution sets
}

func (p *parser) fail(format string, a ...any) {
	p.errs = append(p.errs, &LineError{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, a...)})
}

// read calls each with the text of every line of r that is not a
// comment, blanks trimmed. Comments are what PETRARCH's reader takes for
// them: "#" to the end of the line; "<!--" to "-->", on one line or over
// several; and a line that starts with "<!" ("<! -- NEW ACTORS -->").
func (p *parser) read(r io.Reader, each func(text string)) error {
	pieces, readErr := readPieces(r)
	open := 0 // the line an unclosed "<!--" is on
	for text := range pieces {
		for text != "" {
			if len(p.errs) >= maxErrors {
				break // and drain the pieces
			}
			p.line++
			s, rest, _ := strings.Cut(text, "\n")
			text = rest
			s = strings.TrimSuffix(s, "\r")
			if open > 0 {
				end := strings.Index(s, "-->")
				if end < 0 {
					continue
				}
				s, open = s[end+3:], 0
			}
			if i := strings.IndexByte(s, '#'); i >= 0 {
				s = s[:i]
			}
			for {
				i := strings.Index(s, "<!--")
				if i < 0 {
					break
				}
				end := strings.Index(s[i:], "-->")
				if end < 0 {
					s, open = s[:i], p.line
					break
				}
				s = s[:i] + " " + s[i+end+3:]
			}
			s = strings.TrimSpace(s)
			if s == "" || strings.HasPrefix(s, "<!") {
				continue
			}
			each(s)
		}
	}
	if err := readErr(); err != nil {
		return fmt.Errorf("actors: %s: %w", p.file, err)
	}
	if open > 0 {
		p.line = open
		p.fail("comment \"<!--\" never closed")
	}
	return nil
}

// phrase returns the tokens of a phrase, or fails.
func (p *parser) phrase(s string) ([]string, bool) {
	words, err := tokens(p.words[:0], s)
	p.words = words[:0]
	if err != nil {
		p.fail("%v", err)
		return nil, false
	}
	if len(words) == 0 {
		p.fail("empty phrase")
		return nil, false
	}
	// The index keeps the words: give it its own copy.
	return append([]string(nil), words...), true
}

// isCode reports whether c is a code as the dictionaries write them:
// letters and digits, "---" (no actor), "/" between several codes
// ("ELR/GAL"), "+++" of TABARI's dictionaries.
func isCode(c string) bool {
	if c == "" {
		return false
	}
	for i := 0; i < len(c); i++ {
		switch b := c[i]; {
		case isAlnum(b), 'a' <= b && b <= 'z', b == '-', b == '/', b == '+':
		default:
			return false
		}
	}
	return true
}

// pieceSize is how much text readPieces sends at a time.
const pieceSize = 128 << 10

// readPieces reads r on a goroutine of its own, so that a dictionary is
// decompressed while it is parsed, and sends its text in pieces that end
// at the end of a line. The phrases the index keeps are parts of the
// pieces, not a string each. err, called once the pieces are drained,
// returns the error of reading, if any.
func readPieces(r io.Reader) (pieces <-chan string, err func() error) {
	ch := make(chan string, 4)
	var readErr error
	go func() {
		defer close(ch)
		var carry []byte
		buf := make([]byte, pieceSize)
		for {
			n, err := io.ReadFull(r, buf)
			data := append(carry, buf[:n]...)
			carry = nil
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				if len(data) > 0 {
					ch <- string(data)
				}
				return
			}
			if err != nil {
				readErr = err
				return
			}
			end := bytes.LastIndexByte(data, '\n') + 1
			if end > 0 {
				ch <- string(data[:end])
			}
			carry = append([]byte(nil), data[end:]...)
		}
	}()
	return ch, func() error { return readErr }
}
