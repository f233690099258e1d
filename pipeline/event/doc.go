// Package event is newsflow's wire schema: the article publishers send, and
// the records newsflow publishes for subscribers. It imports nothing but the
// standard library and the JSON codec, so that a program that only
// publishes articles or reads events needs neither NATS nor Prometheus to
// use it.
//
// # Records
//
//   - [Article] is an article in, the JSON body of a message on
//     "articles.<source>". Only Body is required.
//   - [ArticleEvent] (schema [ArticleSchema], "newsflow.article.v1") is
//     published on "events.article.<lang>" for each article that is not a
//     copy of one seen before.
//   - [DuplicateNotice] (schema [DuplicateSchema], "newsflow.duplicate.v1")
//     is published on "events.duplicate.<lang>" instead, for an article
//     that copies one already published.
//   - [CodedEvent] (schema [CodedSchema], "newsflow.event.v1") is one event
//     an original article reports, who did what to whom, published on
//     "events.coded.<event>.<actor-code>"; the article event carries the
//     same events, without the article's fields, as [Coding]s.
//
// Every output record names its schema in its "schema" field; a change that
// would break a reader of one version gets a new version.
//
// # JSON Schema
//
// Each record has a JSON Schema document (draft 2020-12) embedded in this
// package ([Schema], [SchemaFiles]), and kept as files under schema/ in
// the repository, for subscribers in any language. The tests validate real
// outputs of the pipeline against them.
//
// # Offsets
//
// Every span (a mention, a date, a quote, an event's parties and evidence)
// is a pair of byte offsets into the article's Text: Text[Start:End] is
// the span's text, exactly.
package event
