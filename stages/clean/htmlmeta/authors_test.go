package htmlmeta

import (
	"slices"
	"strings"
	"testing"
)

func TestAuthorList(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"Jane Doe"}, []string{"Jane Doe"}},
		{[]string{"By Jane Doe"}, []string{"Jane Doe"}},
		{[]string{"BY: JANE DOE"}, []string{"JANE DOE"}},
		{[]string{"by Jane Doe and John Roe"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Jane Doe, John Roe and Ann Poe"}, []string{"Jane Doe", "John Roe", "Ann Poe"}},
		{[]string{"Jane Doe & John Roe"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Jane Doe; John Roe"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Jane Doe, Staff Writer"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe and John Roe, Staff Writers"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Jane Doe, Senior Political Correspondent"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe - Example Science Contributor"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe, Special to The Example"}, []string{"Jane Doe"}},
		{[]string{"Analysis by Jane Doe, Example Editor-at-large"}, []string{"Jane Doe"}},
		{[]string{"Written by Jane Doe"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe, MS, RDN"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe, Ph.D."}, []string{"Jane Doe"}},
		{[]string{"Jane Doe, Reuters"}, []string{"Jane Doe", "Reuters"}},
		{[]string{"Example Wire Staff"}, []string{"Example Wire Staff"}},
		{[]string{"By Jane Doe | November 18, 2019 12:01 PM"}, []string{"Jane Doe"}},
		{[]string{"by Jane Doe Monday, November 18, 2019"}, []string{"Jane Doe"}},
		{[]string{"EXAMPLE POST STAFF NOVEMBER 20, 2019"}, []string{"EXAMPLE POST STAFF"}},
		{[]string{"Jane Doe Updated 2 hours ago"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe", "jane doe", "JANE DOE"}, []string{"Jane Doe"}},
		{[]string{"https://example.com/staff/jane", "www.example.com/jane", "jane@example.com", "@janedoe", "/staff/jane"}, nil},
		{[]string{"1234", " , ", ""}, nil},
		{[]string{"  Jane\n\t Doe  "}, []string{"Jane Doe"}},
		{[]string{"Jane Doe &amp; John Roe"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Zoë Ångström"}, []string{"Zoë Ångström"}},
		{[]string{strings.Repeat("Long ", 30)}, nil},
	}
	for _, tt := range tests {
		var l authorList
		for _, s := range tt.in {
			l.add(s)
		}
		if !slices.Equal(l.names, tt.want) {
			t.Errorf("authors(%q) = %q; want %q", tt.in, l.names, tt.want)
		}
	}
}

func TestAuthorListCap(t *testing.T) {
	var l authorList
	for i := range 30 {
		l.add("Author " + string(rune('A'+i)))
	}
	if len(l.names) != maxAuthors {
		t.Errorf("len(names) = %d; want %d", len(l.names), maxAuthors)
	}
}

func TestAuthorSources(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"json-ld over meta", `<meta name="author" content="Meta Name"><script type="application/ld+json">{"@type":"Article","author":{"name":"LD Name"}}</script>`, []string{"LD Name"}},
		{"meta", `<meta name="author" content="Meta Name">`, []string{"Meta Name"}},
		{"article:author url skipped", `<meta property="article:author" content="https://social.example/jane"><meta name="parsely-author" content="Jane Doe">`, []string{"Jane Doe"}},
		{"several meta tags", `<meta property="article:author" content="Jane Doe"><meta property="article:author" content="John Roe">`, []string{"Jane Doe", "John Roe"}},
		{"first key only", `<meta name="author" content="Jane Doe"><meta name="sailthru.author" content="Other Name">`, []string{"Jane Doe"}},
		{"byl", `<meta name="byl" content="By Jane Doe and John Roe">`, []string{"Jane Doe", "John Roe"}},
		{"microdata", `</head><body><span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>`, []string{"Jane Doe"}},
		{"rel author", `</head><body><p>By <a rel="author" href="/jane">Jane Doe</a></p>`, []string{"Jane Doe"}},
		{"byline class", `</head><body><article><p class="story-byline">By Jane Doe and John Roe<br>April 12, 2025</p></article>`, []string{"Jane Doe", "John Roe"}},
		{"byline class without by", `</head><body><p class="byline">Jane Doe</p>`, nil},
		{"byline in nav skipped", `</head><body><nav><a rel="author" href="/x">Menu Author</a></nav>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(t, "<html><head>"+tt.src, "").Authors; !slices.Equal(got, tt.want) {
				t.Errorf("Authors = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestCutAtDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"By Jane Doe November 18, 2019 12:01 PM", "By Jane Doe "},
		{"Jane Doe Nov. 18, 2019", "Jane Doe "},
		{"Jane Doe Monday, November 18", "Jane Doe "},
		{"Jane Doe 2019-11-18", "Jane Doe "},
		{"Jane Doe Updated 5 minutes ago", "Jane Doe "},
		{"Jane Doe | Published", "Jane Doe | "},
		{"May Smith and June Jones", "May Smith and June Jones"},
		{"Jane Doe, Channel 4", "Jane Doe, Channel 4"},
		{"Sunday Times Staff", "Sunday Times Staff"},
	}
	for _, tt := range tests {
		if got := cutAtDate(tt.in); got != tt.want {
			t.Errorf("cutAtDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
