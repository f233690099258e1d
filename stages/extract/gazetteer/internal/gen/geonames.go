package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// country holds the countryInfo columns the package exposes beyond Entry.
type country struct {
	iso3, capital, continent string
}

// readCountries reads GeoNames countryInfo: one entry per ISO code, named
// as GeoNames names it (but for countryNames) and by the curated variants.
// Its ISO3 codes, with cameoCountries over them, map CAMEO country codes.
func (g *gaz) readCountries(path string) error {
	err := eachRow(path, 17, func(f []string) error {
		cc := strings.TrimSpace(f[0])
		if cc == "" {
			return nil
		}
		name := strings.TrimSpace(f[4])
		if n, ok := countryNames[cc]; ok {
			name = n
		}
		e := &entry{kind: kindCountry, name: name, cc: cc, class: classCountry, curated: true}
		e.gid, _ = strconv.Atoi(f[16])
		e.pop, _ = strconv.ParseInt(f[7], 10, 64)
		e.names = append(e.names, name, strings.TrimSpace(f[4]))
		e.names = append(e.names, countryVariants[cc]...)
		for _, n := range e.names {
			g.ccKeys[fold(n)] = true
		}
		g.ccName[cc] = name
		g.cameo[f[1]] = cc
		g.info[cc] = country{iso3: f[1], capital: strings.TrimSpace(f[5]), continent: f[8]}
		g.add(e)
		g.counts["countries"]++
		return nil
	})
	for code, cc := range cameoCountries {
		g.cameo[code] = cc
	}
	return err
}

// readRegions reads GeoNames admin-1 regions. They are also found without
// their generic words ("Voronezh Oblast" as "Voronezh"); regionInfo has no
// coordinates, so regions have none.
func (g *gaz) readRegions(path string) error {
	return eachRow(path, 4, func(f []string) error {
		cc, admin1, ok := strings.Cut(f[0], ".")
		if !ok || g.ccName[cc] == "" {
			return fmt.Errorf("region %q: unknown country", f[0])
		}
		e := &entry{kind: kindRegion, name: dropParenthetical(f[1]), cc: cc, admin1: admin1, feature: "ADM1", class: classRegion}
		e.gid, _ = strconv.Atoi(f[3])
		for _, n := range []string{f[1], f[2]} {
			n = dropParenthetical(n)
			e.names = append(e.names, n)
			if short := stripRegionWords(n); short != n && !g.common[strings.ToLower(short)] {
				e.names = append(e.names, short)
			}
		}
		g.add(e)
		g.counts["regions"]++
		return nil
	})
}

// stripRegionWords removes one generic prefix and one generic suffix.
func stripRegionWords(n string) string {
	for _, p := range regionPrefixes {
		if s, ok := strings.CutPrefix(n, p); ok && s != "" {
			n = s
			break
		}
	}
	for _, s := range regionSuffixes {
		if t, ok := strings.CutSuffix(n, s); ok && t != "" {
			return t
		}
	}
	return n
}

func dropParenthetical(n string) string {
	i := strings.IndexByte(n, '(')
	j := strings.IndexByte(n, ')')
	if i < 0 || j < i {
		return n
	}
	return strings.Join(strings.Fields(n[:i]+n[j+1:]), " ")
}

// readCities reads cities15000: every city with its name, ASCII name and
// the alternate names a news text in English could use.
func (g *gaz) readCities(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	if len(zr.File) != 1 {
		return fmt.Errorf("%s: want one file, have %d", path, len(zr.File))
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return eachRowReader(rc, path, 19, func(f []string) error {
		e := &entry{kind: kindCity, name: f[1], cc: f[8], admin1: f[10], feature: f[7], class: classCity}
		e.gid, _ = strconv.Atoi(f[0])
		e.pop, _ = strconv.ParseInt(f[14], 10, 64)
		e.lat, e.lon = coord(f[4]), coord(f[5])
		e.capital = f[7] == "PPLC"
		e.names = append(e.names, f[1], f[2])
		e.main = append(e.main, f[1], f[2])
		for _, a := range strings.Split(f[3], ",") {
			if a == "" {
				continue
			}
			if r := altReason(a); r != "" {
				g.counts["city alternates dropped: "+r]++
				continue
			}
			e.names = append(e.names, a)
			g.counts["city alternates kept"]++
		}
		e.names = append(e.names, extraCityNames[e.gid]...)
		g.add(e)
		g.counts["cities"]++
		return nil
	})
}

// altReason says why a GeoNames alternate name is not one an English text
// would use, or "" when it may be: it must be in Latin letters (with
// spaces, hyphens, apostrophes and periods), have a capital, at least
// three letters, not be an upper-case code of up to four letters ("IEV",
// "MOW"), and hold no lower-case word but the particles of place names.
func altReason(a string) string {
	upper, lower, n := 0, 0, 0
	for _, r := range a {
		switch {
		case unicode.IsLetter(r) && unicode.In(r, unicode.Latin):
			n++
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
		case r == ' ' || r == '-' || r == '\'' || r == '\u2019' || r == '.':
		default:
			return "not Latin letters"
		}
	}
	switch {
	case upper == 0:
		return "lower case"
	case n < 3:
		return "short"
	case lower == 0 && n <= 4:
		return "code"
	}
	for _, w := range strings.Fields(a) {
		head, _, _ := strings.Cut(w, "-")
		if r := []rune(w)[0]; unicode.IsLower(r) && !nameLowerWords[head] {
			return "foreign phrase"
		}
	}
	return ""
}

func coord(s string) int {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return int(math.Round(f * 1e4))
}

// eachRow calls fn with the tab-separated fields of each row of a file,
// skipping blank lines and "#" comments; a row with fewer than min fields
// is an error.
func eachRow(path string, min int, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return eachRowReader(f, path, min, fn)
}

func eachRowReader(r io.Reader, path string, min int, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < min {
			return fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(f), min)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}
