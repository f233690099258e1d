package clean_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/clean"
)

// From an HTML page the stage keeps the article's paragraphs, not the
// navigation, headline or footer around them, takes the title the page
// declares, and detects the language of the text.
func Example() {
	s, err := clean.New(clean.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	d := &pipeline.Doc{
		ID: "a1",
		Body: `<!doctype html>
<html>
<head><title>Council approves bridge repairs | Northbridge News</title></head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
<h1>Council approves bridge repairs</h1>
<p>The town council voted on Tuesday to repair the old stone bridge over the river,
which has been closed to cars since a flood damaged it in the spring.</p>
<p>Engineers estimated the work at &pound;2.4&nbsp;million and expect it to take eight months.</p>
</article>
<footer>&copy; 2025 Northbridge News. Share this article.</footer>
</body>
</html>`,
	}
	if err := s.Process(context.Background(), d); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("title: %s\n\n%s\n\nlanguage: %s (%s), %d words\n", d.Title, d.Text, d.Language.Code, d.Language.Method, d.WordCount)
	// Output:
	// title: Council approves bridge repairs | Northbridge News
	//
	// The town council voted on Tuesday to repair the old stone bridge over the river, which has been closed to cars since a flood damaged it in the spring.
	//
	// Engineers estimated the work at £2.4 million and expect it to take eight months.
	//
	// language: en (detected), 43 words
}
