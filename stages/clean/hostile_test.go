package clean

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
)

// hostilePages are pages built to be slow or to break an extractor. The
// tests check each is cleaned or rejected with a clear reason; the
// benchmarks of the same pages at two sizes show the time is linear
// (BenchmarkHostile). A quadratic step would make these sizes take
// minutes and the test binary time out.
func hostilePages() []struct {
	name, body string
	reason     string // "" when the page must be cleaned
	contains   string // a piece of text the result must contain
} {
	para := "<p>The harbour reopened on Monday after repairs to the sea wall, officials said.</p>\n"
	return []struct {
		name, body string
		reason     string
		contains   string
	}{
		{"deep nesting", strings.Repeat("<div>", 200_000) + "deep text" + strings.Repeat("</div>", 200_000), "", "deep text"},
		{"deep unclosed", "<p>start</p>" + strings.Repeat("<span><b>", 100_000) + "end", "", "end"},
		{"5 MB page", "<html><body><nav>Home</nav><article>" + strings.Repeat(para, 5<<20/len(para)) + "</article></body></html>", "", "sea wall"},
		{"1.5 MB article", "<html><body><article>" + strings.Repeat(para, 3<<19/len(para)) + "</article></body></html>", "", "sea wall"},
		{"many elements", "<html><body>" + strings.Repeat("<p>x</p><i></i><b></b>", 60_000) + "</body></html>", "", "x"},
		{"script only", "<html><head><script>" + strings.Repeat("var x = 1;", 10_000) + "</script></head><body><script>go()</script></body></html>", ReasonEmptyText, ""},
		{"style only", "<style>" + strings.Repeat("p{color:red}", 10_000) + "</style>", ReasonEmptyText, ""},
		{"unclosed tags", strings.Repeat("<div><p>open <b>bold <i>italic <a href=x>link ", 20_000), "", "italic"},
		{"entity flood", "<p>" + strings.Repeat("&amp;&lt;&#x41;&nbsp;", 250_000) + "</p>", "", "&<A"},
		{"1 MB word", "<html><body><p>" + strings.Repeat("a", 1<<20) + "</p></body></html>", "", "aaaa"},
		{"1 MB line of text", strings.Repeat("word ", 1<<20/5), "", "word word"},
		{"attribute flood", "<p " + strings.Repeat("a=b ", 200_000) + ">text after</p>", "", "text after"},
		{"comment flood", strings.Repeat("<!-- c -->", 200_000) + "<p>visible</p>", "", "visible"},
		{"binary as HTML", string(gzipped(64 << 10)), ReasonNotText, ""},
		{"NUL bytes", strings.Repeat("\x00\x01\x02", 1000) + "<p>x</p>", ReasonNotText, ""},
	}
}

func gzipped(n int) []byte {
	r := rand.New(rand.NewPCG(1, 1))
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestHostilePages(t *testing.T) {
	s := newStage(t, DefaultConfig())
	for _, p := range hostilePages() {
		t.Run(p.name, func(t *testing.T) {
			d := &pipeline.Doc{Body: p.body, ContentType: "text/html"}
			if p.name == "1 MB line of text" {
				d.ContentType = "text/plain"
			}
			err := s.Process(t.Context(), d)
			if got := pipeline.ReasonOf(err); got != p.reason {
				t.Fatalf("Process(%s) = %v; want reason %q", p.name, err, p.reason)
			}
			if err == nil && !strings.Contains(d.Text, p.contains) {
				t.Errorf("Process(%s).Text = %.80q…; want it to contain %q", p.name, d.Text, p.contains)
			}
			if err == nil {
				if err := checkText(d.Text); err != nil {
					t.Errorf("Process(%s): %v", p.name, err)
				}
			}
			t.Logf("%s: warnings %v", p.name, d.Warnings)
		})
	}
}

func TestHTMLTimeoutFallsBack(t *testing.T) {
	s := newStage(t, DefaultConfig())
	s.x = newExtractor(1, 1) // 1ns, under what Validate allows
	// The one slot is taken, so that the extraction cannot start before
	// its deadline, however the machine schedules it: a started one might
	// finish first.
	s.x.slots <- struct{}{}
	t.Cleanup(func() {
		<-s.x.slots
		waitIdle(s.x)
	})
	d := &pipeline.Doc{Body: "<html><body><article>" + strings.Repeat("<p>A paragraph of the article.</p>", 50) + "</article></body></html>"}
	if err := s.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Message, "main-text extraction took over") {
		t.Errorf("Process(slow page).Warnings = %v; want the timeout warning", d.Warnings)
	}
	if !strings.Contains(d.Text, "A paragraph of the article.") {
		t.Errorf("Process(slow page).Text = %q; want its visible text", d.Text)
	}
}

// BenchmarkHostile cleans each hostile page at its size and at twice its
// size: time per byte that stays flat from one to the other shows the
// cleaning is linear (compare the MB/s of the x1 and x2 runs).
func BenchmarkHostile(b *testing.B) {
	s := newStage(b, DefaultConfig())
	ctx := b.Context()
	for _, p := range hostilePages() {
		if p.reason != "" {
			continue
		}
		for _, times := range []int{1, 2} {
			body := strings.Repeat(p.body, times)
			b.Run(fmt.Sprintf("%s/x%d", strings.ReplaceAll(p.name, " ", "_"), times), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					d := pipeline.Doc{Body: body, ContentType: "text/html"}
					_ = s.Process(ctx, &d)
				}
			})
		}
	}
}
