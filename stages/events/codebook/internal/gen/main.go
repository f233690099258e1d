// Command gen builds the codebook's embedded data from the corpora kept
// beside the repository, in ../shared/corpora: the CAMEO verb dictionary of
// PETRARCH2 (petrarch2-dictionaries/CAMEO.2.0.txt), with newsflow's
// supplement to it (supplement.txt, beside this file), newsflow's rules for
// the PLOVER modes no CAMEO code carries (modes.txt), and the CAMEO to PLOVER
// table with the PLOVER 2.0 types (events-dev/CAMEO2PLOVER-2021.txt,
// events-dev/plover-types.json). It checks them as it reads: a malformed
// line is an error, never skipped; the few lines of the dictionary that are
// malformed as published are corrected by a listed rule
// (verbdict.CAMEOCorrections). The dictionary is read by package verbdict,
// the codebook's reader of the format, which codebook.FromDictionary uses
// too.
//
// It is run by go generate in the codebook package:
//
//	go generate ./stages/events/codebook/
//
// and writes generated/verbs.txt.gz (MIT, with the dictionary's licence as
// generated/LICENSE-PETRARCH2), generated/plover.txt (CC BY-SA 4.0, as
// PLOVER is; its header says so) and data_gen.go there. The output depends
// only on the inputs.
//
// Usage:
//
//	gen [-corpora DIR] [-out DIR] [-report]
package main

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook/internal/verbdict"
	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// supplement is newsflow's supplement to the CAMEO verb dictionary.
//
//go:embed supplement.txt
var supplement string

// modes are newsflow's PLOVER mode rules (modeRule).
//
//go:embed modes.txt
var modes string

func main() { corpora.Main("codebook gen", run) }

func run(dir, out string, report bool) error {
	types, err := readPloverTypes(filepath.Join(dir, "events-dev", "plover-types.json"))
	if err != nil {
		return err
	}
	maps, err := readPlover(filepath.Join(dir, "events-dev", "CAMEO2PLOVER-2021.txt"), types)
	if err != nil {
		return err
	}
	known := make(map[string]bool, len(maps))
	for _, m := range maps {
		known[m.cameo] = true
	}
	isKnown := func(code string) bool { return known[code] }
	verbs, err := readVerbs(filepath.Join(dir, "petrarch2-dictionaries", "CAMEO.2.0.txt"),
		verbdict.Options{Known: isKnown, Corrections: verbdict.CAMEOCorrections, Strict: true})
	if err != nil {
		return err
	}
	extra, err := verbdict.Parse("supplement.txt", strings.NewReader(supplement), verbdict.Options{Known: isKnown, Base: verbs})
	if err != nil {
		return err
	}
	if err := verbs.Merge(extra); err != nil {
		return fmt.Errorf("supplement.txt: %w", err)
	}
	rules, err := readModes(modes, verbs, isKnown, types)
	if err != nil {
		return err
	}
	if report {
		nv, np := 0, 0
		for _, b := range verbs.Blocks {
			nv += len(b.Verbs)
			np += len(b.Patterns)
		}
		fmt.Fprintf(os.Stderr, "synsets %d, blocks %d, verbs %d, patterns %d, transformations left out %d; CAMEO codes mapped %d\n",
			len(verbs.Synsets), len(verbs.Blocks), nv, np, verbs.Transformations, len(maps))
	}
	if err := write(out, verbs, maps, types, rules); err != nil {
		return err
	}
	lic, err := os.ReadFile(filepath.Join(dir, "petrarch2-dictionaries", "LICENSE"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "generated", "LICENSE-PETRARCH2"), lic, 0o644)
}

// readVerbs parses and checks the verb dictionary at path.
func readVerbs(path string, opt verbdict.Options) (*verbdict.Dict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return verbdict.Parse(path, f, opt)
}
