package events

import "github.com/newsflow/newsflow/stages/extract/token"

// datelineEnd returns the token after the dateline that opens a text
// ("KYIV, Nov 14 (Reuters) -", "JERUSALEM (AP) —"), 0 if there is none.
// The dateline says where the story was filed and when: its place is no
// party of the first sentence and its date no date of its events.
//
// A dateline is a place in capitals at the very start, of one to four
// words, then at most maxDatelineTail tokens, none a word in lower case (a
// date, the agency in parentheses), before a dash that a word follows.
func (c *coder) datelineEnd() int {
	toks := c.toks
	i := 0
	for i < len(toks) && i < 4 && toks[i].Kind == token.Word && toks[i].Flags&token.AllUpper != 0 && toks[i].End-toks[i].Start >= 2 {
		i++
	}
	if i == 0 {
		return 0
	}
	for k := i; k < len(toks) && k <= i+maxDatelineTail; k++ {
		switch c.words[k] {
		case "-", "–", "—":
			if k+1 < len(toks) && toks[k+1].Kind == token.Word {
				return k + 1
			}
			return 0
		}
		if t := toks[k]; t.Kind == token.Word && t.Flags&token.Upper == 0 {
			return 0 // a word in lower case: a sentence, no dateline ("NATO and Russia held talks - ...")
		}
	}
	return 0
}

// maxDatelineTail is how many tokens may stand between a dateline's place
// and its dash: ", Nov 14 (Reuters)" is six.
const maxDatelineTail = 8
