// Package dates finds date expressions in cleaned English news text and
// resolves them against the publication time.
//
//	refs = dates.Find(refs[:0], d.Text, d.PublishedAt)
//
// Each [event.DateRef] has exact byte offsets (text[Start:End] == Text,
// Text sharing text's memory), comes in text order and overlaps no other,
// and has a Value in ISO 8601 as precise as the text: "2025-04-11" (day),
// "2025-W15" (ISO week), "2025-01" (month), "2025" (year), with
// Granularity "day", "week", "month" or "year".
//
// # Resolution
//
// Relative dates resolve against the calendar date of pub in pub's own
// location: 2025-04-12T01:00+09:00 makes "today" 2025-04-12 although it is
// still April 11 in UTC. The caller chooses the zone by the time.Time it
// passes; the time of day is never used, so "tonight", "this morning" and
// "today" are all the publication day, and "last night" the day before.
//
// Several rules read the tense of the sentence from a few cue words
// around the date (see tense.go): "will", "would", "is to", "is due to",
// "is expected to", "hopes to", "scheduled" and the like make it future;
// "said", "was" and the like past. A bare weekday without a cue is the
// latest before the publication, as news reports what happened;
// "newsflow eval dates" scores one-sentence items of each kind.
//
// # Absolute dates
//
//   - "April 12, 2025", "12 April 2025", "April 12th", "12th of April",
//     "Apr. 12", "Sept. 3, 2024", "March 9 2014": a day. A month name
//     counts only capitalised; an abbreviation only with a day or a year.
//   - A day without a year ("April 12") is the nearest such day to the
//     publication, within six months either way, the earlier on a tie; in
//     a past-tense sentence the latest on or before the publication; in a
//     future-tense one the nearest from 31 days before the publication on,
//     as a schedule may have begun already ("is to run from January 23").
//   - "April 2025": a month. A month alone is a date only after a cue: a
//     preposition of time (in, since, until, till, by, from, through,
//     during, before, after, of, between, around, for), an edge (early,
//     mid-, late: kept in the span), a modifier (last, next, this, coming,
//     past: kept in the span), or a date it is coordinated with ("March
//     and April"). So "may discuss", "will march" and "the March for Life"
//     are not dates. A month alone is the latest such month, the
//     publication's included, or the next one in a future-tense sentence;
//     "last April" is the latest before the publication's month, "next
//     April" the first after it, "this April" the publication year's.
//   - "2025-04-12" and "2025/04/12". A numeric date with the year last is
//     read only when it is unambiguous: "25/12/2024" and "12/25/2024" are
//     December 25, "04/12/2025" is skipped.
//   - A dateline, a weekday before a full date ("Friday, July 21, 2017",
//     "Friday 21 July 2017"), is one date with the date's value; without a
//     year, a year where the day falls on that weekday is preferred.
//   - Decades ("the 1990s", "the sixties") and centuries are not found:
//     no granularity fits them.
//
// # Years
//
// Four digits from 1000 to 2199 that form a whole number (not "1990s",
// "2,017", "20.17", "2017%", "$2017", "555-2017", "2024-25") are a year
// only with a cue, because news writes many counts with four digits:
//
//   - after in, since, until, till, by, from, before, after, during,
//     through, throughout, between, year, fiscal, a season word, or an
//     edge (early, mid-, late: kept in the span);
//   - after "of" when from 1900 to 2099 or ending the clause ("10% of 2000
//     levels", "the War of 1812." but not "a survey of 1709 pupils");
//   - after "over", "around" or "circa" only as a range ("over 2000 -
//     2050"), not as a quantity ("over 2000 people");
//   - from 1900 to 2099 only: after "the" ("the 2014 protests"), after a
//     capitalised word inside a sentence ("Fan Expo Canada 2016"), or
//     alone after a comma at the end of a sentence ("from file, 2008.");
//   - coordinated with the date found just before ("1997 and 1998", "from
//     2004 to 2009", "2000-2050"). A comma alone does not coordinate: "In
//     2017, 2000 people came" has one year.
//
// So "2017 people" is a count. "the 2000 soldiers" would wrongly be a
// year: a risk taken because news style writes such counts with a
// thousands separator ("2,000").
//
// # Days relative to the publication
//
//   - "today", "tonight" (the publication day), "yesterday", "tomorrow",
//     "this morning", "last night", with a following part of the day in
//     the span ("yesterday afternoon").
//   - A weekday alone is the latest such day on or before the publication
//     (news reports the past: published on a Saturday, "Friday" is the day
//     before and "Saturday" the day itself), or in a future-tense sentence
//     the first on or after it. "last Friday" and "this past Friday" are
//     the latest strictly before, "next Monday" and "this coming Monday"
//     the first strictly after, "this Tuesday" the one in the
//     publication's ISO week. A following part of the day is kept in the
//     span ("Tuesday night").
//   - A weekday is a name, not a date, when a capitalised word follows it
//     that is not a month or a part of a day ("Sunday Times"), unless a
//     preposition of time or a modifier comes before it ("on Friday Putin
//     said"), and after a holiday word ("Good Friday", "Super Tuesday").
//     "Today", "Tomorrow" and "Yesterday" capitalised after a capitalised
//     word are names ("USA Today").
//
// # Units of time
//
//   - "this week", "last week", "next week", "this past week", "the coming
//     week" and the same with month and year, optionally after an edge
//     ("earlier this month", "later this year", "early next year"): the
//     publication's week, month or year, or the one before or after.
//   - "two days ago", "3 weeks ago", "a year ago", "[Ten] years ago",
//     "twenty-five years ago", "a decade ago", "a year from now": counted
//     back or forward from the publication at the unit's granularity (a
//     decade at year granularity; weeks are the ISO week of the day
//     reached).
//   - "in two weeks" only in a future-tense sentence: "for the first time
//     in two years" looks back over a span.
//   - Spans of time are not dates: "the past week", "the last year", "over
//     the next year", "in the coming weeks", "four-year term", "two-day
//     visit", "year-long".
//   - Weekends ("this weekend") are not found: no granularity fits them.
//
// # Dates counted from the last date found
//
// "the day before", "the previous day", "the next day", "the following
// day", "the year before", "the previous year", "two days later", "a year
// earlier" count from the last date found in the text, not from the
// publication, and only when that date is precise enough (a day for days,
// a day or week for weeks, a day or month for months, any for years);
// otherwise they are skipped. "the day before" followed by more than
// punctuation ("the day before the vote") counts from something else and
// is skipped; "the day before yesterday" and "the day after tomorrow" are
// two days from the publication.
//
// # Cost
//
// Find makes one pass over the bytes with no regular expression. Words are
// cut out of the text and looked up by their length and first two letters
// in a fixed table; only the few words and numbers that can head a date
// lead to more work, a bounded look at the words around them. Nothing is
// allocated but the growth of dst and one string holding all the values
// of a call. A [Finder] keeps its buffers between calls; the package's
// [Find] borrows one from a [sync.Pool] and is safe for concurrent use.
// BenchmarkFind3KB and BenchmarkFindFlat1MB measure a news article and a
// megabyte of unpunctuated words.
package dates
