package events

import (
	"slices"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// Modes that the CAMEO code alone does not give: those the words of the
// clause around the verb say (see means.go for force), and a verb's own
// where its pattern gives a less particular one.

// clauseMode gives e the mode the words of its clause, tokens [lo, hi),
// say: the means of force, what is mobilised, threatened, protested or
// cut.
func (c *coder) clauseMode(e *event.Coding, lo, hi int) {
	switch e.Type {
	case "ASSAULT":
		c.assaultMode(e, lo, hi)
	case "MOBILIZE":
		c.mobilizeMode(e, lo, hi)
	case "THREATEN", "PROTEST", "SANCTION", "COERCE":
		e.Mode = c.contentMode(e.Type, e.Mode, lo, hi)
	}
}

// contentModes are the modes of what a threat threatens, of how a
// protest is made and of what relations are cut, by the words of its
// clause: "threatened to arrest" (THREATEN/arrest), "went on strike"
// (PROTEST/strike), "expelled" (SANCTION/expel). The codes of these
// mostly name no mode, or a generic one (violence, a demonstration, the
// residual "discontinue"), which the words replace.
var contentModes = map[string]struct {
	generic []string // the modes the words replace
	modeWords
}{
	"THREATEN": {
		generic: []string{"", "violence"},
		modeWords: modeWords{rank: []string{"arrest", "expel", "territory", "relations", "restrict"}, words: map[string]string{
			"ARREST": "arrest", "ARRESTS": "arrest", "DETAIN": "arrest", "DETENTION": "arrest", "JAIL": "arrest",
			"IMPRISON": "arrest", "IMPRISONMENT": "arrest", "PROSECUTE": "arrest", "PROSECUTION": "arrest",
			"EXPEL": "expel", "EXPULSION": "expel", "DEPORT": "expel", "DEPORTATION": "expel",
			"ANNEX": "territory", "ANNEXATION": "territory", "OCCUPY": "territory", "OCCUPATION": "territory",
			"INVADE": "territory", "INVASION": "territory", "TERRITORY": "territory",
			"TIES": "relations", "RELATIONS": "relations", "TALKS": "relations", "NEGOTIATIONS": "relations",
			"BOYCOTT": "restrict", "BLOCKADE": "restrict", "EMBARGO": "restrict", "SANCTIONS": "restrict",
			"CURFEW": "restrict", "BAN": "restrict", "RESTRICT": "restrict", "RESTRICTIONS": "restrict",
			"CLOSE": "restrict", "CLOSURE": "restrict", "SHUT": "restrict",
			"AMBASSADOR": "relations", "AMBASSADORS": "relations", "DIPLOMATIC": "relations", "COOPERATION": "relations",
		}},
	},
	"PROTEST": {
		generic: []string{"", "demo"},
		modeWords: modeWords{rank: []string{"hunger", "riot", "strike", "boycott", "obstruct", "demo"}, words: map[string]string{
			"HUNGER": "hunger",
			"RIOT":   "riot", "RIOTS": "riot", "RIOTERS": "riot", "RIOTING": "riot", "LOOTING": "riot",
			"STRIKE": "strike", "STRIKES": "strike", "STRIKERS": "strike", "STRIKING": "strike", "WALKOUT": "strike",
			"BOYCOTT": "boycott", "BOYCOTTS": "boycott", "BOYCOTTED": "boycott", "BOYCOTTING": "boycott",
			"BLOCKADE": "obstruct", "BLOCKADES": "obstruct", "BARRICADES": "obstruct", "BLOCKED": "obstruct",
			"BLOCKING":      "obstruct",
			"DEMONSTRATION": "demo", "DEMONSTRATIONS": "demo", "DEMONSTRATORS": "demo", "RALLY": "demo",
			"RALLIES": "demo", "MARCH": "demo", "MARCHED": "demo", "PROTESTERS": "demo", "PROTESTORS": "demo",
		}},
	},
	"COERCE": {
		generic: []string{""},
		modeWords: modeWords{rank: []string{"withhold"}, words: map[string]string{
			"INTERNET": "withhold", "ELECTRICITY": "withhold", "POWER": "withhold", "WATER": "withhold",
			"NETWORK": "withhold", "PHONE": "withhold", "FOOD": "withhold", "MEDICINE": "withhold", "FUEL": "withhold",
		}},
	},
	"SANCTION": {
		generic: []string{"", "discontinue", "withdraw"},
		modeWords: modeWords{rank: []string{"expel", "withdraw"}, words: map[string]string{
			"EXPEL": "expel", "EXPELS": "expel", "EXPELLED": "expel", "EXPELLING": "expel", "EXPULSION": "expel",
			"WITHDRAW": "withdraw", "WITHDRAWS": "withdraw", "WITHDREW": "withdraw", "WITHDRAWN": "withdraw",
			"WITHDRAWING": "withdraw", "WITHDRAWAL": "withdraw", "QUIT": "withdraw", "QUITS": "withdraw",
		}},
	},
}

// contentMode returns the mode that the words of tokens [lo, hi) give an
// event of type typ whose mode is now mode, and mode if they give none.
func (c *coder) contentMode(typ, mode string, lo, hi int) string {
	cm, ok := contentModes[typ]
	if !ok || !slices.Contains(cm.generic, mode) {
		return mode
	}
	if m := c.modeOf(lo, hi, &cm.modeWords); m != "" {
		return m
	}
	return mode
}

// modeWords are the words that give an event's modes, one word or two.
type modeWords struct {
	rank  []string             // the modes, the more particular first
	words map[string]string    // word: mode
	pairs map[[2]string]string // two words: mode, over their own
}

// modeOf returns the mode of the words of tokens [lo, hi) in mw, the
// first of them in mw.rank; "" if they have none.
func (c *coder) modeOf(lo, hi int, mw *modeWords) string {
	best := len(mw.rank)
	for i := lo; i < hi; i++ {
		m := mw.words[c.words[i]]
		if i+1 < hi {
			if p, ok := mw.pairs[[2]string{c.words[i], c.words[i+1]}]; ok {
				m = p
			}
		}
		if m != "" {
			best = min(best, slices.Index(mw.rank, m))
		}
	}
	if best == len(mw.rank) {
		return ""
	}
	return mw.rank[best]
}

// namesAny reports whether a word of tokens [lo, hi) is one of words.
func (c *coder) namesAny(lo, hi int, words map[string]bool) bool {
	for i := lo; i < hi; i++ {
		if words[c.words[i]] {
			return true
		}
	}
	return false
}

// disapproval gives ev, an unspecified accusation (112: PLOVER 2.0's
// "allege", "formally or informally accuse") that a pattern of the
// accusations' block codes on trigger t, the mode of t's verb where that
// is another of the type: "condemns X for" is a disapproval (111), as
// the verb alone is.
func (c *coder) disapproval(ev *codebook.Event, t trigger) {
	if ev.CAMEO != "112" || t.verb.Code == ev.CAMEO {
		return
	}
	if v, ok := c.cb.Event(t.verb.Code); ok && v.Type == ev.Type && v.Mode != "" {
		ev.Mode = v.Mode
	}
}
