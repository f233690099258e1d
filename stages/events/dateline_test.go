package events

import "testing"

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		text string
		want string // the text from the token datelineEnd returns; "" for none
	}{
		{"KYIV, Nov 14 (Reuters) - Russia launched drones.", "Russia launched drones."},
		{"JERUSALEM (AP) — Israel struck Gaza.", "Israel struck Gaza."},
		{"NEW YORK, Dec. 3 (AFP) - The talks ended.", "The talks ended."},
		{"NATO and Russia held talks - a rare meeting.", ""},    // a word in lower case before the dash
		{"Israel struck Gaza - the army said.", ""},             // no capitals first
		{"UN envoy arrives in Kabul", ""},                       // no dash
		{"KYIV - ", ""},                                         // no word after the dash
		{"EU, US AND UK AGREE ON SANCTIONS - REPORT", "REPORT"}, // a headline in capitals reads as one; titles are not searched
		{"GAZA CITY (Reuters) - Air strikes hit Gaza.", "Air strikes hit Gaza."},
	}
	s := newStage(t)
	for _, tt := range tests {
		c := s.pool.Get().(*coder)
		// What code does before it looks for the dateline, with no
		// entities or dates.
		c.text, c.ents, c.dates = tt.text, nil, nil
		c.toks, _ = c.tok.Tokenize(tt.text)
		c.markEntities()
		c.prepareWords()
		got := ""
		if i := c.datelineEnd(); i > 0 {
			got = tt.text[c.toks[i].Start:]
		}
		if got != tt.want {
			t.Errorf("datelineEnd(%q) starts %q; want %q", tt.text, got, tt.want)
		}
		s.pool.Put(c)
	}
}
