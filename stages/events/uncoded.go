package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
)

// What the coder leaves uncoded: the sentences and stories that the actor
// dictionaries' discards take out, and the statements that only report
// another event.

// What a discard of the actor dictionaries leaves out.
const (
	discardNone = iota
	discardSentence
	discardStory
)

// discarded reports whether a discard phrase of the dictionaries stands in
// tokens [first, last): sports results and the like, which read as
// events and are none ("Manchester United beat Chelsea"). It keeps where
// the sentence's discard phrases start in c.discarding: a phrase of the
// dictionaries that discards a sentence takes out the clauses it stands
// in (see discardIn), not the events of the sentence's other clauses
// ("Germany sent experts to fight the Ebola epidemic").
func (c *coder) discarded(first, last int) int {
	c.discarding = c.discarding[:0]
	if c.dict == nil {
		return discardNone
	}
	kind := discardNone
	for i := c.discards.next(first, last); i < last; i = c.discards.next(i+1, last) {
		if _, story, ok := c.lookupDiscard(c.words, i); ok {
			if story {
				return discardStory
			}
			kind = discardSentence
			c.discarding = append(c.discarding, i)
		}
	}
	return kind
}

// discardIn reports whether a discard phrase starts in tokens [lo, hi).
func (c *coder) discardIn(lo, hi int) bool {
	for _, i := range c.discarding {
		if lo <= i && i < hi {
			return true
		}
	}
	return false
}

// dropReporting removes, from the events coded since index from, the
// bare statements (CAMEO 010) that report another event of the sentence:
// "Peskov said Putin and Witkoff may discuss" is the discussion, and so is
// "Putin and Witkoff may discuss, Peskov said". A bare statement to
// nobody goes too when the sentence codes nothing else: "the company said
// it will have two million shares" is who said what, which the article's
// quotes record; PLOVER codes no statements, and news writes one or more
// per paragraph. So does what a verb of saying alone codes to nobody, in a
// sentence that codes nothing else, whatever code a dictionary files the
// verb under (PETRARCH's test dictionary has "said" appeal, 023): it
// reports words all the same.
func (c *coder) dropReporting(from int) {
	other, unsaid := false, false
	for k := range c.out[from:] {
		e := &c.out[from+k]
		other = other || e.CAMEO.Root != "01"
		unsaid = unsaid || e.CAMEO.Root != "01" && !c.saying(e)
	}
	kept := c.out[:from]
	for k := range c.out[from:] {
		e := &c.out[from+k]
		bare := len(e.Recipients) == 0
		switch {
		case e.CAMEO.Code == "010" && (other || bare):
		case bare && !unsaid && c.saying(e):
		default:
			kept = append(kept, *e)
		}
	}
	c.out = kept
}

// saying reports whether e is what a verb of saying codes alone ("said",
// "told"): its trigger is one, and its code the verb's own, no pattern's
// ("said it would attend", 082 in PETRARCH's test dictionary).
func (c *coder) saying(e *event.Coding) bool {
	w := e.Evidence.Trigger.Text
	for _, form := range sayingForms {
		if strings.EqualFold(w, form) {
			v, ok := c.cb.Verb(form)
			return ok && v.Code == e.CAMEO.Code
		}
	}
	return false
}

// sayingForms are the forms of the verbs of saying, in capitals as the
// codebook has them.
var sayingForms = [...]string{"SAY", "SAYS", "SAID", "SAYING", "TELL", "TELLS", "TOLD", "TELLING"}

// dropMobilizing removes, from the events coded since index from, the
// mobilisations of an actor whose assault or aid the sentence codes too:
// PLOVER 2.0 codes the assault alone ("units were activated and returned
// fire on the rebels"), and forces mobilised for relief as aid ("deployed
// soldiers to help flood victims": the aid, sent, is no longer only
// intended).
func (c *coder) dropMobilizing(from int) {
	acting := c.acting[:0]
	for _, e := range c.out[from:] {
		if e.Type == "ASSAULT" || e.Type == "AID" {
			acting = append(acting, e.Actors...)
		}
	}
	c.acting = acting
	if len(acting) == 0 {
		return
	}
	sharesActor := func(e event.Coding) bool {
		return slices.ContainsFunc(e.Actors, func(p event.Party) bool {
			return slices.ContainsFunc(acting, func(q event.Party) bool { return sameParty(p, q) })
		})
	}
	mobilized := c.mobilized[:0]
	kept := c.out[:from]
	for _, e := range c.out[from:] {
		if e.Type == "MOBILIZE" && sharesActor(e) {
			mobilized = append(mobilized, e.Actors...)
			continue
		}
		kept = append(kept, e)
	}
	c.out, c.mobilized = kept, mobilized
	for k := range c.out[from:] {
		e := &c.out[from+k]
		if e.Type == "AID" && slices.ContainsFunc(e.Actors, func(p event.Party) bool {
			return slices.ContainsFunc(mobilized, func(q event.Party) bool { return sameParty(p, q) })
		}) {
			e.Modality.Hypothetical = false
		}
	}
}

// sameParty reports whether p and q are the same party: the same entity,
// or, named by no entity, the same code and sector.
func sameParty(p, q event.Party) bool {
	if p.Entity != "" || q.Entity != "" {
		return p.Entity == q.Entity
	}
	return p.Code == q.Code && p.Sector == q.Sector
}
