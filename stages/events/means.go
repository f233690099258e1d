package events

import (
	"slices"

	"github.com/newsflow/newsflow/pipeline/event"
)

// Modes of force by its means. PLOVER 2.0 gives an assault the mode of
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

// assaultMeansModes ranks and names the modes of assaultMeans.
var assaultMeansModes = modeWords{rank: assaultRank, words: assaultMeans, pairs: assaultMeansPairs}

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

// assaultMode gives e, an assault, the mode of the means tokens [lo, hi)
// name, where the CAMEO code gives none, that of the verb of fighting
// (19x: "struck" is 195, aircraft, but "drones struck" were drones), or
// that of bombing at large (183, which the PLOVER table reads as a
// suicide attack, and the dictionary codes any weapon's killing: "missiles
// killing 12 people" were heavy weapons, "a bomb killed" explosives).
func (c *coder) assaultMode(e *event.Coding, lo, hi int) {
	if e.Mode != "" && e.CAMEO.Root != "19" && e.CAMEO.Code != "183" {
		return // abduction, torture, a suicide attack: the code says
	}
	if m := c.modeOf(lo, hi, &assaultMeansModes); m != "" {
		e.Mode = m
	}
}

// mobilizeMode gives e, a mobilisation, the mode of who or what tokens
// [lo, hi) say is mobilised.
func (c *coder) mobilizeMode(e *event.Coding, lo, hi int) {
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
