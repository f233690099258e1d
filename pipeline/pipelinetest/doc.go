// Package pipelinetest provides in-memory implementations of
// pipeline.Source, pipeline.Message and pipeline.Publisher that behave like
// JetStream where the runtime depends on it (redelivery after Nak with the
// delivery count raised, deduplication of outputs by ID), and TestStage, the
// conformance test every stage passes.
package pipelinetest
