package events

import (
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

// TestMeansMode codes the modes PLOVER 2.0 gives force by its means,
// which the clause names beside the verb: the weapon of an assault, and
// who or what is mobilised.
func TestMeansMode(t *testing.T) {
	tests := []eventsTest{
		{"aircraft", "Israeli warplanes struck a Hamas compound in Gaza.",
			[]string{"ASSAULT/aerial warplanes (ISR MIL) → Hamas (PSE REB) @ Gaza ~2025-04-12"}},
		{"a drone, before the strike it made", "A US drone strike killed three militants in Yemen.",
			[]string{"ASSAULT/drone United States (USA MIL) → militants in Yemen (YEM UAF) ~2025-04-12"}},
		{"firearms", "Gunmen shot dead a police officer in Karachi.",
			[]string{"ASSAULT/firearms Gunmen (UAF) → police officer in Karachi (PAK COP) ~2025-04-12"}},
		{"artillery", "Rebels shelled the city with artillery.",
			[]string{"ASSAULT/heavy-weapons Rebels (REB) ~2025-04-12"}},
		{"no means named", "Soldiers attacked the village.",
			[]string{"ASSAULT Soldiers (MIL) → village (CVL) ~2025-04-12"}},
		{"a militia mobilised", "Hezbollah mobilized its militias along the border.",
			[]string{"MOBILIZE/militia Hezbollah (LBN REB) → militias (UAF) ~2025-04-12"}},
		{"warships mobilised", "Russia deployed warships to the Black Sea.",
			[]string{"MOBILIZE/weapons Russia (RUS) → warships (MIL) ~2025-04-12"}},
		{"what a threat threatens", "Iran threatened to arrest the journalists.",
			[]string{"THREATEN/arrest Iran (IRN) → journalists (MED) ~2025-04-12"}},
		{"diplomats expelled, which the code files as withdrawn", "Serbia expelled two Croatian diplomats.",
			[]string{"SANCTION/expel Serbia (SRB) → diplomats (HRV GOV) ~2025-04-12"}},
		{"sanctions discontinue (163, PLOVER 2.0)", "The EU imposed sanctions on Belarus.",
			[]string{"SANCTION/discontinue European Union (IGO EUR) → Belarus (BLR) ~2025-04-12"}},
		{"a military retreat withdraws (0874, PLOVER 2.0)", "Russian troops retreated from Kherson.",
			[]string{"RETREAT/withdraw troops (RUS MIL) → Kherson (UKR) ~2025-04-12"}},
		{"public goods cut off are withheld", "Israel cut off electricity and water to Gaza.",
			[]string{"COERCE/withhold Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"an accusation alleges (112, PLOVER 2.0)", "Iran accused Israel of sabotage.",
			[]string{"ACCUSE/allege Iran (IRN) → Israel (ISR) ~2025-04-12"}},
		{"a condemnation disapproves", "Russia condemned the attack.",
			[]string{"ACCUSE/disapprove Russia (RUS) ~2025-04-12"}},
		{"a condemnation disapproves, whatever accusation its pattern codes", "France condemns Russia for its treatment of prisoners.",
			[]string{"ACCUSE/disapprove France (FRA) → Russia (RUS) ~2025-04-12"}},
		{"a weapon's killing is by that weapon, not a suicide attack", "Russia launched missiles at Kyiv, killing 12 people.",
			[]string{"ASSAULT/heavy-weapons Russia (RUS) → Kyiv (UKR) ~2025-04-12", "ASSAULT/heavy-weapons Russia (RUS) → people (PPL) ~2025-04-12"}},
		{"a bomb's killing is by explosives", "A bomb killed five people in Kabul.",
			[]string{"ASSAULT/explosives → people in Kabul (AFG PPL) ~2025-04-12"}},
		{"drones strike with drones", "Ukrainian drones struck an oil refinery in Russia's Samara region overnight.",
			[]string{"ASSAULT/drone Ukrainian drones (UKR MIL) → Samara Oblast (RUS) @ Russia ~2025-04-12"}},
	}
	testEvents(t, newStage(t), tests, (*event.Coding).Summary)
}
