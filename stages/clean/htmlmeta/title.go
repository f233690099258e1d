package htmlmeta

import (
	"net/url"
	"strings"
	"unicode"
)

// titleSeparators divide a headline from the site name that a <title> (or
// a careless og:title) appends or prepends to it.
var titleSeparators = [...]string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " / "}

// stripSite removes a site name from the end (or, failing that, the start)
// of a title when it is set off by one of titleSeparators and equals the
// page's site name or its host name: "Storm hits coast | The Daily
// Example" on dailyexample.com becomes "Storm hits coast". The rule is
// general, not a list of sites: comparison ignores case, punctuation,
// spaces and a leading "The", and a host (without "www.", "m." or
// "amp.") matches by its whole name or by any label of three letters or
// more but the last ("dailyexample" in www.dailyexample.co.uk). A title
// that would be left with no letter is kept whole.
func stripSite(title, site, host string) string {
	if title == "" || (site == "" && host == "") {
		return title
	}
	bestEnd, bestStart := -1, -1
	sepEnd, sepStart := 0, 0
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > bestEnd {
			bestEnd, sepEnd = i, len(sep)
		}
		if i := strings.Index(title, sep); i >= 0 && (bestStart < 0 || i < bestStart) {
			bestStart, sepStart = i, len(sep)
		}
	}
	if bestEnd > 0 {
		head, tail := title[:bestEnd], title[bestEnd+sepEnd:]
		if isSiteName(tail, site, host) && strings.ContainsFunc(head, unicode.IsLetter) {
			return strings.TrimSpace(head)
		}
	}
	if bestStart > 0 {
		head, tail := title[:bestStart], title[bestStart+sepStart:]
		if isSiteName(head, site, host) && strings.ContainsFunc(tail, unicode.IsLetter) {
			return strings.TrimSpace(tail)
		}
	}
	return title
}

// isSiteName reports whether s names the site, by its declared name or
// its host.
func isSiteName(s, site, host string) bool {
	k := nameKey(s)
	if k == "" {
		return false
	}
	if site != "" && k == nameKey(site) {
		return true
	}
	if host == "" {
		return false
	}
	host = strings.ToLower(host)
	for _, p := range [...]string{"www.", "m.", "amp."} {
		host = strings.TrimPrefix(host, p)
	}
	if k == nameKey(host) {
		return true
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		if len(l) >= 3 && k == nameKey(l) {
			return true
		}
	}
	return false
}

// nameKey reduces a name to its lower-case letters and digits, without a
// leading "the": "The Daily-Example" and "dailyexample" share a key.
func nameKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	if t := strings.TrimPrefix(k, "the"); len(t) >= 3 {
		k = t
	}
	return k
}

// hostOf returns the host name of an absolute URL, or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
