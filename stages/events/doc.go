// Package events codes what an article reports happened, who did what to
// whom, where and when, as PLOVER 2.0 events with the CAMEO code of the
// same match: the stage that runs after extract, and stands on its
// entities and dates.
//
// # Method
//
// A shallow coder, without a parser: per sentence, the verbs of the CAMEO
// verb dictionary ([codebook]) are found by their forms, the longest first,
// where English puts a verb (not after a determiner: "the attack"; in its
// base form only after a subject, an auxiliary or "to"). The parties of the
// sentence are its named entities, with the words that qualify them ("U.S.
// special envoy Steve Witkoff"), and its agents, groups known by what they
// are ("Israeli troops", "police officers"); "A and B" is one party of two
// actors. Each verb's clause (to the next verb or semicolon) is matched
// against the patterns of its verb block, and the most specific match
// gives the code; the verb alone codes when none matches, and "---" codes
// nothing.
//
// The actor is the party before the verb (over auxiliaries, adverbs, an
// apposition between commas, "who"), or the one a pattern marks; the
// recipient the first party after it that is no place of the event. A
// passive verb takes its actor after "by". An infinitive after another
// verb takes that verb's recipient, or its actor ("urged Moscow and Kiev to
// reach"); a verb with no subject of its own takes the previous verb's
// ("spoke by phone but have not met"). A statement that reports an event
// coded after it in the sentence is left out: "Peskov said Putin and
// Witkoff may discuss" is the discussion.
//
// Each event carries its place (a place of the clause after "in", "at",
// "near"…, never the dateline by default), its date (the clause's resolved
// date, else the publication day, marked "published"), its modality
// (negated, hypothetical, future; historical for a clause dated over a
// year before publication), the evidence (sentence, clause and trigger
// offsets), a confidence, and a key shared by the same event in other
// articles.
//
// Actors are coded with the ISO 3166-1 alpha-3 code of their country and
// the CAMEO sector of their role or agent (gazetteer.Role), else of the
// gazetteer's entry.
package events
