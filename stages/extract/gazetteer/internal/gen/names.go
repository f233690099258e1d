package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// formerAdjectives qualify titles of states that no longer exist
// ("SOVIET_LEADER_MIKHAIL_GORBACHEV") and are stripped like demonyms.
var formerAdjectives = words(`soviet yugoslav czechoslovak`)

// personRoleNouns end an organisation's synonym that names one of its
// people ("WHITE_HOUSE_SPOKESMAN", "STATE_DEPARTMENT_OFFICIAL"): such a
// synonym is not a name of the organisation.
var personRoleNouns = words(`
spokesman spokeswoman spokesperson official officials secretary minister president chairman director chief
leader head commander justices judge ambassador envoy source sources member members representative
`)

// nameForms converts the words of a PETRARCH name to the forms a text
// writes: title case, particles in lower case, "AL_" and "EL_" inside a
// person's name joined to the next word ("Hazem al-Beblawi", with "Hazem
// al Beblawi" as a second form). Titles before a person's name are
// stripped ("PRESIDENT_VLADIMIR_PUTIN_" is "Vladimir Putin"); what is left
// must look like a name or nothing is returned. head is the block's head
// when tok is a synonym, nil when tok is the head.
func (g *gaz) nameForms(tok []string, person bool, head []string) []string {
	var abbr string
	if i := indexOf(tok, "|"); i >= 0 {
		tok, abbr = tok[:i], tok[i+1]
	}
	for _, t := range tok {
		if strings.ContainsAny(t, ",;:\"") || strings.Contains(t, "Ã") {
			return nil
		}
	}
	if !person {
		for len(tok) > 0 && (tok[0] == "THE" || strings.HasSuffix(tok[0], "-BASED")) {
			tok = tok[1:]
		}
		if len(tok) == 0 || personRoleNouns[strings.ToLower(tok[len(tok)-1])] {
			return nil
		}
		out := []string{orgTitle(tok)}
		if len(tok) == 1 && out[0] != tok[0] {
			out = append(out, tok[0]) // "Unita" and "UNITA"
		}
		if abbr != "" {
			out = append(out, abbr)
		}
		return out
	}
	isHead := head == nil
	if isHead {
		head = tok
	}
	core := g.stripTitles(tok)
	if isHead && len(core) == 1 && len(tok) > 1 && g.first[core[0]] != 0 && royalTitles[strings.ToLower(tok[len(tok)-2])] {
		core = tok[len(tok)-2:] // "KING_ABDULLAH" stays "King Abdullah"
	}
	if !g.personCore(core, head[len(head)-1]) {
		return nil
	}
	joined := personTitle(core, true)
	if spaced := personTitle(core, false); spaced != joined {
		return []string{joined, spaced}
	}
	return []string{joined}
}

// personCore reports whether the words left after stripping titles look
// like a person's name: no institution or function word, and a single word
// only if it is a surname: not a common word, and not a first name unless
// it is the last word of the name it came from ("SECRETARY_KERRY_" of
// John Kerry is "Kerry"; "+MOHAMMAD" alone is nobody in particular).
func (g *gaz) personCore(core []string, last string) bool {
	if len(core) == 0 {
		return false
	}
	for _, t := range core {
		w := strings.ToLower(t)
		if institutionWords[w] || w == "of" || w == "and" || w == "for" || w == "the" || w == "administration" {
			return false
		}
	}
	if len(core) == 1 {
		w := core[0]
		return letters(w) >= 3 && (g.first[w] == 0 || w == last) && !g.common[strings.ToLower(w)] &&
			!g.ccKeys[w] && g.demonyms[w] == ""
	}
	return true
}

// stripTitles removes what precedes a name: modifiers ("FORMER", "THE"),
// honorifics ("MR"), "-BASED" phrases, agent titles from the agents
// dictionary ("PRESIDENT", "PRIME_MINISTER", "SECRETARY-GENERAL") and a
// country, demonym or organisation directly before a title ("RUSSIAN_
// PRESIDENT", "UN_SECRETARY-GENERAL"). A first word that is also a first
// name ("DEAN_ACHESON") is not taken for a title.
func (g *gaz) stripTitles(t []string) []string {
	for len(t) > 0 {
		w := strings.ToLower(t[0])
		if rest, ok := strings.CutPrefix(t[0], "EX-"); ok && rest != "" {
			t = append([]string{rest}, t[1:]...)
			continue
		}
		if modifiers[w] || honorifics[w] || strings.HasSuffix(w, "-based") {
			t = t[1:]
			continue
		}
		if n := g.titleAt(t); n > 0 && !(n == 1 && len(t) > 1 && g.first[t[0]] != 0) {
			t = t[n:]
			continue
		}
		if n := g.entityAt(t); n > 0 && n < len(t) && g.titleAt(t[n:]) > 0 {
			t = t[n:]
			continue
		}
		break
	}
	return t
}

