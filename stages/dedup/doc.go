// Package dedup is the stage that finds copies: [Stage] reads the ID and
// Text of a [pipeline.Doc] and sets its Dedup, which routes a copy to the
// duplicate notices instead of the article events.
//
// # Exact copies
//
// The fingerprint hashes the sequence of the text's words, each
// lower-cased, with punctuation, whitespace and quote styles between them
// folded away, after dropping a leading dateline ("WASHINGTON (Reuters) -")
// and boilerplate lines (bylines, reporting and editing credits, copyright
// notices, sharing prompts: see boilerplateMarks). The first article with
// a fingerprint owns it; every later one is an exact copy of it. A copy
// the index knows of is decided there; any other article claims its
// fingerprint by creating its record under "x.<fingerprint>" in the
// [Store], and a claim that fails names the article that had the text
// first, on whichever replica.
//
// # Near copies
//
// A 64-value MinHash of the word 3-shingles is computed with one hash per
// shingle (one-permutation hashing: the top six bits pick the value, the
// low 32 bits compete for the minimum; empty values borrow from the next
// full one). The index keeps, per band of 3 values (21 bands), the
// articles that share it, the newest 64 of a band key; the articles of the
// query's bands are the candidates. A candidate is a match when the
// estimated Jaccard similarity of the shingle sets (the share of equal
// MinHash values, standard error at most 1/16) reaches
// [Config.Threshold], and the names, and the numbers,
// of the text with fewer of them are found in the other at
// [Config.NamesThreshold] and [Config.NumbersThreshold], estimated from
// 16-value bottom-k sketches (exact below 16 each): two dividend notices
// from one template share their shingles, not their company or
// figures. The most similar match wins; its cluster is the article's.
//
// # State
//
// Each article's record (kind, time, fingerprint, sketches, id, cluster,
// the article matched) is its claim, or, for an exact copy, is put under
// "c.<hash of id>": one write per article. Once started (the stage is a
// [pipeline.Lifecycle], started and stopped by the [pipeline.Runner]), the
// stage watches every record into the local index, first those present
// ([Stage.Ready] is closed then), then each new one, so that every replica
// judges against every replica's articles. The index holds at most
// [Config.MaxEntries] records for [Config.TTL], oldest out first, in chunks
// allocated as it fills, with tables that grow with it.
//
// The index holds no strings and no object per article, so that the
// garbage collector has a few large blocks to mark, not millions of small
// ones: records of integers (the fingerprint, the MinHash and sketch
// values cut to 16 bits, the time to the second), the ids of each article
// in a ring of bytes freed oldest first, and open-addressed tables of
// 32-bit words from band key, id and fingerprint to record, with one of
// integers from cluster to size. An indexed article takes at most
// [IndexBytesPerEntry] of heap (TestIndexBytesPerEntry keeps the figure
// true; BenchmarkLookup reports it from 10³ to 10⁶). What that costs:
//
//   - MinHash values cut to 16 bits agree by chance once in 65,536, under
//     the estimate's resolution of 1/64, and are left uncorrected; sketch
//     values cut to their top 16 bits sometimes merge two words of a large
//     set (see digest). `newsflow eval dedup` scores as it did with
//     32-bit values.
//   - A table keeps of a key only a fingerprint beside the slot: 5 bits at
//     a million records, none from 2^24 on. Records of another key that
//     share the key's home and fingerprint are candidates too: compared,
//     never wrongly matched, as any candidate is verified.
//   - An entry more than 127 places from its home (63 from 2^25 records
//     on, 31 from 2^26) is dropped: that takes a key of over a hundred
//     articles, of which a band keeps 64 anyway (32 from 2^26 records on).
//     An id or fingerprint so dropped leaves the article to the store, as
//     if the index did not know it.
//   - Clusters are counted by a 64-bit hash of their id; two that collide
//     would share a size.
//
// Access to the index is serialised, and an article is looked up and
// inserted in one step, so copies handled at once by one replica never
// both become originals. Across replicas, exact copies are settled by the
// store; a near copy is found only once the original's record has come
// through the watch.
//
// # The store's cost
//
// An article costs the store one synchronous write, its claim (or an
// exact copy's put): the server stores the record, and the watch brings
// it back to every replica, its own included. BenchmarkDedupStorePath in
// pipeline/natsjs measures this against a MemStore. The options, and why
// the path is as it is:
//
//   - The claim stays synchronous: an article's kind decides which
//     message goes out for it, and it is known only when the claim has
//     been answered. The wait costs no CPU; the runner's other workers
//     and articles in flight use it.
//   - A replica's own records come back through the watch, as a KV watch
//     cannot leave out one writer's keys. receive reads their id and,
//     finding the article indexed, skips the rest of the record.
//   - The watch carries each record whole: another replica needs its
//     MinHash values and sketches to find near copies of it, and its ids
//     to name the original.
//   - The record keeps its 32-bit MinHash values although the index
//     keeps 16: a record of a new version would not decode on a replica
//     of the old one during a rolling upgrade, and an exact copy whose
//     claim cannot be decoded is taken for an original. A smaller record
//     would save the server a third of the bytes it stores, not a third
//     of its work, most of which is per message.
//
// When the store fails the article is judged against the local index,
// gets a warning, and newsflow_dedup_store_available is 0 until a call
// succeeds again.
//
// The Store is an interface of plain types: pipeline/natsjs implements it
// on a JetStream KV bucket shared by the replicas, and [MemStore] keeps the
// state of one process (newsflow process, evaluation, tests).
//
// [Stage.ReadOnly] is a view of the stage for questions asked on the side
// (newsflow's service endpoint): it judges an article against the index
// as Process does, but indexes, claims, stores and counts nothing, so
// that an article asked about is not taken for seen when it is published
// later. Its cluster_size is the size the cluster would have with the
// article in it.
//
// A redelivered article, whose ID the index or its own claim in the store
// knows, keeps the kind, cluster and match it got the first time, so that
// a message redelivered after a lost acknowledgement does not turn an
// original into a copy of itself.
package dedup
