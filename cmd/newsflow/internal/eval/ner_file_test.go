package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNERFile scores a names file of two documents: what the stages find
// of its names, and what they miss, shows in the counts.
func TestNERFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "names.jsonl")
	lines := `{"doc":"a","text":"Vladimir Putin met Steve Witkoff in Moscow on Friday.","entities":[{"start":0,"end":14,"type":"PER","text":"Vladimir Putin"},{"start":19,"end":32,"type":"PER","text":"Steve Witkoff"},{"start":36,"end":42,"type":"LOC","text":"Moscow"}]}
{"doc":"b","text":"Nothing is named here at all, said nobody.","entities":[{"start":11,"end":16,"type":"ORG","text":"named"}]}
`
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := NERFile(t.Context(), path, "test")
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 2 || r.Gold != 4 || r.Split != "" || r.Corpus != path {
		t.Errorf("NERFile = %d docs, %d gold, split %q, corpus %q; want 2, 4, \"\", %s", r.Docs, r.Gold, r.Split, r.Corpus, path)
	}
	if r.Correct != 3 || r.Types["PER"].Correct != 2 || r.Types["LOC"].Correct != 1 || r.Types["ORG"].Correct != 0 {
		t.Errorf("NERFile correct = %d (PER %d, LOC %d, ORG %d); want 3 (2, 1, 0)", r.Correct, r.Types["PER"].Correct, r.Types["LOC"].Correct, r.Types["ORG"].Correct)
	}
}

func TestNERFileMissing(t *testing.T) {
	if _, err := NERFile(t.Context(), filepath.Join(t.TempDir(), "none.jsonl"), "test"); err == nil {
		t.Error("NERFile(missing file) = nil error; want one")
	}
}