// titleAt returns how many words at the start of t form an agent phrase,
// trying the longest first; "-ELECT" and hyphens are ignored.
func (g *gaz) titleAt(t []string) int {
	for n := min(len(t), 5); n > 0; n-- {
		p := strings.Join(t[:n], " ")
		p = strings.TrimSuffix(p, "-ELECT")
		if _, ok := g.roles[p]; ok {
			return n
		}
		if _, ok := g.roles[strings.ReplaceAll(p, "-", " ")]; ok {
			return n
		}
	}
	return 0
}

// entityAt returns how many words at the start of t name a country, a
// nationality or a curated organisation.
func (g *gaz) entityAt(t []string) int {
	for n := min(len(t), 4); n > 0; n-- {
		p := strings.Join(t[:n], " ")
		if g.ccKeys[p] || g.demonyms[p] != "" || g.curated[p] || formerAdjectives[strings.ToLower(p)] {
			return n
		}
	}
	return 0
}

// koreanSurnames are the commonest Korean family names. PETRARCH writes
// Korean names family name first with a hyphenated given name, which
// English writes with a lower-case second syllable: "BAN_KI-MOON" is "Ban
// Ki-moon", "KIM_JONG-UN" "Kim Jong-un".
var koreanSurnames = words(`KIM LEE PARK CHOI JUNG KANG CHO YOON JANG LIM HAN OH SEO SHIN KWON HWANG AHN SONG
HONG MOON BAN ROH CHUN YOO KO`)

// personTitle writes a person's name in title case.
func personTitle(tok []string, join bool) string {
	out := make([]string, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		low := strings.ToLower(tok[i])
		switch {
		case i == 1 && koreanSurnames[tok[0]] && strings.Count(tok[1], "-") == 1:
			a, b, _ := strings.Cut(tok[1], "-")
			out = append(out, capPart(a, true)+"-"+strings.ToLower(b))
		case i > 0 && join && (low == "al" || low == "el") && i+1 < len(tok):
			out = append(out, low+"-"+capWord(tok[i+1], false, true))
			i++
		case i > 0 && particles[low]:
			out = append(out, low)
		default:
			out = append(out, capWord(tok[i], i == 0, true))
		}
		if i == 0 && romanNumerals[tok[0]] { // "XI_JINPING" is not the eleventh
			out[0] = capPart(strings.ToLower(tok[0]), true)
		}
	}
	return strings.Join(out, " ")
}

// orgTitle writes an organisation's name in title case, keeping short
// non-words ("UN", "ICC") and words without vowels ("CNN", "FSB") in
// capitals; longer acronyms come out as words ("Nato").
func orgTitle(tok []string) string {
	out := make([]string, 0, len(tok))
	for i, t := range tok {
		low := strings.ToLower(t)
		switch {
		case companySuffixes[t] != "":
			out = append(out, companySuffixes[t])
		case i > 0 && (nameLowerWords[low] || low == "for" || low == "to"):
			out = append(out, low)
		case strings.Contains(strings.TrimSuffix(t, "."), ".") || !strings.ContainsAny(t, "AEIOUÀÁÂÄÉÈÊÎÏÓÔÖÚÙÛÜ") ||
			(letters(t) <= 3 && !stopWords[low] && !commonWords[low]):
			out = append(out, t)
		default:
			out = append(out, capWord(t, i == 0, false))
		}
	}
	return strings.Join(out, " ")
}

// capWord capitalises each hyphen-separated part of a word; a particle
// before a hyphen stays lower case inside a person's name ("al-Assad").
func capWord(w string, first, person bool) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		low := strings.ToLower(p)
		if person && i == 0 && !first && len(parts) > 1 && particles[low] {
			parts[i] = low
			continue
		}
		parts[i] = capPart(p, person)
	}
	return strings.Join(parts, "-")
}

var companySuffixes = map[string]string{"INC": "Inc", "INC.": "Inc.", "LTD": "Ltd", "LTD.": "Ltd.", "CO": "Co", "CO.": "Co."}

var romanNumerals = words(`II III IV VI VII VIII IX XI XII XIII XIV XV XVI`)

// capPart capitalises one part: "Jr.", roman numerals, "McCain",
// "O'Brien" but "Sha'bi".
func capPart(p string, person bool) string {
	switch {
	case p == "":
		return p
	case romanNumerals[p]:
		return p
	case p == "JR" || p == "JR." || p == "SR." || p == "SR":
		return p[:1] + strings.ToLower(p[1:2]) + "."
	case person && len(p) > 3 && strings.HasPrefix(p, "MC"):
		return "Mc" + capPart(p[2:], person)
	}
	if i := strings.IndexAny(p, "'’"); i == 1 && len(p) > 3 {
		_, n := utf8.DecodeRuneInString(p[i:])
		return p[:1] + p[i:i+n] + capPart(p[i+n:], person)
	}
	r, n := utf8.DecodeRuneInString(p)
	return string(unicode.ToUpper(r)) + strings.ToLower(p[n:])
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}
