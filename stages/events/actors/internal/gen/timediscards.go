package main

import (
	"regexp"
	"strings"
)

// timeDiscard matches the discards of Phoenix.discards.txt that are
// times, not topics: the years 1914 to 2013 and "… AGO", "… LATER"
// ("YEARS AGO", "WEEKS LATER"). PETRARCH leaves a sentence with them
// uncoded so as not to code history as news; newsflow codes it and marks
// the event historical (by its date), so they are left out of the
// embedded dictionary. The unit-test dictionaries, read at run time, keep
// theirs.
var timeDiscard = regexp.MustCompile(`^\+?\s*(?:(?:19|20)[0-9]{2}|[A-Z_ ]+[ _](?:AGO|LATER))\s*(?:#.*)?$`)

// withoutTimeDiscards returns the discards text without its time
// discards, and how many it left out.
func withoutTimeDiscards(text string) (string, int) {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	n := 0
	for _, l := range lines {
		if timeDiscard.MatchString(strings.TrimRight(l, "\r")) {
			n++
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n"), n
}
