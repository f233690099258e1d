package events

import (
	"slices"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

// Modes that the CAMEO code alone does not give.
//
// Force by its means. PLOVER 2.0 gives an assault the mode of
// the weapon it was made with (aircraft, drones, explosives, artillery,
// firearms, blades and fire, crowd-control weapons, chemical and nuclear
// ones) and a mobilisation that of what was mobilised (troops, police,
// militias, weapons), which news names around the verb rather than in it:
// "an airstrike killed", "opened fire on", "deployed warships". CAMEO's
// codes carry a few of these (193 small arms, 1951 aerial); the words of
// the clause say the rest.

// assaultMeans are the single words that name the means of an assault,
// with the ASSAULT mode each gives.
var assaultMeans = map[string]string{
	"SUICIDE": "suicide-attack",
	"DRONE":   "drone", "DRONES": "drone", "UAV": "drone", "UAVS": "drone",
	"SARIN": "unconventional", "NERVE": "unconventional",
	"TEARGAS": "crowd-control", "BATON": "crowd-control", "BATONS": "crowd-control",
	"AIRSTRIKE": "aerial", "AIRSTRIKES": "aerial", "WARPLANE": "aerial", "WARPLANES": "aerial",
	"JETS": "aerial", "BOMBER": "aerial", "BOMBERS": "aerial", "AIRCRAFT": "aerial",
	"HELICOPTER": "aerial", "HELICOPTERS": "aerial", "GUNSHIP": "aerial", "GUNSHIPS": "aerial",
	"BOMB": "explosives", "BOMBS": "explosives",
	"IED": "explosives", "IEDS": "explosives", "EXPLOSIVE": "explosives", "EXPLOSIVES": "explosives",
	"EXPLOSION": "explosives", "BLAST": "explosives", "LANDMINE": "explosives", "LANDMINES": "explosives",
	"GRENADE": "explosives", "GRENADES": "explosives", "DETONATED": "explosives",
	"ARTILLERY": "heavy-weapons", "SHELLING": "heavy-weapons", "SHELLED": "heavy-weapons", "SHELLS": "heavy-weapons",
	"ROCKET": "heavy-weapons", "ROCKETS": "heavy-weapons", "MORTAR": "heavy-weapons", "MORTARS": "heavy-weapons",
	"MISSILE": "heavy-weapons", "MISSILES": "heavy-weapons", "TANK": "heavy-weapons", "TANKS": "heavy-weapons",
	"HOWITZER": "heavy-weapons", "HOWITZERS": "heavy-weapons",
	"GUN": "firearms", "GUNS": "firearms", "GUNFIRE": "firearms", "GUNMAN": "firearms", "GUNMEN": "firearms",
	"GUNSHOT": "firearms", "GUNSHOTS": "firearms", "SHOT": "firearms", "SHOOTING": "firearms",
	"SHOOTINGS": "firearms", "RIFLE": "firearms", "RIFLES": "firearms", "PISTOL": "firearms",
	"PISTOLS": "firearms", "BULLET": "firearms", "BULLETS": "firearms", "SNIPER": "firearms", "SNIPERS": "firearms",
	"KNIFE": "primitive", "KNIVES": "primitive", "MACHETE": "primitive", "MACHETES": "primitive",
	"STABBED": "primitive", "STABBING": "primitive", "AXE": "primitive", "ARSON": "primitive",
	"TORCHED": "primitive", "STONES": "primitive", "ROCKS": "primitive",
}

// assaultMeansPairs are the means named in two words, which their words
// alone do not name, or name otherwise ("water cannon", "rubber bullets").
var assaultMeansPairs = map[[2]string]string{
	{"CHEMICAL", "WEAPON"}: "unconventional", {"CHEMICAL", "WEAPONS"}: "unconventional",
	{"CHEMICAL", "ATTACK"}: "unconventional", {"MUSTARD", "GAS"}: "unconventional",
	{"BIOLOGICAL", "WEAPONS"}: "unconventional",
	{"TEAR", "GAS"}:           "crowd-control", {"WATER", "CANNON"}: "crowd-control", {"WATER", "CANNONS"}: "crowd-control",
	{"RUBBER", "BULLETS"}: "crowd-control", {"PEPPER", "SPRAY"}: "crowd-control",
	{"STUN", "GRENADES"}: "crowd-control",
	{"AIR", "STRIKE"}:    "aerial", {"AIR", "STRIKES"}: "aerial", {"AIR", "RAID"}: "aerial", {"AIR", "RAIDS"}: "aerial",
	{"AIR", "ATTACK"}: "aerial", {"AIR", "ATTACKS"}: "aerial",
	{"OPENED", "FIRE"}: "firearms", {"OPEN", "FIRE"}: "firearms",
	{"SET", "FIRE"}: "primitive", {"SET", "ABLAZE"}: "primitive",
}

// assaultRank orders the modes of means, the more particular first: a
// suicide bomber's attack is a suicide attack, a drone's airstrike a
// drone's, rubber bullets crowd control, a gunship's shelling aerial.
var assaultRank = []string{
	"suicide-attack", "drone", "unconventional", "crowd-control", "aerial",
	"explosives", "heavy-weapons", "firearms", "primitive",
}

// assaultMode returns the ASSAULT mode of the means that tokens [lo, hi)
// name, the first of them in assaultRank; "" if they name none.
func (c *coder) assaultMode(lo, hi int) string {
	best := len(assaultRank)
	for i := lo; i < hi; i++ {
		m := assaultMeans[c.words[i]]
		if i+1 < hi {
			if p, ok := assaultMeansPairs[[2]string{c.words[i], c.words[i+1]}]; ok {
				m = p
			}
		}
		if m == "" {
			continue
		}
		best = min(best, slices.Index(assaultRank, m))
	}
	if best == len(assaultRank) {
		return ""
	}
	return assaultRank[best]
}

// mobilizedWeapons are the words of weapons, ships and vehicles, whose
// mobilisation PLOVER 2.0 codes MOBILIZE/weapons rather than troops.
var mobilizedWeapons = map[string]bool{
	"WEAPONS": true, "MISSILES": true, "MISSILE": true, "WARSHIPS": true, "WARSHIP": true,
	"SHIPS": true, "VESSELS": true, "TANKS": true, "ARTILLERY": true, "JETS": true,
	"WARPLANES": true, "BOMBERS": true, "AIRCRAFT": true, "CARRIER": true, "SUBMARINES": true,
	"ROCKETS": true, "LAUNCHERS": true, "VEHICLES": true, "DRONES": true,
}

// mobilizedTroops are the words of armed personnel: weapons mobilised
// with them are the troops' mobilisation.
var mobilizedTroops = map[string]bool{
	"TROOPS": true, "SOLDIERS": true, "FORCES": true, "PERSONNEL": true, "UNITS": true, "RESERVISTS": true,
}

// militarySectors are the sectors of armed groups of no state: their
// mobilisation is MOBILIZE/militia.
var militarySectors = []string{"REB", "PRM", "UAF"}

// militiaWords name armed groups of no state's army.
var militiaWords = map[string]bool{"MILITIA": true, "MILITIAS": true, "MILITIAMEN": true, "PARAMILITARIES": true}

// policeWords name police and security units.
var policeWords = map[string]bool{"POLICE": true, "POLICEMEN": true, "GENDARMES": true, "GENDARMERIE": true}

// contentModes are the modes of what a threat threatens, of how a
// protest is made and of what relations are cut, by the words of its
// clause: "threatened to arrest" (THREATEN/arrest), "went on strike"
// (PROTEST/strike), "expelled" (SANCTION/expel). The codes of these
// mostly name no mode, or a generic one (violence, a demonstration, the
// residual "discontinue"), which the words replace.
var contentModes = map[string]struct {
	generic []string          // the modes the words replace
	rank    []string          // the modes, the more particular first
	words   map[string]string // word: mode
}{
	"THREATEN": {
		generic: []string{"", "violence"},
		rank:    []string{"arrest", "expel", "territory", "relations", "restrict"},
		words: map[string]string{
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
		},
	},
	"PROTEST": {
		generic: []string{"", "demo"},
		rank:    []string{"hunger", "riot", "strike", "boycott", "obstruct", "demo"},
		words: map[string]string{
			"HUNGER": "hunger",
			"RIOT":   "riot", "RIOTS": "riot", "RIOTERS": "riot", "RIOTING": "riot", "LOOTING": "riot",
			"STRIKE": "strike", "STRIKES": "strike", "STRIKERS": "strike", "STRIKING": "strike", "WALKOUT": "strike",
			"BOYCOTT": "boycott", "BOYCOTTS": "boycott", "BOYCOTTED": "boycott", "BOYCOTTING": "boycott",
			"BLOCKADE": "obstruct", "BLOCKADES": "obstruct", "BARRICADES": "obstruct", "BLOCKED": "obstruct",
			"BLOCKING":      "obstruct",
			"DEMONSTRATION": "demo", "DEMONSTRATIONS": "demo", "DEMONSTRATORS": "demo", "RALLY": "demo",
			"RALLIES": "demo", "MARCH": "demo", "MARCHED": "demo", "PROTESTERS": "demo", "PROTESTORS": "demo",
		},
	},
	"SANCTION": {
		generic: []string{"", "discontinue", "withdraw"},
		rank:    []string{"expel", "withdraw"},
		words: map[string]string{
			"EXPEL": "expel", "EXPELS": "expel", "EXPELLED": "expel", "EXPELLING": "expel", "EXPULSION": "expel",
			"WITHDRAW": "withdraw", "WITHDRAWS": "withdraw", "WITHDREW": "withdraw", "WITHDRAWN": "withdraw",
			"WITHDRAWING": "withdraw", "WITHDRAWAL": "withdraw", "QUIT": "withdraw", "QUITS": "withdraw",
		},
	},
}

// contentMode returns the mode that the words of tokens [lo, hi) give an
// event of type typ whose mode is now mode, and mode if they give none.
func (c *coder) contentMode(typ, mode string, lo, hi int) string {
	cm, ok := contentModes[typ]
	if !ok || !slices.Contains(cm.generic, mode) {
		return mode
	}
	best := len(cm.rank)
	for i := lo; i < hi; i++ {
		if m := cm.words[c.words[i]]; m != "" {
			best = min(best, slices.Index(cm.rank, m))
		}
	}
	if best == len(cm.rank) {
		return mode
	}
	return cm.rank[best]
}

// meansMode gives e the mode of the means its clause, tokens [lo, hi),
// names: an assault by its weapon, where the CAMEO code gives none or
// that of the verb of fighting (19x: "struck" is 195, aircraft, but
// "drones struck" were drones); a mobilisation by who or what is
// mobilised.
func (c *coder) meansMode(e *event.Coding, lo, hi int) {
	switch e.Type {
	case "ASSAULT":
		if e.Mode != "" && e.CAMEO.Root != "19" {
			return // abduction, torture, a suicide attack: the code says
		}
		if m := c.assaultMode(lo, hi); m != "" {
			e.Mode = m
		}
	case "THREATEN", "PROTEST", "SANCTION":
		e.Mode = c.contentMode(e.Type, e.Mode, lo, hi)
	case "MOBILIZE":
		switch {
		case slices.ContainsFunc(e.Actors, func(p event.Party) bool {
			return slices.Contains(militarySectors, p.Sector) || p.Code == "IMG"
		}) || c.namesAny(lo, hi, militiaWords):
			e.Mode = "militia"
		case c.namesAny(lo, hi, mobilizedWeapons) && !c.namesAny(lo, hi, mobilizedTroops):
			e.Mode = "weapons"
		case slices.ContainsFunc(e.Actors, func(p event.Party) bool { return p.Sector == "COP" }) ||
			c.namesAny(lo, hi, policeWords) && !c.namesAny(lo, hi, mobilizedTroops):
			e.Mode = "police"
		}
	}
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
