// Package extract is the newsflow stage that finds who and what an article
// is about: people, organisations and places (package [ner], with the
// knowledge of package [gazetteer]), dates resolved against the
// publication time (package [dates]), and who said what (package
// [quotes]), all with exact byte offsets into the cleaned text.
//
// # The Doc
//
// [Stage.Process] reads d.Text, d.Title, d.PublishedAt and d.Language of
// the [pipeline.Doc], and writes d.Entities, d.Dates and d.Quotes. Text in a
// language other than English gets no entities, dates or quotes (the rules
// are English ones) and a warning saying so; text of undetermined language
// is tried as English.
//
// # The headline
//
// The title is part of the article: its entities are found too, and their
// mentions, with Field "title" and offsets into the title, join the
// entities of the text they name (same canonical name or place, the same
// spelling, or a person's surname). Headlines are often capitalised
// throughout, so a name only the headline has becomes an entity only when
// the gazetteer knows it.
//
// # Failures
//
// Each part is optional: a part that fails (a bug on some input) records a
// warning and the others go on; the article is never rejected by this
// stage.
//
// # Quotes and speakers
//
// A quote's speaker mention is linked to the entity mentioned there; a
// pronoun ("she said") to the last person named before the quote whose
// first name does not contradict it; a nominal ("the ministry") to the
// organisation named in it, if any. An unresolved speaker keeps the text
// that introduced the quote as [event.Quote.SpeakerName].
package extract
