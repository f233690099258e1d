package clean

import (
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

func TestProcessFillsMetadata(t *testing.T) {
	page := `<!doctype html><html lang="en"><head>
<title>Harbour reopens after repairs | Port Ellis Gazette</title>
<link rel="canonical" href="/2025/04/12/harbour">
<meta property="og:site_name" content="Port Ellis Gazette">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens after repairs",
 "datePublished":"2025-04-12T08:30:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens after repairs</h1>
<p>` + strings.Repeat("The harbour at Port Ellis reopened on Monday, three weeks after a storm damaged its sea wall. ", 4) + `</p>
<p>“We are back in business,” said the harbour master, as the first boats came in.</p></article></body></html>`
	received := time.Date(2025, 4, 13, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   pipeline.Doc
		want pipeline.Doc
	}{
		{"filled from the page",
			pipeline.Doc{Body: page, URL: "https://gazette.example/news?id=1", PublishedAt: received, PublishedSource: pipeline.PublishedFromMessage},
			pipeline.Doc{Title: "Harbour reopens after repairs", Authors: []string{"Jane Doe"}, PublishedAt: time.Date(2025, 4, 12, 8, 30, 0, 0, time.UTC),
				PublishedSource: "json-ld", SiteName: "Port Ellis Gazette", CanonicalURL: "https://gazette.example/2025/04/12/harbour"}},
		{"input wins",
			pipeline.Doc{Body: page, Title: "Given", Authors: []string{"Given Author"}, PublishedAt: received, PublishedSource: pipeline.PublishedFromInput},
			pipeline.Doc{Title: "Given", Authors: []string{"Given Author"}, PublishedAt: received, PublishedSource: pipeline.PublishedFromInput,
				SiteName: "Port Ellis Gazette", CanonicalURL: ""}},
	}
	s := newStage(t, DefaultConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.in
			if err := s.Process(t.Context(), &d); err != nil {
				t.Fatal(err)
			}
			w := tt.want
			if d.Title != w.Title || strings.Join(d.Authors, ";") != strings.Join(w.Authors, ";") || !d.PublishedAt.Equal(w.PublishedAt) ||
				d.PublishedSource != w.PublishedSource || d.SiteName != w.SiteName || d.CanonicalURL != w.CanonicalURL {
				t.Errorf("Process() = {%q %v %v %s %q %q}; want {%q %v %v %s %q %q}", d.Title, d.Authors, d.PublishedAt, d.PublishedSource, d.SiteName, d.CanonicalURL,
					w.Title, w.Authors, w.PublishedAt, w.PublishedSource, w.SiteName, w.CanonicalURL)
			}
			if strings.Contains(d.Text, "Home") || strings.HasPrefix(d.Text, "Harbour reopens") {
				t.Errorf("Process().Text = %q; want neither navigation nor the repeated headline", d.Text)
			}
		})
	}
}
