// Package pipeline is the runtime every newsflow stage sees: the [Doc] an
// article becomes, the [Stage] contract, the [Chain] that runs stages with
// recover, timeout and metrics, and the [Runner] that moves messages from a
// [Source] through a [Handler] to a [Publisher] with at-least-once input and
// effectively-once output. [ArticleHandler] is the Handler of articles: it
// decodes a message into a Doc, runs a Chain on it and encodes the event.
//
// A stage with background work, such as keeping an index in step with the
// other replicas, also implements [Lifecycle]: the Runner starts it before
// the first message, waits until it is ready (at most
// [RunnerConfig.ReadyTimeout]) and stops it after the drain.
//
// The package knows nothing about NATS: pipeline/natsjs implements Source,
// [Message] and Publisher on JetStream, and pipeline/pipelinetest implements
// them in memory for tests, together with the conformance checks that each
// stage's tests run.
//
// # Articles in
//
// [DecodeArticle] checks a message in one linear pass before decoding it,
// so that hostile input costs time linear in its size: at most
// [Limits.MaxBytes], valid UTF-8, nested at most [Limits.MaxDepth] deep.
// Field names match exactly ("Body" is not "body"), a field given twice is
// rejected (decoders disagree on which copy counts, so a message could read
// one way to a filter and another to newsflow), and unknown fields are
// ignored. [NewDoc] applies the defaults: without an id, the first 128 bits
// of the SHA-256 of the URL, else of the body ([DefaultID]); a given id is
// at most 256 bytes without control characters. published_at is RFC 3339,
// or 2006-01-02T15:04:05 (UTC), RFC 1123 with or without a numeric zone,
// or 2006-01-02; without it, the time the message was stored is used, and
// anything else is rejected.
//
// # Delivery
//
// A message is acknowledged only after every output it produced has been
// confirmed by the Publisher. Outputs carry a deterministic ID
// ("<article-id>:<kind>"), so a message redelivered after a crash yields
// outputs the stream recognises as duplicates. Failures are classified once:
// a permanent error (see [Permanent] and [Reject]) sends the original bytes
// to the dead-letter subject and terminates the message; any other error is
// transient and the message is redelivered with a growing delay until
// [RunnerConfig.MaxDeliver] attempts, after which it too is dead-lettered
// with reason "max_deliver".
//
// # Whose failure
//
// A failure counts toward max_deliver only when it is the article's: a
// stage's permanent error, a stage's transient error on every delivery, a
// panic, or an output the server refuses for what it is (larger than the
// stream allows). A failure of the server or the network is not: an output
// publish that fails for want of storage, a stream's own limits, a stream
// leader, any responder, a confirmation in time or a connection
// ([InfraError], with one of [BlockedReasons]; the Publisher marks it) holds
// the message instead. The Runner keeps it, reports it in progress,
// publishes again after pauses growing to 5 s, and meanwhile takes no new
// input. Each attempt sends only the outputs the server has not confirmed
// (see [Publisher]): one stored before the outage is not sent again after
// it, however long it lasted. A held message that goes through sends the others to try again at
// once; output is free, and input resumes, when none is held any more (a
// stream may answer one publish, a duplicate, without its quorum). [Runner.fail] is the one place that counts a failure
// against an article, and only failures that are not InfraErrors reach
// it. A message still held when the drain begins is handed back.
//
// The [Outage] records what blocks output: the Runner's held publishes,
// and what the owner of the connection reports (a connection down or
// silent, an input consumer whose heartbeats stopped). While anything
// blocks output, the readiness probe fails and newsflow_output_blocked
// names the reason; one warning is logged when it begins and one line when
// it ends, and a short relapse right after the end only at debug level.
//
// The server counts a delivery whose ack wait ran out during an outage
// (the connection down, the message waiting in the pull buffer) as it
// counts one that crashed the process. So for a message stored before the
// end of an outage this process saw, only the article's failures seen here
// count, and the guard against messages delivered more than max_deliver
// times without an answer is off: a process that crashes forgets its
// outages, so after a crash the server's count applies again.
//
// Workers run the stages; a separate, bounded set of goroutines
// ([RunnerConfig.MaxInFlight]) publishes each message's outputs and
// acknowledges it, so that CPU work never waits on a round trip. A message
// still being worked on is reported in progress every
// [RunnerConfig.ProgressInterval], so the server does not redeliver it
// meanwhile. When Run's context ends, the Runner stops fetching, finishes
// what it holds within [RunnerConfig.ShutdownTimeout] and hands back the
// rest for redelivery.
//
// # Dead letters
//
// A dead letter carries the input message's original bytes on
// "<dlq-prefix>.<reason>" with the headers Newsflow-Error, Newsflow-Stage,
// Newsflow-Subject and Newsflow-Seq ([HeaderError] and the others). Its ID
// is "<stream>:<seq>:dlq": it records an input message, not an article, so
// two distinct messages with the same bad bytes are both kept while a
// redelivery of one is not. To replay one after a fix, publish its data
// back to its Newsflow-Subject.
//
// The runtime's reasons are malformed_json, invalid_utf8, too_deep,
// too_large, invalid_article (a field of the wrong type, a bad id or
// published_at), missing_body, panic (a stage panicked) and max_deliver
// (transient failures on every delivery, or a message delivered more than
// max_deliver times without an answer, as when it crashed the process).
// Stages give their own with [Reject], such as the clean stage's
// empty_text and not_text.
package pipeline
