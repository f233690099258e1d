package ascii

import (
	"math/rand/v2"
	"testing"
)

// endByByte is the byte-at-a-time definition the word-at-a-time code
// must agree with.
func endByByte(s string, i int, letters bool) int {
	for ; i < len(s); i++ {
		c := s[i]
		if letters && 'A' <= c && c <= 'Z' {
			continue
		}
		if c < 'a' || c > 'z' {
			return i
		}
	}
	return i
}

func TestEnd(t *testing.T) {
	tests := []string{
		"", "a", "abc def", "abcdefgh", "abcdefghi", "abcdefghijklmnopq rst",
		"Hello World", "ABCDEFGHIJ", "word, next", "café au lait", "x\x80yzabcdefgh",
		"az{|}~`@[\\]^_AZ", "abcdefg\u00e9hij", "naïve", "1234abcd", "abcdefgh12",
	}
	for _, s := range tests {
		for i := 0; i <= len(s); i++ {
			if got, want := LowerEnd(s, i), endByByte(s, i, false); got != want {
				t.Errorf("LowerEnd(%q, %d) = %d; want %d", s, i, got, want)
			}
			if got, want := LetterEnd(s, i), endByByte(s, i, true); got != want {
				t.Errorf("LetterEnd(%q, %d) = %d; want %d", s, i, got, want)
			}
		}
	}
}

func spaceByByte(s string, i, hi int) int {
	for ; i < hi; i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			return i
		}
	}
	return hi
}

func TestSpaceAt(t *testing.T) {
	tests := []string{
		"", " ", "word", "word next", "abcdefghijklmnop\nq", "a\x01b\x1fc d", "abcdefgh\tij",
		"\x00\x01\x02\x03\x04\x05\x06\x07\x08 ", "café\u00a0au lait", "!\"#$%&'()*+,-./ x",
	}
	for _, s := range tests {
		for i := 0; i <= len(s); i++ {
			for hi := i; hi <= len(s); hi++ {
				if got, want := SpaceAt(s, i, hi), spaceByByte(s, i, hi); got != want {
					t.Errorf("SpaceAt(%q, %d, %d) = %d; want %d", s, i, hi, got, want)
				}
			}
		}
	}
}

func FuzzEnd(f *testing.F) {
	f.Add("abcdefgh ijk", 0)
	f.Add("Hello, World!", 7)
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		if got, want := LowerEnd(s, i), endByByte(s, i, false); got != want {
			t.Errorf("LowerEnd(%q, %d) = %d; want %d", s, i, got, want)
		}
		if got, want := LetterEnd(s, i), endByByte(s, i, true); got != want {
			t.Errorf("LetterEnd(%q, %d) = %d; want %d", s, i, got, want)
		}
		if got, want := SpaceAt(s, i, len(s)), spaceByByte(s, i, len(s)); got != want {
			t.Errorf("SpaceAt(%q, %d, %d) = %d; want %d", s, i, len(s), got, want)
		}
	})
}

func TestOnly(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", true},
		{"Putin", true},
		{"Saint Petersburg", true},
		{"São Paulo", false},
		{"Saint Petersburgé", false},
		{"Łódź", false},
	}
	for _, tt := range tests {
		if got := Only(tt.s); got != tt.want {
			t.Errorf("Only(%q) = %v; want %v", tt.s, got, tt.want)
		}
	}
}

func byteOrNonASCIIByByte(s string, i int, a, b, c byte) int {
	for ; i < len(s); i++ {
		if d := s[i]; d == a || d == b || d == c || d >= 0x80 {
			return i
		}
	}
	return i
}

func TestByteOrNonASCII(t *testing.T) {
	tests := []string{
		"", "\"", "word", "a quiet word, then \"a quote\"", "abcdefghijklmnop\nq", "it's here",
		"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b", "\x21\x22\x23\x26\x27\x28abcdefgh",
		"caf\u00e9 au lait, \u201cmarks\u201d", "\x0b\x0a\x0b\x0a\x0b\x0a\x0b\x0a\x0b", "aaaaaaa\x7f\x80bbbbbbbb",
	}
	for _, s := range tests {
		for i := 0; i <= len(s); i++ {
			if got, want := ByteOrNonASCII(s, i, '\n', '"', '\''), byteOrNonASCIIByByte(s, i, '\n', '"', '\''); got != want {
				t.Errorf("ByteOrNonASCII(%q, %d) = %d; want %d", s, i, got, want)
			}
		}
	}
	// Every arrangement of the bytes a borrow could confuse: the marks,
	// their neighbours, zero and bytes outside ASCII.
	alphabet := []byte{'\n', '\v', '\t', '"', '#', '!', '\'', '(', '&', 0, 1, 'a', 0x7f, 0x80, 0xe2}
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 24)
	for range 20000 {
		for k := range buf {
			buf[k] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(buf)
		for i := 0; i <= len(s); i++ {
			if got, want := ByteOrNonASCII(s, i, '\n', '"', '\''), byteOrNonASCIIByByte(s, i, '\n', '"', '\''); got != want {
				t.Fatalf("ByteOrNonASCII(%q, %d) = %d; want %d", s, i, got, want)
			}
		}
	}
}
