package actors

import (
	"iter"
	"maps"
	"strings"
	"time"
)

// Dictionary holds actors, agents and discards read from PETRARCH
// dictionary files. It is not changed once built, and its methods are
// safe for concurrent use.
//
// The lookups take a sentence as words: tokens in capitals as newsflow's
// tokenizer writes them ("U.S.", "AL", "-", "QAEDA", "PUTIN", "'S"), and
// match whole words only. They do not allocate.
type Dictionary struct {
	entries  []Entry
	actors   *index // phrase → entry
	agents   *index // phrase → agent
	discards *index // phrase → discard
	// The agents and discards in dictionary order, to write them back.
	agentList   []agent
	discardList []discard
}

// Entry is an actor of the dictionary: its phrases and the codes it has
// on each date.
type Entry struct {
	// Phrases are the head phrase and its synonyms, in dictionary order,
	// their tokens joined by one space ("VLADIMIR PUTIN", "PUTIN").
	Phrases []string
	// Roles are the dated codes, in dictionary order: on a date, the first
	// that holds gives the code.
	Roles []Role
	// Default is the code on a date no role holds, "" if none: then the
	// actor has no code on that date.
	Default string
}

// Role is a code an actor has over a span of dates.
type Role struct {
	Code string
	// From and To bound the span, both included, as numbers YYYYMMDD:
	// From is 0 for "<date" (before), To is [Forever] for ">date" (after).
	From, To int
}

// Forever is the end of an open span of dates ([Role.To]).
const Forever = 99991231

// Code returns the entry's code on the date on: that of the first role
// whose span holds it, else the default. ok is false when neither gives
// one.
func (e *Entry) Code(on time.Time) (code string, ok bool) {
	return e.codeOn(dayOf(on))
}

func (e *Entry) codeOn(day int) (string, bool) {
	for _, r := range e.Roles {
		if r.From <= day && day <= r.To {
			return r.Code, true
		}
	}
	return e.Default, e.Default != ""
}

