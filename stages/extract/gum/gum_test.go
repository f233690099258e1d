package gum

import (
	"os"
	"path/filepath"
	"testing"
)

func corpus(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpora", "gum-news")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not available at %s: %v", dir, err)
	}
	return dir
}

func TestRead(t *testing.T) {
	docs, err := Read(corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	// NER-GOLD.md: 24 documents, 1,111 entities (PER 434, ORG 356, LOC 321).
	counts := map[string]int{}
	parts := map[string]int{}
	for _, d := range docs {
		for _, e := range d.Entities {
			counts[e.Type]++
		}
		parts[d.Partition]++
	}
	if len(docs) != 24 || counts["PER"] != 434 || counts["ORG"] != 356 || counts["LOC"] != 321 {
		t.Errorf("Read() = %d docs, %v entities; want 24 docs, PER 434 ORG 356 LOC 321", len(docs), counts)
	}
	if parts["dev"] != 2 || parts["test"] != 2 || parts["train"] != 20 {
		t.Errorf("partitions = %v; want train 20, dev 2, test 2", parts)
	}
	if d := docs[0]; d.Name != "GUM_news_afghan" || d.Created.Format("2006-01-02") != "2017-07-18" {
		t.Errorf("first doc = %s created %v; want GUM_news_afghan created 2017-07-18", d.Name, d.Created)
	}
	// SOURCE.md: 194 <date> and 84 <quote> elements.
	var dates, quotes int
	for _, d := range docs {
		dates += len(d.Dates)
		quotes += len(d.Quotes)
		for _, q := range d.Quotes {
			if q.Start >= q.End || q.End > len(d.Text) {
				t.Errorf("%s: quote %+v outside the text", d.Name, q)
			}
		}
	}
	if dates != 194 || quotes != 84 {
		t.Errorf("Read() = %d dates, %d quotes; want 194, 84", dates, quotes)
	}
}
