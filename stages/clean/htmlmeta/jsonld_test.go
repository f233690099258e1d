package htmlmeta

import (
	"slices"
	"strings"
	"testing"
)

// ldPage wraps JSON-LD blocks in a page.
func ldPage(blocks ...string) string {
	var b strings.Builder
	b.WriteString("<html><head>")
	for _, s := range blocks {
		b.WriteString(`<script type="application/ld+json">` + s + "</script>")
	}
	b.WriteString("</head><body></body></html>")
	return b.String()
}

func TestJSONLDRepair(t *testing.T) {
	tests := []struct {
		name, block, want string
	}{
		{"valid", `{"@type":"NewsArticle","headline":"Valid"}`, "Valid"},
		{"trailing commas", `{"@type":"NewsArticle","headline":"Commas","author":["A",],}`, "Commas"},
		{"cdata", `//<![CDATA[
{"@type":"NewsArticle","headline":"Cdata"}
//]]>`, "Cdata"},
		{"cdata comment wrapper", `/*<![CDATA[*/{"@type":"NewsArticle","headline":"Cdata2"}/*]]>*/`, "Cdata2"},
		{"html comment", `<!-- {"@type":"NewsArticle","headline":"Comment"} -->`, "Comment"},
		{"comments", `{"@type":"NewsArticle", /* note */ "headline":"Notes" // end
}`, "Notes"},
		{"raw line break in string", "{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\"}", "Line break"},
		{"invalid escape", `{"@type":"NewsArticle","headline":"It\'s here"}`, "It's here"},
		{"escaped as attribute", `{&quot;@type&quot;:&quot;NewsArticle&quot;,&quot;headline&quot;:&quot;Quoted&quot;}`, "Quoted"},
		{"entities in value", `{"@type":"NewsArticle","headline":"Rock &amp; roll &#8217;n&#8217; more"}`, "Rock & roll ’n’ more"},
		{"unicode escape", `{"@type":"NewsArticle","headline":"Caf\u00e9"}`, "Café"},
		{"garbage", `{"@type":"NewsArticle","headline":"Garbage" ]]] {{{`, ""},
		{"not json", `window.x = {"headline": "Script"};`, ""},
		{"empty", ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(t, ldPage(tt.block), "").Title; got != tt.want {
				t.Errorf("Title = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestJSONLDSelection(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		title  string
		pub    string
		site   string
	}{
		{"article over webpage", []string{
			`{"@type":"WebPage","name":"Page","datePublished":"2025-01-01"}`,
			`{"@type":"NewsArticle","headline":"Article"}`},
			"Article", "2025-01-01T00:00:00Z", ""},
		{"graph", []string{`{"@context":"https://schema.org","@graph":[
			{"@type":"Organization","@id":"#org","name":"Example Org"},
			{"@type":"WebPage","@id":"#page","name":"Page | Example"},
			{"@type":["Article","NewsArticle"],"headline":"In graph","datePublished":"2025-02-03T04:05:06+00:00","publisher":{"@id":"#org"}}]}`},
			"In graph", "2025-02-03T04:05:06Z", "Example Org"},
		{"array of objects", []string{`[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Post"}]`},
			"Post", "", ""},
		{"prefixed type", []string{`{"@type":"http://schema.org/ReportageNews","headline":"Report"}`},
			"Report", "", ""},
		{"main entity", []string{`{"@type":"WebPage","name":"Page","mainEntity":{"@type":"LiveBlogPosting","headline":"Live"}}`},
			"Live", "", ""},
		{"nested related story ranks low", []string{
			`{"@type":"WebPage","name":"Page","relatedLink":[{"@type":"NewsArticle","headline":"Other"}]}`},
			"Page", "", ""},
		{"top-level before nested", []string{
			`{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Related"}]}`,
			`{"@type":"NewsArticle","headline":"Main"}`},
			"Main", "", ""},
		{"first block wins a tie", []string{
			`{"@type":"NewsArticle","headline":"First"}`,
			`{"@type":"NewsArticle","headline":"Second"}`},
			"First", "", ""},
		{"name when no headline", []string{`{"@type":"Article","name":"Named"}`}, "Named", "", ""},
		{"value object", []string{`{"@type":"Article","headline":{"@value":"Valued"}}`}, "Valued", "", ""},
		{"untyped ignored", []string{`{"headline":"Untyped"}`}, "", "", ""},
		{"bad block ignored", []string{`{{{`, `{"@type":"Article","headline":"Good"}`}, "Good", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := run(t, ldPage(tt.blocks...), "")
			pub := ""
			if !m.Published.IsZero() {
				pub = m.Published.UTC().Format("2006-01-02T15:04:05Z")
			}
			if m.Title != tt.title || pub != tt.pub || m.SiteName != tt.site {
				t.Errorf("got title %q, published %q, site %q; want %q, %q, %q", m.Title, pub, m.SiteName, tt.title, tt.pub, tt.site)
			}
		})
	}
}

func TestJSONLDAuthors(t *testing.T) {
	tests := []struct {
		name, author string
		want         []string
	}{
		{"string", `"Jane Doe"`, []string{"Jane Doe"}},
		{"person", `{"@type":"Person","name":"Jane Doe"}`, []string{"Jane Doe"}},
		{"organization", `{"@type":"Organization","name":"Example Wire"}`, []string{"Example Wire"}},
		{"array", `[{"@type":"Person","name":"Jane Doe"},"John Roe",{"name":"Jane Doe"}]`, []string{"Jane Doe", "John Roe"}},
		{"given and family", `{"@type":"Person","givenName":"Jane","familyName":"Doe"}`, []string{"Jane Doe"}},
		{"reference", `{"@id":"#jane"}`, []string{"Jane Q. Doe"}},
		{"name array", `{"name":["Jane Doe"]}`, []string{"Jane Doe"}},
		{"url dropped", `["https://example.com/staff/jane","Jane Doe"]`, []string{"Jane Doe"}},
		{"byline string", `"By Jane Doe and John Roe"`, []string{"Jane Doe", "John Roe"}},
		{"empty object", `{}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := ldPage(`{"@graph":[{"@type":"NewsArticle","headline":"H","author":` + tt.author + `},
				{"@type":"Person","@id":"#jane","name":"Jane Q. Doe"}]}`)
			if got := run(t, src, "").Authors; !slices.Equal(got, tt.want) {
				t.Errorf("Authors = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestJSONLDFields(t *testing.T) {
	src := ldPage(`{"@type":"NewsArticle","headline":"H","description":"About &lt;it&gt;",
		"datePublished":"2025-04-12T09:00:00-04:00","dateModified":"2025-04-13",
		"mainEntityOfPage":{"@type":"WebPage","@id":"https://example.com/a#main"},
		"inLanguage":"pt-BR","publisher":{"@type":"Organization","name":"Example Folha"}}`)
	m := run(t, src, "")
	if m.Description != "About <it>" || m.CanonicalURL != "https://example.com/a" || m.Lang != "pt-BR" ||
		m.SiteName != "Example Folha" || !m.Modified.Equal(date(2025, 4, 13, 0, 0, 0)) ||
		!m.Published.Equal(date(2025, 4, 12, 13, 0, 0)) || m.PublishedSource != SourceJSONLD {
		t.Errorf("Extract = %+v", m)
	}
}

func TestJSONLDBounds(t *testing.T) {
	deep := strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat(`}`, 40)
	deepArticle := `{"@type":"NewsArticle","headline":"Deep","x":` + deep + `}`
	huge := `{"@type":"NewsArticle","headline":"Huge","pad":"` + strings.Repeat("x", maxLDBytes) + `"}`
	shallowEnough := `{"@type":"NewsArticle","headline":"Fine","x":` +
		strings.Repeat(`[`, maxLDDepth-2) + strings.Repeat(`]`, maxLDDepth-2) + `}`
	tests := []struct {
		name, block, want string
	}{
		{"too deep skipped", deepArticle, ""},
		{"deep brackets in strings are text", `{"@type":"NewsArticle","headline":"Text","x":"` + strings.Repeat("[{", 100) + `"}`, "Text"},
		{"just deep enough", shallowEnough, "Fine"},
		{"over 1 MiB skipped", huge, ""},
		{"unbalanced deep", strings.Repeat("[", 1<<20), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(t, ldPage(tt.block), "").Title; got != tt.want {
				t.Errorf("Title = %q; want %q", got, tt.want)
			}
		})
	}

	// Many blocks: only the first maxLDBlocks are read.
	blocks := make([]string, maxLDBlocks+1)
	for i := range blocks {
		blocks[i] = `{"@type":"Thing"}`
	}
	blocks[maxLDBlocks] = `{"@type":"NewsArticle","headline":"Late"}`
	if got := run(t, ldPage(blocks...), "").Title; got != "" {
		t.Errorf("Title from block %d = %q; want none", maxLDBlocks+1, got)
	}
}
