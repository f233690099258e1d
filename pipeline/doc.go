// Package pipeline is the runtime every newsflow stage sees: the Doc an
// article becomes, the Stage contract, the Chain that runs stages with
// recover, timeout and metrics, and the Runner that moves messages from a
// Source through a Handler to a Publisher with at-least-once input and
// effectively-once output.
//
// The package knows nothing about NATS: pipeline/natsjs implements Source,
// Message and Publisher on JetStream, and pipeline/pipelinetest implements
// them in memory for tests.
//
// # Delivery
//
// A message is acknowledged only after every output it produced has been
// confirmed by the Publisher. Outputs carry a deterministic ID
// ("<article-id>:<kind>"), so a message redelivered after a crash yields
// outputs the stream recognises as duplicates. Failures are classified once:
// a permanent error (see Permanent and Reject) sends the original bytes to the
// dead-letter subject and terminates the message; any other error is
// transient and the message is redelivered with a growing delay until
// MaxDeliver attempts, after which it too is dead-lettered with reason
// "max_deliver".
//
// # Dead letters
//
// A dead letter carries the input message's original bytes on
// "<dlq-prefix>.<reason>" with the headers Newsflow-Error, Newsflow-Stage,
// Newsflow-Subject and Newsflow-Seq. Its ID is "<stream>:<seq>:dlq": it
// records an input message, not an article, so two distinct messages with the
// same bad bytes are both kept while a redelivery of one is not.
package pipeline
