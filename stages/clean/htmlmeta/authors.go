package htmlmeta

import (
	"strings"
	"unicode"
)

// authorList gathers author names from raw byline values, in order,
// without duplicates, up to maxAuthors.
type authorList struct {
	names []string
}

// add splits a raw byline value into names and adds those that pass
// keep. The value "By Jane Doe and John Roe, Staff Writers" adds "Jane
// Doe" and "John Roe".
//
// The byline is cut where a date or "Updated" starts ("By Jane Doe
// November 18, 2019 12:01 PM"), a leading "By" (and "Written by",
// "Analysis by", any one or two words before "by") is dropped, and the
// rest is split into names at " and ", " & ", ";" and "|". Each name is
// then split at "," and " - ": the first piece is a name, and each later
// piece is dropped when it is a role ("Staff Writer", "Live Science
// Contributor", "Special to The Times") or a credential ("MS", "PhD",
// "Jr.") and kept as a name otherwise, organisations included: "Jane Doe,
// Reuters" gives "Jane Doe" and "Reuters", because wire services and
// newsrooms are credited as authors (schema.org allows an Organization
// author) and telling an organisation from a surname would need a list of
// them. A byline that is only an organisation ("Science X Staff") is kept.
func (l *authorList) add(raw string) {
	if len(l.names) >= maxAuthors {
		return
	}
	s := cutAtDate(clean(raw, 4*maxAuthor*maxAuthors))
	for _, group := range splitAny(trimBy(s), " and ", " & ", ";", "|", " And ", " AND ") {
		for j, part := range splitAny(trimBy(strings.Trim(group, " ,:")), ",", " - ", " – ", " — ") {
			part = strings.TrimSpace(part)
			if j > 0 && (isRole(part) || isCredential(part)) {
				continue
			}
			l.keep(part)
		}
	}
}

// keep adds one name unless it is empty, too long, a URL, an e-mail
// address, a social-media handle, has no letter, or is already there
// (ignoring case).
func (l *authorList) keep(name string) {
	name = strings.Trim(name, " .:-–—|")
	if name == "" || len(name) > maxAuthor || len(l.names) >= maxAuthors {
		return
	}
	if strings.Contains(name, "://") || hasPrefixFold(name, "www.") ||
		strings.HasPrefix(name, "@") || strings.HasPrefix(name, "/") ||
		(strings.Contains(name, "@") && strings.Contains(name, ".")) {
		return
	}
	if !strings.ContainsFunc(name, unicode.IsLetter) {
		return
	}
	for _, n := range l.names {
		if strings.EqualFold(n, name) {
			return
		}
	}
	l.names = append(l.names, name)
}

// trimBy drops a leading "By" from a byline, with up to two words before
// it ("Written by", "Analysis by") and a colon after it.
func trimBy(s string) string {
	for i, n := 0, 0; i+2 < len(s) && n <= 2; i++ {
		if i == 0 || s[i-1] == ' ' {
			if hasPrefixFold(s[i:], "by ") || hasPrefixFold(s[i:], "by:") {
				return strings.TrimLeft(s[i+3:], " :")
			}
			n++
		}
		if s[i] == ',' {
			break
		}
	}
	return s
}

// cutAtDate returns s up to where a date, a weekday and comma, or the word
// "updated" or "published" starts: the part of a byline that may hold
// names.
func cutAtDate(s string) string {
	for i := 0; i < len(s); i++ {
		if i > 0 && isAlnum(s[i-1]) {
			continue
		}
		if isDigit(s[i]) {
			if _, _, ok := parseISO(s[i:]); ok {
				return s[:i]
			}
			continue
		}
		w := word(s[i:])
		if w == "" {
			continue
		}
		next := skipSpace(s, skipByte(s, i+len(w), '.'))
		switch {
		case monthNum(w) != 0 && next < len(s) && isDigit(s[next]),
			isWeekday(w) && i+len(w) < len(s) && s[i+len(w)] == ',',
			strings.EqualFold(w, "updated"), strings.EqualFold(w, "published"):
			return s[:i]
		}
		i += len(w) - 1
	}
	return s
}

// roleNouns are the words that make a piece of a byline a role ("Staff
// Writer", "Senior Political Correspondent", "Editor-at-large"); plurals
// are matched too.
var roleNouns = map[string]bool{
	"writer": true, "reporter": true, "correspondent": true, "editor": true,
	"contributor": true, "columnist": true, "journalist": true, "producer": true,
	"photographer": true, "analyst": true, "critic": true, "staff": true,
	"intern": true, "chief": true, "desk": true, "team": true, "fellow": true,
}

// isRole reports whether a piece of a byline after a comma or dash names
// a role rather than a person or an organisation: "Special to ...", "for
// ...", or at most five words one of which is a role noun.
func isRole(part string) bool {
	if hasPrefixFold(part, "special to ") || hasPrefixFold(part, "for ") {
		return true
	}
	words := strings.Fields(part)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		w = strings.ToLower(w)
		if i := strings.IndexByte(w, '-'); i > 0 {
			w = w[:i] // "editor-at-large"
		}
		if roleNouns[w] || roleNouns[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	return false
}

// credentials are the degrees and suffixes that follow a name after a
// comma, without dots, in lower case.
var credentials = map[string]bool{
	"ma": true, "ms": true, "msc": true, "mba": true, "mph": true, "md": true,
	"phd": true, "rd": true, "rdn": true, "rn": true, "ld": true, "cde": true,
	"cpt": true, "cscs": true, "dds": true, "dvm": true, "jd": true, "esq": true,
	"cfa": true, "cpa": true, "lcsw": true, "np": true, "fnp": true, "facs": true,
	"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
}

// isCredential reports whether part is a credential ("PhD", "M.D.").
func isCredential(part string) bool {
	if len(part) > 6 {
		return false
	}
	var buf [6]byte
	k := buf[:0]
	for i := 0; i < len(part); i++ {
		if c := part[i]; c != '.' {
			k = append(k, c|0x20)
		}
	}
	return credentials[string(k)]
}

// splitAny splits s at every occurrence of any of the separators.
func splitAny(s string, seps ...string) []string {
	parts := []string{s}
	for _, sep := range seps {
		if !strings.Contains(s, sep) {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}
