package events

import "strings"

// Uses of a verb that report no event of its own: a contest won rather
// than a battle, a passive that only lends its subject to the infinitive
// after it, deaths in a disaster or an accident, a court that rules, an
// act prevented (see codeTrigger).

// contestVerbs win or lose contests as often as battles: "defeated" in an
// election, a vote or a match is no force used (CAMEO 190).
var contestVerbs = map[string]bool{"DEFEAT": true}

// anyWord reports whether a word of set stands in tokens [lo, hi).
func (c *coder) anyWord(lo, hi int, set map[string]bool) bool {
	for k := lo; k < hi; k++ {
		if set[c.words[k]] {
			return true
		}
	}
	return false
}

// contestWords name elections, votes and games.
var contestWords = map[string]bool{
	"ELECTION": true, "ELECTIONS": true, "ELECTORAL": true, "VOTE": true, "VOTES": true, "VOTERS": true,
	"POLL": true, "POLLS": true, "BALLOT": true, "CONSTITUENCY": true, "CANDIDATE": true, "CANDIDATES": true,
	"SEAT": true, "SEATS": true, "RUNOFF": true, "PRIMARY": true, "REFERENDUM": true, "MOTION": true,
	"MATCH": true, "GAME": true, "FINAL": true, "TOURNAMENT": true, "CHAMPIONSHIP": true, "LEAGUE": true,
}

// raising are the verbs whose passive lends its subject to the infinitive
// after it ("is expected to", "are believed to have").
var raising = map[string]bool{
	"EXPECT": true, "BELIEVE": true, "THINK": true, "REPORT": true, "SCHEDULE": true, "SUPPOSE": true,
	"PRESUME": true, "ALLEGE": true, "RUMOR": true, "RUMOUR": true, "ESTIMATE": true, "UNDERSTAND": true,
	"KNOW": true, "CONSIDER": true, "FEAR": true,
}

// judicial reports whether every member of p is of the judiciary (JUD):
// a court, judges.
func (c *coder) judicial(p party) bool {
	for _, m := range p.members {
		if m.sector != "JUD" {
			return false
		}
	}
	return len(p.members) > 0
}

// mishaps name disasters and accidents, which kill with nobody using
// force: "killed in a stampede", "when the hotel collapsed". Not "fire",
// which is also gunfire.
var mishaps = map[string]bool{
	"STAMPEDE": true, "CRUSH": true, "CRASH": true, "CRASHED": true, "ACCIDENT": true, "ACCIDENTS": true,
	"COLLAPSE": true, "COLLAPSED": true, "COLLAPSING": true, "EARTHQUAKE": true, "QUAKE": true, "TSUNAMI": true,
	"FLOOD": true, "FLOODS": true, "FLOODING": true, "STORM": true, "HURRICANE": true, "TYPHOON": true,
	"CYCLONE": true, "TORNADO": true, "LANDSLIDE": true, "LANDSLIDES": true, "AVALANCHE": true,
	"MUDSLIDE": true, "HEATWAVE": true, "DROUGHT": true, "EPIDEMIC": true, "OUTBREAK": true,
	"DERAILED": true, "DERAILMENT": true, "CAPSIZED": true, "SHIPWRECK": true, "LIGHTNING": true,
}

// prevented reports whether trigger t, a gerund after "from", is the act
// the verb before it, not negated, prevents: "blocked the administration
// from deporting the migrants" reports the block, not a deportation; "had
// not stopped the government from committing crimes" reports the crimes.
func (c *coder) prevented(t trigger, prev roles) bool {
	return t.start > prev.end && c.words[t.start-1] == "FROM" && strings.HasSuffix(c.words[t.start], "ING") &&
		preventing[prev.lemma] && !c.anyWord(max(prev.start-3, 0), prev.start, negations)
}

// preventing are the verbs that keep someone from an act: "prevent X
// from", "barred X from".
var preventing = map[string]bool{
	"PREVENT": true, "STOP": true, "BLOCK": true, "BAR": true, "BAN": true, "KEEP": true, "PROHIBIT": true,
	"DETER": true, "DISCOURAGE": true, "RESTRAIN": true, "PRECLUDE": true, "FORBID": true, "RESTRICT": true,
}
