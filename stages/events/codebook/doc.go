// Package codebook holds what the event coder knows of CAMEO and PLOVER:
// the verbs and verb patterns of the CAMEO verb dictionary, with their
// synonym sets, and the PLOVER 2.0 event type, mode and contexts of every
// CAMEO code.
//
// The data is generated from ../shared/corpora by internal/gen (go
// generate) and embedded; the generator checks every line and fails on a
// malformed one, bar the few it corrects by a listed rule. [Load] returns
// it.
//
// [FromDictionary] builds a codebook at run time from another verb
// dictionary in the same format, with Load's PLOVER table: PETRARCH's
// unit-test dictionary (PETR.Validate.verbs.txt), to measure the coder
// against PETRARCH's unit tests. It reads the dictionary with the
// generator's reader (internal/verbdict), as strictly, but keeps the codes
// the PLOVER table lacks; [Codebook.Event] reports false for them.
//
// # Verbs and patterns
//
// Verbs come in blocks of near-synonyms that share patterns. A verb form
// ([Codebook.Verb]: "VISITED", "ASKED FOR") gives its block and the code of
// the verb alone. A code is a CAMEO code, "---" for no event, or two codes
// joined by ":": the event from the source to the target, then the event
// from the target back to the source ("042:043", make a visit and host
// one); the first may be empty (":051": "received support from +" is the
// other party's event only).
//
// A pattern ([Codebook.Patterns]) lists the words around the verb, before
// it (Pre) and after it (Post), in the dictionary's syntax: words in
// capitals that must appear in that order, not necessarily next to each
// other ("_" between two words: next to each other); "{" … "}" a noun
// phrase of consecutive words; "(" preposition … ")" a prepositional
// phrase; "&NAME" any phrase of a synonym set ([Codebook.Synset]); "$" the
// source, "+" the target, "^" a noun phrase to skip, "%" a compound actor.
//
// # PLOVER
//
// [Codebook.Event] maps a CAMEO code to its PLOVER 2.0 type, mode and
// contexts, by the CAMEO to PLOVER table of the PLOVER project (2021) with
// the modes and contexts PLOVER 2.0 renamed, and the codes PLOVER 2.0's
// notes on a type move: intents to yield (035) are CONCEDE, "verbal
// yielding", where the table has AGREE; so is forgiving (056,
// "pardons"), where it has SUPPORT, and easing sanctions, a curfew or
// emergency rule (085, 0813, 0814), which it leaves under RETREAT with a
// mode it notes is gone; an embargo, boycott or sanctions imposed (163)
// are SANCTION, as the manual lists them there, where the table has
// COERCE/restrict. Codes of later CAMEO versions that the dictionary uses
// and the table lacks take the 2.0 type and mode that describe them: a
// cyber attack (176) is COERCE/cyber, drone and aerial attacks (1952,
// 1951) ASSAULT/drone and ASSAULT/aerial. Indictments, prosecutions and
// trials, which CAMEO files under arrest (173), are accusations of crime
// (1121, ACCUSE/allege), and lawsuits (115) ACCUSE/allege too, as PLOVER
// 2.0's annotation guidelines code them (the mode rules of
// internal/gen/modes.txt, and the supplement's trials). Disinformation
// spread is COERCE/misinformation, a mode no CAMEO code carries, under 170. The CAMEO roots PLOVER leaves
// out, 01 (make a public statement) and 02 (appeal), are the types
// STATEMENT and APPEAL. The table and types ship under CC BY-SA 4.0, as
// PLOVER does (generated/plover.txt); the dictionary under MIT
// (generated/LICENSE-PETRARCH2).
//
//go:generate go run ./internal/gen
package codebook
