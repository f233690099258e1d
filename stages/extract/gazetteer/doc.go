// Package gazetteer is what newsflow's entity extraction knows of the
// world: countries, admin-1 regions and cities from GeoNames; people and
// organisations from the PETRARCH2 event-coding dictionaries and a curated
// list; nationality words; English first names; titles and roles. The
// extractor finds a capitalised span in the text and asks what it names:
//
//	for _, e := range gazetteer.Lookup("St. Petersburg") {
//		// e.Kind == gazetteer.City, e.Country == "RU", e.GeoNamesID == 498817, ...
//	}
//
// [Lookup] takes the span as written ("US" is the United States, "us" is
// nothing); [LookupFold] ignores case, for headlines in capitals. Every
// name maps to all its candidates, ranked (see Ranking); choosing among
// them is the caller's job, helped by the [Entry] fields Population,
// Capital, Admin1, Feature and Sector, and by [CommonWord]. [Demonym]
// ("Russians" → RU), [FirstName] ("Karoline" → 'F'), [Role] ("Prime
// Minister" → GOV) and [CountryName] give the cues around names.
// [MaxNameWords] bounds the spans worth looking up.
//
// The data is generated from ../shared/corpora by internal/gen
//
//	go generate ./stages/extract/gazetteer/
//
// and committed, so builds and CI never need the corpora; a test
// regenerates it and compares when they are there. It is embedded
// (generated/*.txt.gz) and loaded once, on first use or by [Load]: two
// goroutines decompress and parse the entries and the names. LookupFold's
// index is built on its first use. BenchmarkLoad and BenchmarkLoadFold
// measure the two, TestLoadTime logs their time and the memory the data
// then holds, and BenchmarkLookup and BenchmarkLookupFold measure a
// lookup. No lookup allocates (TestZeroAllocs), and all functions are
// safe for concurrent use. The format is described in load.go.
//
// # Sources and licences
//
//   - GeoNames (https://www.geonames.org/), CC BY 4.0, credited in NOTICE:
//     countryInfo (252 countries and territories), admin1CodesASCII (3,864
//     regions) and cities15000 (32,847 places of 15,000 people or more, and
//     capitals), export of 2025-11-19.
//   - names-en: 3,898 male and 4,951 female English first names from
//     Grady Ward's Moby Word II, public domain; 419 are in both lists.
//   - PETRARCH2 (Open Event Data Alliance), Phoenix dictionaries, MIT
//     licence, credited in NOTICE with the licence text in
//     generated/LICENSE-PETRARCH2: the Countries, International and MilNonState
//     actor files (people and institutions with dated CAMEO codes) and the
//     agents file (titles and roles).
//   - Curated tables in internal/gen, from general knowledge of English news
//     usage: country names, nationality words, organisations, areas, the
//     common words, titles, and the few fixes listed below.
//   - The office holders newer than the Phoenix dictionaries, with dated
//     roles (package stages/internal/officeholders), read after them.
//
// # Contents
//
// Countries, regions, cities, people, organisations (PETRARCH's and the
// curated ones) and curated areas, found by their names; nationality
// words, first names, roles and common words. data_gen.go records how
// many entries of each kind and how many names the data holds, and
// loading checks them. The generator prints these counts and the others,
// with what it dropped and why, when run with -report in the package
// directory (it regenerates the data as go generate does):
//
//	cd stages/extract/gazetteer && go run ./internal/gen -report
//
// # Ranking
//
// A name's candidates come in this order: countries and curated areas
// ("Georgia" is the country before the US state, "Jordan" before a town of
// Hong Kong; "Europe" the continent);
// curated organisations ("Kremlin", "Amazon", "Congress"); people
// ("Obama" before Obama, Japan; people of one name in order of their latest
// dated office); PETRARCH organisations; cities by population, a city whose
// own name (GeoNames name or ASCII name) is the key counting five times its
// population against cities that have the key only among their alternate
// names ("Venice" is Venice, Italy, 51,000, before Dayton, Ohio, 135,000,
// which GeoNames also calls Venice; "St. Petersburg" is still Russia's, 5.4
// million, before Florida's own, 257,000); then admin-1 regions, which
// GeoNames gives no population ("Kiev" is the city, then the oblast;
// "Washington" the capital, then other Washingtons, then the state).
//
// # Countries
//
// Each country is found by its GeoNames name and the curated variants of
// English news: "U.S.", "US", "USA", "America"; "U.K.", "UK", "Britain";
// "Russian Federation", "Burma", "Holland", "Czech Republic", "Côte
// d'Ivoire", "DRC", "Türkiye" and so on (internal/gen/countries.go). "The
// Netherlands" is named "Netherlands". "Congo" alone is both Congos, the
// Democratic Republic first. "EU" is an organisation. GeoNames' country
// table has no coordinates: Lat and Lon are 0 and GeoNamesID locates it.
// LookupCountry gives ISO3, capital and continent.
//
// # Regions
//
// Admin-1 regions are found by name and ASCII name, and also without their
// generic words ("Voronezh Oblast" as "Voronezh", "Lagos State" as "Lagos",
// "Republic of Tyva" as "Tyva") unless what is left is a common word
// ("Central Region" is not "Central"). GeoNames has Crimea as a region of
// Ukraine, and "Kiev" as the name of Kyiv Oblast. regionInfo has no
// coordinates either; Admin1 relates cities to their region.
//
// # Cities
//
// A city is found by its name, its ASCII name, and those of its alternate
// names an English text could use. Dropped are alternate names in other
// scripts or with other characters (only Latin letters, spaces, hyphens,
// apostrophes and periods are kept), without a capital letter
// (romanisations such as "masko"), upper-case codes of up to four letters
// ("IEV", "MOW"), with a lower-case word that is not a particle of place
// names ("Lungsod ng Paris"; "Rio de Janeiro" stays) and of fewer than
// three letters; -report counts each. The data has the common English
// forms checked for:
// "Kiev" is an alternate name of Kyiv, "St. Petersburg" and "Saint
// Petersburg" of Saint Petersburg, "Bombay" of Mumbai, "Peking" of Beijing.
// Two are added: "New York City" and "NYC" for New York City, whose
// abbreviation the code filter drops, and "Frankfurt" for Frankfurt am Main.
// Coordinates are rounded to 1e-4 degrees.
//
// # People and organisations
//
// The PETRARCH2 actor files list actors in blocks: a head name, "+"
// synonyms and CAMEO codes with dates ("VLADIMIR_PUTIN_", "+PUTIN_",
// "+PRESIDENT_VLADIMIR_PUTIN_", "[RUSGOV >080508]"). PETRARCH gives codes
// only to the name directly above them; the files write several names
// above one code list and mean one actor, so consecutive names before codes
// are one block here. The code in force is the open-ended one with the
// latest start, else the undated one (PETRARCH's default outside every
// dated range), else the range that ends last: Putin is GOV, Gorbachev ELI.
// Its first three letters give the country (CAMEO country codes are ISO
// 3166-1 alpha-3 codes, mapped to ISO2 through GeoNames, but for TMP, KSV,
// ROM and the former states: the Soviet Union is RU, East Germany DE,
// Yugoslavia RS, Czechoslovakia nothing); an actor coded without a country
// (Ban Ki-moon, [IGOUNO]) takes that of an earlier code (KOR). The sector is
// the first CAMEO role or type code (GOV, MIL, ELI, REB, MED, IGO, NGO,
// MNC...), not regions ("MEA") or religions.
//
// The files do not say which actors are people. These rules, in this
// order, tell them apart (-report counts the blocks each one takes):
//
//   - countries, their parts and cities (a code that is only a country,
//     "[AFG]", or with a code that is not a role, "[USAASM]", "[CSK]"):
//     skipped, since places come from GeoNames;
//   - heads commented "CountryInfo.txt", from CountryInfo's lists of leaders
//     and ministers: people;
//   - a name with an institution word (COUNCIL, ARMY, MINISTRY, FRONT,
//     STATE...), or coded MNC (a company): organisations;
//   - one word: a person if its codes are dated, an organisation if not
//     (KREMLIN, KNESSET, MOSSAD are coded without dates);
//   - longer names with dated codes: people (people hold offices for a
//     time, institutions are coded without dates);
//   - undated, starting with a names-en first name or an initial
//     ("GLENN_GREENWALD" [MED]), or with a given name of a CountryInfo
//     person ("BASHAR_AL-ASSAD"): people; otherwise organisations.
//
// Heads that are offices, not names ("PRESIDENT_OF_THE_UNITED_STATES_",
// "US_SECRETARY_OF_STATE_"), are skipped; organisations that duplicate a
// curated one are left to it; blocks that repeat an actor of the same
// name and country are merged. A sample of each rule reads right; a few
// NGO names pass for people ("Vital Voices").
//
// Names are converted from "VLADIMIR_PUTIN_" to "Vladimir Putin": title
// case; particles lower case inside a name ("bin", "van", "von der", "de");
// "AL_" and "EL_" joined to the next word ("Hazem al-Beblawi", with "Hazem
// al Beblawi" as a second name); "McCain", "O'Brien", "Jr.", roman
// numerals; Korean given names with a lower-case second syllable after a
// common Korean family name ("Ban Ki-moon"). Organisations keep words of up
// to three letters that are not English words ("UN") and words without
// vowels ("CNN") in capitals; longer acronyms read as words ("Nato"), and
// one-word names are also found in capitals ("UNITA"). Titles before a
// person's name are stripped, with what qualifies them: modifiers
// ("FORMER", "THE"), honorifics ("MR"), agent titles ("PRESIDENT",
// "PRIME_MINISTER"), and a country, nationality or organisation before a
// title ("RUSSIAN_PRESIDENT", "UN_SECRETARY-GENERAL"); "DEAN_ACHESON" keeps
// Dean, a first name. What is left must look like a name: no institution
// or function word ("BUSH_ADMINISTRATION" is dropped) and, if one word, not
// a common word and not a first name unless it is the person's surname
// ("+SECRETARY_KERRY_" gives "Kerry"; "+MOHAMMAD" gives nothing). Synonyms
// of organisations that end in a person's role ("WHITE_HOUSE_SPOKESMAN")
// are dropped. PETRARCH names that are also country names, nationality
// words or curated names are left to those.
//
// # Curated organisations
//
// The curated organisations (internal/gen/orgs.go, institutions.go) are
// news agencies and outlets, international bodies, state institutions
// named by metonymy (White House, Kremlin, Pentagon, Downing Street,
// Élysée, Congress, Bundestag, Knesset, State Department, Foreign
// Ministry), armed groups, parties, large companies and sports bodies,
// each with canonical name ("AP" is "Associated Press", "the Kremlin"
// "Kremlin"), country where clear ("Senate" and "Foreign Ministry" have
// none; "Congress" is the US one), and sector. Places named by metonymy
// are organisations here: news uses them for the institution. Universities
// and the long tail are left to cues.
//
// # Areas
//
// Curated places that are neither countries nor admin-1 regions nor
// cities (internal/gen/areas.go): the seven continents, with their
// GeoNames ids; the world regions of foreign desks (Middle East, Sahel,
// Balkans, Kashmir, Siberia); oceans, seas, gulfs, straits and canals
// (Black Sea, Strait of Hormuz, Suez Canal). Kind Area, no country, and the
// GeoNames feature class as Feature (CONT, RGN, OCN, SEA, GULF, STRT, CNL).
//
// # Nationality words, first names, roles
//
// Demonym knows the adjective and the nouns of every country with a
// standard English one, singular and plural ("Afghan", "Afghans"; "French",
// "Frenchmen"; "Briton", "Scots"), in any case. "Korean" is South Korean
// and "Congolese" of the Democratic Republic, as news uses them; words
// shared by several states ("Arab", "Kurdish", "Basque") are not there.
// FirstName is names-en. Role is the PETRARCH agents file, its substitution
// sets expanded ("CONGRESS!PERSON!" is congressman, congresswoman...) with
// English plurals, and titles it lacks ("Press Secretary", "Secretary-
// General", "Vice President", "chairman", "Pope"...); its sector is the
// code's first three letters. PETRARCH codes a spokesperson MED and a chief
// executive GOV, and those codes stand.
//
// # Common words
//
// There is no dictionary among the corpora: internal/gen/words.go curates
// common English words in two tiers, function words and the most frequent
// content words of news. A stop word ("of", "the",
// "may", "will") capitalised or not is never a name, whatever the data says
// (Of is a city of Turkey). A common word ("reading", "mobile", "march") is
// a name only as the own name of a city of 100,000 people or more
// (Reading, Mobile, Nice, Split, Bath, Man) or a curated entry ("Labour"),
// and CommonWord reports it so that the caller can want more evidence at
// the start of a sentence; as an alternate name, a region's or a PETRARCH
// name it is dropped. A flag on Entry would be wrong: a city may have one
// common-word name among others.
//
// # Known gaps
//
//   - People: PETRARCH's knowledge ends around 2015. Later figures
//     (Zelensky, Macron, Kim Jong-un, Trump as a politician) are not here.
//     A surname alone is known where PETRARCH lists it ("Putin", "Obama")
//     and, for the people with an office in 2008 or later, when no other
//     person or thing the gazetteer knows has it ("Scholz", "Xi", "Modi";
//     internal/gen/surnames.go); others come from the text.
//   - Most of the people are ministers of CountryInfo's lists, whose
//     last office gives the sector (often GOV long after they left it).
//   - Countries, regions and areas have no coordinates; areas other than
//     the curated ones (Donbas, the Ruhr) are not places here.
//   - Canonical names of PETRARCH organisations are title-cased guesses
//     ("Nato"); LookupFold finds them whatever their case.
//   - LookupFold also finds what case tells apart: "who" is the World Health
//     Organization. Use it for text in capitals.
//   - Alternate names in other Latin-script languages ("Moskau", "Parigi")
//     are kept; they rarely occur in English text and cost only memory.
//   - Places of fewer than 100,000 people named by a common word (March,
//     England; Reading, Pennsylvania) are not found by that name.
//   - Telling people from institutions is a heuristic: a few NGOs pass for
//     people; Korean given names are cased right only after a common
//     family name.
package gazetteer
