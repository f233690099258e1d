package htmlmeta

import (
	"bytes"

	"github.com/segmentio/encoding/json"
	"golang.org/x/net/html"
)

// Bounds on JSON-LD work. Real blocks are a few kilobytes and fewer than
// ten levels deep; these only stop a hostile page from making every
// article cost megabytes or a deep recursion.
const (
	maxLDBytes  = 1 << 20 // larger blocks are skipped unread
	maxLDDepth  = 32      // blocks nested deeper are skipped unread
	maxLDBlocks = 16      // blocks after these are ignored
	maxLDNodes  = 10000   // objects and arrays visited per page
)

// decodeLD decodes one JSON-LD block. When the block is not valid JSON it
// is repaired once (see repairLD) and decoded again; a block that still
// fails, or is too large or too deep, is skipped: one bad block never
// costs the page its other metadata.
func decodeLD(raw string) (any, bool) {
	if len(raw) > maxLDBytes {
		return nil, false
	}
	b := bytes.TrimSpace([]byte(raw))
	if len(b) == 0 {
		return nil, false
	}
	if v, ok := parseJSON(b); ok {
		return v, true
	}
	return parseJSON(repairLD(b))
}

// parseJSON decodes b, which it then owns, into a generic value. Strings
// in the result share b's memory (ZeroCopy): b is a private copy that
// lives as long as they do.
func parseJSON(b []byte) (v any, ok bool) {
	if len(b) == 0 || !shallow(b, maxLDDepth) {
		return nil, false
	}
	// The decoder is fuzzed upstream, but a panic in it on one page's
	// script must not take the stage down with it.
	defer func() {
		if recover() != nil {
			v, ok = nil, false
		}
	}()
	rest, err := json.Parse(b, &v, json.ZeroCopy)
	if err != nil || len(bytes.TrimSpace(rest)) > 0 {
		return nil, false
	}
	return v, true
}

// shallow reports whether the JSON text b nests arrays and objects at
// most max deep. It checks before decoding because the decoder recurses
// once per level and a page can nest a million.
func shallow(b []byte, max int) bool {
	depth := 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			if depth++; depth > max {
				return false
			}
		case '}', ']':
			depth--
		}
	}
	return true
}

// repairLD fixes the faults that real JSON-LD blocks have, in one pass,
// and returns the repaired copy:
//
//   - a CDATA section or an HTML comment around the block, and "//" or
//     "/* */" comments around those markers or between values;
//   - a block whose quotes are all written "&quot;" (escaped as if it were
//     an attribute): character references are decoded first;
//   - a comma before "}" or "]";
//   - raw control characters (line breaks, tabs) inside strings, which
//     JSON forbids: escaped;
//   - backslash escapes JSON does not have ("\'"): the backslash dropped.
//
// HTML references inside strings ("&amp;") are valid JSON and are decoded
// later, with the value.
func repairLD(b []byte) []byte {
	b = unwrapLD(b)
	if bytes.IndexByte(b, '"') < 0 && bytes.Contains(b, []byte("&quot;")) {
		b = []byte(html.UnescapeString(string(b)))
	}
	out := make([]byte, 0, len(b)+16)
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch {
			case c == '\\' && i+1 < len(b):
				i++
				if bytes.IndexByte([]byte(`"\/bfnrtu`), b[i]) >= 0 {
					out = append(out, '\\', b[i])
				} else {
					out = append(out, b[i])
				}
			case c == '"':
				inString = false
				out = append(out, c)
			case c < 0x20:
				out = appendControl(out, c)
			default:
				out = append(out, c)
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
			out = append(out, c)
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += 2 + end + 1
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			end := bytes.IndexByte(b[i:], '\n')
			if end < 0 {
				return out
			}
			i += end
		case c == ',':
			j := i + 1
			for j < len(b) && isJSONSpace(b[j]) {
				j++
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				continue
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// unwrapLD strips the CDATA and comment wrappers that pages put around a
// block, with the "//" and "/* */" that hide the CDATA markers from old
// script engines, from both ends.
func unwrapLD(b []byte) []byte {
	for {
		n := len(b)
		b = bytes.TrimSpace(b)
		for _, w := range ldWrappers {
			b = bytes.TrimPrefix(b, []byte(w[0]))
			b = bytes.TrimSuffix(b, []byte(w[1]))
			b = bytes.TrimSpace(b)
		}
		if len(b) == n {
			return b
		}
	}
}

// ldWrappers are the opening and closing wrappers unwrapLD strips.
var ldWrappers = [...][2]string{
	{"/*<![CDATA[*/", "/*]]>*/"},
	{"//<![CDATA[", "//]]>"},
	{"<![CDATA[", "]]>"},
	{"<!--", "//-->"},
	{"<!--", "-->"},
}

// appendControl appends the JSON escape of a control character.
func appendControl(out []byte, c byte) []byte {
	switch c {
	case '\n':
		return append(out, `\n`...)
	case '\r':
		return append(out, `\r`...)
	case '\t':
		return append(out, `\t`...)
	}
	const hex = "0123456789abcdef"
	return append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
