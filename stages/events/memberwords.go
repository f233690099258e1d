package events

import "strings"

// The words memberAt and head ask of a member and the words before it:
// what makes a member an elite out of office, a count of people, a
// nationality's forces.

// former reports whether "former" or "ex-" stands in tokens [i, j), the
// words of a member and the one before it: the member held the role it
// names, and holds it no more.
func (c *coder) former(i, j int) bool {
	for k := i; k < j; k++ {
		if c.words[k] == "FORMER" || strings.HasPrefix(c.words[k], "EX-") || c.words[k] == "EX" && k+1 < j && c.words[k+1] == "-" {
			return true
		}
	}
	return false
}

// numerals are the words of large numbers, which count what follows them.
var numerals = map[string]bool{"HUNDRED": true, "THOUSAND": true, "MILLION": true, "BILLION": true, "TRILLION": true}

// crowds are the counts that stand for people when a verb follows them:
// "Thousands rally in Madrid", "Hundreds marched".
var crowds = map[string]bool{"DOZENS": true, "HUNDREDS": true, "THOUSANDS": true, "MILLIONS": true, "SCORES": true}

// ofCountryOnly are the agents that are a party only when a country
// qualifies them: attacks ("Israeli shelling killed"), since a bombing of
// nobody is no one's, and a country's nationals ("a French national"),
// since "national" alone is an adjective ("these national treasures").
var ofCountryOnly = map[string]bool{"SHELLING": true, "BOMBING": true, "BOMBINGS": true, "BOMBARDMENT": true,
	"STRIKE": true, "STRIKES": true, "RAID": true, "RAIDS": true, "NATIONAL": true, "NATIONALS": true}

// attackOf reports whether the agent that ends at token end may be of the
// party whose words before it end with token i: any agent but an attack
// that is a verb as often, which needs a nationality ("Israeli strikes",
// not "Israel strikes").
func (c *coder) attackOf(i, end int) bool {
	return !verbAttacks[c.words[end-1]] || c.has(i, tagDemonym)
}

// verbAttacks are the attacks that are verbs as often ("Israel strikes
// Gaza"): a party only after a nationality ("Israeli strikes killed").
var verbAttacks = map[string]bool{"STRIKE": true, "STRIKES": true, "RAID": true, "RAIDS": true}
