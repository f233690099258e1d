// Command gen builds the gazetteer's embedded data from the corpora kept
// beside the repository, in ../shared/corpora: GeoNames (countries, admin-1
// regions, cities15000), the names-en first-name lists and the PETRARCH2
// (Phoenix) actor and agent dictionaries, plus the curated tables in this
// directory. The parent package documents what goes in and why.
//
// It is run by go generate in the gazetteer package:
//
//	go generate ./stages/extract/gazetteer/
//
// and writes generated/entries.txt.gz, generated/names.txt.gz, generated/LICENSE-PETRARCH2
// and data_gen.go there. The output depends only on the inputs: running it
// twice gives the same files.
//
// Usage:
//
//	gen [-corpora DIR] [-out DIR] [-report]
//
// -corpora defaults to ../shared/corpora relative to the module root (the
// directory holding go.mod, found upwards from the working directory);
// -out defaults to the working directory; -report prints counts and the
// curation checks to standard error.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsflow/newsflow/stages/internal/corpora"
)

// inputs are the corpus files the generator reads, relative to the corpora
// directory.
var inputs = []string{
	"geonames/countryInfo.tsv",
	"geonames/regionInfo.tsv",
	"geonames/cities15000.zip",
	"names-en/male-first-names.txt",
	"names-en/female-first-names.txt",
	"petrarch2-dictionaries/Phoenix.Countries.actors.txt",
	"petrarch2-dictionaries/Phoenix.International.actors.txt",
	"petrarch2-dictionaries/Phoenix.MilNonState.actors.txt",
	"petrarch2-dictionaries/Phoenix.agents.txt",
	"petrarch2-dictionaries/LICENSE",
}

func main() { corpora.Main("gazetteer gen", run) }

func run(dir, out string, report bool) error {
	if err := checkInputs(dir); err != nil {
		return err
	}
	g, err := build(dir)
	if err != nil {
		return err
	}
	if err := g.write(out); err != nil {
		return err
	}
	// The MIT licence asks for its text beside what is derived from the
	// dictionaries.
	lic, err := os.ReadFile(filepath.Join(dir, "petrarch2-dictionaries", "LICENSE"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, dataDir, "LICENSE-PETRARCH2"), lic, 0o644); err != nil {
		return err
	}
	if report {
		g.report(os.Stderr)
	}
	return nil
}

// checkInputs fails with one message naming every missing file, so that a
// run without the corpora says what it needs instead of failing halfway.
func checkInputs(dir string) error {
	var missing []string
	for _, name := range inputs {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("corpora not found in %s (missing %v): the gazetteer is generated from "+
		"../shared/corpora beside the repository; builds use the committed generated/ and do not need them", dir, missing)
}

// mustFind are names news uses that the gazetteer should know, checked by
// -report: places with several English forms, and people and institutions.
var mustFind = strings.Split("St. Petersburg|Saint Petersburg|Kiev|Kyiv|Washington|Paris|Moscow|New York|New York City|"+
	"NYC|Frankfurt|Munich|Cologne|Odesa|Odessa|Kharkiv|Lviv|Mumbai|Bombay|Beijing|Peking|Kolkata|Calcutta|"+
	"Ho Chi Minh City|Saigon|Yangon|Rangoon|Astana|Dnipro|Mykolaiv|Bakhmut|Donetsk|Luhansk|Zaporizhzhia|"+
	"Tbilisi|Sanaa|Sana'a|Jerusalem|Tel Aviv|Gaza|The Hague|Hague|Tehran|Krakow|Kraków|Gothenburg|Rome|Naples|"+
	"Florence|Venice|Lisbon|Prague|Warsaw|Bucharest|Belgrade|Athens|Copenhagen|Brussels|Geneva|Zurich|Zürich|"+
	"Mecca|Medina|Aleppo|Mosul|Basra|Raqqa|Idlib|Benghazi|Tripoli|Khartoum|Mogadishu|Addis Ababa|Cape Town|"+
	"Johannesburg|Lagos|Kinshasa|Goma|Sao Paulo|São Paulo|Rio de Janeiro|Bogota|Bogotá|Hong Kong|Singapore|"+
	"Kuala Lumpur|Jakarta|Manila|Taipei|Seoul|Tokyo|Sydney|Ottawa|Toronto|Montreal|Los Angeles|San Francisco|"+
	"Chicago|Mariupol|Kherson|Kursk|Belgorod|Kramatorsk|Bucha|Crimea|Texas|Bavaria|England|Scotland|Wales|"+
	"Gaza Strip|West Bank|Kashmir|Punjab|Tatarstan|Chechnya|Donbas|Siberia|"+
	"Putin|Vladimir Putin|Obama|Barack Obama|Merkel|Angela Merkel|Xi Jinping|Netanyahu|Benjamin Netanyahu|"+
	"Zelensky|Erdogan|Assad|Bashar al-Assad|Ban Ki-moon|John Kerry|Kerry|Hillary Clinton|Narendra Modi|"+
	"Al Jazeera|Kremlin|White House|Pentagon|UN|NATO|EU|Hamas|Hezbollah|Taliban|Reuters|AP|US|U.S.|UK|"+
	"Karoline|Of|The|May|Will|March|Reading|Mobile", "|")

func (g *gaz) report(w io.Writer) {
	names := make([]string, 0, len(g.counts))
	for k := range g.counts {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		fmt.Fprintf(w, "%8d  %s\n", g.counts[k], k)
	}
	fmt.Fprintln(w, "\nmust-find names:")
	for _, n := range mustFind {
		fmt.Fprintf(w, "  %-22s %s\n", n, describe(g.index[n]))
	}
	fmt.Fprintln(w, "\npeople and PETRARCH organisations named like a city of 100,000 or more:")
	for k, list := range g.index {
		if list[0].class != classPerson && list[0].class != classOrg {
			continue
		}
		for _, e := range list {
			if e.kind == kindCity && e.pop >= 100000 {
				fmt.Fprintf(w, "  %-22s %s\n", k, describe(list))
				break
			}
		}
	}
	fmt.Fprintln(w, "\nplace names that are common words:")
	for k, list := range g.index {
		if g.common[strings.ToLower(k)] && list[0].kind <= kindCity {
			fmt.Fprintf(w, "  %-14s %s\n", k, describe(list))
		}
	}
}

func describe(list []*entry) string {
	if len(list) == 0 {
		return "MISSING"
	}
	var parts []string
	for i, e := range list {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("+%d", len(list)-4))
			break
		}
		parts = append(parts, fmt.Sprintf("%d:%s/%s/%d/%d/%s", e.kind, e.name, e.cc, e.gid, e.pop, e.sector))
	}
	return strings.Join(parts, "  ")
}
