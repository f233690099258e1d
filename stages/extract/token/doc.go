// Package token splits English news text into tokens and sentences, the
// base on which entity, date and quote extraction read a text.
//
// A [Tokenizer] reads the text once, left to right, looking at most a few
// bytes ahead; it uses no regular expression and no map, and once its
// buffers have grown it allocates nothing. Tokens carry byte offsets into
// the text, so that text[tok.Start:tok.End] is the token exactly, and
// flags that later stages would otherwise recompute: case, abbreviation,
// quotation side, paragraph and sentence starts.
//
// The text is expected as the clean stage writes it (NFC, single spaces,
// paragraphs separated by "\n\n", typographic quotes kept), but any string
// is read without panic, invalid UTF-8 included.
//
// # White space and paragraphs
//
// White space is the ASCII space, tab and line breaks and every Unicode
// White_Space rune; it is never part of a token and a token's
// [SpaceBefore] flag says that some precedes it (the first token has it
// too). A line break ("\n", "\r", vertical tab, form feed, U+0085, U+2028,
// U+2029), or a run of them, ends a paragraph: clean text has no line
// break but the "\n\n" between paragraphs, and in any other text a line is
// taken as a paragraph of its own. The first token of a paragraph has
// [ParagraphStart]; paragraphs are numbered from 0, counting those that
// hold a token.
//
// # Words
//
// A word is a maximal run of letters, combining marks and digits, in which
// the zero-width joiner and non-joiner (U+200D, U+200C) may follow the
// first rune. It breaks at every other rune: a hyphen or dash is a Punct
// token of its own, so "Russia-Ukraine" is "Russia", "-", "Ukraine" (the
// last two without SpaceBefore) and "tete-a-tete" is five tokens. An
// apostrophe (' or ’) between a letter or digit and a letter stays in the
// word, so "O'Brien", "don't", "they’re" and "rock'n'roll" are one token
// each, except for the possessive clitic below. [Upper] is set when the
// first letter is upper or title case, [AllUpper] when all of at least two
// letters are upper case ("NATO", "U.S."; not "A", not "G7").
//
// The possessive clitic is a token of its own, a [Word] with [Possessive]:
// "'s" or "’s" after a word or number when no letter or digit follows
// ("Trump’s" is "Trump", "’s"; "Inc.'s" is "Inc.", "'s"), and a bare ' or ’
// after a word ending in "s" when no letter or digit follows ("Jones'"),
// unless a single quotation is open in the paragraph, which it then
// closes ("‘cats’"). Contractions of "is" and "has" ("it's", "he’s")
// cannot be told from possessives by their letters and are split the
// same way; the other contractions ("don't", "we'll") stay whole.
//
// # Numbers
//
// A run that holds digits and in which no digit follows a letter is a
// [Number]: "3", "2017", and with a letter suffix "21st", "1990s", "5G",
// "10am". A letter before a digit makes a Word ("G7", "MH17", "4x4").
// Inside a number made only of digits so far, a separator joins the next
// digits when it is
//
//   - a period before a digit: decimals and dotted numbers ("5.93",
//     "192.168.0.1");
//   - a comma before exactly three digits, after a group of at most three
//     and before any decimal point: thousands ("1,750", "155,221",
//     "1,000,000.5"), but "2017,2018" stays three tokens;
//   - a colon before exactly two digits, after a group of one or two:
//     times ("6:12", "06:12:30").
//
// Anything else splits: ranges at their dash ("2017-2018" is "2017", "-",
// "2018"), percentages and currencies at their sign ("5", "%"; "$", "5").
// An apostrophe before two digits and an "s", after white space, is an
// elided decade and part of the Number ("’90s").
//
// # Abbreviations and initials
//
// A word followed by a period takes the period, with [Abbrev], when it is
//
//   - a dotted abbreviation: single letters each followed by a period, at
//     least two ("U.S.", "U.K.", "D.C.", "U.S.A.", "a.m.", "p.m.", "e.g.",
//     "i.e.", "J.P."), and "Ph.D.";
//   - an initial: a single upper-case letter ("J."), which has [Initial]
//     too;
//   - one of the built-in abbreviations, matched with their case: titles
//     (Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Gov Sen Rep Pres Lt Col Capt
//     Sgt Maj Adm Brig Cmdr Cpl Pvt Supt Det Insp Amb Atty Hon Rev Fr Msgr
//     St Ste Mt Ft and plurals), which have [Title] too; months (Jan Feb Mar
//     Apr Jun Jul Aug Sep Sept Oct Nov Dec); company and name suffixes (Inc
//     Corp Co Cos Ltd Bros Plc Jr Sr, and INC CORP LTD PLC BROS); the AP
//     abbreviations of US states (Calif Fla Ill Mass Wash and the others);
//     Ave Blvd Rd Dept Univ Assn Govt; etc vs Vs approx al cf;
//   - "No", "Nos", "Vol", "Art", "Fig", "Sec", "Ch" or "pp" followed by a
//     number, with or without a space ("No. 10"); otherwise "No." is a word
//     and a period.
//
// A period followed by another period is never taken: "etc..." is "etc"
// and an ellipsis. A lower-case single letter with a period ("a.") is a
// word and a period. Jr. and Sr. come after a name and often end a
// sentence, so they are not treated as titles.
//
// # Punctuation, quotes and symbols
//
// Each punctuation rune is a [Punct] token, except a run of periods, which
// is one ("..."); "…" is one rune. Quotation marks are [Quote] tokens with
// exactly one of [OpenQuote] and [CloseQuote]:
//
//   - “ ‘ « „ ‚ ‹ ‛ ‟ open; ” » › close;
//   - ’ is an apostrophe inside a word, a possessive clitic or the start
//     of an elided decade as above, and otherwise a closing quote, even
//     before a word ("’Tis" starts with a closing quote): the opening
//     single quote of English is ‘;
//   - a straight " or ' (not an apostrophe inside a word or a possessive)
//     opens when white space, the start of the text, an opening bracket
//     ( [ {, an opening quote or a dash (- – —) precedes it and a non-space
//     follows it; otherwise it closes.
//
// $ € £ ¥ % & @ # * + = < > ^ ` | ~ \ and the other Unicode symbols are
// [Symbol] tokens, one rune each, as are control characters and anything
// that is neither letter, number, punctuation nor white space. Each byte
// of invalid UTF-8 is a Symbol of one byte.
//
// # Sentences
//
// Every token belongs to exactly one sentence; sentences follow each other
// without gaps in the token list. A sentence ends
//
//   - at a line break, always: headlines, datelines and captions have no
//     final punctuation;
//   - after a terminal — ".", a run of periods, "!", "?" or "…" — and the
//     closing quotes and brackets that follow it with no space between
//     (") ] } ” » ›", ’ and a closing " or '), when white space and a
//     token that can start a sentence follow: a word with Upper, a
//     Number, a Symbol ("$5"), an opening quote, or "(" or "[". So "…
//     agreement.” The" ends after the closing quote, "“Stop!” he said"
//     does not end at all, and "(He came back.) Then" makes the
//     parenthesis a sentence of its own;
//   - after an abbreviation that is not a title or an initial (a dotted
//     one, "Inc.", "Jan.", "etc."), whose period is also the sentence's,
//     only when the next token is one of the words that open English
//     sentences and are almost never names (A An The This That These
//     Those There Then Here It Its He She His Her They Their Them We Our I
//     My You Your In On At By For From To With Without Of After Before
//     During Since Until Under Over And But Or So Yet Nor If As When While
//     Where Why How What Who Which Whether Although Though Because However
//     Meanwhile Moreover Still Also Now Today Yesterday Last Next Earlier
//     Later Despite Instead Nevertheless Already According Some Many Most
//     All Both Each Every Other Another Such No Not One Several Few).
//     Titles are not among them, for "U.S. Sen. Smith". "in the U.S. The
//     President" is two sentences; "the U.S. President" and "Jan. 5" are
//     one;
//   - never after a title ("Dr. Smith", "St. Petersburg", "Gov. Brown") or
//     an initial ("J. K. Rowling"), whatever follows.
//
// A quotation that runs over several sentences is split with them; the
// sentence that ends inside it ends after its closing mark when the mark
// follows the terminal directly.
//
// # Cost
//
// [Tokenizer.Tokenize] looks at each byte a bounded number of times (no
// rule looks more than a few bytes ahead or back), so its time is linear
// in the text. Tokens are 12 bytes without pointers; a Tokenizer's slices
// grow to the largest text it has read and are reused, so a warm Tokenizer
// allocates nothing. Abbreviations and openers are looked up with switches
// on strings, and only for a word followed by a period or after an
// abbreviation. The benchmarks in the tests measure a 3 KB article and 1
// and 2 MB of unpunctuated text.
//
// # Limitations
//
// The rules are those of English news. Sentences that end with a title or
// an initial ("… of Plan B. The") are not ended; a sentence that ends in
// an abbreviation before a capitalised word that is not an opener ("…
// in the U.S. Officials said") is not ended either, nor is one followed by
// a word in a script without case. URLs, e-mail addresses and domain
// names are split at their punctuation. A ' or ’ that closes a quotation
// after a word ending in "s" is read as a possessive unless the
// paragraph opened a single quotation; ’ used as an opening quote is read
// as a closing one.
package token
