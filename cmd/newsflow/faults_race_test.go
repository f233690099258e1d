//go:build race

package main

// raceEnabled reports a build with the race detector, which multiplies
// memory use by 5–10 and running time by 2–20 (Go's race detector manual).
const raceEnabled = true
