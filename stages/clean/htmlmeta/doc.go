// Package htmlmeta reads what an article page says about itself: its
// title, authors, publication and modification dates, site name,
// canonical URL, language and description, and, for the publication
// date, where the value was found.
//
// [Extract] takes a tree from [html.Parse], which the caller parses once
// and shares with other readers (the main-text extractor): Extract only
// reads it. It visits every node once, iteratively, and
// collects every candidate value in that one walk; choosing between them
// afterwards costs nothing in the size of the page.
//
// # Sources, in order of trust
//
//  1. JSON-LD (<script type="application/ld+json">): schema.org objects
//     the publisher writes for search engines, which check them, so they
//     are the most deliberate statement a page makes. Several blocks,
//     arrays and "@graph" are read. Objects at the top of a block (or in
//     "@graph", or a "mainEntity") rank above objects nested in other
//     properties, which are usually related stories; among those, objects
//     typed as an article (NewsArticle, Article, ReportageNews,
//     AnalysisNewsArticle, OpinionNewsArticle, BlogPosting,
//     LiveBlogPosting and every other type ending in "Article") rank
//     above WebPage and ItemPage. Each field comes from the best-ranked
//     object that has it, the first in the page among equals.
//     Authors and publishers given by reference ({"@id": ...}) are looked
//     up among the page's other objects.
//  2. <meta> tags: Open Graph and article: properties for link previews,
//     then Dublin Core and the names that analytics vendors read (see
//     metatags.go for the keys and their order), and <link
//     rel=canonical>. Microdata counts as this source too: an element
//     with itemprop=datePublished, and a <time datetime> with that
//     itemprop, with a pubdate attribute, or inside an element whose
//     class or itemprop says "published" or "pubdate". Microdata
//     inside nav, aside, a page banner or a page footer (see 4) is
//     ignored: there it describes other articles.
//  3. The URL, for the publication date only: dates in the path of the
//     page's URL, else of its canonical URL, as news sites write them
//     (/2025/04/12/, /2025/apr/12/, /2025-04-12/, -20250412-, and
//     /2025/04/ for the first of the month).
//  4. The text, for the publication date only: a dateline near the
//     headline. Candidates are <time datetime> elements and the text of
//     elements whose class or id contains "date", "time", "publish",
//     "byline" or "meta", in document order, at most 16, none inside
//     nav or aside, a page banner or page footer (a header or footer
//     outside article, main and section: their ARIA roles), nor more than
//     3,000 bytes of text after the first <h1>. A date that follows
//     "Updated", "modified" or "edited" is a revision and is skipped.
//
// # Fields
//
// [Meta.Title]: the JSON-LD headline (or name), og:title, twitter:title,
// DC.title, <title>, then the first <h1>. A site name set off by " | ",
// " - ", " – ", " — ", " · " and the like at the end (or else the start)
// is removed when it equals the site name or the host name, compared
// without case, punctuation or a leading "The": a general rule, with no
// list of sites.
//
// [Meta.Authors]: JSON-LD author (strings, Person or Organization objects,
// references, arrays), then the first <meta> key that names anyone
// (author, article:author, DC.creator, parsely-author, sailthru.author,
// byl), then itemprop=author and rel=author elements, then a "byline"
// element whose text starts with "By". Bylines are split into names and
// cleaned as described on authorList.add: "By", dates and roles dropped,
// organisations kept, URLs, e-mail addresses and handles dropped,
// duplicates removed, at most 10 names of at most 100 bytes.
//
// [Meta.Published] and [Meta.Modified]: see the sources above; Modified
// comes from JSON-LD dateModified or the <meta> keys
// article:modified_time, og:updated_time, itemprop=dateModified and
// DCTERMS.modified. Dates are read as ISO 8601 and RFC 3339 in their
// common variants, RFC 1123, and English forms ("April 12, 2025", "12
// April 2025", "Apr. 12, 2025 9:00 AM ET"), and in JSON-LD and <meta> also
// as YYYYMMDD and Unix timestamps. A date without a zone is UTC; a written
// offset is kept. A date must not be later than a day after now; from
// JSON-LD and <meta> it must be after 1900 (archives of print stories
// exist), from the URL and the text after 1990, and never the Unix epoch
// day, which templates emit for a missing value.
//
// [Meta.SiteName]: og:site_name, then JSON-LD publisher.name, then
// application-name, then the name of a JSON-LD WebSite. og:site_name
// comes first although JSON-LD is otherwise more trusted: on syndicated
// copies publisher.name names the wire service and on hosted blogs the
// platform, while og:site_name is by definition the site's name. An
// og:site_name written as a slug or host name ("usatoday",
// "livescience.com") yields to the others; a URL is never a name.
//
// [Meta.CanonicalURL]: <link rel=canonical>, then og:url, then the JSON-LD
// mainEntityOfPage or url, resolved against the page's <base> and URL,
// and kept only when absolute http or https; the fragment is dropped.
//
// [Meta.Lang]: <html lang> (or xml:lang), then the Content-Language <meta>,
// then JSON-LD inLanguage, as written; only the first of a list is kept.
//
// [Meta.Description]: JSON-LD description, then the description,
// og:description and twitter:description <meta> tags.
//
// Every string is cleaned: character references decoded, invalid UTF-8
// and control characters removed, white space collapsed, trimmed, and cut
// to a bound (titles 512 bytes, descriptions 2,000, URLs 2,048).
//
// # Hostile and broken pages
//
// JSON-LD is often malformed. A block that does not decode is repaired
// once (CDATA and comment wrappers, comments, trailing commas, raw line
// breaks in strings, invalid escapes, a block escaped as &quot;) and
// decoded again; a block that still fails is ignored, never the page.
// Blocks over 1 MiB or nested deeper than 32 levels are skipped unread,
// at most 16 blocks and 10,000 JSON objects and arrays are read per page,
// and every snippet of page text kept for dates and bylines is at most
// 256 bytes, so the work is linear in the page and bounded beyond it.
package htmlmeta
