// Command gen builds the actors package's embedded dictionary from the
// PETRARCH2 Phoenix dictionaries kept beside the repository, in
// ../shared/corpora/petrarch2-dictionaries: the three actor files
// (Phoenix.Countries, Phoenix.International and Phoenix.MilNonState), the
// agents, with newsflow's supplement to them (supplement.agents.txt, beside
// this file), the office holders newer than the dictionaries (package
// stages/internal/officeholders), and the discards but those that are times (timediscards.go). It reads them with the package's own parser,
// which fails on any malformed line; the few lines that are malformed as
// published are corrected by a listed rule first (corrections.go).
//
// It is run by go generate in the actors package:
//
//	go generate ./stages/events/actors/
//
// and writes, normalised in PETRARCH's format (see actors.Dictionary.Write),
// generated/actors.txt.gz, generated/agents.txt.gz and
// generated/discards.txt.gz, with the dictionaries' MIT licence as
// generated/LICENSE-PETRARCH2, and the counts in data_gen.go. The output
// depends only on the inputs.
//
// Usage:
//
//	gen [-corpora DIR] [-out DIR] [-report]
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/internal/corpora"
	"github.com/newsflow/newsflow/stages/internal/officeholders"
)

// sources are the dictionary files read, in PETRARCH2's configured order:
// of two actors with one phrase, the later file's holds.
var sources = []struct {
	kind actors.Kind
	name string
}{
	{actors.Actors, countries},
	{actors.Actors, international},
	{actors.Actors, "Phoenix.MilNonState.actors.txt"},
	{actors.Agents, agentsFile},
	{actors.Discards, "Phoenix.discards.txt"},
}

// supplement is newsflow's supplement to the Phoenix agents, read after
// them.
//
//go:embed supplement.agents.txt
var supplement string

func main() { corpora.Main("actors gen", run) }

func run(dir, out string, report bool) error {
	d, err := read(filepath.Join(dir, "petrarch2-dictionaries"))
	if err != nil {
		return err
	}
	entries, ac, ag, di := d.Counts()
	if report {
		fmt.Fprintf(os.Stderr, "actors %d (phrases %d), agent phrases %d, discard phrases %d, corrections %d, synonym lines %d\n",
			entries, ac, ag, di, len(corrections), len(synonymLines))
	}
	gen := filepath.Join(out, "generated")
	if err := os.MkdirAll(gen, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		kind actors.Kind
		name string
	}{{actors.Actors, "actors.txt.gz"}, {actors.Agents, "agents.txt.gz"}, {actors.Discards, "discards.txt.gz"}} {
		var b bytes.Buffer
		if err := d.Write(&b, f.kind); err != nil {
			return err
		}
		if err := writeGzip(filepath.Join(gen, f.name), b.Bytes()); err != nil {
			return err
		}
	}
	lic, err := os.ReadFile(filepath.Join(dir, "petrarch2-dictionaries", "LICENSE"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(gen, "LICENSE-PETRARCH2"), lic, 0o644); err != nil {
		return err
	}
	return corpora.WriteCounts(out, "actors",
		corpora.Count{Name: "numEntries", Value: entries}, corpora.Count{Name: "numActorPhrases", Value: ac},
		corpora.Count{Name: "numAgentPhrases", Value: ag}, corpora.Count{Name: "numDiscardPhrases", Value: di})
}

// read parses the Phoenix dictionaries in dir, corrected.
func read(dir string) (*actors.Dictionary, error) {
	var files []actors.File
	for _, s := range sources {
		raw, err := os.ReadFile(filepath.Join(dir, s.name))
		if err != nil {
			return nil, fmt.Errorf("%w (the corpora are kept in ../shared/corpora beside the repository)", err)
		}
		text, err := correct(s.name, string(raw))
		if err != nil {
			return nil, err
		}
		if s.kind == actors.Discards {
			text, _ = withoutTimeDiscards(text)
		}
		files = append(files, actors.File{Kind: s.kind, Name: s.name, R: strings.NewReader(text)})
	}
	files = append(files, actors.File{Kind: actors.Agents, Name: "supplement.agents.txt", R: strings.NewReader(supplement)},
		// Office holders newer than the dictionaries: read last, they
		// hold over the Phoenix entries of the same names.
		actors.File{Kind: actors.Actors, Name: "officeholders/actors.txt", R: strings.NewReader(officeholders.Actors)})
	return actors.Parse(files...)
}

// writeGzip writes data compressed so that the file depends only on
// data.
func writeGzip(path string, data []byte) error {
	z, err := corpora.Gzip(data)
	if err != nil {
		return err
	}
	return os.WriteFile(path, z, 0o644)
}
