package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

func TestReadArticles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.json":       `{"id":"a","body":"A."}`,
		"b.json":       `[{"id":"b1","body":"B1."},{"id":"b2","body":"B2."}]`,
		"c.jsonl":      "{\"id\":\"c1\",\"body\":\"C1.\"}\n\n{\"id\":\"c2\",\"body\":\"C2.\"}\n",
		"d.txt":        "Plain text.\n",
		"e.html":       "<html><body><p>Page.</p></body></html>",
		"ignored.md":   "# not an article",
		"sub/f.ndjson": `{"id":"f","body":"F."}`,
		"g.txt":        "caf\xe9 cr\xe8me", // Windows-1252, not UTF-8
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	var bodies []string
	err := readArticles([]string{dir, "-"}, strings.NewReader("From stdin."), func(r record) error {
		var a event.Article
		if err := json.Unmarshal(r.data, &a); err != nil {
			t.Errorf("%s: not an article: %v", r.where, err)
		}
		got = append(got, strings.TrimPrefix(r.where, dir+"/")+"="+a.ID+"/"+a.ContentType)
		bodies = append(bodies, a.Body)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.json=a/", "b.json[0]=b1/", "b.json[1]=b2/", "c.jsonl:1=c1/", "c.jsonl:3=c2/", "d.txt=/text/plain",
		"e.html=/text/html", "g.txt=/text/plain", "sub/f.ndjson:1=f/", "stdin=/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("readArticles() =\n%v\nwant\n%v", got, want)
	}
	if len(bodies) == len(want) && bodies[7] != "café crème" {
		t.Errorf("Windows-1252 text read as %q; want %q", bodies[7], "café crème")
	}
}

func TestSubjectToken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"reuters", "reuters"},
		{"Al Jazeera", "al-jazeera"},
		{"news.example.org", "news-example-org"},
		{"a>b*c", "a-b-c"},
		{"", "unknown"},
		{"...", "unknown"},
		{strings.Repeat("x", 100), strings.Repeat("x", 64)},
	}
	for _, tt := range tests {
		if got := subjectToken(tt.in); got != tt.want {
			t.Errorf("subjectToken(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
