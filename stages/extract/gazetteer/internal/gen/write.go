package main

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// dataDir is where the data goes in the package directory. It is not
// "data": the repository ignores directories of that name, which
// "newsflow run" creates.
const dataDir = "generated"

// Format is the first line of the data file; the loader checks it.
const format = "newsflow-gazetteer 1"

// output is the encoded gazetteer and the constants data_gen.go declares.
type output struct {
	entries      []byte // generated/entries.txt.gz, uncompressed
	names        []byte // generated/names.txt.gz, uncompressed
	numEntries   int
	groupEntries int
	maxWords     int
	maxFoldBytes int
	kinds        [kindArea + 1]int
	keys, groups int
	foldOverride int
}

// write writes the data in two files, decompressed and parsed in parallel
// when loaded, and the constants that go with them.
func (g *gaz) write(dir string) error {
	out := g.encode()
	if err := os.MkdirAll(filepath.Join(dir, dataDir), 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		text []byte
	}{{"entries.txt.gz", out.entries}, {"names.txt.gz", out.names}} {
		z, err := corpora.Gzip(f.text)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, dataDir, f.name), z, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "data_gen.go"), out.goSource(), 0o644)
}

// keysOf checks an entry's names and returns the keys it is found by.
// PETRARCH names that are also a country, a nationality or a curated
// organisation name are left to those.
func (g *gaz) keysOf(e *entry) []string {
	var keys []string
	seen := make(map[string]bool)
	for _, n := range e.names {
		for _, k := range apostropheForms(n) {
			if seen[k] {
				continue
			}
			seen[k] = true
			if r := g.keyReason(k, e); r != "" {
				g.counts["names dropped: "+r]++
				continue
			}
			if e.class == classPerson || e.class == classOrg {
				if f := fold(k); g.curated[f] || g.ccKeys[f] || g.demonyms[f] != "" {
					g.counts["names dropped: petrarch name of a country or curated org"]++
					continue
				}
			}
			keys = append(keys, k)
		}
	}
	return keys
}

