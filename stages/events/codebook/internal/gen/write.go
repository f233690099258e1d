package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/stages/events/codebook/internal/verbdict"
	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// write writes generated/verbs.txt.gz, generated/plover.txt and
// data_gen.go into the package directory out.
//
// verbs.txt.gz has one record per line, fields separated by tabs:
//
//	S <synset> <phrase>|<phrase>…        a synonym set, plurals included
//	B <meaning>                          a verb block; the V and P lines after it are its
//	V <code> <form>|<form>…              a verb: its code alone ("---": none; "^" before the
//	                                     block's code when the verb gives none), the lemma first
//	P <code> <token> <token>…            a pattern: tokens before and after "*", space-separated
//
// plover.txt has the PLOVER types ("T <event> <quad> <needs recipient>
// <mode>|…"), the CAMEO codes' mapping ("M <cameo> <event> <mode>
// <context>") and the mode rules ("L <lemma> <cameo or empty> <event>
// <mode>").
func write(out string, d *verbdict.Dict, maps []mapping, types *ploverTypes, rules []modeRule) error {
	dir := filepath.Join(out, "generated")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	names := make([]string, 0, len(d.Synsets))
	for name := range d.Synsets {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(&b, "S\t%s\t%s\n", name, strings.Join(d.Synsets[name], "|"))
	}
	nv, np := 0, 0
	for _, blk := range d.Blocks {
		fmt.Fprintf(&b, "B\t%s\n", blk.Meaning)
		for _, v := range blk.Verbs {
			code := v.Code
			if v.Inherited && code != "---" {
				code = "^" + code // the block's code, not the verb's own
			}
			fmt.Fprintf(&b, "V\t%s\t%s\n", code, strings.Join(v.Forms, "|"))
			nv++
		}
		for _, p := range blk.Patterns {
			toks := append(append(slices.Clone(p.Pre), "*"), p.Post...)
			fmt.Fprintf(&b, "P\t%s\t%s\n", p.Code, strings.Join(toks, " "))
			np++
		}
	}
	if err := writeGzip(filepath.Join(dir, "verbs.txt.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	b.WriteString(ploverHeader)
	for _, e := range types.Events {
		fmt.Fprintf(&b, "T\t%s\t%d\t%t\t%s\n", e.Event, e.QuadCode, e.NeedsRecipient, strings.Join(e.Modes, "|"))
	}
	for _, m := range maps {
		fmt.Fprintf(&b, "M\t%s\t%s\t%s\t%s\n", m.cameo, m.event, m.mode, m.context)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "L\t%s\t%s\t%s\t%s\n", r.lemma, r.cameo, r.event, r.mode)
	}
	if err := os.WriteFile(filepath.Join(dir, "plover.txt"), b.Bytes(), 0o644); err != nil {
		return err
	}

	return corpora.WriteCounts(out, "codebook",
		corpora.Count{Name: "numSynsets", Value: len(d.Synsets)}, corpora.Count{Name: "numBlocks", Value: len(d.Blocks)},
		corpora.Count{Name: "numVerbs", Value: nv}, corpora.Count{Name: "numPatterns", Value: np},
		corpora.Count{Name: "numMappings", Value: len(maps)}, corpora.Count{Name: "numModeRules", Value: len(rules)})
}

const ploverHeader = `# PLOVER 2.0 event types and the CAMEO to PLOVER table, adapted from PLOVER,
# Open Event Data Alliance (openeventdata/PLOVER: CAMEO2PLOVER-2021.txt and
# PLOVER_MANUAL.tex), licensed CC BY-SA 4.0; this adaptation is licensed
# CC BY-SA 4.0 too. Changes: modes renamed as PLOVER 2.0 renamed them, modes
# 2.0 dropped left empty, contexts renamed to 2.0's (humanitarian is
# human_security, democracy pro_democracy), CAMEO roots 01 and 02 added as STATEMENT and
# APPEAL, codes 176, 1951 and 1952 of later CAMEO versions added, types and
# modes of some codes revised as 2.0's notes and mode tables give them
# (035x, 056, 0813, 0814, 085, 163, 164, 112, 114, 195); newsflow's rules for the
# modes no CAMEO code carries added (L lines).
`

// writeGzip writes data compressed so that the file depends only on
// data.
func writeGzip(path string, data []byte) error {
	z, err := corpora.Gzip(data)
	if err != nil {
		return err
	}
	return os.WriteFile(path, z, 0o644)
}
