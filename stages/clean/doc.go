// Package clean is the first newsflow stage: it turns an article's body,
// plain text or HTML, into clean plain text and finds its word count and
// language.
//
// # The Doc
//
// [Stage.Process] reads d.Body, d.ContentType, d.InputLanguage and
// d.Title of the [pipeline.Doc], and writes:
//
//   - d.Text: the cleaned text, paragraphs separated by "\n\n";
//   - d.WordCount;
//   - d.Language: code, confidence and method;
//   - from an HTML page's metadata (package [htmlmeta]: JSON-LD, <meta>,
//     the URL, a dateline), only what the article lacks: d.Title,
//     d.Authors, and d.PublishedAt with d.PublishedSource when the
//     publication time was the message's; and d.SiteName and
//     d.CanonicalURL;
//   - d.Warnings, through d.Warn("clean", ...).
//
// An article with no text left after cleaning is rejected with
// [pipeline.Reject]([ReasonEmptyText], [ErrEmptyText]): it goes to the
// dead-letter subject "<dlq-prefix>.empty_text"; binary data with
// [ReasonNotText] ("not_text"). The only other error is the context's,
// checked every 64 KiB of input so that a stage timeout stops work on a
// large body promptly.
//
// # Input kind
//
// The body is HTML when the content type's media type is text/html or
// application/xhtml+xml, or, when there is no content type, when the body
// (after white space and byte order marks) starts with "<!--" or with a
// tag that starts HTML documents or article markup: <!doctype html,
// <html, <head, <body, <p, <div, <article, <section, <h1 and the others of
// the WHATWG MIME sniffing list, followed by white space, '>' or '/'. Any
// other content type is plain text.
//
// # HTML: main text
//
// An HTML page is parsed once (golang.org/x/net/html) and its main text
// found by github.com/markusmobius/go-trafilatura, chosen on the
// article-extraction benchmark (181 news pages), which "newsflow eval
// clean" scores: with its own fallbacks off it scored higher, and ran
// faster, than with them on, and higher than codeberg.org/readeck/
// go-readability/v2 alone. Navigation, share buttons, related links, cookie
// notices and comments are left out by the extractor; what never shows in
// a browser (<template>, the hidden attribute) is removed before it runs.
// Its output tree is rendered with the block rules below, so paragraphs
// survive. Post-processing, each step kept because it raised F1 on the
// benchmark: headings before the first text (headline, standfirst) are
// dropped, as is a first block that repeats the title (or its start,
// without a "| Site" suffix). Dropping repeated blocks, copyright
// lines or a trailing list of short lines each lowered F1 (recall fell
// more than precision rose) and is not done. When the extractor finds
// fewer than 250 characters it falls back on the page's body or JSON-LD
// articleBody; when that last resort is the page's whole text, it is
// taken as lines.
//
// # HTML: a second opinion
//
// A main text that looks wrong is checked against a second extractor,
// the readability algorithm of Firefox's reader view
// (codeberg.org/readeck/go-readability/v2), as trafilatura does with its
// fallbacks but on the pages that need it only. It looks wrong when it
// has fewer words than a tenth of the page's visible text (a caption, a
// teaser, a language menu kept instead of the article), when more than
// half of its words are link text (comments, related stories), or when it
// is the page's whole visible text (the extractor's last resort: it found
// no article). The second extractor's text replaces it when it has 100
// characters or more, at most half of them link text, and, for each case
// in turn: at least twice the words (or the first found nothing); less
// than half the first's share of link text; at most half the words of the
// whole page. The rule is in fallback.go; "newsflow eval clean" measures
// it.
//
// # HTML: an article in several containers
//
// Some pages hold their article in sibling containers, one per run of
// text between advertisements; an extractor takes one. The chosen text's
// first paragraph is found in the page, and the later siblings of its
// nearest ancestor that share that ancestor's element name and class are
// appended, each with at least 60 words, at most half of them link text
// (a paragraph inside a link is a teaser's) and none of its paragraphs
// already taken. The rule is in continuation.go.
//
// Extraction is bounded: a page over [Config.MaxHTMLBytes], nested deeper
// than [Config.MaxHTMLDepth] or with more than [Config.MaxHTMLElements]
// elements (counted in one pass of the tokenizer) is not given to the
// extractor, whose time grows faster than the page; an extraction that
// takes longer than [Config.HTMLTimeout] is abandoned (it runs on its own
// goroutine, holding one of [Config.HTMLConcurrency] slots until it ends,
// so abandoned work stays bounded); an extraction of fewer than 100
// characters is taken as a miss. In each of these cases the article keeps
// all its visible text, with a warning saying why.
//
// # HTML: all visible text
//
// The fallback reads the page with the x/net/html tokenizer, once, in time
// linear in its size. The text of text nodes is kept, except inside the
// head, elements that hold no article text (script, style, noscript,
// template, svg, math, iframe, object, canvas, audio, video, noembed,
// noframes, select, textarea) and the page's chrome (nav, aside, footer,
// and a div whose id or class names a footer). Block elements (p, div, br, h1-h6, li, tr,
// section, article, blockquote, pre, table, header, footer, figure and
// the like) break paragraphs; table cells are separated by a space; other
// HTML white space is a space, except inside pre, where each line break
// breaks a paragraph. Character references are decoded. The text then
// goes through the same normalisation as plain text.
//
// # Binary data and encodings
//
// A body whose first 4 KiB hold more than 2% control characters or
// undecodable bytes (and at least 8) is binary data sent as an article (a
// compressed file, a PDF) and is rejected with ReasonNotText. The body of
// a message is UTF-8 already; [DecodeBytes] turns the bytes of a file or a
// download into UTF-8 (BOM, declared charset, UTF-8 when valid, <meta>
// declarations, else Windows-1252), for the callers that read them.
//
// # Normalisation
//
// In one pass over the text:
//
//   - Invalid UTF-8 is replaced: each run of bytes that are not valid
//     UTF-8 becomes one U+FFFD.
//   - Removed: the C0 controls other than line breaks and tab, including
//     NUL; DEL; the C1 controls; U+FEFF (byte order mark, zero width
//     no-break space), U+200B (zero width space), U+2060 (word joiner) and
//     U+00AD (soft hyphen). Kept: U+200C and U+200D (zero width non-joiner
//     and joiner), which some scripts and emoji sequences need, and the
//     bidirectional marks.
//   - Line breaks: "\r\n", "\r", "\n", and the breaks Unicode (UAX #14)
//     makes mandatory, VT, FF, NEL and U+2028, end a line; U+2029 ends a
//     paragraph.
//   - White space: tab, NBSP (U+00A0), U+1680, U+2000-U+200A, U+202F,
//     U+205F and U+3000 become an ASCII space; a run of spaces becomes
//     one; lines are trimmed.
//   - Typographic quotes, apostrophes and dashes are kept as they are:
//     they carry meaning (a closing quote ends a quotation) and later
//     stages read them.
//   - The result is in Unicode NFC. Text made only of runes that are in
//     NFC on their own and cannot combine with the rune before them (all
//     of ASCII, Latin-1, most letters of most alphabets, the common
//     punctuation) is NFC already: the check is skipped for it and costs
//     nothing; other text gets the quick check and, where needed, the
//     normalisation of the part after the first problem.
//
// # Paragraphs
//
// In the output, paragraphs are separated by exactly "\n\n": no other line
// break remains, and there is no white space at the start or end. A
// paragraph break in the input is a blank line (or one of only removed
// characters), U+2029, a line indented by two or more columns (a space
// counts one, a tab two: wire copy marks paragraphs so), a list item (a
// line starting with a bullet - * • – — ▪ ◦ · or a one- or two-digit number
// with '.' or ')', then a space), or any other line break when the text
// is not hard-wrapped.
//
// A text is hard-wrapped, broken into lines at a fixed width as wire copy
// and e-mail are, when
//
//   - it has at least 3 non-blank lines,
//   - none of them is longer than 100 runes,
//   - at least 2 of them are open: 30 runes or longer and not ending a
//     sentence, and
//   - at least half of the lines of 30 runes or longer are open.
//
// A line ends a sentence when its last character, ignoring closing quotes
// and brackets, is one of . ! ? : … or the ideographic full stop,
// exclamation or question mark. Shorter lines (headings, datelines, table
// rows, sign-offs) are not counted, so a list of short lines is never
// taken for wrapped text, and a single open line is more likely a heading.
// Within a paragraph of hard-wrapped text, a line break after a line of 30
// runes or longer becomes a space; after a shorter line, which stopped
// well short of the width, it is a paragraph break. A hyphen at the end of
// a joined line is kept and followed by a space: it cannot be told from a
// hyphen that belongs to the word.
//
// Because the output has no single line break, indentation or list
// marker at a line start that is not already a paragraph start, cleaning
// clean text changes nothing: Process is idempotent on plain text.
//
// # Size
//
// Text longer than [Config.MaxTextBytes] is cut at the last paragraph
// break before the limit, or, if that would drop more than half of it, at
// the last character boundary, and the article is kept with a warning.
// Input is read only up to twice the limit.
//
// # Word count
//
// A word is a maximal run of letters, numbers and combining marks (a mark
// never starts one), where a single apostrophe (' or ’), hyphen (-, U+2010,
// U+2011), period, comma, middle dot, or zero width (non-)joiner between
// two letters or numbers does not break it: "don't", "U.S", "3.5",
// "1,750", "tete-a-Tete" are one word each. Each Han, Hiragana or Katakana
// character counts as one word. Scripts written without spaces and
// without ideographs (Thai, Lao, Khmer, Myanmar) are undercounted: a run
// between spaces counts once.
//
// # Language
//
// A declared language (d.InputLanguage) is used when its primary subtag,
// the part before '-' or '_', is 2 or 3 ASCII letters: method "input",
// confidence 1. The code is lowercased and canonicalised so that one
// language gets one code: ISO 639-2 codes of the languages below become
// their ISO 639-1 code ("eng" is "en"), "nb" becomes "no", and the
// withdrawn "iw", "in", "ji" become "he", "id", "yi". An invalid declared
// language is ignored with a warning; "und" is ignored silently. Then an
// HTML page's <html lang> (or Content-Language) is used in the same way
// (method "html"), checked against detection: pages declare their
// template's language, so a detection of confidence 0.8 or more that
// disagrees wins, with a warning. Otherwise the language is detected
// (method "detected") from the first [Config.DetectBytes] of the text.
// Text of fewer than [Config.MinDetectWords] words, or without letters, is
// "und" with confidence 0.
//
// Detection reads the text once. It counts the letters of each script, and
// splits the text into words (runs of letters and marks; apostrophes split
// them, so French "l'homme" gives "l" and "homme"; Arabic vowel signs are
// skipped), which it lowercases into a fixed buffer and looks up in
// stop-word lists of about 40 to 65 of each language's most frequent
// function words (stopwords.txt). The dominant script decides first; a
// text whose letters are mostly of scripts not named below is "und":
//
//   - Han with kana (at least 5% of the CJK letters) is "ja", Han alone
//     "zh"; Hangul is "ko", Greek "el", Hebrew "he", Thai "th", Georgian
//     "ka", Armenian "hy", and each other script written mostly in one
//     language gives that language (Bengali "bn", Tamil "ta" and so on).
//     The confidence is the script's share of the letters, times the
//     fraction of 24 letters seen (capped at 1).
//   - Latin (en, de, fr, es, it, pt, nl, sv, da, no, fi, pl, cs, ro, tr,
//     id, hu), Cyrillic (ru, uk, bg, sr), Arabic (ar, fa, ur) and
//     Devanagari (hi) are decided by their stop words. Each word on a
//     language's list is a hit for it; so is each word containing one of
//     the language's distinctive letters (ß for German, і ї є ґ for
//     Ukrainian, ъ for Bulgarian, پ چ ژ گ for Persian and Urdu, ے ں ہ for
//     Urdu, and so on). A word or letter shared by k languages gives each
//     of them 1/k of a hit, so that words common to many languages ("a",
//     "in") weigh little. The language with most hits wins; with fewer
//     than 2 hits, or a tie, the text is "und".
//
// For the stop-word scripts the confidence is
//
//	share × min(1, s1/8) × (1 − (s2/s1)²)
//
// where share is the script's share of the letters, s1 the winner's hits
// and s2 the runner-up's: it grows with the evidence, saturating at 8 hits
// (a sentence or two), and with the margin over the runner-up, squared so
// that a clear lead (s2 a quarter of s1 gives 0.94) is not penalised much
// while a near tie is. Confidences are rounded to two decimals. Reading
// stops early, at a 256-byte step, once the leader has 40 hits and four
// times the runner-up's: more text would not change the answer.
//
// The method is built for speed on news text, where function words are
// plentiful: it allocates nothing, and BenchmarkDetectLanguage measures
// it. It does not tell apart languages that are not on its lists (a
// Slovak or Croatian text gets the closest listed language or "und").
package clean
