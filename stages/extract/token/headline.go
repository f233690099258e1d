package token

// TitleCase reports whether a headline's tokens are written in title case
// ("Police Threaten Protesters with Arrest") or in capitals ("BAHIA COCOA
// REVIEW", as wire services write them): most of its words of four
// letters or more, after the first and outside names (inName, nil for
// none known), begin with a capital. Sentence case capitalises none of
// them, so that a capital there marks a name, as in running text.
func TitleCase(toks []Token, inName func(i int) bool) bool {
	upper, words := 0, 0
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != Word || t.End-t.Start < 4 || inName != nil && inName(i) {
			continue
		}
		words++
		if t.Flags&Upper != 0 {
			upper++
		}
	}
	return 2*upper > words
}
