// Package natsjs is all of newsflow's NATS code: the embedded server, the
// connection, the streams and the durable consumer, and the JetStream
// implementations of pipeline.Source, pipeline.Message and
// pipeline.Publisher. It uses the jetstream package of nats.go only.
//
// # Streams
//
// ARTICLES ("articles.>") holds input, EVENTS ("events.>") output and DLQ
// ("dlq.>") dead letters; all use file storage and limits retention.
// EnsureStreams creates them when missing and updates them to the
// configuration otherwise.
//
// The duplicate window of EVENTS and DLQ (default 15 m) is what makes output
// effectively-once: every output carries a deterministic Nats-Msg-Id, and a
// redelivered input is only harmless while the ids of its first outputs are
// remembered. The longest an article can take from its first outputs to its
// last redelivery is max_deliver × (ack_wait + max_retry_delay), 7.5 min with
// the defaults (5 × (30 s + 1 m)); 15 m doubles that. The server keeps one
// entry per id inside the window: about rate × window × 100 B, so 90 MB at
// 1,000 articles/s.
//
// # Consumer
//
// One durable pull consumer ("newsflow") is shared by every replica. Its
// MaxDeliver is the runner's max_deliver plus one, so the server never gives
// up on a message before the runner has dead-lettered it. MaxAckPending
// should be at least replicas × (pull_batch + max_in_flight + workers); when
// it is smaller it throttles every replica.
package natsjs
