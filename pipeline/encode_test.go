package pipeline

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestEncodeEach checks that each item's bytes come out as encoded, at
// their exact length, and that they no longer share memory with the
// pooled buffer: the next encoding must not change them.
func TestEncodeEach(t *testing.T) {
	for _, n := range []int{1, 3, 200} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			item := func(k int) string { return strings.Repeat(strconv.Itoa(k), k%7+1) }
			parts, err := encodeEach(n, func(b []byte, k int) ([]byte, error) { return append(b, item(k)...), nil })
			if err != nil {
				t.Fatal(err)
			}
			// Reuse the pool; what was returned must stay as it was.
			if _, err := encode(func(b []byte) ([]byte, error) { return append(b, strings.Repeat("x", 5000)...), nil }); err != nil {
				t.Fatal(err)
			}
			if len(parts) != n {
				t.Fatalf("encodeEach(%d) = %d parts; want %d", n, len(parts), n)
			}
			for k, p := range parts {
				if string(p) != item(k) || cap(p) != len(p) {
					t.Errorf("encodeEach(%d)[%d] = %q (cap %d); want %q at its exact length", n, k, p, cap(p), item(k))
				}
			}
		})
	}
}

func TestEncodeError(t *testing.T) {
	boom := errors.New("boom")
	if _, err := encode(func(b []byte) ([]byte, error) { return append(b, "partial"...), boom }); !errors.Is(err, boom) {
		t.Errorf("encode with a failing encoder = %v; want %v", err, boom)
	}
}
