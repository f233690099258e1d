package verbdict

import "strings"

// regularForms returns the regular inflections of an upper-case verb:
// third person, past and present participle ("ASK": ASKS ASKED ASKING;
// "AGREE": AGREES AGREED AGREEING; "RALLY": RALLIES RALLIED; "URGE":
// URGES URGED URGING; "STOP": STOPS STOPPED STOPPING). Irregular forms
// come from the dictionary.
func regularForms(v string) []string {
	n := len(v)
	if n < 2 {
		return nil
	}
	last, prev := v[n-1], v[n-2]
	third := v + "S"
	switch {
	case last == 'Y' && !vowel(prev):
		third = v[:n-1] + "IES"
	case sibilant(v):
		third = v + "ES"
	}
	past, ing := v+"ED", v+"ING"
	switch {
	case strings.HasSuffix(v, "EE"):
		past = v + "D"
	case last == 'E':
		past, ing = v+"D", v[:n-1]+"ING"
	case last == 'Y' && !vowel(prev):
		past = v[:n-1] + "IED"
	case doublesFinal(v):
		past, ing = v+string(last)+"ED", v+string(last)+"ING"
	}
	return []string{third, past, ing}
}

// plural returns the regular plural of an upper-case noun, "" for a word
// that looks plural already ("DRONES", "TALKS"): a final "S" after anything
// but "S" or "U". Irregular plurals the dictionary lists as phrases of
// their own.
func plural(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'Y' && !vowel(w[n-2]):
		return w[:n-1] + "IES"
	case strings.HasSuffix(w, "SS") || strings.HasSuffix(w, "US"):
		return w + "ES"
	case strings.HasSuffix(w, "S"):
		return ""
	case sibilant(w):
		return w + "ES"
	}
	return w + "S"
}

func vowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }

func sibilant(w string) bool {
	return strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH")
}

// doublesFinal reports a one-syllable verb ending consonant-vowel-
// consonant, whose final consonant doubles ("STOP", "BAN", "GRAB"); "W",
// "X" and "Y" never double. Longer verbs double only when stressed on the
// last syllable, which spelling does not tell: the dictionary lists those.
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || strings.IndexByte("WXY", v[n-1]) >= 0 || vowel(v[n-1]) || !vowel(v[n-2]) || vowel(v[n-3]) {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if vowel(v[i]) && (i == 0 || !vowel(v[i-1])) {
			groups++
		}
	}
	return groups == 1
}
