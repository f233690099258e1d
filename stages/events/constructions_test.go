package events

import (
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

// TestNewsConstructions codes constructions of everyday news that the
// dictionaries alone code wrongly or not at all: passives with nobody
// named acting, comments said with "be" and an adjective, acts the
// dictionary lacks, the PLOVER manual's types, and uses of a verb that
// report no event.
func TestNewsConstructions(t *testing.T) {
	tests := []eventsTest{
		{"an accusation against someone named, by no one named", "Russian journalist Ivan Petrov was charged with espionage.",
			[]string{"ACCUSE/disapprove → Ivan Petrov (RUS MED) ~2025-04-12"}},
		{"no accusation, no force: a passive with no one named acting codes nothing", "Ivan Petrov was encouraged to attend.", nil},
		{"an attack on servers is a cyber attack", "Hackers attacked the servers of the Estonian government.",
			[]string{"COERCE/cyber → government (EST GOV) ~2025-04-12"}},
		{"a website attacked, in the passive", "The ministry's website was attacked by Russian hackers.",
			[]string{"COERCE/cyber Russian hackers (RUS) → website (MED) ~2025-04-12"}},
		{"admission denied is a rejection", "The Afghan team had been denied visas to enter the United States.",
			[]string{"REJECT → Afghan team (AFG) ~2025-04-12"}},
		{"people turned away are rejected", "Thailand turned away Rohingya refugees.",
			[]string{"REJECT Thailand (THA) → refugees (REF) ~2025-04-12"}},
		{"things returned to someone", "Italian police returned 12 ancient skulls to Peru.",
			[]string{"RETREAT police (ITA COP) → Peru (PER) ~2025-04-12"}},
		{"who returns to a place goes there", "The ambassador returned to Kyiv after talks in Washington.", nil},
		{"a passive's subject is what the active verb's patterns take after it", "UN sanctions against Iran were lifted on Saturday.",
			[]string{"CONCEDE → Iran (IRN) 2025-04-12"}},
		{"a passive pattern with nobody named", "Peaceful demonstrations were held in Harare on Saturday.",
			[]string{"PROTEST/demo @ Harare 2025-04-12"}},
		{"a sum of money names no party", "Japan pledged 500 million US dollars to Ukraine.",
			[]string{"AGREE Japan (JPN) → Ukraine (UKR) ~2025-04-12"}},
		{"what a place at which something happens is of is where", "Dock workers went on strike at the port of Antwerp.",
			[]string{"PROTEST/strike workers (LAB) @ Antwerpen ~2025-04-12"}},
		{"doubt said with be and an adjective", "The government is skeptical of the claim.",
			[]string{"STATEMENT government (GOV) ~2025-04-12"}},
		{"confidence said with be and an adjective", "Germany is optimistic about the talks.",
			[]string{"STATEMENT Germany (DEU) ~2025-04-12"}},
		{"criticism said with be and an adjective", "The Greek Orthodox Church is critical of the government.",
			[]string{"ACCUSE/disapprove Greek Orthodox Church → government (GOV) ~2025-04-12"}},
		{"an adjective alone says nothing of anyone", "The situation is critical.", nil},
		{"a verb of several words after an auxiliary", "Merkel is disappointed in Trump.",
			[]string{"ACCUSE/disapprove Angela Merkel (DEU GOV) → Donald Trump (USA GOV) ~2025-04-12"}},
		{"people held as human shields are hostages", "Islamic State militants held 20,000 civilians as human shields.",
			[]string{"ASSAULT/abduct Islamic State (REB) → civilians (CVL) ~2025-04-12"}},
		{"a ban violated is a norm defied", "Pyongyang has violated a ban on ballistic missile tests.",
			[]string{"REJECT/yield Pyongyang (PRK) ~2025-04-12"}},
		{"aid suspended is aid stopped", "The United States has suspended food supplies to the Afghan Mujahideen.",
			[]string{"SANCTION/discontinue United States (USA) → Afghan Mujahideen ~2025-04-12"}},
		{"a hunger strike gone on", "Palestinian prisoners went on hunger strike.",
			[]string{"PROTEST/hunger prisoners (PSE CVL) ~2025-04-12"}},
		{"borders opened are a concession", "Turkey opened its borders to Syrians.",
			[]string{"CONCEDE Turkey (TUR) → Syrians (SYR) ~2025-04-12"}},
		{"forces pulled from a place are withdrawn", "The Philippine army pulled all its forces from Marawi.",
			[]string{"RETREAT/disarm army (PHL MIL) → Marawi City (PHL) ~2025-04-12"}},
		{"an organisation that leaves a country withdraws its presence", "Human Rights Watch has withdrawn from Georgia.",
			[]string{"SANCTION/expel Human Rights Watch (NGO HRI) → Georgia (GEO) ~2025-04-12"}},
		{"a country that leaves a place retreats", "Russia withdrew from Kherson.",
			[]string{"RETREAT/disarm Russia (RUS) → Kherson (UKR) ~2025-04-12"}},
		{"a fine paid is no cooperation", "The company paid a fine of 2 million euros to the EU.", nil},
		{"money paid to a country is", "Germany paid 2 billion euros to Greece.",
			[]string{"COOPERATE Germany (DEU) → Greece (GRC) ~2025-04-12"}},
		{"a court that rules judges", "A Greek court has ruled that the worship of ancient deities is legal.", nil},
		{"what leads to something causes it", "The protests in Tbilisi led to a crisis in the government.", nil},
		{"deaths in a disaster, with nobody named who used force", "Over 345 pilgrims have been killed in a stampede near Mecca.", nil},
		{"deaths in an accident told in a clause of its own", "At least 76 people were killed when the hotel collapsed.", nil},
		{"an organisation no dictionary knows, of the sector its name ends in", "The National Liberation Front attacked the army.",
			[]string{"ASSAULT National Liberation Front (REB) → army (MIL) ~2025-04-12"}},
		{"drills of one side are a show of force", "China conducted drills near Taiwan.",
			[]string{"MOBILIZE China (CHN) @ Taiwan ~2025-04-12"}},
		{"joint exercises are cooperation", "Russia and Belarus held joint exercises.",
			[]string{"COOPERATE Russia (RUS) and Belarus (BLR) ~2025-04-12"}},
		{"inspectors allowed in are international involvement", "Syria allowed UN inspectors into the site.",
			[]string{"RETREAT/access Syria (SYR) → United Nations (IGO UNO) ~2025-04-12"}},
		{"aid allowed in", "Israel allowed aid convoys into Gaza.",
			[]string{"RETREAT/access Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"a boycott by people is a protest", "Students boycotted classes at the university.",
			[]string{"PROTEST/boycott Students (EDU) → university (EDU) ~2025-04-12"}},
		{"sanctions by a state are", "The United States imposed sanctions on Iran.",
			[]string{"SANCTION United States (USA) → Iran (IRN) ~2025-04-12"}},
		{"weapons deployed to no other country are mobilised", "Lebanon is deploying its missile defense system in the south.",
			[]string{"MOBILIZE/troops Lebanon (LBN) ~2025-04-12"}},
		{"weapons deployed to another country are military aid", "The US deployed Patriot missiles to Poland.",
			[]string{"AID United States (USA) → Poland (POL) ~2025-04-12"}},
		{"forces that leave a place withdraw", "Russian forces departed from Kherson.",
			[]string{"RETREAT/disarm Russian forces (RUS MIL) → Kherson (UKR) ~2025-04-12"}},
		{"a decision is the act decided, a date between", "Japan decided on Thursday to ease some sanctions on North Korea.",
			[]string{"AGREE Japan (JPN) → North Korea (PRK) 2025-04-10", "CONCEDE Japan (JPN) → North Korea (PRK) 2025-04-10"}},
	}
	testEvents(t, newStage(t), tests, (*event.Coding).Summary)
}
