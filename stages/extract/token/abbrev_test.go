package token

import (
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/stages/internal/calendar"
)

// TestMonthAbbrevs checks that the abbreviations switch, which keeps its
// own copy of the months for speed, knows every month abbreviation of
// package calendar, capitalised: the entity recogniser takes "Sept." for a
// month only if the tokenizer keeps the period on it.
func TestMonthAbbrevs(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		for _, a := range calendar.MonthAbbrevs(m) {
			w := strings.ToUpper(a[:1]) + a[1:]
			if got := abbrevClass(w); got != abbrOther {
				t.Errorf("abbrevClass(%q) = %d; want %d (abbrOther)", w, got, abbrOther)
			}
		}
	}
}
