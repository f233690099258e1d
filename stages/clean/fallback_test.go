package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSuspect(t *testing.T) {
	tests := []struct {
		name    string
		main    textStats
		visible int
		want    suspicion
	}{
		{"a fair share", textStats{words: 400}, 1000, notSuspect},
		{"a caption of a long page", textStats{words: 26}, 383, tooSmall},
		{"nothing found", textStats{}, 500, tooSmall},
		{"mostly links", textStats{words: 300, linkWords: 200}, 1000, tooLinky},
		{"the whole page", textStats{words: 1211}, 1157, wholePage},
		{"a short page is left alone", textStats{words: 5}, 60, notSuspect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := suspect(tt.main, tt.visible); got != tt.want {
				t.Errorf("suspect(%+v, %d) = %v; want %v", tt.main, tt.visible, got, tt.want)
			}
		})
	}
}

func TestBetter(t *testing.T) {
	tests := []struct {
		name          string
		why           suspicion
		first, second textStats
		runes         int
		want          bool
	}{
		{"small, second twice as long", tooSmall, textStats{words: 26}, textStats{words: 300}, 1800, true},
		{"small, second barely longer", tooSmall, textStats{words: 26}, textStats{words: 40}, 240, false},
		{"nothing, second has an article", tooSmall, textStats{}, textStats{words: 100}, 600, true},
		{"second too short", tooSmall, textStats{}, textStats{words: 10}, 60, false},
		{"second mostly links", tooSmall, textStats{}, textStats{words: 300, linkWords: 200}, 1800, false},
		{"linky, second far fewer links", tooLinky, textStats{words: 300, linkWords: 240}, textStats{words: 200, linkWords: 10}, 1200, true},
		{"linky, second as linky", tooLinky, textStats{words: 300, linkWords: 160}, textStats{words: 300, linkWords: 140}, 1800, false},
		{"whole page, second an article", wholePage, textStats{words: 1211}, textStats{words: 103}, 700, true},
		{"whole page, second the page too", wholePage, textStats{words: 1211}, textStats{words: 1100}, 7000, false},
		{"not suspect", notSuspect, textStats{words: 400}, textStats{words: 1000}, 6000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := better(tt.why, tt.first, tt.second, tt.runes); got != tt.want {
				t.Errorf("better(%v, %+v, %+v, %d) = %v; want %v", tt.why, tt.first, tt.second, tt.runes, got, tt.want)
			}
		})
	}
}

func TestCountVisible(t *testing.T) {
	page := `<html><head><title>Not counted</title><style>p{}</style></head>` +
		`<body><nav>Home News</nav><p>One two three.</p><script>var x = 1;</script><p>Four <a href="/">five</a></p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := countVisible(doc, 0); got != 7 {
		t.Errorf("countVisible(page) = %d; want 7 (the head, style and script left out)", got)
	}
}
