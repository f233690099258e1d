package htmlmeta

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Plain title", 100, "Plain title"},
		{"  spaced \t\n out  ", 100, "spaced out"},
		{"no\u00a0break\u2003space", 100, "no break space"},
		{"Rock &amp; roll", 100, "Rock & roll"},
		{"double &amp;amp; escaped", 100, "double &amp; escaped"},
		{"AT&T", 100, "AT&T"},
		{"bad \xff\xfe bytes", 100, "bad bytes"},
		{"ctrl\x00\x07chars\u0085", 100, "ctrlchars"},
		{"soft\u00adhy\u200bphen\ufeff", 100, "softhyphen"},
		{"replacement \ufffd char", 100, "replacement char"},
		{"one two three four five", 17, "one two three"},
		{"one two three four five", 12, "one two thre"},
		{"onetwothreefour", 7, "onetwot"},
		{"héllo wörld", 7, "héllo"},
		{"wörld", 2, "w"},
		{"日本語のテキスト", 7, "日本"},
		{"", 10, ""},
	}
	for _, tt := range tests {
		got := clean(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("clean(%q, %d) = %q; want %q", tt.in, tt.max, got, tt.want)
		}
		if !utf8.ValidString(got) || len(got) > tt.max {
			t.Errorf("clean(%q, %d) = %q: invalid or too long", tt.in, tt.max, got)
		}
	}
}

func TestStripSite(t *testing.T) {
	tests := []struct {
		title, site, host, want string
	}{
		{"Storm hits coast | The Daily Example", "The Daily Example", "", "Storm hits coast"},
		{"Storm hits coast | Daily Example", "The Daily Example", "", "Storm hits coast"},
		{"Storm hits coast - dailyexample.com", "", "www.dailyexample.com", "Storm hits coast"},
		{"Storm hits coast — DAILY EXAMPLE", "", "m.dailyexample.co.uk", "Storm hits coast"},
		{"Storm hits coast · Daily-Example", "", "dailyexample.com", "Storm hits coast"},
		{"Daily Example | Storm hits coast", "Daily Example", "", "Storm hits coast"},
		{"Storm - hits - coast | Daily Example", "Daily Example", "", "Storm - hits - coast"},
		{"Storm hits coast | Weather | Daily Example", "Daily Example", "", "Storm hits coast | Weather"},
		{"Storm hits coast | Weather", "Daily Example", "dailyexample.com", "Storm hits coast | Weather"},
		{"Storm hits coast - Co", "", "dailyexample.co.uk", "Storm hits coast - Co"},
		{"2025 | Daily Example", "Daily Example", "", "2025 | Daily Example"},
		{"Daily Example", "Daily Example", "", "Daily Example"},
		{"Storm hits coast | Daily Example", "", "", "Storm hits coast | Daily Example"},
	}
	for _, tt := range tests {
		if got := stripSite(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSite(%q, %q, %q) = %q; want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		page, base string
		cands      []string
		want       string
	}{
		{"https://example.com/a/b", "", []string{"/c"}, "https://example.com/c"},
		{"https://example.com/a/b", "", []string{"c?x=1#frag"}, "https://example.com/a/c?x=1"},
		{"https://example.com/a/b", "", []string{"//cdn.example.org/c"}, "https://cdn.example.org/c"},
		{"https://example.com/a/b", "/base/", []string{"c"}, "https://example.com/base/c"},
		{"", "", []string{"/relative", "https://example.com/abs"}, "https://example.com/abs"},
		{"", "", []string{"HTTP://Example.com/x"}, "http://Example.com/x"},
		{"", "", []string{"mailto:x@example.com", "data:text/html,x", "https:///nohost"}, ""},
		{"", "", []string{" https://example.com/spaced "}, "https://example.com/spaced"},
		{"", "", []string{"https://example.com/" + strings.Repeat("x", maxURL)}, ""},
		{"not a url", "", []string{"/x"}, ""},
	}
	for _, tt := range tests {
		if got := canonicalURL(tt.page, tt.base, tt.cands...); got != tt.want {
			t.Errorf("canonicalURL(%q, %q, %q) = %q; want %q", tt.page, tt.base, tt.cands, got, tt.want)
		}
	}
}

func TestSiteName(t *testing.T) {
	tests := []struct {
		og, publisher, app, website, want string
	}{
		{"Example Post", "Example Wire", "", "", "Example Post"},
		{"examplepost", "The Example Post", "", "", "The Example Post"},
		{"examplepost.com", "", "Example App", "", "Example App"},
		{"examplepost", "", "", "", "examplepost"},
		{"WXYZ", "Other", "", "", "WXYZ"},
		{"https://example.com", "", "", "", ""},
		{"", "", "", "Example Site", "Example Site"},
	}
	for _, tt := range tests {
		if got := siteName(tt.og, tt.publisher, tt.app, tt.website); got != tt.want {
			t.Errorf("siteName(%q, %q, %q, %q) = %q; want %q", tt.og, tt.publisher, tt.app, tt.website, got, tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"en-GB"}, "en-GB"},
		{[]string{"", "fr"}, "fr"},
		{[]string{" de-AT, en"}, "de-AT"},
		{[]string{"pt_BR"}, "pt_BR"},
		{[]string{strings.Repeat("x", 40), "es"}, "es"},
		{[]string{"", ""}, ""},
	}
	for _, tt := range tests {
		if got := language(tt.in...); got != tt.want {
			t.Errorf("language(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, sub string
		want   bool
	}{
		{"post-date", "date", true},
		{"PostDate", "date", true},
		{"PUBLISHED", "published", true},
		{"dat", "date", false},
		{"", "date", false},
	}
	for _, tt := range tests {
		if got := containsFold(tt.s, tt.sub); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v; want %v", tt.s, tt.sub, got, tt.want)
		}
	}
}
