package ascii

import "testing"

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
