package eval

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"
)

// TestTenseCases checks the tense cases themselves: each parses, has a
// publication date and gold dates whose text is in its own, and ids are
// unique; and scoring them counts every one.
func TestTenseCases(t *testing.T) {
	seen := make(map[string]bool)
	gold := 0
	sc := bufio.NewScanner(bytes.NewReader(tenseCases))
	for sc.Scan() {
		var c tenseCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("case %q: %v", sc.Text(), err)
		}
		if seen[c.ID] || c.ID == "" {
			t.Errorf("case id %q empty or repeated", c.ID)
		}
		seen[c.ID] = true
		if _, err := time.Parse(time.DateOnly, c.Published); err != nil {
			t.Errorf("case %s: published %q: %v", c.ID, c.Published, err)
		}
		for _, d := range c.Dates {
			if !strings.Contains(c.Text, d.Text) || d.Value == "" {
				t.Errorf("case %s: gold date %+v not in %q", c.ID, d, c.Text)
			}
			gold++
		}
	}
	var r DatesReport
	if err := r.scoreTense(t.Context(), "test"); err != nil {
		t.Fatal(err)
	}
	if r.Tense.Cases != len(seen) || r.Tense.Gold != gold || r.Tense.Correct > gold {
		t.Errorf("scoreTense = %+v; want %d cases, %d gold dates", r.Tense, len(seen), gold)
	}
	if r.Tense.Accuracy != ratio(r.Tense.Correct, r.Tense.Gold) {
		t.Errorf("tense accuracy %v; want %d/%d", r.Tense.Accuracy, r.Tense.Correct, r.Tense.Gold)
	}
}
