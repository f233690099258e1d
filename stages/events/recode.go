package events

import (
	"slices"
	"strings"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/token"
)

// Recodes by the parties: what an event is depends on who does it to
// whom, beyond what the verb and its patterns say.

// recodeByParties recodes e, coded by trigger t, by its parties: forces
// moved to the actor's own country or to none, forces that leave a
// place, a country's thing defended in words, a boycott by people, an
// organisation that withdraws, people who rally, combatants captured. It
// returns the recipient party, -1 when
// the recipient turns out to be where the act took place.
func (c *coder) recodeByParties(e *event.Coding, t trigger, parties []party, target int) int {
	if ownForces(e) {
		if p := parties[target]; p.start > 0 && c.words[p.start-1] == "IN" {
			// "signed a defence pact in Tokyo": where the actor's own
			// cooperation took place, not whom it went to.
			e.Recipients, target = []event.Party{}, -1
		} else {
			c.recode(e, "154")
		}
	}
	if t.verb.Lemma == "DEPLOY" && (strings.HasPrefix(e.CAMEO.Code, "072") || strings.HasPrefix(e.CAMEO.Code, "062")) && !slices.ContainsFunc(e.Recipients, hasCountry) {
		// "Lebanon is deploying its missile defence system in the
		// south": weapons or forces deployed to no other country are
		// mobilised (154), as to the actor's own (ownForces).
		c.recode(e, "154")
	}
	if leaving[t.verb.Lemma] && strings.HasPrefix(e.CAMEO.Code, "04") && every(e.Actors, military) {
		// "American troops have begun leaving Afghanistan": forces
		// that leave a place withdraw (0874), no visit's journey.
		c.recode(e, "0874")
	}
	if t.verb.Lemma == "DEFEND" && strings.HasPrefix(e.CAMEO.Code, "074") && target >= 0 && c.possessor(parties[target]) && !every(e.Actors, military) {
		// "defended Brazil's air traffic control system": what is
		// defended is the party's, in words (052), no protection (074);
		// troops that defend a country's border protect it.
		c.recode(e, "052")
	}
	if e.CAMEO.Code == "163" && len(e.Actors) > 0 && !slices.ContainsFunc(e.Actors, state) {
		// "Members of the community began to boycott businesses": a
		// boycott by people, no state's embargo (CAMEO 143, PROTEST).
		c.recode(e, "143")
	}
	if e.CAMEO.Code == "0874" && every(e.Actors, organisation) {
		// "Human Rights Watch withdrew from Georgia": an organisation
		// that leaves a country withdraws its presence (166, SANCTION),
		// no forces (0874, RETREAT).
		c.recode(e, "166")
	}
	if strings.HasPrefix(e.CAMEO.Code, "15") && every(e.Actors, crowd) {
		// "Thousands rallied in Belgrade": people who mobilise
		// demonstrate (141, PROTEST/demo), as the dictionary codes
		// demonstrators' and activists' rallies; forces mobilise.
		c.recode(e, "141")
	}
	if (strings.HasPrefix(e.CAMEO.Code, "171") || strings.HasPrefix(e.CAMEO.Code, "173")) && every(e.Actors, combatant) && every(e.Recipients, combatant) {
		// "Ukrainian forces captured two Russian soldiers": combatants
		// taken in fighting are abducted (181; PLOVER 2.0's
		// ASSAULT/abduct), neither arrested nor property seized.
		c.recode(e, "181")
	}
	return target
}

// ownForces reports whether e gives military aid or cooperation (072,
// 062) to its actor's own country: "Iran is deploying a missile defence
// system to its capital" moves its forces, which CAMEO codes as
// mobilising them (154).
func ownForces(e *event.Coding) bool {
	if !strings.HasPrefix(e.CAMEO.Code, "072") && !strings.HasPrefix(e.CAMEO.Code, "062") ||
		len(e.Actors) == 0 || len(e.Recipients) == 0 || e.Actors[0].Code == "" {
		return false
	}
	for _, p := range e.Recipients {
		if p.Code != e.Actors[0].Code || p.Sector != "" {
			return false
		}
	}
	return true
}

