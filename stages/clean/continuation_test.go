package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// prose is a paragraph of n words, distinct per seed so that no two
// paragraphs of a page share their start.
func prose(seed string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = seed
		if i > 0 {
			w[i] = "word"
		}
	}
	return strings.Join(w, " ") + "."
}

func TestContinued(t *testing.T) {
	first, second, third := prose("Alpha", 70), prose("Bravo", 70), prose("Charlie", 70)
	tests := []struct {
		name, page string
		main       string
		want       []string // blocks of the result, in order
	}{
		{
			name: "chunks between ads",
			page: `<article><div class="chunk"><div class="body"><p>` + first + `</p></div></div>` +
				`<div class="ad">Advertisement</div>` +
				`<div class="chunk"><div class="body"><p>` + second + `</p><figure><figcaption>` + prose("Caption", 70) + `</figcaption></figure></div></div>` +
				`<div class="chunk"><p>` + third + `</p></div></article>`,
			main: first,
			want: []string{first, second, third},
		},
		{
			name: "teasers in links",
			page: `<div class="row"><p>` + first + `</p></div>` +
				`<div class="row"><a href="/x"><h3>Other story</h3><p>` + second + `</p></a></div>`,
			main: first,
			want: []string{first},
		},
		{
			name: "a short note",
			page: `<div class="box"><p>` + first + `</p></div><div class="box"><h4>About the Author</h4><p>` + prose("Bio", 30) + `</p></div>`,
			main: first,
			want: []string{first},
		},
		{
			name: "taken already",
			page: `<div class="block"><p>` + first + `</p></div><div class="block"><p>` + second + `</p></div>`,
			main: first + "\n\n" + second,
			want: []string{first, second},
		},
		{
			name: "no class",
			page: `<div><p>` + first + `</p></div><div><p>` + second + `</p></div>`,
			main: first,
			want: []string{first},
		},
		{
			name: "paragraph not in the page",
			page: `<div class="c"><p>` + first + `</p></div><div class="c"><p>` + second + `</p></div>`,
			main: third,
			want: []string{third},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range strings.Split(string(continued(doc, []byte(tt.main))), "\n\n") {
				if b = strings.TrimSpace(b); b != "" {
					got = append(got, b)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("continued(%s) = %d blocks %.40q…; want %d blocks %.40q…", tt.name, len(got), got, len(tt.want), tt.want)
			}
		})
	}
}
