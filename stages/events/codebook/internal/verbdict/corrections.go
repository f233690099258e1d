package verbdict

// Correction rewrites a dictionary line that is malformed as written, or
// that contradicts the dictionary's own line for the same words, or drops
// it (Now ""), with the reason. Was is the line as Parse sees it:
// comments removed, spaces trimmed at both ends.
type Correction struct {
	Line     int // where the dictionary it was written for has it
	Was, Now string
	Why      string
}

// CAMEOCorrections are the corrections of CAMEO.2.0.txt (petrarch2
// @676801c), for the generator, which applies them strictly: a line that
// no longer reads as written here fails generation, so that a changed
// dictionary is looked at again.
var CAMEOCorrections = []Correction{
	{2374, "- * VENTURE (WITH VISIT)                              VISIT)[042:043]", "- * VENTURE (WITH VISIT) [042:043]",
		"a stray copy of the last word before the code"},
	{5787, "- * DOWN (FROM)                                       [080!]", "- * DOWN (FROM) [080]",
		"'!' after the code: CAMEO 080 (yield)"},
	{7606, "- STRONGLY * ATTACK (ON ^)                            ^)[111]", "- STRONGLY * ATTACK (ON ^) [111]",
		"a stray copy of the last tokens before the code"},
	{2406, "- * &FIGHT_CRIM                                       [1124]", "",
		"&FIGHT_CRIM is defined nowhere (PETRARCH skips the pattern)"},
	{3887, "- * &FIGHT_GAMES IN +                                 [062:062]", "",
		"&FIGHT_GAMES is defined nowhere (PETRARCH skips the pattern)"},
	{8443, "-  * (IN &WEATHER) [---]", "", "&WEATHER is defined nowhere (PETRARCH skips the pattern)"},
	{8444, "-  * (IN &DEMONSTRATION) [145]", "", "&DEMONSTRATION is defined nowhere (PETRARCH skips the pattern)"},
	{3412, "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED , +ARE_DETERMINED} [030]",
		"+IS_DETERMINED {+WAS_DETERMINED +BE_DETERMINED +ARE_DETERMINED} [030]", "commas between the forms"},
	{2891, "REJECT", "REJECT [120]",
		"rejecting is CAMEO 120 with no pattern matched, as the block's DECLINE; the block's own code (---) is for its refusals to act"},
	{5278, "---  CONSIDER   [040]  ---", "---  CONSIDER   [014]  ---",
		"verbs of considering (consider, ponder, weigh) are CAMEO 014, consider a policy option, not 040, consult"},
	{8410, "- * DIPLOMATS                                         [174]", "- * DIPLOMATS [161]",
		"the plural of the block's DIPLOMAT [161]: expelling a state's diplomats reduces relations, it deports no individuals (174)"},
}

// ValidateCorrections are the corrections of PETR.Validate.verbs.txt
// (petrarch2 @676801c), the dictionary of PETRARCH's unit tests. Each line
// is one PETRARCH reads without complaint but not as its author meant:
// the corrections give it the reading of PETRARCH's own reader
// (PETRreader.py) where that is sound, else the evident intent.
var ValidateCorrections = []Correction{
	{447, "--- DELAY [120]  [031:031]  ---", "--- DELAY [120] ---",
		"two codes; PETRARCH takes the first (the second is the MEET block's)"},
	{688, "LASH OUT", "+LASH_OUT",
		"a two-word verb written with a space, not '_' (PETRARCH would read the verbs LASH and OUT)"},
	{1025, "RULE OUT", "+RULE_OUT",
		"a two-word verb written with a space, not '_' (PETRARCH would read the verbs RULE and OUT)"},
	{992, "- * DIPLXMATIC  [", "- * DIPLXMATIC [---]",
		"the code [###] starts a comment, leaving '[': PETRARCH reads an empty code, no event"},
}

// Corrections are the corrections of every published dictionary, for a
// reader of any dictionary: each applies to a line that reads as its Was,
// wherever it stands.
var Corrections = append(append([]Correction(nil), CAMEOCorrections...), ValidateCorrections...)
