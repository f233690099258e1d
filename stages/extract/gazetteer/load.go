package gazetteer

import (
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
)

// The data, written by internal/gen, is two gzipped UTF-8 texts, each a
// first line naming the format and the file, then sections: a line
// "<letter> <count>" and that many lines of tab-separated fields.
//
// generated/entries.txt.gz:
//
//	E  entries, in rank order: kind, name, country, admin1, feature,
//	   geonames id, lat and lon in 1e-4 degrees, population, capital ("1"
//	   or ""), sector; an empty number is 0
//	G  groups: the entry indices, space-separated and ranked, of a name
//	   with several entries
//	D  demonyms, F first names, R roles: upper-case key and value
//	K  countries: code, ISO3, capital, continent
//	W  common words, upper case
//
// generated/names.txt.gz:
//
//	N  names, sorted: name and ref, an entry index or, from the number of
//	   entries on, a group
//	X  fold keys whose names, differing only in case, have different
//	   entries: key and the ref of all their entries (any other fold key
//	   takes its first name's ref)
//
// The two are decompressed and parsed in parallel; the fold index is built
// from the names on first use.
var (
	//go:embed generated/entries.txt.gz
	entriesData []byte
	//go:embed generated/names.txt.gz
	namesData []byte
)

const format = "newsflow-gazetteer 1"

type table struct {
	entries   []Entry
	groups    [][]Entry
	exact     *index
	overrides int    // where section X starts in the names text
	fold      *index // built on first use by LookupFold
	maxRef    uint32 // the largest ref of the names file, checked against the entries file
	demonyms  foldMap[string]
	first     foldMap[byte]
	roles     foldMap[string]
	common    foldMap[struct{}]
	countries map[string]CountryInfo
}

// list returns the entries of ref; its capacity is its length, so an
// append by the caller copies instead of writing over shared data.
func (t *table) list(r uint32) []Entry {
	if int(r) < len(t.entries) {
		return t.entries[r : r+1 : r+1]
	}
	return t.groups[int(r)-len(t.entries)]
}

func load() {
	t, err := parse(entriesData, namesData)
	if err != nil {
		// The data is generated and embedded: an error is a build defect,
		// caught by the package's tests.
		panic("gazetteer: embedded data: " + err.Error())
	}
	tab = t
}

func loadFold(t *table) {
	if err := t.buildFold(); err != nil {
		panic("gazetteer: embedded data: " + err.Error())
	}
}

// parse decompresses and parses the two files on two goroutines, the
// names and their exact index on one, the entries on the other.
func parse(entries, names []byte) (*table, error) {
	t := &table{}
	var wg sync.WaitGroup
	var errNames error
	wg.Go(func() {
		s, err := gunzip(names)
		if err != nil {
			errNames = fmt.Errorf("names: %w", err)
			return
		}
		errNames = parseText(s, "names", t, false, []step{{"N", parseExact}})
	})
	s, err := gunzip(entries)
	if err != nil {
		err = fmt.Errorf("entries: %w", err)
	} else {
		err = parseText(s, "entries", t, true, []step{
			{"E", parseEntries}, {"G", parseGroups}, {"D", parseDemonyms}, {"F", parseFirstNames},
			{"R", parseRoles}, {"K", parseCountries}, {"W", parseCommon},
		})
	}
	wg.Wait()
	if err := cmp.Or(err, errNames); err != nil {
		return nil, err
	}
	if int(t.maxRef) >= len(t.entries)+len(t.groups) {
		return nil, fmt.Errorf("ref %d out of range: %d entries, %d groups", t.maxRef, len(t.entries), len(t.groups))
	}
	return t, nil
}

type step struct {
	section string
	parse   func(*parser, *table, int) error
}

// parseText parses the sections of s named in steps, which are all its
// sections if whole is set.
func parseText(s, name string, t *table, whole bool, steps []step) error {
	p := &parser{s: s}
	if line := p.line(); line != format+" "+name {
		return fmt.Errorf("%s: format %q, want %q", name, line, format+" "+name)
	}
	for _, st := range steps {
		n, err := p.section(st.section)
		if err == nil {
			err = st.parse(p, t, n)
		}
		if err == nil {
			err = p.err
		}
		if err != nil {
			return fmt.Errorf("%s: section %s: %w", name, st.section, err)
		}
	}
	if whole && p.pos != len(p.s) {
		return fmt.Errorf("%s: %d bytes after the last section", name, len(p.s)-p.pos)
	}
	return nil
}

// gunzip decompresses into one string, sized from the gzip trailer, so
// that every name is a substring of it and costs no allocation.
func gunzip(gz []byte) (string, error) {
	if len(gz) < 4 {
		return "", fmt.Errorf("%d bytes of data", len(gz))
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])))
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	return b.String(), zr.Close()
}

// parser reads lines and tab-separated fields without allocating.
type parser struct {
	s   string
	pos int
	err error
}

func (p *parser) line() string {
	if p.pos >= len(p.s) {
		if p.err == nil {
			p.err = io.ErrUnexpectedEOF
		}
		return ""
	}
	i := strings.IndexByte(p.s[p.pos:], '\n')
	if i < 0 {
		i = len(p.s) - p.pos
	}
	line := p.s[p.pos : p.pos+i]
	p.pos += i + 1
	return line
}

func (p *parser) section(name string) (int, error) {
	line := p.line()
	head, count, ok := strings.Cut(line, " ")
	n, err := atoi(count)
	if !ok || head != name || err != nil {
		return 0, fmt.Errorf("section header %q, want %q and a count", line, name)
	}
	return n, p.err
}

// fields splits line at tabs into f, which must have exactly as many
// fields.
func fields(line string, f []string) error {
	for i := range f {
		j := strings.IndexByte(line, '\t')
		if i == len(f)-1 {
			if j >= 0 {
				return fmt.Errorf("more than %d fields: %q", len(f), line)
			}
			f[i] = line
			return nil
		}
		if j < 0 {
			return fmt.Errorf("%d fields, want %d: %q", i+1, len(f), line)
		}
		f[i], line = line[:j], line[j+1:]
	}
	return nil
}

// atoi parses a decimal integer; "" is 0.
func atoi(s string) (int, error) {
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || n > (1<<62)/10 {
			return 0, fmt.Errorf("bad number %q", s)
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}
