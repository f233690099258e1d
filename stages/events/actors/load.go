package actors

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"
)

// The Phoenix dictionaries as internal/gen writes them: corrected,
// normalised, in PETRARCH's format (see [Dictionary.Write]), gzipped.
var (
	//go:embed generated/actors.txt.gz
	actorsGz []byte
	//go:embed generated/agents.txt.gz
	agentsGz []byte
	//go:embed generated/discards.txt.gz
	discardsGz []byte

	loadOnce sync.Once
	loaded   *Dictionary
	loadErr  error
)

// Load returns the Phoenix dictionary of PETRARCH2, parsed from the
// embedded data on first use (BenchmarkLoad measures what it costs) and
// shared afterwards.
func Load() (*Dictionary, error) {
	loadOnce.Do(func() { loaded, loadErr = load() })
	return loaded, loadErr
}

func load() (*Dictionary, error) {
	var files []File
	for _, f := range []struct {
		kind Kind
		name string
		gz   []byte
	}{{Actors, "actors.txt.gz", actorsGz}, {Agents, "agents.txt.gz", agentsGz}, {Discards, "discards.txt.gz", discardsGz}} {
		zr, err := gzip.NewReader(bytes.NewReader(f.gz))
		if err != nil {
			return nil, fmt.Errorf("actors: %s: %w", f.name, err)
		}
		files = append(files, File{Kind: f.kind, Name: f.name, R: zr})
	}
	d, err := parse(sizes{numEntries, numActorPhrases, numAgentPhrases, numDiscardPhrases}, files...)
	if err != nil {
		return nil, fmt.Errorf("actors: embedded data: %w", err)
	}
	entries, ac, ag, di := d.Counts()
	if entries != numEntries || ac != numActorPhrases || ag != numAgentPhrases || di != numDiscardPhrases {
		return nil, fmt.Errorf("actors: embedded data: %d entries, %d actor, %d agent and %d discard phrases; want %d, %d, %d, %d",
			entries, ac, ag, di, numEntries, numActorPhrases, numAgentPhrases, numDiscardPhrases)
	}
	return d, nil
}
