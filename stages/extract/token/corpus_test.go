package token

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gumDir holds the news part of the GUM corpus (CC BY), with the gold
// sentence split of 24 Wikinews articles.
const gumDir = "../../../../shared/corpora/gum-news/dep"

// gumDoc is an article of GUM rebuilt as clean text, with the byte offsets
// of the sentence starts that do not start a paragraph.
type gumDoc struct {
	name   string
	text   string
	starts map[int]bool
}

// readGUM reads the "# newpar" and "# text =" lines of a CoNLL-U file:
// paragraphs are joined by "\n\n", the sentences of a paragraph by a space.
func readGUM(path string) (gumDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return gumDoc{}, err
	}
	defer f.Close()
	d := gumDoc{name: filepath.Base(path), starts: map[int]bool{}}
	var b strings.Builder
	newPar := true
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "# newpar" || strings.HasPrefix(line, "# newpar "):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			switch {
			case b.Len() == 0:
			case newPar:
				b.WriteString("\n\n")
			default:
				b.WriteByte(' ')
				d.starts[b.Len()] = true
			}
			b.WriteString(strings.TrimPrefix(line, "# text = "))
			newPar = false
		}
	}
	d.text = b.String()
	return d, sc.Err()
}

// TestGUMSentences measures the sentence split against the gold of the
// GUM news articles: precision and recall of the sentence starts inside
// paragraphs (a paragraph start is always right). It skips when the
// corpus is not there.
func TestGUMSentences(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(gumDir, "*.conllu"))
	if len(paths) == 0 {
		t.Skipf("GUM corpus not found in %s", gumDir)
	}
	var tk Tokenizer
	var tp, fp, fn int
	for _, p := range paths {
		d, err := readGUM(p)
		if err != nil {
			t.Fatal(err)
		}
		toks, sents := tk.Tokenize(d.text)
		if err := checkTokens(d.text, toks, sents); err != nil {
			t.Fatalf("Tokenize(%s): %v", d.name, err)
		}
		got := map[int]bool{}
		for _, s := range sents {
			if toks[s.First].Flags&ParagraphStart == 0 {
				got[int(s.Start)] = true
			}
		}
		for at := range got {
			if d.starts[at] {
				tp++
				continue
			}
			fp++
			t.Logf("%s: extra sentence start at %q", d.name, around(d.text, at))
		}
		for at := range d.starts {
			if !got[at] {
				fn++
				t.Logf("%s: missed sentence start at %q", d.name, around(d.text, at))
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("GUM news sentence starts inside paragraphs: %d right, %d extra, %d missed: precision %.3f, recall %.3f",
		tp, fp, fn, precision, recall)
	// Floors a little under what the rules reach, so that a change that
	// makes them worse fails.
	if precision < 0.95 || recall < 0.93 {
		t.Errorf("GUM sentence split: precision %.3f, recall %.3f; want at least 0.95 and 0.93", precision, recall)
	}
}

// around returns the text on either side of offset at, marked with "|".
func around(text string, at int) string {
	lo, hi := max(at-30, 0), min(at+30, len(text))
	return text[lo:at] + "|" + text[at:hi]
}