func (g *gaz) encode() *output {
	out := &output{}
	keysOf := make(map[*entry][]string)
	var kept []*entry
	for _, e := range g.entries {
		if ks := g.keysOf(e); len(ks) > 0 {
			keysOf[e] = ks
			kept = append(kept, e)
		} else {
			g.counts["entries dropped: no usable name"]++
		}
	}
	slices.SortStableFunc(kept, func(a, b *entry) int { return rank("", a, b) })
	index := make(map[string][]int)
	for i, e := range kept {
		out.kinds[e.kind]++
		for _, k := range keysOf[e] {
			index[k] = append(index[k], i)
		}
	}
	for k, list := range index {
		slices.SortStableFunc(list, func(a, b int) int { return rank(k, kept[a], kept[b]) })
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	// Refs: an entry's index, or len(kept)+group for a list of several.
	var groups [][]int
	groupOf := make(map[string]int)
	ref := func(list []int) int {
		if len(list) == 1 {
			return list[0]
		}
		sig := fmt.Sprint(list)
		id, ok := groupOf[sig]
		if !ok {
			id = len(groups)
			groupOf[sig] = id
			groups = append(groups, list)
		}
		return len(kept) + id
	}
	refs := make([]int, len(keys))
	for i, k := range keys {
		refs[i] = ref(index[k])
		out.maxWords = max(out.maxWords, len(strings.Fields(k)))
	}

	// The loader maps each fold key to its first name's list; where names
	// that differ only in case have different lists, the union is given.
	type foldInfo struct {
		key   string
		first int
		union []int
	}
	folds := make(map[string]*foldInfo)
	var foldKeys []string
	for i, k := range keys {
		f := fold(k)
		out.maxFoldBytes = max(out.maxFoldBytes, len(f))
		fi := folds[f]
		if fi == nil {
			fi = &foldInfo{key: k, first: refs[i]}
			folds[f] = fi
			foldKeys = append(foldKeys, f)
		}
		fi.union = append(fi.union, index[k]...)
	}
	var overrides []string
	slices.Sort(foldKeys)
	for _, f := range foldKeys {
		fi := folds[f]
		slices.Sort(fi.union)
		fi.union = slices.Compact(fi.union)
		slices.SortStableFunc(fi.union, func(a, b int) int { return rank(fi.key, kept[a], kept[b]) })
		if r := ref(fi.union); r != fi.first {
			overrides = append(overrides, f+"\t"+strconv.Itoa(r))
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "%s entries\nE %d\n", format, len(kept))
	for _, e := range kept {
		capital := ""
		if e.capital {
			capital = "1"
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.kind, e.name, e.cc, e.admin1, e.feature,
			num(int64(e.gid)), num(int64(e.lat)), num(int64(e.lon)), num(e.pop), capital, e.sector)
	}
	fmt.Fprintf(&b, "G %d\n", len(groups))
	for _, list := range groups {
		s := make([]string, len(list))
		for i, x := range list {
			s[i] = strconv.Itoa(x)
		}
		b.WriteString(strings.Join(s, " ") + "\n")
		out.groupEntries += len(list)
	}
	section(&b, "D", mapLines(g.demonyms))
	section(&b, "F", mapLines(g.first))
	section(&b, "R", mapLines(g.roles))
	var countries []string
	for cc, c := range g.info {
		countries = append(countries, cc+"\t"+c.iso3+"\t"+c.capital+"\t"+c.continent)
	}
	slices.Sort(countries)
	section(&b, "K", countries)
	var common []string
	for w := range g.common {
		common = append(common, strings.ToUpper(w))
	}
	slices.Sort(common)
	section(&b, "W", common)
	out.entries = b.Bytes()

	var nb bytes.Buffer
	fmt.Fprintf(&nb, "%s names\nN %d\n", format, len(keys))
	for i, k := range keys {
		fmt.Fprintf(&nb, "%s\t%d\n", k, refs[i])
	}
	section(&nb, "X", overrides)
	out.names = nb.Bytes()

	for _, m := range []map[string]string{g.demonyms, g.roles} {
		for k := range m {
			out.maxFoldBytes = max(out.maxFoldBytes, len(fold(k)))
		}
	}
	for k := range g.first {
		out.maxFoldBytes = max(out.maxFoldBytes, len(k))
	}
	out.numEntries = len(kept)
	out.keys, out.groups, out.foldOverride = len(keys), len(groups), len(overrides)
	g.counts["keys"], g.counts["groups"], g.counts["fold overrides"] = len(keys), len(groups), len(overrides)
	g.counts["max words"], g.counts["max fold bytes"] = out.maxWords, out.maxFoldBytes
	g.index = make(map[string][]*entry, len(index))
	for k, list := range index {
		for _, i := range list {
			g.index[k] = append(g.index[k], kept[i])
		}
	}
	return out
}

// rank orders the candidates of key: by class, then population, where a
// city whose own name is key counts five times its population against
// cities that have key only as an alternate name ("Venice" is Venice,
// Italy, 51,000, before Dayton, 135,000, which GeoNames also calls
// Venice; "St. Petersburg" is still Russia's, 5.4 million, before
// Florida's own, 257,000), then recency, name and id.
func rank(key string, a, b *entry) int {
	return cmp.Or(cmp.Compare(a.class, b.class), cmp.Compare(weight(key, b), weight(key, a)),
		cmp.Compare(b.recency, a.recency), strings.Compare(a.name, b.name), cmp.Compare(a.gid, b.gid),
		strings.Compare(a.cc, b.cc))
}

func weight(key string, e *entry) int64 {
	for _, m := range e.main {
		if key != "" && (m == key || strings.ReplaceAll(m, "'", "\u2019") == key) {
			return 5 * e.pop
		}
	}
	return e.pop
}

func num(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func section(b *bytes.Buffer, name string, lines []string) {
	fmt.Fprintf(b, "%s %d\n", name, len(lines))
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
}

func mapLines[V string | byte](m map[string]V) []string {
	lines := make([]string, 0, len(m))
	for k, v := range m {
		lines = append(lines, k+"\t"+string(v))
	}
	slices.Sort(lines)
	return lines
}

func (o *output) goSource() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by internal/gen from ../shared/corpora; DO NOT EDIT.

package gazetteer

// MaxNameWords is the most space-separated words of any name the gazetteer
// holds: a longer span never matches.
const MaxNameWords = %d

// maxFoldBytes is the longest upper-cased name in bytes: LookupFold folds
// into a buffer of this size on the stack.
const maxFoldBytes = %d

// Counts of the generated data, checked when it is loaded.
const (
	numCountries    = %d
	numRegions      = %d
	numCities       = %d
	numPeople       = %d
	numOrgs         = %d
	numAreas        = %d
	numEntries      = %d
	numGroups       = %d
	numGroupEntries = %d
	numNames        = %d
)
`, o.maxWords, o.maxFoldBytes, o.kinds[kindCountry], o.kinds[kindRegion], o.kinds[kindCity],
		o.kinds[kindPerson], o.kinds[kindOrg], o.kinds[kindArea], o.numEntries, o.groups, o.groupEntries, o.keys)
	return b.Bytes()
}
