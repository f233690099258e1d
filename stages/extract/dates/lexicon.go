package dates

import (
	"time"

	"github.com/newsflow/newsflow/stages/internal/calendar"
)

// wid identifies a word of the lexicon. Months are 1–12 so that the id is
// the month number; the ids up to lastTrigger are the words that can head a
// date expression, the others are only looked at around such a word.
type wid uint8

const (
	wNone wid = iota
	wJanuary
	wFebruary
	wMarch
	wApril
	wMay
	wJune
	wJuly
	wAugust
	wSeptember
	wOctober
	wNovember
	wDecember
	wSunday // weekdays in time.Weekday order, Sunday first
	wMonday
	wTuesday
	wWednesday
	wThursday
	wFriday
	wSaturday
	wToday
	wTonight
	wYesterday
	wTomorrow
	wDay // units, in increasing length
	wWeek
	wWeekend
	wMonth
	wYear
	wDecade
	wMorning // parts of a day
	wAfternoon
	wEvening
	wNight

	wNumber // a number word; entry.val holds its value
	wThis
	wLast
	wNext
	wPast
	wComing
	wPrevious
	wFollowing
	wCurrent
	wEarly
	wMid
	wLate
	wEarlier
	wLater
	wThe
	wAgo
	wNow
	wBefore
	wAfter
	wFrom
	wIn
	wOn
	wSince
	wUntil
	wBy
	wThrough
	wDuring
	wOf
	wOver
	wBetween
	wAround
	wFor
	wAnd
	wOr
	wTo
	wAs
	wFiscal
	wSeason
	wWill // future-tense words that need no partner
	wSet  // future only before "to": "set to take place"
	wDue  // future or past by its neighbours: see dueTense
	wBe
	wIs
	wSaid // past-tense words that end a search for a tense cue
	wHoliday
)

// lastTrigger is the last id of a word that can head a date expression.
const lastTrigger = wNight

// entry is one word of the lexicon.
type entry struct {
	word   string // lower case
	id     wid
	val    uint8 // the value of a number word
	abbr   bool  // a month abbreviation: needs a day or a year after it
	plural bool  // a plural unit ("days")
}

// words is the lexicon: the names of the months, with their
// abbreviations, and of the weekdays from package calendar, then the other
// words.
var words = append(calendarWords(), []entry{
	{word: "today", id: wToday}, {word: "tonight", id: wTonight},
	{word: "yesterday", id: wYesterday}, {word: "tomorrow", id: wTomorrow},
	{word: "day", id: wDay}, {word: "days", id: wDay, plural: true},
	{word: "week", id: wWeek}, {word: "weeks", id: wWeek, plural: true},
	{word: "weekend", id: wWeekend},
	{word: "month", id: wMonth}, {word: "months", id: wMonth, plural: true},
	{word: "year", id: wYear}, {word: "years", id: wYear, plural: true},
	{word: "decade", id: wDecade}, {word: "decades", id: wDecade, plural: true},
	{word: "morning", id: wMorning}, {word: "afternoon", id: wAfternoon},
	{word: "evening", id: wEvening}, {word: "night", id: wNight},

	{word: "a", id: wNumber, val: 1}, {word: "an", id: wNumber, val: 1},
	{word: "one", id: wNumber, val: 1}, {word: "two", id: wNumber, val: 2},
	{word: "three", id: wNumber, val: 3}, {word: "four", id: wNumber, val: 4},
	{word: "five", id: wNumber, val: 5}, {word: "six", id: wNumber, val: 6},
	{word: "seven", id: wNumber, val: 7}, {word: "eight", id: wNumber, val: 8},
	{word: "nine", id: wNumber, val: 9}, {word: "ten", id: wNumber, val: 10},
	{word: "eleven", id: wNumber, val: 11}, {word: "twelve", id: wNumber, val: 12},
	{word: "thirteen", id: wNumber, val: 13}, {word: "fourteen", id: wNumber, val: 14},
	{word: "fifteen", id: wNumber, val: 15}, {word: "sixteen", id: wNumber, val: 16},
	{word: "seventeen", id: wNumber, val: 17}, {word: "eighteen", id: wNumber, val: 18},
	{word: "nineteen", id: wNumber, val: 19}, {word: "twenty", id: wNumber, val: 20},
	{word: "thirty", id: wNumber, val: 30}, {word: "forty", id: wNumber, val: 40},
	{word: "fifty", id: wNumber, val: 50}, {word: "sixty", id: wNumber, val: 60},
	{word: "seventy", id: wNumber, val: 70}, {word: "eighty", id: wNumber, val: 80},
	{word: "ninety", id: wNumber, val: 90},

	{word: "this", id: wThis}, {word: "last", id: wLast}, {word: "next", id: wNext},
	{word: "past", id: wPast}, {word: "coming", id: wComing},
	{word: "previous", id: wPrevious}, {word: "following", id: wFollowing},
	{word: "current", id: wCurrent},
	{word: "early", id: wEarly}, {word: "mid", id: wMid}, {word: "late", id: wLate},
	{word: "earlier", id: wEarlier}, {word: "later", id: wLater},
	{word: "the", id: wThe}, {word: "ago", id: wAgo}, {word: "now", id: wNow},
	{word: "before", id: wBefore}, {word: "after", id: wAfter},
	{word: "from", id: wFrom}, {word: "in", id: wIn}, {word: "on", id: wOn},
	{word: "since", id: wSince}, {word: "until", id: wUntil}, {word: "till", id: wUntil},
	{word: "by", id: wBy}, {word: "through", id: wThrough}, {word: "throughout", id: wThrough},
	{word: "during", id: wDuring}, {word: "of", id: wOf}, {word: "over", id: wOver},
	{word: "between", id: wBetween}, {word: "within", id: wOver}, {word: "around", id: wAround}, {word: "circa", id: wAround},
	{word: "for", id: wFor}, {word: "and", id: wAnd}, {word: "or", id: wOr},
	{word: "to", id: wTo}, {word: "as", id: wAs}, {word: "fiscal", id: wFiscal},
	{word: "spring", id: wSeason}, {word: "summer", id: wSeason},
	{word: "autumn", id: wSeason}, {word: "fall", id: wSeason}, {word: "winter", id: wSeason},

	{word: "will", id: wWill}, {word: "shall", id: wWill}, {word: "ll", id: wWill},
	{word: "going", id: wWill}, {word: "scheduled", id: wWill}, {word: "expected", id: wWill},
	{word: "upcoming", id: wWill}, {word: "planned", id: wWill}, {word: "plans", id: wWill},
	{word: "planning", id: wWill}, {word: "could", id: wWill}, {word: "would", id: wWill},
	{word: "might", id: wWill}, {word: "should", id: wWill},
	{word: "set", id: wSet}, {word: "due", id: wDue},
	// intentions, future before "to": "hopes to sign on Friday"
	{word: "hope", id: wSet}, {word: "hopes", id: wSet}, {word: "hoping", id: wSet},
	{word: "aim", id: wSet}, {word: "aims", id: wSet}, {word: "aiming", id: wSet},
	{word: "intend", id: wSet}, {word: "intends", id: wSet}, {word: "intending", id: wSet},
	{word: "seek", id: wSet}, {word: "seeks", id: wSet}, {word: "seeking", id: wSet},
	{word: "want", id: wSet}, {word: "wants", id: wSet}, {word: "wanting", id: wSet},
	{word: "be", id: wBe}, {word: "is", id: wIs}, {word: "are", id: wIs},
	{word: "said", id: wSaid}, {word: "was", id: wSaid}, {word: "were", id: wSaid},
	{word: "had", id: wSaid}, {word: "told", id: wSaid}, {word: "did", id: wSaid},
	{word: "announced", id: wSaid}, {word: "reported", id: wSaid},

	{word: "good", id: wHoliday}, {word: "black", id: wHoliday}, {word: "super", id: wHoliday},
	{word: "cyber", id: wHoliday}, {word: "ash", id: wHoliday}, {word: "holy", id: wHoliday},
	{word: "easter", id: wHoliday}, {word: "palm", id: wHoliday}, {word: "maundy", id: wHoliday},
	{word: "bloody", id: wHoliday},
}...)

