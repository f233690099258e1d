package events

import (
	"slices"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Claims. A claim that opens a clause is a statement (010), no
// accusation (the dictionary files "claim" with "allege", 110): "Paris
// claims she was first told to leave" says what she says. What is claimed
// makes it more: the claimer's own force claimed is a claim of
// responsibility (CAMEO 015: "the Taliban claimed that they had attacked
// the school"), and another's wrong claimed an accusation (112: "has
// claimed that the Church imprisoned her"); the act claimed is coded too,
// after it.

// claimWords are the forms of "claim" that report what someone says is so.
var claimWords = []string{"CLAIM", "CLAIMS", "CLAIMED", "CLAIMING"}

// claimedClause reports whether token i is a form of "claim" that opens
// a clause: "claimed that", "claims she was", not "claimed the lives of".
func (c *coder) claimedClause(i, last int) bool {
	if !slices.Contains(claimWords, c.words[i]) || i+1 >= last || c.toks[i].Flags&token.Upper != 0 && i > 0 {
		return false
	}
	switch c.words[i+1] {
	case "THAT", "THEY", "IT", "HE", "SHE", "WE", "I":
		return true
	}
	return false
}

// bareClaim reports whether trigger t, coding its verb's own code, is a
// claim that opens a clause: a statement (see claimedClause).
func (c *coder) bareClaim(t trigger, from codedFrom) bool {
	return from == byVerb && t.end == t.start+1 && c.claimedClause(t.start, c.sentence.end)
}

// claimedActs adds, before the first event of conflict coded since index
// from in the sentence (tokens [first, last)) after a claim that opens a
// clause, what the claim is (see Claims): the claimer's responsibility
// for their own force, or their accusation of the event's actor.
func (c *coder) claimedActs(from, first, last int, parties []party) {
	claim := -1
	for i := c.verbs.next(first, last); i < last; i = c.verbs.next(i+1, last) {
		if c.claimedClause(i, last) {
			claim = i
			break
		}
	}
	if claim < 0 {
		return
	}
	p := c.subject(first, claim, parties)
	if p < 0 {
		return
	}
	t := trigger{start: claim, end: claim + 1}
	claimer := c.partiesOf(parties[p], first, last, t)
	at, end := int(c.toks[claim].Start), int(c.toks[claim].End)
	for k := from; k < len(c.out); k++ {
		e := c.out[k]
		if e.Evidence.Trigger.Start <= at || !conflict(e.CAMEO.Root) {
			continue
		}
		cl := e
		// The claim's parties are its own: a later rule that changes
		// the act's must not change the claim's.
		cl.Actors, cl.Recipients = slices.Clone(e.Actors), slices.Clone(e.Recipients)
		switch {
		case len(e.Actors) > 0 && every(e.Actors, func(a event.Party) bool {
			return slices.ContainsFunc(claimer, func(q event.Party) bool { return sameParty(a, q) })
		}):
			if !force(e.CAMEO.Root) || !c.recode(&cl, "015") {
				return
			}
		case c.recode(&cl, "112"):
			cl.Actors, cl.Recipients = claimer, cl.Actors
		default:
			return
		}
		cl.Location, cl.Modality = nil, event.Modality{}
		cl.Evidence.Trigger = event.Trigger{Text: c.text[at:end], Start: at, End: end}
		cl.Key = key(&cl)
		c.out = slices.Insert(c.out, k, cl)
		return
	}
}

// conflict reports whether CAMEO root is of conflict, verbal or material
// (11 to 20).
func conflict(root string) bool { return root >= "11" && root <= "20" }

// force reports whether CAMEO root is of force: coercion, assault, fight
// or mass violence (17 to 20).
func force(root string) bool { return root >= "17" && root <= "20" }
