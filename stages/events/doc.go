// Package events codes what an article reports happened, who did what to
// whom, where and when, as PLOVER 2.0 events with the CAMEO code of the
// same match: the stage that runs after extract, and stands on its
// entities and dates.
//
// # Knowledge
//
// The coder codes with a verb codebook ([codebook]: the CAMEO verbs,
// patterns and synonym sets of PETRARCH2, newsflow's supplement, the CAMEO
// to PLOVER table and newsflow's rules for the PLOVER modes no CAMEO code
// carries) and actor dictionaries ([actors]: the Phoenix actors with their
// dated roles, agents and discards). [New] uses the embedded ones;
// [NewWith] takes others, such as PETRARCH's unit-test dictionaries, which
// the evaluation loads in their place.
//
// # Method
//
// A shallow coder, without a parser: per sentence, the verbs of the
// codebook are found by their forms, the longest first, where English puts
// a verb (not after a determiner: "the attack"; in its base form only
// after a subject, an auxiliary or "to"; not an auxiliary of the verb after
// it: "has criticized"; not inside a party: "Israeli forces launched").
//
// The parties of a sentence are found first: an actor of the dictionaries
// (its code on the article's date), a named entity, or an agent, a group
// known by what it is ("Israeli troops", "police officers"), each with the
// words that qualify it ("U.S. special envoy Steve Witkoff", "NATO
// Secretary General Jens Stoltenberg"), the agent after it ("Gondor
// police", "Gondor's government") and what it owns ("Trump's decision").
// An agent of, from or in an actor is that actor's ("soldiers from
// Gondor"), and of each place of a list ("lawmakers in France and
// Germany"); bare agents of a list share the country of its first or last
// member ("Danish media and government"); an agent that modifies the noun
// after it is no party ("two artillery shells", "military ties"); a name
// of several codes in the dictionaries is several actors. A nationality
// before what is no party is none ("Russian rare earths"). "A and B" is
// one party of two actors: one event, not one per pair. A discard phrase
// of the dictionaries ("Manchester United", "Ebola") takes out the clauses
// it stands in; a story-level discard leaves the article uncoded.
//
// A party's text is the noun phrase it stands in, as annotators of events
// mark it ("US President Donald Trump's decision", "protesters in southern
// Nepal", "dozens of Islamic State fighters", "Vladimir Putin, the Russian
// president,"), never over the verb or another party; its name, codes and
// entity stay the actor's.
//
// Each verb's clause (from the previous verb to the next, or a semicolon)
// is matched against the patterns of its verb block, and the most specific
// match gives the code (of equally specific ones, the one whose words
// stand nearest the verb, then the one that matches a plural as written);
// the verb alone codes when none matches, and "---" codes nothing. The
// patterns may take the verb of an infinitive that has nobody to act on,
// which then codes nothing of its own ("declined to comment": 011). An
// unspecified consultation or cooperation (040, 060) that a verb codes
// alone needs a recipient or an actor of known country or sector
// ("Montalvo left" is no event), and a meeting or a visit (040, 042, 043)
// a political actor on one side or the other, the place visited aside
// ("pilgrims arrive in Mecca" is none). So does any cooperation (CAMEO
// 02–08) whose actor is named: PLOVER codes the acts of political actors,
// and its annotation guidelines leave out private persons' and what is
// unsure ("Twitter gave Mohamed the option" is none). A party is political
// unless it is of a private sector (companies, of one country or
// several (MNC), civilians and people at
// large, the media, schools, hospitals, farmers, faiths, refugees,
// criminals) or a name no dictionary knows, of no country or sector; a
// resignation leaves an office, whoever resigns. Aid given by nobody
// named to such a party is none either ("the grant will help the
// company expand"). Aid to civilians, refugees or people at large is
// humanitarian, an event whoever gives it, named or not ("fishermen
// rescued 700 asylum seekers", "asylum seekers rescued in the Andaman
// Sea"). The actor is the party before the verb (over auxiliaries,
// adverbs, a date and its preposition, an apposition between commas,
// "who"), or the one a pattern marks; the recipient the first party after
// it that is no place of the event. A passive verb takes its actor after
// "by", and its subject is what the patterns of the active verb take
// after it when nothing after the verb matches ("UN sanctions against
// Iran were lifted" is LIFT * SANCTIONS, with Iran as the recipient). A
// headline drops the "be" of its passives: a past participle right after
// a party, with no object after it, is what was done to the party
// ("Journalist detained in Iran"), when it is an act a party undergoes
// (conflict but protests, people released), in the title or on the
// text's short first line with no full stop. An
// infinitive (or a gerund) after another verb takes that verb's
// object as actor when the object is asked or made to act ("urged Moscow
// and Kiev to reach"), else its subject, with its object when it names
// none ("met Putin to discuss"); it is hypothetical, and less sure than
// the verb that governs it ("agreed to lend", "rejected a call to
// release", "is considering sending"), unless that verb says it took
// place ("managed to", and "decided to", as CAMEO codes a decision).
// Verbs joined by "and" share their object ("rejects and condemns the
// decision") and, with nothing between that could be a subject of its
// own, the subject ("condemned an attack by militants and promised
// aid"); a participle after a comma takes its clause's subject, and one
// after a document an actor issued its author ("issued a statement
// condemning"). An infinitive after a noun with an owner is the owner's
// ("the government's decision to suspend talks").
// A verb takes the previous verb's subject when nothing before it can be
// a subject of its own ("spoke by phone but have not met"; not "after
// crowds burned", "the bombings, which claimed"); a gerund after "of" or
// "for" takes the previous verb's object ("accused Israel of killing"); a
// subject pronoun stands for the sentence's subject before it, a person
// for "he" and "she" ("Ethiopia indicated it would act"); "I" and "we" in
// a quotation whose speaker is known stand for the speaker, for what they
// do to someone ('"I will meet Putin," Trump said'), and a verb in a
// quotation acts on nothing after it closes; a participle that opens
// the sentence is its subject's, with its object before the comma
// ("Discussing the crisis, Malaysia's prime minister said"). An actor's
// event on itself has no recipient. Meetings and talks that the
// dictionary codes the same both ways ("held talks with") are mutual:
// one event, every party an actor, no recipient, as PLOVER's annotators
// code them; a call keeps its caller, an act on someone its recipient
// ("clashed with police"), a place visited its place. A bare statement
// (010) that reports another event of its sentence is left out: "Peskov
// said Putin and Witkoff may discuss" is the discussion, on either side of
// "said". So is one addressed to nobody ("the company said it expects
// higher sales"): who said what is the article's quotes, and PLOVER, whose
// types these are, codes no statements; a statement to someone ("told
// reporters", "said to Moscow") stays; so does what "said" or "told"
// alone codes to nobody in a dictionary that files them under another
// code, unless the sentence codes nothing else. What the speaker says
// another must or should do is the speaker's
// demand (10x) or appeal (02x) to it ("said the authorities must ensure
// security"), and a future it reports, with "will" or "would", the intent
// of whoever is to act ("said they will release the hostages", "said
// South Africa would give"), or for force a threat ("said it would
// attack"); what has no intent or threat of its own stays to come. Military aid or cooperation to the actor's
// own country is a mobilisation ("deploying a missile defence system to
// its capital": 154). Forces of no country that an actor mobilises or
// sends are its own, and where they go is the recipient ("deployed 400
// police officers to Haiti"); forces mobilised or sent with nobody named
// doing it are the actor ("the military was placed on high alert",
// "troops were sent to Belarus"); so are the people it owns ("recalled its
// ambassador from Israel"), unless no other party follows. Weapons and
// attacks qualified by a country act for its forces ("Ukrainian drones
// struck", "Israeli shelling killed"); a weapon a verb's object names is
// the means, never the recipient ("launched air strikes against"),
// unless it is a country's ("shot down Russian drones"). A nationality in
// the plural that qualifies nothing is its people ("Serbians protested").
// Forces deployed on a peacekeeping mission give peacekeeping (074), and
// forces mobilised for relief give the aid they bring; a mobilisation
// beside its actor's assault is left to the assault.
//
// A claim that opens a clause is a statement, a claim of responsibility
// (015) where the claimer's own force follows ("claimed that they had
// attacked"), an accusation (112) where another's wrong does (see
// claims.go). A verb of intention or expectation alone ("intends to",
// "expects that") is no act: what is intended is coded, if anything. An
// appeal to join a protest against someone rallies opposition against
// them (113). Force someone "is responsible for" is their force.
//
// A refusal ("will not accept", "refused to join", "rejected holding
// talks") codes REJECT with the CAMEO code of what is refused (125 to
// meet, 121 material cooperation, 124 to yield…), not a negated
// cooperation; an intent ("is willing to withdraw", "agreed to release")
// codes the CAMEO intent (03x), which PLOVER counts as AGREE, or CONCEDE
// for yielding; a threat ("threatened to cut ties", "vowed to retaliate")
// codes THREATEN by what is threatened (1313, 138), and replaces the bare
// threat or refusal of the verb that makes it; force announced for the
// future is a threat made ("will attack": 138), and so is force meant on
// a condition ("sent to destroy the loudspeakers if the broadcasts do not
// stop"). A retreat to come is a concession, and a meeting or visit to
// come an agreement ("will visit Beijing": AGREE, future), as PLOVER 2.0
// codes them; the CAMEO code stays the act's. A place after "at" is what
// force is aimed at ("fired shells at Seoul"); visits, cooperation and aid
// go to the place after "in" when no party takes them.
// The dateline that opens a text ("KYIV, Nov 14 (Reuters) -") is read as
// none of its first sentence: its place is no party, its date no event's.
// A party after "according to" is a source, never a subject. A verb with
// a mode rule gives its PLOVER mode ("resigned": RETREAT/resign;
// "hacked": COERCE/cyber). Force takes the mode of the means its clause
// names, as PLOVER 2.0's ASSAULT modes are weapons ("warplanes struck":
// aerial; "drones struck": drone; "opened fire": firearms; "tear gas":
// crowd-control), where the CAMEO code names none or only fighting (19x);
// a mobilisation the mode of what is mobilised (militias, police,
// weapons without troops); a threat that of what it threatens ("to
// arrest"), a protest that of how it is made (a strike, blocked roads),
// a sanction that of what is cut (diplomats expelled).
//
// "Both countries", "the two sides" ("both leaders", "the two
// presidents") are the two countries (people) the text named last before
// them, when they are of two countries: "Both countries have put their
// militaries on alert" is North and South Korea.
//
// A party whose words name no country takes the country the article is
// about, as PLOVER's annotators resolve it from the article's context
// ("the President", "police", a company): the country whose places,
// people and organisations the text names most, in two sentences or more
// and in half of the mentions that name a country or more; such a code
// is marked code_from "context". A place keeps its own, refugees have
// none of the country they are in, and a
// one-sentence item, or an article about several countries alike, gives
// none. The gates above read the parties' own codes only: a private
// person stays private wherever the story is.
//
// Each event carries its place (a place of the clause after "in", "at",
// "near"…, over the words that say what it is: "in the southern city of
// Basra"; after the verb, unless it is the sentence's first or governed by
// the one before; never the dateline by default), its date (the clause's
// resolved date, else the publication day, marked "published"), its
// modality (negated, hypothetical, future; historical for a clause dated
// over a year before publication; what an actor is accused of is
// hypothetical, alleged rather than reported done: "accused Israel of
// killing"), the evidence (sentence, clause and trigger offsets), a
// confidence, and a key shared by the same event in other articles.
//
// The headline is coded too, as a sentence of its own, ahead of the text:
// a headline states the story's main event ("Kenyan Police Arrest
// Protesters"), often in words the text does not repeat. The publisher's
// section after a bar ("… | World News") is left out, and a headline in
// title case is read in sentence case, its names and acronyms keeping
// their capitals. Its events carry evidence with field "title", their
// offsets and their parties' into the title, and the publication date. A
// headline's event that the text reports too (the same type and parties,
// whatever the date) is left to the text's.
//
// Actors are coded with the country and sector of their dictionary code
// ("RUSGOV": RUS GOV; a code of no country keeps its kind first: "IGOUNO"
// is IGO UNO), else with the ISO 3166-1 alpha-3 code of the entity's
// country and the CAMEO sector of its role or agent (gazetteer.Role), else
// of the gazetteer's entry. The gazetteer's sectors are built from the
// embedded agents dictionary: dictionaries that replace the embedded ones
// (Knowledge.ActorsOnly, as for PETRARCH's unit tests) give the sectors
// and the names' codes alone. A party that "former" or "ex-" qualifies is
// of sector ELI, elites, as CAMEO codes former officials.
package events
