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
// keepAuthor. The value "By Jane Doe and John Roe, Staff Writers" adds
// "Jane Doe" and "John Roe".
//
// Splitting: an optional leading "By", "Written by", "Posted by" or
// "Reporting by" is dropped; the rest is split at " and ", " & ", ";",
// " | " and ",". A part after a comma that is a role ("Staff Writer",
// "Senior Correspondent", "Special to The Times") is dropped. Any other
// part is kept as a name, organisations included: "Jane Doe, Reuters"
// gives "Jane Doe" and "Reuters", because wire services and newsrooms are
// credited as authors (schema.org allows an Organization author) and
// telling an organisation from a surname would need a list of them.
func (l *authorList) add(raw string) {
	if len(l.names) >= maxAuthors {
		return
	}
	s := clean(raw, 4*maxAuthor*maxAuthors)
	s = trimBy(s)
	for _, group := range splitAny(s, " and ", " & ", ";", " | ", " And ", " AND ") {
		for j, part := range strings.Split(group, ",") {
			part = trimBy(strings.TrimSpace(part))
			if j > 0 && isRole(part) {
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
	if !strings.ContainsFunc(name, isLetterRune) {
		return
	}
	for _, n := range l.names {
		if strings.EqualFold(n, name) {
			return
		}
	}
	l.names = append(l.names, name)
}

// trimBy drops a leading "By" (and its variants) from a byline.
func trimBy(s string) string {
	for _, p := range [...]string{"by:", "by ", "written by ", "posted by ", "reporting by ", "words by ", "story by "} {
		if hasPrefixFold(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// roleNouns are the last words of a byline role ("Staff Writer",
// "Senior Political Correspondent"), singular and plural.
var roleNouns = map[string]bool{
	"writer": true, "reporter": true, "correspondent": true, "editor": true,
	"contributor": true, "columnist": true, "journalist": true, "producer": true,
	"photographer": true, "analyst": true, "critic": true, "staff": true,
	"intern": true, "chief": true, "desk": true, "team": true, "fellow": true,
}

// isRole reports whether part, which followed a comma in a byline, names
// a role rather than a person or an organisation: "Special to ..." or at
// most five words ending in a role noun.
func isRole(part string) bool {
	if hasPrefixFold(part, "special to ") || hasPrefixFold(part, "for ") {
		return true
	}
	words := strings.Fields(part)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	return roleNouns[last] || roleNouns[strings.TrimSuffix(last, "s")]
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

// isLetterRune reports whether r is a letter in any script.
func isLetterRune(r rune) bool { return unicode.IsLetter(r) }
