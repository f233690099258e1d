// Package pipelinetest provides in-memory implementations of
// [pipeline.Source], [pipeline.Message] and [pipeline.Publisher] that behave
// like JetStream where the runtime depends on it (redelivery after Nak with
// the delivery count raised, deduplication of outputs by ID), and the checks
// of the stage contract.
//
// [TestStage] is the conformance test that each stage's own tests run on it,
// with Docs of their choosing; [CheckStage] runs the same checks outside go
// test and returns the violations. A stage whose answers depend on what it
// has seen before, such as duplicate detection, declares [Stateful]: it is
// then held to answering a redelivered article as it did the first time,
// rather than to determinism.
package pipelinetest