// every reports whether ps has a party and each is is.
func every(ps []event.Party, is func(event.Party) bool) bool {
	return len(ps) > 0 && !slices.ContainsFunc(ps, func(p event.Party) bool { return !is(p) })
}

// organisation reports whether p is an international or
// non-governmental organisation.
func organisation(p event.Party) bool { return p.Code == "IGO" || p.Code == "NGO" }

// military reports whether p is armed forces.
func military(p event.Party) bool { return p.Sector == "MIL" }

// combatant reports whether p is armed forces or an armed group.
func combatant(p event.Party) bool { return combatantOf(p.Sector, p.Code) }

// combatantOf reports whether a party of sector and code is armed forces
// or an armed group.
func combatantOf(sector, code string) bool {
	return sector == "MIL" || sector == "REB" || sector == "UAF" || sector == "PRM" || code == "IMG"
}

// crowd reports whether p is people at large, civilians, the opposition
// or workers: who demonstrate when they mobilise.
func crowd(p event.Party) bool {
	return p.Code != "IMG" && (privateSectors[p.Sector] && p.Sector != "CRM" || p.Sector == "OPP" || p.Sector == "LAB")
}

// hasCountry reports whether p has a country.
func hasCountry(p event.Party) bool { return p.Code != "" }

// state reports whether p is a state: a country, its government or
// legislature, or an organisation of states.
func state(p event.Party) bool {
	return p.Code != "" && p.Sector == "" || p.Sector == "GOV" || p.Sector == "LEG" || p.Code == "IGO"
}

// leaving are the verbs of leaving a place.
var leaving = map[string]bool{"LEAVE": true, "DEPART": true, "EXIT": true, "QUIT": true, "VACATE": true}

// possessor reports whether party p is named as the owner of a thing,
// which its span then holds ("Brazil's air traffic") or which follows it.
func (c *coder) possessor(p party) bool {
	for k := p.start; k < min(p.end+1, len(c.toks)); k++ {
		if c.toks[k].Flags&token.Possessive != 0 {
			return true
		}
	}
	return false
}

// peacekeeping are the words of a peacekeeping mission.
var peacekeeping = map[string]bool{"PEACEKEEPING": true, "PEACEKEEPERS": true, "PEACEKEEPER": true, "PEACE-KEEPING": true}

// recodeByClause recodes e, of trigger t, by the words of its clause,
// tokens [lo, hi), and of what follows t: forces on a peacekeeping
// mission are peacekeeping (074; PLOVER 2.0's AID: "military and police
// assistance including arms and personnel"), neither a mobilisation nor
// military aid of another kind (072), while taking part in one stays
// military cooperation (062), as the supplement codes it; an appeal to
// join a protest against someone rallies opposition (113, see
// rallyAgainst); support that a verb of giving provides is aid (070); aid
// of a sum announced is aid allocated (07x); joint exercises are military
// cooperation (062).
func (c *coder) recodeByClause(e *event.Coding, t trigger, lo, hi int) {
	if (e.CAMEO.Root == "15" || strings.HasPrefix(e.CAMEO.Code, "072")) && c.namesAny(lo, hi, peacekeeping) {
		c.recode(e, "074")
	}
	if e.CAMEO.Root == "02" && c.rallyAgainst(t.end, c.sentence.end) {
		c.recode(e, "113")
	}
	if (e.CAMEO.Code == "050" || e.CAMEO.Code == "051") && giving[t.verb.Lemma] && c.namesAny(t.end, hi, supportWords) {
		// "EU provides €45m support for agri-businesses": support a
		// verb of giving provides is aid (070), no praise.
		c.recode(e, "070")
	}
	if strings.HasPrefix(e.CAMEO.Code, "033") && announcing[t.verb.Lemma] && c.amountIn(t.end, hi) {
		// "announced $33 million in additional assistance to": aid of a
		// sum announced is aid allocated (07x), no promise of it.
		c.recode(e, actOf(e.CAMEO.Code))
	}
	if e.CAMEO.Root == "15" && c.namesAny(lo, hi, jointWords) && c.namesAny(lo, hi, exerciseWords) {
		c.recode(e, "062")
	}
}

