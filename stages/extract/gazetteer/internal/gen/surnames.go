package main

import (
	"strings"
	"unicode"
)

// familyFirst are the countries whose people English news names family
// name first ("Xi Jinping" is Xi, "Moon Jae-in" Moon).
var familyFirst = map[string]bool{"CN": true, "TW": true, "HK": true, "MO": true, "KR": true, "KP": true, "VN": true}

// surnameSince is the earliest end of office (yyyymmdd) of the people whose
// surname alone is a name.
const surnameSince = 20080101

// nameSuffixes end a name without being its surname.
var nameSuffixes = map[string]bool{"Jr.": true, "Sr.": true, "II": true, "III": true, "IV": true}

// addSurnames gives each person the dictionaries know by a full name, and
// code in an office held in 2008 or later, their surname alone as a name
// too, as news writes it after the first mention, in headlines and in
// one-sentence items ("Scholz", "Xi"): the last word of the name, or the
// first where the family name comes first, and for an "al-" name the name
// without it ("Assad"). Earlier figures are left out: "Ford" or "Johnson"
// alone is rarely the president of the 1970s or 1960s in today's news. A
// surname two of the people share, or that names anything else the
// gazetteer knows (a place, a country, an organisation, a nationality), a
// first name or a common word is left out too: the text must say who it
// is.
func (g *gaz) addSurnames() error {
	taken := make(map[string]bool)
	for _, e := range g.entries {
		for _, n := range e.names {
			taken[n] = true
		}
	}
	owners := make(map[string][]*entry)
	for _, e := range g.entries {
		if e.kind != kindPerson || e.recency < surnameSince {
			continue
		}
		for _, s := range g.surnames(e) {
			if !taken[s] && !containsEntry(owners[s], e) {
				owners[s] = append(owners[s], e)
			}
		}
	}
	for s, es := range owners {
		if len(es) > 1 {
			g.counts["surnames dropped: shared by several people"]++
			continue
		}
		es[0].names = append(es[0].names, s)
		if letters(s) < 3 {
			g.shortNames[s] = true
		}
		g.counts["surnames added"]++
	}
	return nil
}

// surnames returns the forms of e's surname worth a key of their own.
func (g *gaz) surnames(e *entry) []string {
	words := strings.Fields(e.name)
	for len(words) > 1 && nameSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) < 2 {
		return nil
	}
	s := words[len(words)-1]
	if familyFirst[e.cc] {
		s = words[0]
	}
	forms := []string{s}
	if rest, ok := cutParticle(s); ok {
		forms = append(forms, rest)
	}
	var out []string
	for _, f := range forms {
		min := 3
		if familyFirst[e.cc] {
			min = 2
		}
		low, up := strings.ToLower(f), strings.ToUpper(f)
		if letters(f) < min || g.common[low] || g.first[up] != 0 || g.demonyms[up] != "" ||
			g.ccKeys[fold(f)] || g.curated[fold(f)] || !unicode.IsUpper([]rune(f)[0]) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// cutParticle returns an "al-" or "el-" name without its particle,
// capitalised: "al-Assad" is "Assad".
func cutParticle(s string) (string, bool) {
	for _, p := range []string{"al-", "el-", "Al-", "El-"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			r := []rune(rest)
			r[0] = unicode.ToUpper(r[0])
			return string(r), true
		}
	}
	return "", false
}

func containsEntry(es []*entry, e *entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}
