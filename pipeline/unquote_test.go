package pipeline

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"
)

func TestUnquote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`""`, ""},
		{`"plain"`, "plain"},
		{`"line\nbreak\ttab \"q\" back\\slash \/"`, "line\nbreak\ttab \"q\" back\\slash /"},
		{`"\u00e9t\u00E9"`, "été"},
		{`"\u003cp\u003e"`, "<p>"},
		{`"pair \ud83d\ude00"`, "pair 😀"},
		{`"lone \ud83d end"`, "lone \uFFFD end"},
		{`"lone low \ude00"`, "lone low \uFFFD"},
		{`"\u0000nul"`, "\x00nul"},
		{`"typographic “quotes”"`, "typographic “quotes”"},
	}
	for _, tt := range tests {
		got, err := unquote([]byte(tt.in))
		if err != nil || got != tt.want {
			t.Errorf("unquote(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{`x`, `"`, `123`, `{"a":1}`, `null`} {
		if _, err := unquote([]byte(bad)); err == nil {
			t.Errorf("unquote(%s) = nil error; want one", bad)
		}
	}
}

// FuzzUnquote checks unquote against the JSON decoder on every string the
// decoder accepts.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"a\nb"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\\\""`, `"é\u00e9"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		// The decoder hands unquote a raw value without surrounding space.
		raw = bytes.TrimSpace(raw)
		var want string
		if !utf8.Valid(raw) || json.Unmarshal(raw, &want) != nil || len(raw) == 0 || raw[0] != '"' {
			return
		}
		got, err := unquote(raw)
		if err != nil || got != want {
			t.Fatalf("unquote(%q) = %q, %v; want %q", raw, got, err, want)
		}
	})
}