// dayOf is the date of t, in t's location, as a number YYYYMMDD.
func dayOf(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

type agent struct {
	phrase string // tokens joined by " "
	code   string
}

type discard struct {
	phrase string
	story  bool
}

// Actor returns the longest actor phrase that starts at words[i] and has
// a code on the date on: its length n in words and the code, verbatim from
// the dictionary ("RUSGOV"; "---" is CAMEO's code for no actor, and
// several codes may be joined by "/", as in "ELR/GAL"). A longer phrase
// whose actor has no code on that date gives way to a shorter one, as in
// PETRARCH.
func (d *Dictionary) Actor(words []string, i int, on time.Time) (n int, code string, ok bool) {
	if i < 0 || i >= len(words) {
		return 0, "", false
	}
	h, ok := d.actors.first[words[i]]
	if !ok {
		return 0, "", false
	}
	return d.actorFrom(h, words, i, on)
}

func (d *Dictionary) actorFrom(h head, words []string, i int, on time.Time) (n int, code string, ok bool) {
	day := dayOf(on)
	n, id, ok := d.actors.findFrom(h, words, i, func(id int32) bool {
		_, ok := d.entries[id].codeOn(day)
		return ok
	})
	if !ok {
		return 0, "", false
	}
	code, _ = d.entries[id].codeOn(day)
	return n, code, true
}

// ActorEntry returns the longest actor phrase that starts at words[i],
// whatever its codes: its length n in words and its entry. Synonyms give
// the same entry.
func (d *Dictionary) ActorEntry(words []string, i int) (n int, e *Entry, ok bool) {
	n, id, ok := d.actors.find(words, i, nil)
	if !ok {
		return 0, nil, false
	}
	return n, &d.entries[id], true
}

// Agent returns the longest agent phrase that starts at words[i]: its
// length n in words and its code as the dictionary writes it, "~GOV" (to
// follow the actor's code) or "NGO~" (to precede it); see [WithAgent].
// Plurals and substitutions are expanded: "CONGRESSMEN" and "PRESIDENTS"
// are phrases of their own.
func (d *Dictionary) Agent(words []string, i int) (n int, code string, ok bool) {
	n, id, ok := d.agents.find(words, i, nil)
	if !ok {
		return 0, "", false
	}
	return n, d.agentList[id].code, true
}

func (d *Dictionary) agentFrom(h head, words []string, i int) (n int, code string, ok bool) {
	n, id, ok := d.agents.findFrom(h, words, i, nil)
	if !ok {
		return 0, "", false
	}
	return n, d.agentList[id].code, true
}

// Discard returns the longest discard phrase that starts at words[i]: its
// length n in words and whether it voids the whole story (a "+" phrase)
// or the sentence only.
func (d *Dictionary) Discard(words []string, i int) (n int, story bool, ok bool) {
	n, id, ok := d.discards.find(words, i, nil)
	if !ok {
		return 0, false, false
	}
	return n, d.discardList[id].story, true
}

func (d *Dictionary) discardFrom(h head, words []string, i int) (n int, story bool, ok bool) {
	n, id, ok := d.discards.findFrom(h, words, i, nil)
	if !ok {
		return 0, false, false
	}
	return n, d.discardList[id].story, true
}

// Start is what a dictionary knows of a word as the first of its
// phrases, of each kind, for a caller that reads it once per word of its
// vocabulary rather than at each lookup (see [Dictionary.Starts]). The
// zero Start starts no phrase.
type Start struct {
	actor, agent, discard head
	// starts has the bits of the kinds of phrases the word starts
	// (1<<Actors…), whose heads above hold.
	starts uint8
}

// Starts yields the first word of every phrase, once each, with its
// Start, in no particular order.
func (d *Dictionary) Starts() iter.Seq2[string, Start] {
	return func(yield func(string, Start) bool) {
		seen := make(map[string]bool, len(d.actors.first)+len(d.agents.first)+len(d.discards.first))
		for _, x := range []*index{d.actors, d.agents, d.discards} {
			for w := range x.first {
				if seen[w] {
					continue
				}
				seen[w] = true
				if !yield(w, d.start(w)) {
					return
				}
			}
		}
	}
}

func (d *Dictionary) start(w string) Start {
	var s Start
	var ok bool
	if s.actor, ok = d.actors.first[w]; ok {
		s.starts |= 1 << Actors
	}
	if s.agent, ok = d.agents.first[w]; ok {
		s.starts |= 1 << Agents
	}
	if s.discard, ok = d.discards.first[w]; ok {
		s.starts |= 1 << Discards
	}
	return s
}

// ActorFrom is Actor for a caller that knows s, the Start of words[i].
func (d *Dictionary) ActorFrom(s Start, words []string, i int, on time.Time) (n int, code string, ok bool) {
	if s.starts&(1<<Actors) == 0 {
		return 0, "", false
	}
	return d.actorFrom(s.actor, words, i, on)
}

// AgentFrom is Agent for a caller that knows s, the Start of words[i].
func (d *Dictionary) AgentFrom(s Start, words []string, i int) (n int, code string, ok bool) {
	if s.starts&(1<<Agents) == 0 {
		return 0, "", false
	}
	return d.agentFrom(s.agent, words, i)
}

// DiscardFrom is Discard for a caller that knows s, the Start of
// words[i].
func (d *Dictionary) DiscardFrom(s Start, words []string, i int) (n int, story bool, ok bool) {
	if s.starts&(1<<Discards) == 0 {
		return 0, false, false
	}
	return d.discardFrom(s.discard, words, i)
}

// Counts returns the number of actor entries, and of distinct actor,
// agent and discard phrases.
func (d *Dictionary) Counts() (entries, actorPhrases, agentPhrases, discardPhrases int) {
	return len(d.entries), d.actors.size, d.agents.size, d.discards.size
}

// FirstWords yields the first word of every phrase of kind k, once each,
// in no particular order: a coder that marks them beforehand asks the
// dictionary only at the words that may start a phrase.
func (d *Dictionary) FirstWords(k Kind) iter.Seq[string] {
	x := d.actors
	switch k {
	case Agents:
		x = d.agents
	case Discards:
		x = d.discards
	}
	return maps.Keys(x.first)
}

// MaxWords is the most words of any phrase: a lookup never matches more.
func (d *Dictionary) MaxWords() int {
	return max(d.actors.max, d.agents.max, d.discards.max)
}

// WithAgent combines an actor's code with an agent's as PETRARCH does: an
// agent code "~GOV" follows the actor's ("RUS" gives "RUSGOV"), "NGO~"
// precedes it ("NGORUS"), and an agent code the actor's already holds is
// not added again.
func WithAgent(actor, agent string) string {
	if code, ok := strings.CutPrefix(agent, "~"); ok {
		if strings.Contains(actor, code) {
			return actor
		}
		return actor + code
	}
	code := strings.TrimSuffix(agent, "~")
	if strings.Contains(actor, code) {
		return actor
	}
	return code + actor
}