// calendarWords returns the lexicon entries of the months, each name
// followed by its abbreviations, and of the weekdays. Weekdays are read in
// full only: news style writes them so, and "Sun", "Wed" and "Sat" are
// words of their own.
func calendarWords() []entry {
	var ws []entry
	for m := time.January; m <= time.December; m++ {
		ws = append(ws, entry{word: calendar.MonthName(m), id: wid(m)})
		for _, a := range calendar.MonthAbbrevs(m) {
			ws = append(ws, entry{word: a, id: wid(m), abbr: true})
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		ws = append(ws, entry{word: calendar.WeekdayName(d), id: wSunday + wid(d)})
	}
	return ws
}

// The lexicon is looked up by a perfect-enough key: the word's length and
// its first two letters, packed in bits, select a chain of at most a few
// entries, so that the common case, a word that is not in the lexicon,
// costs a few bit operations and one load.
const (
	minKeyLen = 2
	maxKeyLen = 10
	keys      = 16 << 10 // lengths below 16, 5 bits for each letter
)

// lexicon is the lookup table of words.
type lexicon struct {
	table [keys]uint8 // entry index + 1, 0: none
	chain [256]uint8  // next entry index + 1 with the same key
	a     uint8       // entry index + 1 of "a"
	// trigger marks the keys of the words up to lastTrigger, so that the
	// scan skips "the", "of" and the other frequent words of the lexicon
	// without comparing them.
	trigger [keys]bool
}

var lex = newLexicon()

func newLexicon() *lexicon {
	if len(words) > 255 {
		panic("dates: lexicon too large")
	}
	l := new(lexicon)
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i].word
		if len(w) == 1 {
			l.a = uint8(i + 1)
			continue
		}
		k := key(w)
		l.chain[i] = l.table[k]
		l.table[k] = uint8(i + 1)
		if words[i].id <= lastTrigger {
			l.trigger[k] = true
		}
	}
	return l
}

// key maps a word of minKeyLen to maxKeyLen ASCII letters to its table
// slot. A letter's low five bits tell it from the others whatever its case.
func key(w string) int {
	return (len(w)<<10 | int(w[0]&31)<<5 | int(w[1]&31)) & (keys - 1)
}

// mayTrigger reports whether w, a run of ASCII letters, may be a word
// that heads a date expression; lookup tells for sure.
func mayTrigger(w string) bool {
	return len(w) >= minKeyLen && len(w) <= maxKeyLen && lex.trigger[key(w)]
}

// lookup returns the lexicon entry of w, a run of ASCII letters, compared
// without regard to case, or nil.
func lookup(w string) *entry {
	if len(w) < minKeyLen || len(w) > maxKeyLen {
		if len(w) == 1 && w[0]|0x20 == 'a' {
			return &words[lex.a-1]
		}
		return nil
	}
	for i := lex.table[key(w)]; i != 0; i = lex.chain[i-1] {
		e := &words[i-1]
		if equalFold(w, e.word) {
			return e
		}
	}
	return nil
}

// equalFold reports whether the ASCII letters w equal the lower-case word.
func equalFold(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}
