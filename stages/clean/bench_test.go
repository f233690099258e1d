package clean

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
)

// article3KB returns an English plain-text article of about 3 KB: the
// seed body, its paragraphs repeated until the size is reached.
func article3KB(tb testing.TB) string {
	tb.Helper()
	seed := strings.TrimSpace(seedBody(tb))
	paras := strings.Split(seed, "\n")
	var b strings.Builder
	for i := 0; b.Len() < 3000; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkCleanPlain3KB(b *testing.B) {
	s := newStage(b, DefaultConfig())
	body := article3KB(b)
	ctx := b.Context()
	var d pipeline.Doc
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		d = pipeline.Doc{Body: body, ContentType: "text/plain"}
		if err := s.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	text := prefix(cleanText(b, article3KB(b)), DefaultConfig().DetectBytes)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		detectLanguage(text)
	}
}

func BenchmarkCountWords(b *testing.B) {
	text := cleanText(b, article3KB(b))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		countWords(text)
	}
}

func BenchmarkCleanHTML(b *testing.B) {
	page, err := os.ReadFile("testdata/page.input.html")
	if err != nil {
		b.Fatal(err)
	}
	s := newStage(b, DefaultConfig())
	body := string(page)
	ctx := b.Context()
	var d pipeline.Doc
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		d = pipeline.Doc{Body: body, ContentType: "text/html"}
		if err := s.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanCorpus cleans every page of the article-extraction
// benchmark (read in place; the pages are third-party content): ns/op is
// the time of one page, averaged over the corpus.
func BenchmarkCleanCorpus(b *testing.B) {
	dir := "../../../shared/corpora/article-extraction-benchmark/html"
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Skipf("corpus not available in %s", dir)
	}
	var pages []string
	for _, f := range files {
		raw, err := readGzip(f)
		if err != nil {
			b.Fatal(err)
		}
		page, err := DecodeBytes(raw, "text/html")
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	s := newStage(b, DefaultConfig())
	ctx := b.Context()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := pipeline.Doc{Body: pages[i%len(pages)], ContentType: "text/html"}
		if err := s.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
