package events

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
	"github.com/newsflow/newsflow/stages/extract"
)

var pub = time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// extracted returns a Doc of text with the extract stage's entities and
// dates, as the events stage finds it in the pipeline.
func extracted(tb testing.TB, text string) *pipeline.Doc {
	tb.Helper()
	x, err := extract.New(extract.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	d := &pipeline.Doc{ID: "t", Text: text, PublishedAt: pub, Language: event.Language{Code: "en"}}
	if err := x.Process(tb.(interface{ Context() context.Context }).Context(), d); err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestStageContract(t *testing.T) {
	s := newStage(t)
	pipelinetest.TestStage(t, s, func() []*pipeline.Doc {
		a := extracted(t, "Russian President Vladimir Putin met Steve Witkoff in Saint Petersburg on Friday.")
		b := extracted(t, "Der Minister sagte am Freitag, dass die Gespräche weitergehen.")
		b.Language = event.Language{Code: "de"}
		return []*pipeline.Doc{a, b, {ID: "c", PublishedAt: pub}}
	})
}

func TestProcess(t *testing.T) {
	tests := []eventsTest{
		{"visit with place and date", "Russian President Vladimir Putin met US envoy Steve Witkoff in Saint Petersburg on Friday.",
			[]string{"CONSULT Vladimir Putin (RUS GOV) → Steve Witkoff (USA GOV) @ Saint Petersburg 2025-04-11"}},
		{"apposition", "Steve Witkoff, the special envoy of U.S. President Donald Trump, met with Vladimir Putin.",
			[]string{"CONSULT Steve Witkoff (USA GOV) → Vladimir Putin (RUS GOV) ~2025-04-12"}},
		{"verbs joined by and share a subject", "The government condemned an attack by Taliban fighters in southern Helmand on Thursday and promised aid to the affected villages.",
			[]string{"ACCUSE/disapprove government (GOV) → Taliban (AFG REB) @ Helmand 2025-04-10", "AGREE government (GOV) → villages (CVL) 2025-04-10"}},
		{"a name described by an agent", "The rebel outfit Kanglei Yawol attacked police in Imphal.",
			[]string{"ASSAULT Kanglei Yawol (REB) → police in Imphal (IND COP) ~2025-04-12"}},
		{"what an owner owns ends at its verb", "Hamas's armed wing claimed the attack.",
			[]string{"STATEMENT Hamas (PSE REB) ~2025-04-12"}},
		{"nouns in -ing joined by and", "Israel launched a new bombing and shelling offensive against Gaza.",
			[]string{"ASSAULT/heavy-weapons Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"subject over a participle and its word before to", "Iran is inching closer to restoring ties with Saudi Arabia.",
			[]string{"SUPPORT Iran (IRN) → Saudi Arabia (SAU) ~2025-04-12"}},
		{"what an owner owns, nouns joined by and", "The ministry condemned Israel's air and ground attacks on Gaza.",
			[]string{"ACCUSE/disapprove ministry (GOV) → Israel (ISR) ~2025-04-12", "ASSAULT/aerial Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"a name a country and an agent make", "The Nigeria Police Force arrested 20 protesters in Lagos.",
			[]string{"COERCE/arrest Nigeria Police Force (NGA COP) → protesters in Lagos (NGA OPP) ~2025-04-12"}},
		{"a participle that says what the object is", "Israeli forces seized a boat carrying activists to Gaza.",
			[]string{"COERCE/seize Israeli forces (ISR MIL) → activists (OPP) ~2025-04-12"}},
		{"former officials are elites", "Former security officials criticised the government.",
			[]string{"ACCUSE/disapprove security officials (ELI) → government (GOV) ~2025-04-12"}},
		{"a counterpart of a country", "Turkey's foreign minister met his Greek counterpart in Ankara.",
			[]string{"CONSULT foreign minister (TUR GOV) → counterpart (GRC) @ Ankara ~2025-04-12"}},
		{"a verb that starts a role elsewhere", "A Russian missile hit a hospital in Kyiv.",
			[]string{"ASSAULT/heavy-weapons Russian missile (RUS MIL) → hospital in Kyiv (UKR HLH) ~2025-04-12"}},
		{"strikes of a nationality are its forces'", "Israeli strikes killed 40 people in Gaza.",
			[]string{"ASSAULT Israeli strikes (ISR MIL) → people (PPL) @ Gaza ~2025-04-12"}},
		{"strikes after a country's name are its verb", "Israel strikes Gaza.",
			[]string{"ASSAULT Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"a list's member after a word no one knows", "The Ethiopian government and Tigrayan forces agreed to a permanent cessation of hostilities.",
			[]string{"SUPPORT government (ETH GOV) and forces (MIL) ~2025-04-12"}},
		{"I in a quotation is its speaker", "\"I will meet Putin next week,\" Trump told reporters.",
			[]string{"AGREE Donald Trump (USA GOV) → Vladimir Putin (RUS GOV) ~2025-04-12 [future]"}},
		{"nor a speaker's thoughts to nobody", "\"We want to thank all of them,\" Trump said.", nil},
		{"a verb in a quotation acts on nothing after it", "\"Our forces will retaliate,\" Iran warned Israel.",
			[]string{"THREATEN/violence forces (MIL) ~2025-04-12", "THREATEN Iran (IRN) → Israel (ISR) ~2025-04-12"}},
		{"an actor on itself has no recipient", "The Kremlin praised the Kremlin's response.",
			[]string{"SUPPORT Kremlin (RUS GOV) ~2025-04-12"}},
		{"a participle before the verb's object qualifies it; plurals in -ies", "Italy returned looted antiquities to Greece.",
			[]string{"RETREAT Italy (ITA) → Greece (GRC) ~2025-04-12"}},
		{"a country's jets; a noun after an agent the verb's object", "Turkish jets bombed Kurdish militant targets in northern Iraq.",
			[]string{"ASSAULT/aerial Turkish jets (TUR MIL) → militant (UAF) @ Iraq ~2025-04-12"}},
		{"a governing verb's recipient is its infinitive's", "North Korea threatened to retaliate against South Korea for the drills.",
			[]string{"THREATEN North Korea (PRK) → South Korea (KOR) ~2025-04-12", "ACCUSE/disapprove North Korea (PRK) → South Korea (KOR) ~2025-04-12 [hypothetical]"}},
		{"the owner of a decision does its infinitive, the party holding the decision", "Protesters denounced Iran's decision to arrest opposition leaders.",
			[]string{"ACCUSE/disapprove Protesters (OPP) → Iran (IRN) ~2025-04-12", "COERCE/arrest Iran (IRN) → opposition leaders (OPP) ~2025-04-12 [hypothetical]"}},
		{"a minister received is a visit hosted", "Qatar's emir received the Iranian foreign minister in Doha.",
			[]string{"CONSULT/visit Qatar (QAT) → foreign minister (IRN GOV) @ Doha ~2025-04-12"}},
		{"a participle after the object of a verb is done to it", "Police detained two activists accused of sedition.",
			[]string{"COERCE/arrest Police (COP) → activists (OPP) ~2025-04-12", "ACCUSE/allege → activists (OPP) ~2025-04-12"}},
		{"wanted, intended or expected is no act", "Police detained two activists wanted for questioning.",
			[]string{"COERCE/arrest Police (COP) → activists (OPP) ~2025-04-12"}},
		{"a country's nationals", "Iran released two French nationals.",
			[]string{"RETREAT/release Iran (IRN) → French nationals (FRA CVL) ~2025-04-12"}},
		{"borders opened to refugees grant asylum", "Poland opened its borders to refugees from Ukraine.",
			[]string{"AID Poland (POL) → refugees from Ukraine (UKR REF) ~2025-04-12"}},
		{"a summons to complain is the complaint", "Germany summoned the Russian ambassador to complain about the cyberattack.",
			[]string{"ACCUSE/disapprove Germany (DEU) → ambassador (RUS GOV) ~2025-04-12"}},
		{"an agent's infinitive is no act of its owner", "Pakistan summoned France's ambassador to protest against the cartoons.",
			[]string{"PROTEST Pakistan (PAK) → ambassador (FRA GOV) ~2025-04-12"}},
		{"tariffs rolled back", "Washington rolled back tariffs on steel from Canada.",
			[]string{"CONCEDE Washington (USA) → Canada (CAN) ~2025-04-12"}},
		{"a state of siege declared", "Peru declared a state of siege in Lima.",
			[]string{"COERCE/martial-law Peru (PER) @ Lima ~2025-04-12"}},
		{"an agent inside a phrase has no verb", "India and France began a new round of joint military exercises on Monday.",
			[]string{"COOPERATE India (IND) and France (FRA) 2025-04-07"}},
		{"a plural that starts the sentence, before a place", "Students in Tehran protest against the government.",
			[]string{"PROTEST Students in Tehran (IRN EDU) → government (GOV) ~2025-04-12"}},
		{"a plural in -men", "Gunmen kidnap students in Kaduna.",
			[]string{"ASSAULT/abduct Gunmen (UAF) → students in Kaduna (NGA EDU) ~2025-04-12"}},
		{"a count of people that acts", "Thousands rally in Madrid against housing costs.",
			[]string{"PROTEST/demo Thousands (PPL) @ Madrid ~2025-04-12"}},
		{"a group's name in the plural", "Houthis attack Israel with drones.",
			[]string{"ASSAULT/drone Houthis (YEM REB) → Israel (ISR) ~2025-04-12"}},
		{"force announced is a threat", "Israel will attack Hamas.",
			[]string{"THREATEN/violence Israel (ISR) → Hamas (PSE REB) ~2025-04-12"}},
		{"a noun after a verb's object", "Israel struck Hezbollah targets in Lebanon, the army said.",
			[]string{"ASSAULT/aerial Israel (ISR) → Hezbollah (LBN REB) @ Lebanon ~2025-04-12"}},
		{"a particle far from its verb is a preposition", "North Korea fired two ballistic missiles into the sea off its east coast, South Korea's military said.",
			[]string{"ASSAULT/heavy-weapons North Korea (PRK) ~2025-04-12"}},
		{"the speaker of a trailing report is no object", "The South Sudanese army has had no reports of hacking in its ranks, officials say.",
			nil},
		{"a participle after its noun is passive", "Israel and Hamas agreed to a ceasefire brokered by Qatar and Egypt.",
			[]string{"CONCEDE Israel (ISR) and Hamas (PSE REB) ~2025-04-12", "CONSULT Qatar (QAT) and Egypt (EGY) ~2025-04-12"}},
		{"weapons act for their forces", "Ukrainian drones struck an oil refinery in Russia's Samara region overnight.",
			[]string{"ASSAULT/drone Ukrainian drones (UKR MIL) → Samara Oblast (RUS) @ Russia ~2025-04-12"}},
		{"weapons are no target", "Syrian government forces launched air strikes against the rebel-held enclave of Eastern Ghouta.",
			[]string{"ASSAULT/aerial government forces (SYR MIL) → rebel (REB) ~2025-04-12"}},
		{"the owner of a noun does its infinitive", "Hundreds of people marched in Tbilisi to protest against the government's decision to suspend EU accession talks.",
			[]string{"PROTEST/demo people (PPL) → government (GOV) @ Tbilisi ~2025-04-12", "ACCUSE/disapprove people (PPL) → government (GOV) @ Tbilisi ~2025-04-12 [hypothetical]",
				"SANCTION/discontinue government (GOV) → European Union (IGO) @ Tbilisi ~2025-04-12 [hypothetical]"}},
		{"denied doing", "Iran denied supplying weapons to the Houthis.",
			[]string{"AID Iran (IRN) → Houthis (YEM REB) ~2025-04-12 [negated hypothetical]"}},
		{"a name in -ly is no adverb", "The ambassadors of France, Germany and Italy met Sergey Lavrov.",
			[]string{"CONSULT ambassadors of France (FRA GOV) and Germany (DEU GOV) and Italy (ITA GOV) → Sergey Lavrov (RUS GOV) ~2025-04-12"}},
		{"agents of several places", "Lawmakers and officials in France and Germany criticized the decision by Hungary.",
			[]string{"ACCUSE/disapprove Lawmakers (FRA LEG) and Lawmakers (DEU LEG) and officials in France (FRA GOV) and Germany (DEU GOV) → Hungary (HUN) ~2025-04-12"}},
		{"a verb agrees with the noun before a name's phrase", "Local municipalities in Italy ask taxes from religious schools.",
			[]string{"APPEAL municipalities in Italy (ITA GOV) → religious schools (EDU) ~2025-04-12"}},
		{"a visit is a political actor's", "Millions of pilgrims arrive in Mecca each year. Reporters attended the opening in Berlin. The French president arrived in Beijing on Monday.",
			[]string{"CONSULT president (FRA GOV) @ Beijing 2025-04-07"}},
		{"a past written as its base", "Russia hit Kyiv with missiles overnight.",
			[]string{"ASSAULT/heavy-weapons Russia (RUS) → Kyiv (UKR) ~2025-04-12"}},
		{"tariffs cut", "Japan cut tariffs on U.S. farm goods.",
			[]string{"CONCEDE Japan (JPN) → United States (USA) ~2025-04-12"}},
		{"relief handed over", "The United States handed over medical supplies to Ethiopia.",
			[]string{"AID United States (USA) → Ethiopia (ETH) ~2025-04-12"}},
		{"intelligence is what is shared", "Canada shared intelligence with Ukraine.",
			[]string{"COOPERATE Canada (CAN) → Ukraine (UKR) ~2025-04-12"}},
		{"the subject's own are no target", "Colombia recalled its ambassador from Israel.",
			[]string{"SANCTION/withdraw Colombia (COL) → Israel (ISR) ~2025-04-12"}},
		{"a country's weapons are its military", "Ukraine said it shot down 40 Russian drones overnight.",
			[]string{"ASSAULT/drone Ukraine (UKR) → Russian drones (RUS MIL) ~2025-04-12"}},
		{"forces sent are the actor's own", "Kenya deployed 400 police officers to Haiti. Russia sent troops to Belarus.",
			[]string{"MOBILIZE/police Kenya (KEN) → Haiti (HTI) ~2025-04-12", "COOPERATE Russia (RUS) → Belarus (BLR) ~2025-04-12"}},
		{"outside is a preposition", "Greek police fired tear gas at protesters outside parliament in Athens.",
			[]string{"ASSAULT/crowd-control police (GRC COP) → protesters (OPP) @ Athens ~2025-04-12"}},
		{"a nationality in the plural is its people", "Thousands of Serbians protested in Belgrade. The US military trains Iraqi pilots.",
			[]string{"PROTEST Serbians (SRB) @ Belgrade ~2025-04-12", "COOPERATE United States (USA MIL) → Iraqi pilots (IRQ) ~2025-04-12"}},
		{"what a document says its author says", "The Foreign Ministry issued a statement condemning the attack on the embassy.",
			[]string{"ACCUSE/disapprove Foreign Ministry (GOV) → embassy (GOV) ~2025-04-12"}},
		{"an attack of a country acts for its forces", "Israeli shelling killed five civilians. The bombing killed 12 people. Israel strikes Gaza.",
			[]string{"ASSAULT/heavy-weapons Israeli shelling (ISR MIL) → civilians (CVL) ~2025-04-12", "ASSAULT Israel (ISR) → Gaza (PSE GZA) ~2025-04-12"}},
		{"an adjective in -ly is no adverb", "The Taliban have carried out near-daily attacks, mainly targeting the Afghan government and security forces.",
			[]string{"ASSAULT Taliban (AFG REB) ~2025-04-12", "ASSAULT Taliban (AFG REB) → government (AFG GOV) and security forces (AFG COP) ~2025-04-12"}},
		{"a relative clause between commas", "Hamas, which controls Gaza, rejected the proposal.",
			[]string{"COOPERATE Hamas (PSE REB) → Gaza (PSE GZA) ~2025-04-12", "REJECT Hamas (PSE REB) ~2025-04-12"}},
		{"a clause opened by if ends at its comma", "If Iran attacks, the United States will respond.",
			[]string{"ASSAULT Iran (IRN) ~2025-04-12 [hypothetical]"}},
		{"a phrase's head is not over a word that opens a clause", "Thousands of Palestinians fled northern Gaza after Israel ordered an evacuation.",
			[]string{"SANCTION/expel Israel (ISR) ~2025-04-12"}},
		{"a place after the", "Iran seized a Greek oil tanker in the Gulf of Oman.",
			[]string{"COERCE/seize Iran (IRN) → oil tanker (GRC BUS) @ Gulf of Oman ~2025-04-12"}},
		{"a place over the words that say what it is", "Police arrested 30 protesters in the capital Tbilisi on Sunday. Protesters clashed with police in the southern city of Basra.",
			[]string{"COERCE/arrest Police (COP) → protesters (OPP) @ Tbilisi 2025-04-06", "ASSAULT Protesters (OPP) → police (COP) @ Basra ~2025-04-12"}},
		{"neither nor", "Neither Russia nor Ukraine boycotted the talks in Geneva on Saturday.",
			[]string{"SANCTION/discontinue Russia (RUS) and Ukraine (UKR) @ Geneva 2025-04-12 [negated]"}},
		{"nor opens a clause of its own", "Russia did not attend the talks, nor did Ukraine send a delegation.",
			[]string{"CONSULT/visit Russia (RUS) ~2025-04-12 [negated]"}},
		{"a comma and a conjunction open a clause", "Russia did not attend the talks, and Ukraine sent no delegation.",
			[]string{"CONSULT/visit Russia (RUS) ~2025-04-12 [negated]", "CONSULT/visit Ukraine (UKR) ~2025-04-12"}},
		{"compound actor by phone", "Putin and Trump have been speaking over the phone.",
			[]string{"CONSULT/phone Vladimir Putin (RUS GOV) and Donald Trump (USA GOV) ~2025-04-12"}},
		{"appeal to a compound recipient", "Donald Trump has been urging Moscow and Kiev to reach a consensus.",
			[]string{"APPEAL Donald Trump (USA GOV) → Moscow (RUS) and Kyiv (UKR) ~2025-04-12",
				"AGREE Moscow (RUS) and Kyiv (UKR) ~2025-04-12 [hypothetical]"}},
		{"agents with nationality", "Israeli troops attacked Hamas militants in Gaza.",
			[]string{"ASSAULT troops (ISR MIL) → Hamas (PSE REB) @ Gaza ~2025-04-12"}},
		{"passive", "Three Kenyan police officers were attacked by protesters.",
			[]string{"ASSAULT protesters (OPP) → police officers (KEN COP) ~2025-04-12"}},
		{"negated", "Putin did not meet Volodymyr Zelensky.",
			[]string{"CONSULT Vladimir Putin (RUS GOV) → Volodymyr Zelensky (UKR GOV) ~2025-04-12 [negated]"}},
		{"refusal", "Tajikistan says it will not accept refugees from Afghanistan.",
			[]string{"REJECT Tajikistan (TJK) → refugees from Afghanistan (AFG REF) ~2025-04-12"}},
		{"pronoun of the subject", "Ethiopia indicated it would attack Sudan.",
			[]string{"ASSAULT Ethiopia (ETH) → Sudan (SDN) ~2025-04-12 [hypothetical]"}},
		{"expletive it", "It is clear that the talks failed.", nil},
		{"force suffered by someone named, by no one named", "Two soldiers were killed in Helmand.",
			[]string{"ASSAULT → soldiers (MIL) @ Helmand ~2025-04-12"}},
		{"forces sent to a border are mobilised", "Poland sent 10,000 troops to its border with Belarus.",
			[]string{"MOBILIZE/troops Poland (POL) → Belarus (BLR) ~2025-04-12"}},
		{"a contest won is no force used", "Labour candidate Jane Smith defeated the incumbent by 424 votes.", nil},
		{"a battle won is", "Government forces defeated the rebels near Goma.",
			[]string{"ASSAULT Government forces (MIL) → rebels (REB) @ Goma ~2025-04-12"}},
		{"a verb of the dictionary that is a phrase of a past form, in the passive", "Two soldiers were killed and three were wounded.",
			[]string{"ASSAULT → soldiers (MIL) ~2025-04-12"}},
		{"a participle after a speaker is the reported act's", "Russia launched missiles at Ukraine, the air force said, damaging power plants in Kyiv.",
			[]string{"ASSAULT/heavy-weapons Russia (RUS) → Ukraine (UKR) ~2025-04-12", "ASSAULT/heavy-weapons Russia (RUS) @ Kyiv ~2025-04-12"}},
		{"the dateline is no party", "JERUSALEM (AP) - Israel's military said it had struck Hezbollah targets.",
			[]string{"ASSAULT/aerial military (ISR MIL) → Hezbollah (LBN REB) ~2025-04-12"}},
		{"a perfect infinitive is governed", "Iran is believed to have supplied drones to Russia.",
			[]string{"AID Iran (IRN) → Russia (RUS) ~2025-04-12 [hypothetical]"}},
		{"a passive that lends its subject codes nothing itself", "French Foreign Minister Jean-Noel Barrot is expected to visit Beirut next week.",
			[]string{"AGREE Jean-Noel Barrot (FRA GOV) → Beirut (LBN) ~2025-04-12 [hypothetical future]"}},
		{"the object of call on acts", "Lebanon called on France to press Israel.",
			[]string{"APPEAL Lebanon (LBN) → France (FRA) ~2025-04-12", "REQUEST France (FRA) → Israel (ISR) ~2025-04-12 [hypothetical]"}},
		{"what the means were aimed at, in the passive", "Rockets were fired at northern Israel on Friday.",
			[]string{"ASSAULT/heavy-weapons → Israel (ISR) 2025-04-11"}},
		{"a past form after a relative that is a verb", "Thousands rallied in Belgrade, demanding accountability for a collapse that killed 15 people.",
			[]string{"PROTEST/demo Thousands (PPL) @ Belgrade ~2025-04-12", "REQUEST Thousands (PPL) ~2025-04-12"}},
		{"weapons delivered are military aid", "Germany will deliver weapons to Ukraine.",
			[]string{"AID Germany (DEU) → Ukraine (UKR) ~2025-04-12 [future]"}},
		{"media released are no one released", "Hamas released a video of the hostages.", nil},
		{"what took place was not taken", "Talks between Russian and Ukrainian officials took place in Istanbul.", nil},
		{"steps taken are no seizure", "The ministry took several steps after the crisis.", nil},
		{"a town taken is", "Rebels took the town of Goma.", []string{"COERCE/seize Rebels (REB) → Goma (COD) ~2025-04-12"}},
		{"a noun in -s after an object, at the clause's end", "Coalition jets struck Islamic State targets.",
			[]string{"ASSAULT/aerial jets (MIL) → Islamic State (REB) ~2025-04-12"}},
		{"a nationality before nouns that are no party is its country", "Israeli jets struck Iranian positions in Syria.",
			[]string{"ASSAULT/aerial Israeli jets (ISR MIL) → Iranian positions (IRN) @ Syria ~2025-04-12"}},
		{"drones launched", "Russia launched more than 100 drones at Ukraine overnight.",
			[]string{"ASSAULT/drone Russia (RUS) → Ukraine (UKR) ~2025-04-12"}},
		{"cooperation in the actor's own place is where, not to whom", "Japan signed a defence pact in Tokyo.",
			[]string{"COOPERATE Japan (JPN) @ Tokyo ~2025-04-12"}},
		{"a deal signed", "South Korea and Japan signed a trade deal.",
			[]string{"SUPPORT South Korea (KOR) and Japan (JPN) ~2025-04-12"}},
		{"a name joined to a participle qualifies the party", "Pakistan accused the Taliban-allied Haqqani Network of the attack.",
			[]string{"ACCUSE/allege Pakistan (PAK) → Haqqani Network ~2025-04-12"}},
		{"which stays the party before a noun that is none", "Government warplanes attacked the rebel-held city of Douma.",
			[]string{"ASSAULT/aerial Government warplanes (MIL) → rebel (REB) ~2025-04-12"}},
		{"threat by infinitive", "Russia threatened to expel Lithuanian diplomats.",
			[]string{"THREATEN/relations Russia (RUS) → diplomats (LTU GOV) ~2025-04-12"}},
		{"reported obligation", "The United Nations said the EU should mediate between the US and Iran.",
			[]string{"APPEAL United Nations (IGO UNO) → European Union (IGO EUR) ~2025-04-12",
				"CONSULT European Union (IGO EUR) → United States (USA) and Iran (IRN) ~2025-04-12 [hypothetical]"}},
		{"an act the dictionary codes as intended", "The United States accepted 1,141 Iraqi refugees in May.",
			[]string{"AID United States (USA) → refugees (IRQ REF) 2024-05"}},
		{"a promise reported", "The rebels said they will release the hostages.",
			[]string{"CONCEDE rebels (REB) → hostages (CVL) ~2025-04-12"}},
		{"refusal of a gerund", "The Taliban rejected holding talks with the Afghan government.",
			[]string{"REJECT/meet Taliban (AFG REB) → government (AFG GOV) ~2025-04-12"}},
		{"reported demand", "Merkel said Iran must not be allowed nuclear weapons.",
			[]string{"REQUEST Angela Merkel (DEU GOV) → Iran (IRN) ~2025-04-12"}},
		{"aid to the place", "The EU has provided 1.2 billion euros for humanitarian aid in West Africa.",
			[]string{"AID European Union (IGO EUR) → West Africa ~2025-04-12"}},
		{"contraction", "Russia won't attend the talks with Ukraine.",
			[]string{"REJECT/meet Russia (RUS) → Ukraine (UKR) ~2025-04-12"}},
		{"no subject of its own", "Hamas said the bombings, which killed 20 people, were justified.",
			nil}, // not Hamas killing the people; a bare statement codes nothing
		{"object of the verb before", "Hamas accused Israel of killing civilians in Rafah.",
			[]string{"ACCUSE/allege Hamas (PSE REB) → Israel (ISR) ~2025-04-12",
				"ASSAULT/targeted Israel (ISR) → civilians (CVL) @ Rafaḩ ~2025-04-12 [hypothetical]"}},
		{"considering an option", "Japan is considering sending aid to North Korea.",
			[]string{"STATEMENT Japan (JPN) → North Korea (PRK) ~2025-04-12",
				"AID Japan (JPN) → North Korea (PRK) ~2025-04-12 [hypothetical]"}},
		{"appositions in a row", "Daniel Montalvo, 19, a member of the group, was arrested by police.",
			[]string{"COERCE/arrest police (COP) → Daniel Montalvo ~2025-04-12"}},
		{"on strike", "Teachers at the university are on strike.",
			[]string{"PROTEST/strike Teachers (EDU) ~2025-04-12"}},
		{"aimed at a place", "North Korea fired two shells at Seoul.",
			[]string{"ASSAULT/heavy-weapons North Korea (PRK) → Seoul (KOR) ~2025-04-12"}}, // the dictionary codes shells 193
		{"refused to", "Russia refused to join the talks with Ukraine in Geneva.",
			[]string{"REJECT/meet Russia (RUS) → Ukraine (UKR) @ Geneva ~2025-04-12"}},
		{"intent", "Honduras is willing to withdraw its troops from the border.",
			[]string{"CONCEDE Honduras (HND) → troops (MIL) ~2025-04-12"}},
		{"future", "Putin will visit Beijing next month.",
			[]string{"AGREE Vladimir Putin (RUS GOV) → Beijing (CHN) 2025-05 [future]"}},
		{"historical", "In 1994, Russian troops attacked Grozny.",
			[]string{"ASSAULT troops (RUS MIL) → Grozny (RUS) 1994 [historical]"}},
		{"mode no CAMEO code carries", "Prime Minister Andrej Babis resigned on Friday.",
			[]string{"RETREAT/resign Andrej Babis (GOV) 2025-04-11"}},
		{"mode with a code of its own", "Russia hacked Ukraine's power grid.",
			[]string{"COERCE/cyber Russia (RUS) → Ukraine (UKR) ~2025-04-12"}},
		{"reporting frame", "Kremlin spokesman Dmitry Peskov said Putin and Witkoff may discuss the war.",
			[]string{"CONSULT Vladimir Putin (RUS GOV) and Steve Witkoff (USA GOV) ~2025-04-12 [hypothetical]"}},
		{"clause of a discard", "Germany sent aid to Liberia to fight the Ebola epidemic.",
			[]string{"AID Germany (DEU) → Liberia (LBR) ~2025-04-12"}}, // no fight: the dictionaries discard Ebola
		{"clause a word like after opens", "Brazil restored full diplomatic ties, five years after Argentine troops attacked its embassy.",
			[]string{"SUPPORT Brazil (BRA) ~2025-04-12", "ASSAULT troops (ARG MIL) → embassy (GOV) ~2025-04-12"}},
		{"-ing noun after an adjective", "Ireland provided 3 million in humanitarian funding to Lebanon.",
			[]string{"AID Ireland (IRL) → Lebanon (LBN) ~2025-04-12"}},
		{"-ing noun as the object", "Ireland provided funding to Lebanon.",
			[]string{"COOPERATE Ireland (IRL) → Lebanon (LBN) ~2025-04-12"}},
		{"a decision is the act", "Mexico decided to grant political asylum to Evo Morales.",
			[]string{"AGREE Mexico (MEX) → Evo Morales (BOL GOV) ~2025-04-12", "AID Mexico (MEX) → Evo Morales (BOL GOV) ~2025-04-12"}},
		{"pattern nearest the verb", "Britain sent 100 armoured vehicles and a team of paratroopers to Lebanon.",
			[]string{"AID United Kingdom (GBR) → Lebanon (LBN) ~2025-04-12"}}, // VEHICLES, not TEAM (036)
		{"military aid to oneself", "Iran is deploying a missile defense system to its capital Tehran.",
			[]string{"MOBILIZE/weapons Iran (IRN) → Tehran (IRN) ~2025-04-12"}},
		{"a name that spells a modal", "Theresa May has met German Chancellor Angela Merkel.",
			[]string{"CONSULT Theresa May (GBR GOV) → Angela Merkel (DEU GOV) ~2025-04-12"}},
		{"a name before the subject's nouns", "Taliban attackers stormed a police station in Kabul.",
			[]string{"ASSAULT Taliban (AFG REB) @ Kabul ~2025-04-12"}}, // "a police station" is a place, no party
		{"parenthetical adverb, shared object", "The Palestinian government, however, rejects and condemns the US decision.",
			[]string{"REJECT government (PSE GOV) → United States (USA) ~2025-04-12",
				"ACCUSE/disapprove government (PSE GOV) → United States (USA) ~2025-04-12"}},
		{"call that names, in quotes", `The court has called the ruling "dangerous".`, nil},
		{"a day after the call's object", "Iranian President Hassan Rouhani called Lebanese President Michel Aoun on Tuesday.",
			[]string{"CONSULT/phone Hassan Rouhani (IRN GOV) → Michel Aoun (LBN GOV) 2025-04-08"}}, // not "call on", an appeal
		{"adjective between article and role", "The new prime minister met the French president.",
			[]string{"CONSULT prime minister (GOV) → president (FRA GOV) ~2025-04-12"}},
		{"acronym between subject and verb", "The World Health Organization (WHO) urges Russia to allow aid into Ukraine.",
			[]string{"APPEAL World Health Organization (IGO UNO) → Russia (RUS) ~2025-04-12", "RETREAT/access Russia (RUS) → Ukraine (UKR) ~2025-04-12 [hypothetical]"}},
		{"adverb between subject and verb", "The Taliban have long refused direct talks with the Afghan government.",
			[]string{"REJECT/meet Taliban (AFG REB) → government (AFG GOV) ~2025-04-12"}},
		{"participle after a comma", "The Taliban refused talks with the government, demanding a meeting with Washington.",
			[]string{"REJECT/meet Taliban (AFG REB) → government (GOV) ~2025-04-12", "REQUEST/meet Taliban (AFG REB) → Washington (USA) ~2025-04-12"}},
		{"participle after a clause of be", "Putin was on display on state television, greeting the Presidential Library.",
			[]string{"SUPPORT Vladimir Putin (RUS GOV) → Presidential Library ~2025-04-12"}},
		{"capacity, not recipient", "Andrej Babis resigned as prime minister of the Czech Republic.",
			[]string{"RETREAT/resign Andrej Babis ~2025-04-12"}},
		{"a future reported in the past", "Ethiopia said it would allow the World Food Program to deliver food.",
			[]string{"CONCEDE Ethiopia (ETH) → World Food Programme (IGO UNO) ~2025-04-12",
				"AID World Food Programme (IGO UNO) ~2025-04-12 [hypothetical]"}},
		{"pattern over the infinitive", "The Government of Eritrea declined to comment on the dispute.",
			[]string{"STATEMENT Government of Eritrea ~2025-04-12"}}, // DECLINE * COMMENT, 011
		{"nearer pattern over an exact one", "The UN withdrew peacekeepers from Rwanda.",
			[]string{"SANCTION/expel United Nations (IGO UNO) → Rwanda (RWA) ~2025-04-12"}}, // &PKO, 1661, matches "peacekeepers" by its singular
		{"unspecified verb, nobody known", "Daniel Montalvo left the organization in 2010.", nil},
		{"participle between a count and its noun", "Syria agreed to allow aid convoys to reach 12 besieged areas.",
			[]string{"SUPPORT Syria (SYR) ~2025-04-12", "CONCEDE Syria (SYR) ~2025-04-12 [hypothetical]"}}, // no siege; an intent to allow aid in is to yield
		{"infinitive's object in a clause of its own", "The German government declined to comment on a report that U.S. agencies were reviewing their cooperation.",
			[]string{"STATEMENT government (DEU GOV) ~2025-04-12"}}, // 011
		{"noun, not verb", "The attack on the convoy was condemned.", nil},
		{"nobody acts", "It rained all day.", nil},
	}
	testEvents(t, newStage(t), tests, (*event.Coding).Summary)
}

// TestModeCode codes verbs whose PLOVER mode no CAMEO code carries: the
// CAMEO code is the mode rule's, not the code the verb's block gives it
// (DISPERSE inherits 010, a statement, from its block).
func TestModeCode(t *testing.T) {
	testEvents(t, newStage(t), []eventsTest{
		{"inherited", "Police dispersed the protesters.", []string{"175 ASSAULT/crowd-control"}},
		{"none of its own", "Hackers hacked the ministry's website.", []string{"176 COERCE/cyber"}},
	}, func(e *event.Coding) string { return e.CAMEO.Code + " " + e.Type + "/" + e.Mode })
}

// eventsTest is a text and its events, each written as the test's line
// function writes it.
type eventsTest struct {
	name, text string
	want       []string
}

// testEvents codes each test's text with s and compares its events,
// written by line, with the test's.
func testEvents(t *testing.T, s *Stage, tests []eventsTest, line func(*event.Coding) string) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extracted(t, tt.text)
			if err := s.Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for k := range d.Events {
				got = append(got, line(&d.Events[k]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Process(%q) events =\n  %s\nwant\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
