package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/stages/events/actors"
	"github.com/newsflow/newsflow/stages/events/codebook"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile("/tmp/sents.txt")
	if err != nil {
		t.Skip()
	}
	s := newStage(t)
	if os.Getenv("PETR") != "" {
		v := func(n string) string { return filepath.Join("../../../shared/corpora/petrarch2-validation", n) }
		f, _ := os.Open(v("PETR.Validate.verbs.txt"))
		cb, err := codebook.FromDictionary("v", f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := actors.ParseFiles(v("PETR.Validate.actors.txt"), v("PETR.Validate.agents.txt"), v("PETR.Validate.discards.txt"))
		if err != nil {
			t.Fatal(err)
		}
		s, _ = NewWith(DefaultConfig(), Knowledge{Codebook: cb, Actors: d, Unmapped: true})
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		d := extracted(t, line)
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", line)
		for _, e := range d.Events {
			t.Logf("   %s  [%s %q conf %.2f]", e.Summary(), e.CAMEO.Code, e.Evidence.Trigger.Text, e.Confidence)
		}
		for _, e := range d.Entities {
			t.Logf("      ent %s %s %q %v", e.Type, e.Name, e.Role, e.Mentions)
		}
	}
}

func TestZZParties(t *testing.T) {
	b, _ := os.ReadFile("/tmp/sents.txt")
	v := func(n string) string { return filepath.Join("../../../shared/corpora/petrarch2-validation", n) }
	f, _ := os.Open(v("PETR.Validate.verbs.txt"))
	cb, _ := codebook.FromDictionary("v", f)
	dd, _ := actors.ParseFiles(v("PETR.Validate.actors.txt"), v("PETR.Validate.agents.txt"), v("PETR.Validate.discards.txt"))
	s, _ := NewWith(DefaultConfig(), Knowledge{Codebook: cb, Actors: dd, Unmapped: true})
	if os.Getenv("PETR") == "" {
		s = newStage(t)
	}
	c := s.pool.Get().(*coder)
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		d := extracted(t, line)
		c.text, c.ents, c.dates, c.published = d.Text, d.Entities, d.Dates, d.PublishedAt
		c.toks, _ = c.tok.Tokenize(d.Text)
		c.prepareWords()
		c.markEntities()
		for _, p := range c.sentenceParties(0, len(c.toks)) {
			for _, m := range p.members {
				t.Logf("party %d-%d member %q code %s sector %s ent %d", p.start, p.end, d.Text[c.toks[m.start].Start:c.toks[m.end-1].End], m.code, m.sector, m.entity)
			}
		}
		for _, tr := range c.triggers(0, len(c.toks)) {
			t.Logf("trigger %q %+v", c.words[tr.start], tr.verb)
		}
		for i := range c.toks {
			e := c.entry(i)
			if e.dict != 0 {
				t.Logf("  tok %q dict %b", c.words[i], e.dict)
			}
		}
	}
}
