package clean

import (
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// DecodeBytes returns a page's or a text's bytes as UTF-8, for callers
// that read them from files or the network (the pipeline's JSON messages
// are UTF-8 by definition). contentType is the HTTP-style content type, if
// known ("text/html; charset=iso-8859-1"). The encoding is, in order:
//
//  1. a byte order mark;
//  2. the charset parameter of contentType;
//  3. UTF-8, when all of data is valid UTF-8: a page in a legacy encoding
//     with any byte over 0x7F is almost never valid UTF-8, while pages
//     that declare a legacy charset and are UTF-8 are common;
//  4. for HTML, a <meta charset> or http-equiv Content-Type declaration
//     in the first 1024 bytes (the WHATWG prescan);
//  5. Windows-1252, the web's default for unlabelled pages and the usual
//     encoding of older wire feeds.
//
// Invalid bytes left after decoding become U+FFFD in Process.
func DecodeBytes(data []byte, contentType string) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	switch {
	case certain:
		// A BOM or an explicit charset parameter.
	case utf8.Valid(data):
		return string(data), nil
	case !isHTMLType(contentType) && !sniffHTML(string(data[:min(len(data), 512)])):
		// The prescan found a declaration only if it read HTML; plain
		// text without a BOM or a charset is Windows-1252 here.
		enc, name = charmap.Windows1252, "windows-1252"
	}
	if enc == encoding.Nop || name == "utf-8" {
		return strings.ToValidUTF8(string(trimBOM(data)), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(trimBOM(out)), nil
}

// isHTMLType reports whether a content type names HTML.
func isHTMLType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}
