package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/clean"
)

// maxLine bounds one line of a JSON Lines file.
const maxLine = 64 << 20

// record is one article read from the inputs of process or publish.
type record struct {
	// where names the record for messages: "file", "file:line" or
	// "file[index]".
	where string
	// data is the article as a JSON message.
	data []byte
}

// inputExts are the file kinds read from directories.
var inputExts = map[string]bool{".json": true, ".jsonl": true, ".ndjson": true, ".txt": true, ".html": true, ".htm": true}

// readArticles calls fn with each article in args, in order: files,
// directories (walked for .json, .jsonl, .ndjson, .txt, .html and .htm
// files, in lexical order) or "-" for stdin. A .json file holds an article
// object or an array of them; a .jsonl file one article per line; a .txt
// file is one plain-text article and an .html file one page. Stdin is read
// as JSON when it starts with '{' or '[', else as plain text. Text that is
// not valid UTF-8 is read as Windows-1252, the usual encoding of older
// feeds; HTML is decoded as its bytes declare (see clean.DecodeBytes).
// fn's error stops the reading.
func readArticles(args []string, stdin io.Reader, fn func(record) error) error {
	for _, arg := range args {
		if arg == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				return fmt.Errorf("read stdin: %w", err)
			}
			if err := readSniffed("stdin", data, fn); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return err
		}
		if !info.IsDir() {
			if err := readFile(arg, fn); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && inputExts[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

func readFile(path string, fn func(record) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return readJSON(path, data, fn)
	case ".jsonl", ".ndjson":
		return readJSONLines(path, data, fn)
	case ".html", ".htm":
		return fn(record{where: path, data: textArticle(data, "text/html")})
	case ".txt":
		return fn(record{where: path, data: textArticle(data, "text/plain")})
	default:
		return readSniffed(path, data, fn)
	}
}

func readSniffed(where string, data []byte, fn func(record) error) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		return readJSON(where, data, fn)
	case len(trimmed) > 0 && trimmed[0] == '{':
		if json.Valid(trimmed) {
			return fn(record{where: where, data: trimmed})
		}
		return readJSONLines(where, data, fn)
	default:
		return fn(record{where: where, data: textArticle(data, "")})
	}
}

// readJSON reads a file holding one article object or an array of them.
// An array that is not valid JSON is passed on whole, so that its error is
// reported like any other.
func readJSON(where string, data []byte, fn func(record) error) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return fn(record{where: where, data: data})
	}
	var items []json.RawMessage
	if err := json.Unmarshal(trimmed, &items); err != nil {
		return fn(record{where: where, data: data})
	}
	for i, item := range items {
		if err := fn(record{where: fmt.Sprintf("%s[%d]", where, i), data: item}); err != nil {
			return err
		}
	}
	return nil
}

func readJSONLines(where string, data []byte, fn func(record) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := fn(record{where: fmt.Sprintf("%s:%d", where, line), data: bytes.Clone(b)}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return nil
}

// textArticle wraps a plain-text or HTML body as an article message, its
// bytes decoded to UTF-8 as clean.DecodeBytes says.
func textArticle(body []byte, contentType string) []byte {
	text, err := clean.DecodeBytes(body, contentType)
	if err != nil {
		// A declared encoding that fails to decode: keep what is UTF-8.
		text = strings.ToValidUTF8(string(body), "\uFFFD")
	}
	data, err := json.Marshal(event.Article{Body: text, ContentType: contentType})
	if err != nil {
		// An Article of strings always encodes.
		panic(fmt.Sprintf("encode article: %v", err))
	}
	return data
}
