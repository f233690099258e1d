package eval

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline/event"
)

func TestPentacode(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{"010", 0}, {"0213", 0}, {"042", 1}, {"057", 1}, {"061", 2}, {"0874", 2}, {"112", 3},
		{"163", 3}, {"145", 4}, {"190", 4}, {"2042", 4}, {"", -1}, {"7", -1},
	}
	for _, tt := range tests {
		if got := pentacode(tt.code); got != tt.want {
			t.Errorf("pentacode(%q) = %d; want %d", tt.code, got, tt.want)
		}
	}
}

func TestClassScores(t *testing.T) {
	var conf [5][5]int
	conf[0][0], conf[0][1], conf[1][1], conf[4][4] = 3, 1, 2, 4
	gold := [5]int{5, 2, 0, 0, 4} // one statement coded as nothing
	acc, macro, per := classScores(conf, gold)
	if want := 9.0 / 11; acc != want {
		t.Errorf("accuracy = %v; want %v", acc, want)
	}
	if p := per["0"]; p.Precision != 1 || p.Recall != 0.6 {
		t.Errorf(`per["0"] = %+v; want precision 1, recall 0.6`, p)
	}
	if p := per["1"]; p.Precision != 2.0/3 || p.Recall != 1 {
		t.Errorf(`per["1"] = %+v; want precision 2/3, recall 1`, p)
	}
	want := (per["0"].F1 + per["1"].F1 + per["4"].F1) / 5
	if macro != want {
		t.Errorf("macro-F1 = %v; want %v (classes without gold count as 0)", macro, want)
	}
}

func TestSpanCounts(t *testing.T) {
	var c spanCounts
	c.add([]event.Party{{Start: 0, End: 10}, {Start: 20, End: 25}}, []goldSpan{{Start: 0, End: 10}, {Start: 22, End: 30}, {Start: 40, End: 45}})
	s := c.scores()
	if s.Exact.Correct != 1 || s.Exact.Predicted != 2 || s.Exact.Gold != 3 {
		t.Errorf("exact = %+v; want 1 of 2 predicted, 3 gold", s.Exact)
	}
	if s.Overlap.Recall != 2.0/3 || s.Overlap.Precision != 1 {
		t.Errorf("overlap = %+v; want recall 2/3, precision 1", s.Overlap)
	}
}

func TestAsPhrase(t *testing.T) {
	const text = "Trump and King Abdullah met. Trump will meet Hariri, Aoun and Berri."
	at := func(s string, from int) event.Party {
		i := from + strings.Index(text[from:], s)
		return event.Party{Text: s, Start: i, End: i + len(s)}
	}
	second := strings.Index(text, ".")
	tests := []struct {
		name string
		ps   []event.Party
		want [][2]int // spans
	}{
		{"coordinated: one phrase", []event.Party{at("Trump", 0), at("King Abdullah", 0)}, [][2]int{{0, 23}}},
		{"apart: one span each, the coordinated ones joined", []event.Party{at("Trump", second), at("Hariri", second), at("Aoun", second), at("Berri", second)},
			[][2]int{{at("Trump", second).Start, at("Trump", second).End}, {at("Hariri", second).Start, at("Berri", second).End}}},
		{"one actor", []event.Party{at("Trump", 0)}, [][2]int{{0, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][2]int
			for _, p := range asPhrase(tt.ps, text) {
				got = append(got, [2]int{p.Start, p.End})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("asPhrase = %v; want %v", got, tt.want)
			}
		})
	}
}

func TestCodesAgree(t *testing.T) {
	ps := []event.Party{{Code: "USA"}, {Code: "RUS"}, {Code: ""}}
	if !codesAgree(ps, []string{"RUS", "USA", "USA"}) {
		t.Error("codesAgree(USA RUS, RUS USA USA) = false; want true (sets)")
	}
	if codesAgree(ps, []string{"RUS"}) {
		t.Error("codesAgree(USA RUS, RUS) = true; want false")
	}
}

func TestHasCode(t *testing.T) {
	ps := []event.Party{{Code: "PSE", Sector: "REB"}, {Code: "ARN"}}
	tests := []struct {
		ps   []event.Party
		want string
		ok   bool
	}{
		{ps, "PSEREBHMS", true}, {ps, "ARN", true}, {ps, "GON", false}, {ps, "pserebhms", true},
		{nil, "---", true}, {ps, "---", false}, {[]event.Party{{Text: "crowds"}}, "---", true},
	}
	for _, tt := range tests {
		if got := hasCode(tt.ps, tt.want); got != tt.ok {
			t.Errorf("hasCode(%v, %q) = %v; want %v", tt.ps, tt.want, got, tt.ok)
		}
	}
}

func TestReadPetrarch(t *testing.T) {
	recs, err := readPetrarch(filepath.Join(corporaDir(t), "petrarch2-validation", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	codings, noevents, errs := 0, 0, 0
	for _, r := range recs {
		for _, c := range r.Codings {
			if c.Error != "" {
				errs++
			} else if c.NoEvents != "" {
				noevents++
			} else {
				codings++
			}
		}
	}
	// The counts of the records' SOURCE.md: 284 records, 385 codings of
	// which 19 say there is no event and 7 which error PETRARCH reports.
	if len(recs) != 284 || codings+noevents+errs != 385 || noevents != 19 || errs != 7 {
		t.Errorf("readPetrarch() = %d records, %d codings, %d noevents, %d errors; want 284, 359, 19, 7", len(recs), codings, noevents, errs)
	}
}
