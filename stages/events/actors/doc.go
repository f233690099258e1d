// Package actors reads the actor, agent and discard dictionaries of
// PETRARCH2 and matches their phrases in a sentence: who an actor is
// (its CAMEO actor code on the date of the story), what an agent is
// (a role code to add to an actor's: "~GOV"), and which phrases void a
// sentence or a story.
//
// [Load] returns the Phoenix dictionaries of PETRARCH2 (MIT, see
// generated/LICENSE-PETRARCH2), embedded, with newsflow's supplements: group
// nouns for the agents, and the office holders newer than the actor files
// (package stages/internal/officeholders), whose entries hold over theirs;
// [Parse] and [ParseFiles] build
// a dictionary from files in PETRARCH's format at run time, such as the
// validation dictionaries of PETRARCH's unit tests. Lookups
// ([Dictionary.Actor], [Dictionary.Agent], [Dictionary.Discard]) take the
// sentence as words in capitals, as newsflow's tokenizer writes them, and
// return the longest phrase that starts at a word; they cost one map
// lookup at a word that starts no phrase and never allocate.
//
// # Format
//
// The rules are those of PETRARCH2's reader (PETRreader.py), and where it
// and its documentation (dictionaries.rst) part, those the validation
// records test:
//
//   - Comments: "#" to the end of a line; "<!--" to "-->", within a line
//     or over several; a line that starts with "<!". Blank lines are
//     skipped.
//   - Phrases: words joined by "_" or blanks, all consecutive (the reader
//     makes no use of the "blank allows words between" of the agents'
//     documentation, nor of a final "_": every word matches whole). A
//     phrase is split as the tokenizer splits text: "-" and other
//     punctuation are tokens of their own, and so is a possessive "'S"; a
//     period stays in the word before it ("U.S.", "V."). Letters with
//     diacritics lose them; any other character outside printable ASCII is
//     an error.
//   - Actors: a head phrase, optionally followed by codes on its line;
//     synonyms on the lines after it, each after "+"; then codes, one per
//     line and usually indented. "[CODE]" is the default code;
//     "[CODE <date]", "[CODE >date]" and "[CODE date-date]" hold on or
//     before, on or after, and between the dates, both included (the
//     validation records code the end date with the role, DATE-11); blanks
//     around "<", ">" and "-" are allowed. On a date the first role that
//     holds, in dictionary order, gives the code, else the default. Dates
//     are YYYYMMDD or YYMMDD, where YY up to 30 is 20YY and from 31 19YY,
//     as in the reader; an invalid date is an error. Codes are kept
//     verbatim: "---" is CAMEO's no-actor code, "ELR/GAL" several actors.
//     An actor with no code at all, and two different defaults, are
//     errors.
//   - Agents: "PHRASE {PLURAL} [~CODE]" or "[CODE~]". The regular plural
//     of the last word is added unless braces follow the phrase: "{}"
//     adds none, "{ATTORNEYS_GENERAL}" that phrase. A line "!NAME! = A, B"
//     defines a substitution set, and a phrase with "!NAME!" stands for
//     one phrase per form, with no plural made.
//   - Discards: a phrase voids the sentence it is in, or with "+" before
//     it the whole story.
//   - A phrase given twice keeps the later code, across files too, as the
//     reader's dictionary trees do; a phrase both a sentence and a story
//     discard voids the story.
//
// A malformed line is an error naming the file and the line
// ([*LineError]); nothing is skipped. The Phoenix files have a few dozen
// such lines: the generator (internal/gen) corrects each by a listed rule
// before it parses them, and embeds the result.
//
// # Left out
//
// The reader's slips are not reproduced where the validation records or
// the documentation say otherwise: an end date is included; a "Y" after a
// vowel makes "YS" and "CH", "SH", "X", "Z" take "ES" in plurals. TABARI's
// stems (a phrase without a final "_" matching any word that starts with
// it) are not matched: PETRARCH2 matches whole words too. The issue
// coding of PETRARCH (Phoenix.IssueCoding.txt) and its verb dictionary
// (package codebook) are not read here.
//
//go:generate go run ./internal/gen
package actors
