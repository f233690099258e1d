package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func reutersDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "corpora", "reuters21578")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not available at %s: %v", dir, err)
	}
	return dir
}

func TestReadReuters(t *testing.T) {
	stories, err := ReadReuters(reutersDir(t))
	if err != nil {
		t.Fatal(err)
	}
	// SOURCE.md: 5,000 stories, 4,584 with a body.
	if len(stories) != 4584 {
		t.Errorf("ReadReuters() = %d stories with a body; want 4584", len(stories))
	}
	s := stories[0]
	if s.NewID != "1" || s.Title != "BAHIA COCOA REVIEW" || s.Date.Format("2006-01-02 15:04") != "1987-02-26 15:01" {
		t.Errorf("first story = {%s %q %v}; want {1 \"BAHIA COCOA REVIEW\" 1987-02-26 15:01}", s.NewID, s.Title, s.Date)
	}
	if len(s.Places) != 3 || s.Places[0] != "el-salvador" {
		t.Errorf("first story places = %v; want [el-salvador usa uruguay]", s.Places)
	}
	for _, s := range stories {
		for _, r := range s.Body {
			if r < 0x20 && r != '\n' && r != '\t' {
				t.Fatalf("story %s: body holds control character %U", s.NewID, r)
			}
		}
	}
}
