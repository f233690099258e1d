package eval

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events"
	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
	"github.com/newsflow/newsflow/stages/extract"
)

// PetrarchScores are the PETRARCH unit tests reproduced: the share of the
// records' (source, target, code) codings that an event coded, and of the
// records with no event that were left empty.
type PetrarchScores struct {
	Records  int `json:"records"`
	Codings  int `json:"codings"`
	Coded    int `json:"coded"`
	NoEvents int `json:"noevents"`
	// Empty counts the noevents records that were left empty.
	Empty int `json:"empty"`
	// Rejects counts the records PETRARCH must reject (a discard of its
	// dictionaries, a dateline), RejectsEmpty those left empty.
	Rejects      int `json:"rejects"`
	RejectsEmpty int `json:"rejects_empty"`
	// Unscored counts the records that test PETRARCH's parse trees
	// ("bad_input_parse"): text has none, so nothing of them applies.
	Unscored int `json:"unscored"`
	// CodingShare is Coded/Codings; EmptyShare Empty/NoEvents.
	CodingShare float64 `json:"coding_share"`
	EmptyShare  float64 `json:"empty_share"`
	// Extra counts coded events no coding of their record asks for.
	Extra int `json:"extra"`
	// PerCategory are the same shares per category of record (DEMO,
	// SYNSET, COMPOUND…).
	PerCategory map[string]PetrarchCategory `json:"per_category"`
}

// PetrarchCategory is the score of one category of records.
type PetrarchCategory struct {
	Codings  int `json:"codings"`
	Coded    int `json:"coded"`
	NoEvents int `json:"noevents"`
	Empty    int `json:"empty"`
}

