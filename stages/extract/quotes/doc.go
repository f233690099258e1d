// Package quotes finds the direct quotations of a cleaned English news text
// and the mention of who said each one.
//
// [Find] reads text as the clean stage writes it (NFC, single spaces,
// paragraphs separated by "\n\n", typographic marks as written) and
// appends a [Quote] per quotation: its span without the marks, the speech
// verb and the speaker mention, all as byte offsets into the text. The
// speaker is a span of text ("Levitt", "She", "the Kremlin"); the stage
// that also has the entities links it to one and resolves pronouns.
//
// # Quotation marks
//
// “…”, "…", ‘…’, '…', «…», »…«, „…“ and ‚…‘ are read. Double marks of
// every style close one another, because sloppy text mixes them (“…"
// or "…“), and so do single marks; guillemets pair only with each other.
// Where a mark stands decides what it does: it opens after white space,
// an opening bracket, a dash, a slash or another quotation mark, when
// something follows; it closes after something and before white space,
// punctuation or the end. A mark between two letters is an apostrophe
// (don’t, O'Brien), and so is ’ where it would open (’Tis) and a single
// mark before a digit (’90s). „ and ‚ always open; ” closes after
// anything but white space, and opens only where no double quotation is
// open.
//
// Inside an open quotation a mark of the other family opens a nested one
// (‘…’ inside “…”, or “…” inside ‘…’ in British style); only top-level
// quotations are reported, nested ones stay inside their text. Nesting
// deeper than four is ignored. A second opening double mark while a
// double quotation is open means the first was never closed: it ends
// there. A single closing mark after an s and before a lower-case word
// (“the Joneses’ car”) is a possessive unless no later mark closes the
// quotation.
//
// A quotation still open at the end of its paragraph is closed there with
// [Quote.Closed] false, if it is a double quotation or guillemets. An
// unclosed single quotation is dropped: an opening ' or ‘ without a
// closing one is more often an apostrophe ('til, rock 'n' roll) than a
// quotation. Marks around nothing but spaces and punctuation are dropped.
// Any line break ends a paragraph, so text with single line breaks works
// too.
//
// # Quotations over several paragraphs
//
// News style leaves a quotation open at the end of a paragraph and reopens
// it at the start of the next. Such parts are not joined into one span (it
// would hold the paragraph break and the reopening mark, and Start, End
// exclude marks): each paragraph's part is its own Quote, the earlier ones
// with Closed false, the later ones with [Quote.Continues] true, and they
// share one attribution, whichever part has it. When the next paragraph
// instead closes the quotation before opening anything (the reopening mark
// is missing), the text from the paragraph's start to that mark is the
// continuation; its MarkStart equals Start.
//
// # Scare quotes, names and titles
//
// Quotation marks also set off scare quotes, names, titles and words
// mentioned as words. The GUM corpus marks these <q> and keeps <quote> for
// the speech or writing of someone, including fragments of one word
// governed by a speech verb (has called the sentence “dangerous”, said her
// party has backed the idea “for months”). The rules follow it:
//
//   - A quotation of one to three words is kept only if a speech verb
//     governs it: an attribution is found for it, a speech verb comes
//     earlier in its sentence, or one follows within eight words in its
//     sentence. Otherwise it is a scare quote (awarded a medal for
//     “courageous achievement”).
//   - Capitalised words are a name or a title and are dropped: two or
//     more capitalised words with nothing in lower case but function words
//     (the robot “Better Idea of Afghan Girls”), or one capitalised word
//     not ending in punctuation (the “History” section).
//   - A quotation after a word that introduces words or names (the word,
//     term, phrase, name; dubbed, named, titled, labelled, known as) is
//     dropped.
//   - A quotation without sentence-final punctuation followed by a dash and
//     a capitalised word is a cited title (“Headline” — Publisher, date)
//     and is dropped.
//
// [Quote.Partial] is set for a fragment woven into the writer's sentence:
// the opening mark follows a word and the quotation starts in lower case
// (called it a “final peace agreement”), and for every kept quotation of
// one to three words except one that opens with a capital after
// punctuation (“We won,” he said).
//
// # Sentences
//
// A sentence ends at '.', '!', '?' or '…' (closing brackets or marks may
// follow) when a capital, a digit, an opening mark or a line break comes
// next; not after an abbreviation (Mr., Gen., Jan.) nor an initial or
// initialism (J., U.S.), unless a capitalised function word follows
// ("Washington D.C. The team"). A paragraph break ends a sentence unless
// the paragraph ends with a colon or a comma ("Obama tweeted:" before a
// quoted paragraph). A quotation is one unit in its sentence: the
// sentences inside it do not count, but one ending in '.', '!' or '?'
// before a capital ends its sentence.
//
// # Speech verbs
//
// The cues are speech verbs in all their forms as written in lower case
// (say, told, added, stated, noted, asked, explained, wrote, tweeted,
// announced, insisted, warned, argued, claimed, confirmed, denied,
// replied, called, described, urged, recommended, continued and others;
// see lexicon.go) and reporting phrases: "according to" and "in the words
// of", whose speaker follows, and "in a statement", "in an interview",
// "in a tweet" and the like, used only where no verb is. A verb form that
// is more often a noun (claims, reports, calls, notes, reads) counts only
// after a subject-like word (a name, a pronoun, "officials"); a verb after
// a form of "be" (was told, is said) is a passive and does not count.
//
// # Attribution
//
// For each quotation, the first of these that applies gives the verb and
// the speaker:
//
//  1. A dash after it and a name: “…” — Barack Obama (no verb).
//  2. For a partial quotation, the last cue of its sentence before it.
//  3. When it ends with ',', '?' or '!', a comma follows it, or it opens
//     its sentence without ending it: “…,” X said, with at most twelve
//     words between subject and verb, adverbs or an appositive set off by
//     a comma (“…,” Khaled Al-Maeena, editor at large at the Saudi
//     Gazette, said); or “…,” said X, with a verb that may precede its
//     subject (said, added, wrote; not told or called).
//  4. The last cue of its sentence before it: X said: “…”, X said that …
//     “…”, according to X, “…”, X told reporters “…”. A cue before an
//     earlier quotation of the same sentence governs the later ones
//     (called it “dangerous” and “ideological”), and a verb without a
//     subject of its own takes the subject found earlier in the sentence
//     (“…”, and told the police, “…”).
//  5. The previous quotation's, when at most one sentence boundary and one
//     paragraph break lie between them and this one opens its sentence or
//     shares the previous one's (boundaries with no words between them,
//     as in "said.\n\n", count once). [Quote.Inherited] is set.
//  6. When it opens its sentence, the attribution of the sentence just
//     before, if that has a speech verb and a subject: Heald noted the
//     findings. “An air-quality cleanup would…” Inherited is set.
//
// # Speaker mentions
//
// The subject of a verb is the noun phrase before it, past adverbs and
// auxiliaries (he also said, Smith has told), read leftwards at most
// eight words: capitalised words, name particles (of, de, al-, van), role
// words, nouns that speak on their own (officials, police, the ministry),
// possessives and lower-case modifiers, up to a determiner. The phrase is
// then split: its trailing run of capitalised words after the last title
// is the name (Kind Name), and the words before, when they hold a role or
// title, are the role (RoleStart, RoleEnd): "Kremlin spokesman Dmitry
// Peskov", "White House Press Secretary Karoline Leavitt". After a title
// and "of", the last two words are the name ("Secretary of State Marco
// Rubio"). Without a name the phrase is Nominal if it has a determiner or
// ends in a noun that speaks ("the spokesman", "Russian officials"); a
// determiner and a name without role is Nominal too ("the Kremlin"). One
// step over "for" or "of" to a role noun widens it: "a spokesman for the
// ministry". At a sentence start a capitalised common word is read in
// lower case ("The", "Officials", "Yesterday"); capitals-only words are
// names ("US", "KCNA"); "I" is a pronoun and "i" is not.
//
// When a comma stands before the verb, the subject is a name or pronoun
// opening the sentence and followed by a comma, else a name set off by
// the commas, else the phrase before the previous comma, else the phrase
// opening the sentence. After an inverted verb, "according to" or a dash
// the speaker phrase is read rightwards the same way. Pronouns (he, she,
// they, it, I, we, you and their object forms) are returned as Pronoun.
//
// # Cost
//
// The marks are paired in one pass. Each top-level quotation waits until
// the next one is found, because the text between them holds the first
// one's attribution and the second one's sentence; that text is read once
// for sentence boundaries and cues, and once more, a bounded number of
// words, for an attribution after the first quotation. Speaker phrases
// are at most eight words, so the work is linear in the text whatever it
// holds. There is no regular expression and no allocation besides the
// growth of dst. BenchmarkFindArticle, BenchmarkFindLowerWords and
// BenchmarkFindOpenMarks measure a 3 KB article, 1 MB of lower-case words
// without punctuation and 1 MB of opening marks; BenchmarkFindHostile
// reads ten hostile inputs at 64 KB and 256 KB, where a reading worse
// than linear shows as a drop in throughput at the larger size.
//
// # Evaluation
//
// "newsflow eval quotes" and TestGUMQuotes run Find on the 24 GUM news
// documents and align the gold <quote> spans to their text. Recall is the
// share of gold spans found, a span counting as found when the quotations
// found cover at least half of it, marks excluded (GUM splits a quotation
// where a sentence or paragraph ends, so one Quote may cover several gold
// pieces). Precision is the share of quotations found that gold spans
// cover by half, over the documents whose quotations GUM marks. With
// --errors the command lists every missed and spurious quotation.
// Quotations with no marks in the text (block and pull quotes) cannot be
// found; quotations GUM left unmarked count against precision.
package quotes
