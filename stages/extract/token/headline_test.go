package token

import "testing"

func TestTitleCase(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Police Threaten Protesters with Arrest", true},
		{"Over Half of Haiti Teachers Now Out on Wildcat Strike", true},
		{"Russian troops attack Kharkiv power plant", false},
		{"NATO and EU leaders meet", false},
		{"BAHIA COCOA REVIEW", true},
		{"U.S. SENATE PASSES TRADE BILL", true},
		{"Crisis", false},
		{"", false},
	} {
		var tk Tokenizer
		toks, _ := tk.Tokenize(tc.in)
		if got := TitleCase(toks, nil); got != tc.want {
			t.Errorf("TitleCase(%q) = %v; want %v", tc.in, got, tc.want)
		}
	}
}