// petrRecord is a <Sentence> of PETR.UnitTest.records.xml.
type petrRecord struct {
	Date     string `xml:"date,attr"`
	ID       string `xml:"id,attr"`
	Category string `xml:"category,attr"`
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Code     string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
		// Error is what PETRARCH must report instead of events:
		// "storydiscard", "sentencediscard", "dateline",
		// "bad_input_parse".
		Error string `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text string `xml:"Text"`
}

// readPetrarch reads the unit-test records.
func readPetrarch(path string) ([]petrRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var doc struct {
		Sentences []petrRecord `xml:"Sentences>Sentence"`
	}
	if err := xml.NewDecoder(f).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Sentences, nil
}

// petrarchStages returns the extract stage and an events stage that codes
// with PETRARCH's unit-test dictionaries (petrarch2-validation), in place
// of the embedded ones: their actors are fictional, their verbs and codes
// those of the tests.
func petrarchStages(dir string) (*extract.Stage, *events.Stage, error) {
	vf, err := os.Open(filepath.Join(dir, "petrarch2-validation", "PETR.Validate.verbs.txt"))
	if err != nil {
		return nil, nil, err
	}
	defer vf.Close()
	cb, err := codebook.FromDictionary(vf.Name(), vf)
	if err != nil {
		return nil, nil, err
	}
	v := func(name string) string { return filepath.Join(dir, "petrarch2-validation", name) }
	dict, err := actors.ParseFiles(v("PETR.Validate.actors.txt"), v("PETR.Validate.agents.txt"), v("PETR.Validate.discards.txt"))
	if err != nil {
		return nil, nil, err
	}
	ev, err := events.NewWith(events.DefaultConfig(), events.Knowledge{Codebook: cb, Actors: dict, Unmapped: true, Reciprocal: true, ActorsOnly: true})
	if err != nil {
		return nil, nil, err
	}
	x, err := extract.New(extract.DefaultConfig())
	if err != nil {
		return nil, nil, err
	}
	return x, ev, nil
}

// scorePetrarch codes each record's text as of its date and compares the
// coded events with its codings. A coding is reproduced by an event of its
// code with an actor and a recipient of its source and target codes (an
// actor's code is its country and sector, the first six letters of a
// dictionary code: "PSEREBHMS" is PSE REB). A compound actor is one event
// where the records list one coding per pair: each pair of an actor and a
// recipient reproduces a coding, and so does each pair of actors of an
// event with no recipient ("A and B met"). The coder codes the reverse
// events of the dictionary's two-way codes as PETRARCH does, one per
// direction ("LEFT [032:033]": the visit and its hosting; see
// events.Knowledge.Reciprocal). A record of an error PETRARCH
// must report (a discard, a dateline) wants no event; one of a malformed
// parse tree tests what text does not have, and is not scored.
func (r *EventsReport) scorePetrarch(ctx context.Context, dir string) (PetrarchScores, error) {
	s := PetrarchScores{PerCategory: map[string]PetrarchCategory{}}
	recs, err := readPetrarch(filepath.Join(dir, "petrarch2-validation", "PETR.UnitTest.records.xml"))
	if err != nil {
		return s, err
	}
	x, ev, err := petrarchStages(dir)
	if err != nil {
		return s, err
	}
	for _, rc := range recs {
		published, err := time.Parse("20060102", rc.Date)
		if err != nil {
			return s, fmt.Errorf("record %s: date %q: %w", rc.ID, rc.Date, err)
		}
		d := &pipeline.Doc{ID: rc.ID, Text: strings.Join(strings.Fields(rc.Text), " "), PublishedAt: published,
			Language: event.Language{Code: "en"}}
		if err := x.Process(ctx, d); err != nil {
			return s, err
		}
		if err := ev.Process(ctx, d); err != nil {
			return s, err
		}
		d.Events = slices.DeleteFunc(d.Events, func(e event.Coding) bool { return !codedSource(e) })
		s.Records++
		cat := s.PerCategory[rc.Category]
		used := make([]bool, len(d.Events))
		for _, g := range rc.Codings {
			switch g.Error {
			case "":
			case "bad_input_parse":
				s.Unscored++
				continue
			default:
				s.Rejects++
				if len(d.Events) == 0 {
					s.RejectsEmpty++
				} else {
					r.errorf("petrarch %s: %s, coded %s: %s", rc.ID, g.Error, petrCodings(d.Events), d.Text)
				}
				continue
			}
			if strings.EqualFold(g.NoEvents, "true") {
				s.NoEvents++
				cat.NoEvents++
				if len(d.Events) == 0 {
					s.Empty++
					cat.Empty++
				} else {
					r.errorf("petrarch %s: noevents, coded %s: %s", rc.ID, petrCodings(d.Events), d.Text)
				}
				continue
			}
			s.Codings++
			cat.Codings++
			k := slices.IndexFunc(d.Events, func(e event.Coding) bool {
				if e.CAMEO.Code != g.Code || !hasCode(e.Actors, g.Source) {
					return false
				}
				// "Gondor and Osgiliath delayed their meeting": one event
				// of two actors, where the records code each with the
				// other.
				mutual := len(e.Recipients) == 0 && len(e.Actors) > 1 && hasCode(e.Actors, g.Target)
				return mutual || hasCode(e.Recipients, g.Target)
			})
			if k >= 0 {
				s.Coded++
				cat.Coded++
				used[k] = true
			} else {
				r.errorf("petrarch %s: missed %s %s %s, coded %s: %s", rc.ID, g.Source, g.Target, g.Code, petrCodings(d.Events), d.Text)
			}
		}
		for k := range d.Events {
			if !used[k] && len(rc.Codings) > 0 && rc.Codings[0].NoEvents == "" && rc.Codings[0].Error == "" {
				s.Extra++
			}
		}
		s.PerCategory[rc.Category] = cat
	}
	s.CodingShare = share(s.Coded, s.Codings)
	s.EmptyShare = share(s.Empty, s.NoEvents)
	return s, nil
}

// codedSource reports whether a party of e's actors has a code: a
// PETRARCH coding always names its source's, so an event done by nobody
// its dictionaries know ("Grahame Russell said") is no coding it could
// write, and is left out of the comparison.
func codedSource(e event.Coding) bool {
	return slices.ContainsFunc(e.Actors, func(p event.Party) bool { return p.Code+p.Sector != "" })
}

// hasCode reports whether one of ps has the actor code want, compared on
// its first six letters; "---" or "" wants nobody, or a party of no code,
// and "---GOV" a party of sector GOV and no country.
func hasCode(ps []event.Party, want string) bool {
	// "---GOV" is a government of no country: sector GOV, no code.
	want = strings.TrimPrefix(strings.ToUpper(want), "---")
	if want == "" {
		return len(ps) == 0 || slices.ContainsFunc(ps, func(p event.Party) bool { return p.Code+p.Sector == "" })
	}
	if len(want) > 6 {
		want = want[:6]
	}
	return slices.ContainsFunc(ps, func(p event.Party) bool { return p.Code+p.Sector == want })
}

// petrCodings lists events as "SOURCE TARGET CODE" triples for --errors.
func petrCodings(evs []event.Coding) string {
	if len(evs) == 0 {
		return "nothing"
	}
	var out []string
	for _, e := range evs {
		codes := func(ps []event.Party) string {
			var c []string
			for _, p := range ps {
				c = append(c, p.Code+p.Sector)
			}
			if len(c) == 0 {
				return "---"
			}
			return strings.Join(c, "+")
		}
		out = append(out, codes(e.Actors)+" "+codes(e.Recipients)+" "+e.CAMEO.Code)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
