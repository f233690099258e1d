// Package natsjs is all of newsflow's NATS code: the embedded server, the
// connection, the streams and the durable consumer, the JetStream
// implementations of [pipeline.Source], [pipeline.Message] and
// [pipeline.Publisher], the dedup stage's shared store, and the
// [Processor] that runs the stages on a stream. It uses the jetstream
// package of nats.go only.
//
// # Running newsflow in a program
//
// [Open] starts the embedded server when the [Config] asks for one and
// connects; [Conn.OpenKVStore] opens the dedup store; stages.New builds
// the stages on it; [NewProcessor] ensures the streams and the consumer
// and [Processor.Run] processes until its context ends, then drains.
// [Processor.Ready] is what a readiness probe asks. Setup calls on a server
// that does not answer yet are retried until their context ends, so that
// newsflow may start before its server. The package Example shows it all.
//
// # Service
//
// [Processor.StartService] registers the NATS service "newsflow" (the micro
// package of nats.go, so that `nats micro ls`, `info` and `stats` see it)
// with one endpoint, "<prefix>.process" (newsflow.process by default): a
// request is an article, the reply its article event, made by the same
// stages through their read-only views ([pipeline.ReadOnlyStages]):
// nothing is published, and dedup's index is read, never written, so a
// requested article is not remembered as seen. A bad article's error
// reply (code 400) carries the reason its dead letter would have had, in
// Nats-Service-Error and [HeaderReason]; a transient failure is 500; until
// the stages are ready, and once the service stops, 503. Each of
// [ServiceConfig.Workers] instances answers one request at a time (micro
// calls an endpoint's handler from one goroutine, and counts a request's
// time and error from that call), all in micro's queue group, so that
// requests spread over every instance of every replica; each holds at
// most [ServiceConfig.MaxPending] requests waiting, and limits.max_bytes
// bounds an article as it does on the stream.
//
// # The nats CLI's settings
//
// [LoadCLISettings] reads the connection the nats CLI would use: a
// context file (`nats context save`) named by --context or NATS_CONTEXT,
// then NATS_URL and the other NATS_* variables over it. The file is read
// here rather than through jsm.go's natscontext, which brings the rest of
// jsm.go with it; what newsflow cannot honour (a JetStream domain or API
// prefix, an inbox prefix, nsc lookups, a SOCKS proxy, tls_first, an
// inline JWT or seed) is refused rather than ignored.
//
// # Streams
//
// ARTICLES ("articles.>") holds input, EVENTS ("events.>") output and DLQ
// ("dlq.>") dead letters; all use file storage and limits retention.
// [EnsureStreams] creates them when missing. An existing stream is left as
// its operator configured it (replicas, limits, placement); only a
// duplicate window shorter than the configured one is reported, since
// output deduplication depends on it.
//
// The duplicate window of EVENTS and DLQ (default 8 m) is what makes output
// effectively-once: every output carries a deterministic Nats-Msg-Id, and a
// redelivered input is only harmless while the ids of its first outputs are
// remembered. ProcessorConfig.Validate requires max_deliver × (ack_wait +
// max_retry_delay), 7.5 min with the defaults (5 × (30 s + 1 m)), which
// bounds with room the time from an article's first outputs to its last
// delivery: between two deliveries that publish passes the ack wait (a
// crash, a lost ack) or the retry delay (a nak), not both, and then the
// processing; the delays grow from retry_delay (1 s, 2 s, 4 s, 8 s) where
// the bound counts max_retry_delay each time; and it counts one delivery
// more than there are gaps between deliveries. A held article does not
// lean on the window for what the server has confirmed (see package
// pipeline). The server keeps one entry per id inside the window in memory
// (about 100 bytes), an article event and each coded event one, so that
// memory grows with the output rate times the window.
//
// # Consumer
//
// One durable pull consumer ("newsflow") is shared by every replica. Its
// MaxDeliver is unlimited: the runner dead-letters a message after its own
// max_deliver, and a message whose dead letter cannot be published (the
// DLQ stream without a leader, a denied permission) must come back until it
// can be, not be dropped by the server after a count of deliveries. The
// runner spaces those deliveries out (retry_delay doubling up to
// max_retry_delay), and a message past max_deliver is never processed
// again, only dead-lettered. MaxAckPending
// should be at least replicas × (pull_batch + max_in_flight + workers); when
// it is smaller it throttles every replica.
//
// # KV store
//
// [KVStore] is the dedup stage's shared store on a JetStream KV bucket
// ("newsflow_dedup" by default, stream KV_newsflow_dedup), written without
// importing the stage: it is passed where a dedup.Store is wanted.
// [OpenKVStore] creates the bucket when missing, with one value per key and
// the configured TTL (default 72 h) as its max age; an existing bucket is
// used as it is, and a TTL that differs from the configured one is logged.
// Keys are the stage's (claims under "x.", article records under "a.").
// Create is first writer wins across every replica: the server compares the
// key's last revision. An entry that expires vanishes without a delete marker: the key
// is free for Create again, and watchers are not told. Watch filters on
// the subject of the prefix's complete tokens ("a." watches "a.>") and
// checks the prefix itself.
//
// Nothing is classified or retried here. While the server is unreachable
// every call fails when its ctx ends, and the caller decides: the dedup
// stage goes on with what its replica knows. A ctx without a deadline gets
// the client's default of 5 s per request (so 10 s for a Create, which
// makes two), and the error then matches context.DeadlineExceeded although
// the ctx itself has not ended. A watch survives a reconnect, but after a server
// restart it resumes only when the client notices missed heartbeats, up
// to about 20 s later; no entry is lost, as it resumes after the last
// revision it saw.
package natsjs