// announcing are the verbs that announce aid.
var announcing = map[string]bool{"ANNOUNCE": true, "UNVEIL": true}

// amountIn reports whether tokens [lo, hi) name a sum of money: a
// currency's word or sign, or "million" or "billion".
func (c *coder) amountIn(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		switch c.words[i] {
		case "$", "€", "£", "MILLION", "BILLION":
			return true
		}
		if c.has(i, tagCurrency) {
			return true
		}
	}
	return false
}

// supportWords name support, and giving the verbs that make it material:
// "provided support for" is aid, "received support online" or "issued
// her support" none.
var (
	supportWords = map[string]bool{"SUPPORT": true, "ASSISTANCE": true}
	giving       = map[string]bool{"PROVIDE": true, "GIVE": true, "DELIVER": true, "ALLOCATE": true, "EXTEND": true}
)

// jointWords and exerciseWords name joint military exercises, which
// PLOVER 2.0 codes as cooperation (COOPERATE; CAMEO 062), where a single
// country's exercises mobilise (15x).
var (
	jointWords    = map[string]bool{"JOINT": true, "COMBINED": true}
	exerciseWords = map[string]bool{
		"EXERCISE": true, "EXERCISES": true, "DRILL": true, "DRILLS": true, "MANEUVERS": true, "MANOEUVRES": true,
		"GAMES": true, "PATROL": true, "PATROLS": true,
	}
)

// rallyingWords are the words of a protest or a mobilisation of people.
var rallyingWords = map[string]bool{
	"RALLY": true, "RALLIES": true, "PROTEST": true, "PROTESTS": true, "DEMONSTRATION": true, "DEMONSTRATIONS": true,
	"MARCH": true, "MOBILIZATION": true, "MOBILISATION": true, "MOBILIZE": true, "MOBILISE": true, "UPRISING": true,
}

// rallyAgainst reports whether tokens [lo, hi) call people to a protest
// against someone: a word of rallying, then "against". An appeal to join
// one is CAMEO's rallying opposition against (113), verbal conflict, no
// appeal to the people called ("called on followers to join a rally in
// Berlin against the rules").
func (c *coder) rallyAgainst(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if rallyingWords[c.words[i]] {
			return slices.Contains(c.words[i+1:hi], "AGAINST")
		}
	}
	return false
}

// visit reports whether CAMEO code, or the forward code of a pair
// ("042:043"), is a meeting (040) or a visit made or hosted (042, 043).
func visit(code string) bool {
	fwd, _, _ := strings.Cut(code, ":")
	return fwd == "040" || fwd == "042" || fwd == "043"
}

// demobilising returns the code of an act of trigger t by party source,
// on target (-1: none): armed forces that disband or disarm, and do it to
// no one, demobilise (0873; PLOVER's RETREAT/disarm) whatever code the
// dictionary gives the verb: "The rebels formally disbanded", "the PKK
// will disarm" (the dictionary's DISARM is DESTROY's, for "disarmed the
// militants"). It is read before the modality, so that disarming to come
// is a concession, as any withdrawal to come, not a threat of force.
func (c *coder) demobilising(t trigger, code string, parties []party, source, target int) string {
	if (t.verb.Lemma != "DISBAND" && t.verb.Lemma != "DISARM") || target >= 0 || source < 0 {
		return code
	}
	for _, m := range parties[source].members {
		if !combatantOf(m.sector, m.code) {
			return code
		}
	}
	return "0873"
}
