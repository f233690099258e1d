package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// extraRoles are titles news writes that the agents dictionary lacks,
// with their sector; "" where the sector is the employer's (a chairman
// chairs a party, a bank or a club alike). A press secretary is a
// government post in the news that names one. Their regular plurals are
// added too. The dictionary's own codes stand where it has the title: it
// codes a spokesperson MED and a chief executive GOV.
var extraRoles = map[string]string{
	"PRESS SECRETARY":   "GOV",
	"SECRETARY-GENERAL": "",
	"SECRETARY GENERAL": "",
	"VICE PRESIDENT":    "GOV",
	"VICE-PRESIDENT":    "GOV",
	"PRESIDENT-ELECT":   "GOV",
	"CHAIRMAN":          "",
	"CHAIRWOMAN":        "",
	"CHAIRPERSON":       "",
	"FOUNDER":           "",
	"CO-FOUNDER":        "",
	"COACH":             "",
	"MANAGER":           "",
	"POPE":              "CHR",
	"CARDINAL":          "CHR",
	"GENERAL":           "MIL",
	"EDITOR":            "MED",
	"ANALYST":           "",
	"RESEARCHER":        "EDU",
	"ADVISER":           "",
	"ADVISOR":           "",
}

// readAgents reads the agents dictionary: titles and roles with their
// codes, "[~GOV]" or "[NGO~]". A substitution set ("!PERSON! = MAN, MEN,
// ...") is expanded; plurals are given in braces ("{}" for none) or made
// by the English rule (PETRARCH's own rule makes "ENVOIES"). The sector
// is the code's first three letters: "GOVMIL", a defence minister, is GOV.
// extraRoles fill the gaps; a phrase keeps its first code.
func (g *gaz) readAgents(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	subst := make(map[string][]string)
	set := func(phrase, sector string) {
		phrase = strings.Join(strings.Fields(strings.ReplaceAll(phrase, "_", " ")), " ")
		if phrase == "" || strings.Contains(phrase, "Ã") {
			return
		}
		if _, ok := g.roles[phrase]; !ok {
			g.roles[phrase] = sector
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<!") {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			name, list, _ := strings.Cut(line, "=")
			for _, w := range strings.Split(list, ",") {
				subst[strings.TrimSpace(name)] = append(subst[strings.TrimSpace(name)], strings.TrimSpace(w))
			}
			continue
		}
		phrase, rest, ok := strings.Cut(line, "[")
		if !ok {
			continue
		}
		code := strings.Trim(strings.TrimSpace(strings.Split(rest, "]")[0]), "~")
		sector := code
		if len(sector) > 3 {
			sector = sector[:3]
		}
		plural, hasPlural := "", false
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase, '}')
			if j < i {
				continue
			}
			plural, hasPlural = strings.TrimSpace(phrase[i+1:j]), true
			phrase = phrase[:i]
		}
		phrase = strings.ToUpper(strings.TrimSpace(phrase))
		if i := strings.IndexByte(phrase, '!'); i >= 0 {
			j := strings.IndexByte(phrase[i+1:], '!')
			if j < 0 {
				continue
			}
			marker := phrase[i : i+j+2]
			for _, w := range subst[marker] {
				set(phrase[:i]+w+phrase[i+j+2:], sector)
			}
			continue
		}
		set(phrase, sector)
		if !hasPlural {
			plural = pluralOf(strings.TrimRight(phrase, "_ "))
		}
		set(plural, sector)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	g.counts["roles from agents"] = len(g.roles)
	for p, s := range extraRoles {
		set(p, s)
		if !strings.Contains(p, "-") {
			set(pluralOf(p), s)
		}
	}
	g.counts["roles"] = len(g.roles)
	return nil
}

// pluralOf makes the regular English plural of a phrase's last word.
func pluralOf(p string) string {
	if p == "" {
		return ""
	}
	n := len(p)
	switch {
	case strings.HasSuffix(p, "Y") && n > 1 && !strings.ContainsRune("AEIOU", rune(p[n-2])):
		return p[:n-1] + "IES"
	case strings.HasSuffix(p, "S") || strings.HasSuffix(p, "X") || strings.HasSuffix(p, "CH") || strings.HasSuffix(p, "SH"):
		return p + "ES"
	case strings.HasSuffix(p, "MAN"):
		return p[:n-3] + "MEN"
	}
	return p + "S"
}

// readFirstNames reads the names-en lists; a name in both is 'U'.
func (g *gaz) readFirstNames(dir string) error {
	for _, f := range []struct {
		file   string
		gender byte
	}{{"male-first-names.txt", 'M'}, {"female-first-names.txt", 'F'}} {
		err := eachRow(filepath.Join(dir, f.file), 1, func(row []string) error {
			n := strings.ToUpper(strings.TrimSpace(row[0]))
			switch g.first[n] {
			case 0:
				g.first[n] = f.gender
			case f.gender:
			default:
				g.first[n] = 'U'
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	g.counts["first names"] = len(g.first)
	return nil
}
