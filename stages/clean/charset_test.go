package clean

import (
	"strings"
	"testing"
)

func TestDecodeBytes(t *testing.T) {
	// charset.DetermineEncoding reads 1,024 bytes; with only ASCII there it
	// guesses windows-1252, which would turn a later "é" into "Ã©".
	asciiHead := "<!doctype html><html><head>" + strings.Repeat("<!-- padding -->", 100) + "</head><body>"
	tests := []struct {
		name, in, contentType, want string
	}{
		{"utf-8", "café", "", "café"},
		{"utf-8 bom", "\xef\xbb\xbfcafé", "text/plain", "café"},
		{"utf-16le bom", "\xff\xfec\x00a\x00f\x00\xe9\x00", "", "café"},
		{"latin-1 text", "caf\xe9", "", "café"},
		{"windows-1252 quotes", "\x93quoted\x94", "text/plain", "“quoted”"},
		{"content type charset", "caf\xe9", "text/html; charset=iso-8859-1", "café"},
		{"meta charset", "<html><head><meta charset=\"iso-8859-15\"></head><body>\xa4</body>", "", "<html><head><meta charset=\"iso-8859-15\"></head><body>€</body>"},
		{"http-equiv", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", "", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>Привет</p>"},
		{"declared latin-1 but utf-8", "<meta charset=iso-8859-1><p>café</p>", "", "<meta charset=iso-8859-1><p>café</p>"},
		{"ascii head, utf-8 later", "<html><head><title>t</title></head><body>" + string(make([]byte, 0)) + "naïve</body></html>", "text/html", "<html><head><title>t</title></head><body>naïve</body></html>"},
		{"utf-8 after 1 KB of ascii", asciiHead + "<p>café</p>", "", asciiHead + "<p>café</p>"},
		{"declared utf-8, invalid bytes", `<meta charset="utf-8"><p>caf` + "\xE9</p>", "", `<meta charset="utf-8"><p>caf` + "\uFFFD</p>"},
		{"shift_jis declared", "<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>", "", "<meta charset=shift_jis><p>日本</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeBytes([]byte(tt.in), tt.contentType)
			if err != nil || got != tt.want {
				t.Errorf("DecodeBytes(%q, %q) = %q, %v; want %q", tt.in, tt.contentType, got, err, tt.want)
			}
		})
	}
}
