package gazetteer

import (
	"fmt"
	"slices"
	"strings"
)

func parseEntries(p *parser, t *table, n int) error {
	if n != numEntries {
		return fmt.Errorf("%d entries, data_gen.go says %d: regenerate both", n, numEntries)
	}
	t.entries = make([]Entry, n)
	t.countries = make(map[string]CountryInfo)
	var counts [Area + 1]int
	var f [11]string
	for i := range t.entries {
		if err := fields(p.line(), f[:]); err != nil {
			return err
		}
		var num [5]int
		for j := range num {
			v, err := atoi(f[5+j])
			if err != nil {
				return err
			}
			num[j] = v
		}
		k, err := atoi(f[0])
		if err != nil || k < int(Country) || k > int(Area) {
			return fmt.Errorf("entry %d: kind %q", i, f[0])
		}
		counts[k]++
		t.entries[i] = Entry{
			Kind:       Kind(k),
			Name:       f[1],
			Country:    f[2],
			Admin1:     f[3],
			Feature:    f[4],
			GeoNamesID: num[0],
			Lat:        float32(num[1]) / 1e4,
			Lon:        float32(num[2]) / 1e4,
			Population: int64(num[3]),
			Capital:    f[9] == "1",
			Sector:     f[10],
		}
		if e := t.entries[i]; e.Kind == Country {
			t.countries[e.Country] = CountryInfo{Code: e.Country, Name: e.Name, Population: e.Population, GeoNamesID: e.GeoNamesID}
		}
	}
	want := [Area + 1]int{0, numCountries, numRegions, numCities, numPeople, numOrgs, numAreas}
	if counts != want {
		return fmt.Errorf("entries per kind %v, data_gen.go says %v: regenerate both", counts[1:], want[1:])
	}
	return nil
}

// parseGroups copies the entries of each group into one backing array and
// slices it with capacity equal to length.
func parseGroups(p *parser, t *table, n int) error {
	if n != numGroups {
		return fmt.Errorf("%d groups, data_gen.go says %d: regenerate both", n, numGroups)
	}
	ends := make([]int, n)
	all := make([]Entry, 0, numGroupEntries)
	for g := range ends {
		line := p.line()
		for line != "" {
			var item string
			item, line, _ = strings.Cut(line, " ")
			i, err := atoi(item)
			if err != nil || i < 0 || i >= len(t.entries) {
				return fmt.Errorf("group %d: entry %q", g, item)
			}
			all = append(all, t.entries[i])
		}
		ends[g] = len(all)
	}
	t.groups = make([][]Entry, n)
	start := 0
	for g, end := range ends {
		t.groups[g] = all[start:end:end]
		start = end
	}
	return nil
}

// parseExact reads the names and builds the exact index; the keys are
// kept for the fold index.
func parseExact(p *parser, t *table, n int) error {
	if n != numNames {
		return fmt.Errorf("%d names, data_gen.go says %d: regenerate both", n, numNames)
	}
	keys := make([]key, n)
	var f [2]string
	for i := range keys {
		off := p.pos
		if err := fields(p.line(), f[:]); err != nil {
			return err
		}
		r, err := atoi(f[1])
		if err != nil || r < 0 {
			return fmt.Errorf("name %q: ref %q", f[0], f[1])
		}
		t.maxRef = max(t.maxRef, uint32(r))
		keys[i] = key{off: uint32(off), n: uint32(len(f[0])), ref: uint32(r)}
	}
	t.overrides = p.pos
	x, dropped := newIndex(p.s, keys, false)
	if dropped > 0 {
		return fmt.Errorf("%d names twice", dropped)
	}
	t.exact = x
	return nil
}

// buildFold builds the fold index over the names' keys, then applies the
// X section. Of names with the same fold, the first (in sorted order)
// gives the fold its ref unless section X says otherwise.
func (t *table) buildFold() error {
	t.fold, _ = newIndex(t.exact.text, slices.Clone(t.exact.keys), true)
	p := &parser{s: t.exact.text, pos: t.overrides}
	n, err := p.section("X")
	if err == nil {
		err = parseOverrides(p, t, n)
	}
	if err == nil {
		err = p.err
	}
	if err == nil && p.pos != len(p.s) {
		err = fmt.Errorf("%d bytes after the last section", len(p.s)-p.pos)
	}
	if err != nil {
		return fmt.Errorf("names: section X: %w", err)
	}
	return nil
}

func parseOverrides(p *parser, t *table, n int) error {
	var f [2]string
	for range n {
		if err := fields(p.line(), f[:]); err != nil {
			return err
		}
		r, err := atoi(f[1])
		if err != nil {
			return err
		}
		if r < 0 || r >= numEntries+numGroups {
			return fmt.Errorf("override of %q: ref %d out of range", f[0], r)
		}
		if !t.fold.setFolded([]byte(f[0]), uint32(r)) {
			return fmt.Errorf("override of %q, which is no fold of a name", f[0])
		}
	}
	return nil
}

func parseDemonyms(p *parser, t *table, n int) error {
	m := make(map[string]string, n)
	err := pairs(p, n, func(k, v string) error {
		m[k] = v
		return nil
	})
	t.demonyms = newFoldMap(m)
	return err
}

func parseFirstNames(p *parser, t *table, n int) error {
	m := make(map[string]byte, n)
	err := pairs(p, n, func(k, v string) error {
		if v != "M" && v != "F" && v != "U" {
			return fmt.Errorf("first name %q: gender %q", k, v)
		}
		m[k] = v[0]
		return nil
	})
	t.first = newFoldMap(m)
	return err
}

func parseRoles(p *parser, t *table, n int) error {
	m := make(map[string]string, n)
	err := pairs(p, n, func(k, v string) error {
		m[k] = v
		return nil
	})
	t.roles = newFoldMap(m)
	return err
}

func parseCommon(p *parser, t *table, n int) error {
	m := make(map[string]struct{}, n)
	for range n {
		m[p.line()] = struct{}{}
	}
	t.common = newFoldMap(m)
	return nil
}

func parseCountries(p *parser, t *table, n int) error {
	var f [4]string
	for range n {
		if err := fields(p.line(), f[:]); err != nil {
			return err
		}
		c, ok := t.countries[f[0]]
		if !ok {
			return fmt.Errorf("country %s has no entry", f[0])
		}
		c.ISO3, c.Capital, c.Continent = f[1], f[2], f[3]
		t.countries[f[0]] = c
	}
	return nil
}

func pairs(p *parser, n int, fn func(k, v string) error) error {
	var f [2]string
	for range n {
		if err := fields(p.line(), f[:]); err != nil {
			return err
		}
		if err := fn(f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}
