package dedup

import (
	"strings"
	"testing"
)

// FuzzSign checks that any text can be signed, that a text is an exact
// copy of itself with its spacing changed, and that its signature and digest match
// themselves.
func FuzzSign(f *testing.F) {
	for _, s := range []string{"", "a", "A b. C d", "WASHINGTON (Reuters) - x", "By X\n\ny", "\xff\xfe", "Über 1.5 Ünder"} {
		f.Add(s)
	}
	f.Add(readTestdata(f, "story.txt"))
	f.Fuzz(func(t *testing.T, text string) {
		a := sign(text)
		b := sign(strings.ReplaceAll(text, " ", "  "))
		if a.exact != b.exact {
			t.Errorf("sign(%q) and sign of it with doubled spaces differ", text)
		}
		if d := a.digest(); d.jaccard(&d) != 1 || d.names.containment(&d.names) != 1 || d.numbers.containment(&d.numbers) != 1 {
			t.Errorf("sign(%q).digest() compared with itself = %v, %v, %v; want 1, 1, 1", text, d.jaccard(&d), d.names.containment(&d.names), d.numbers.containment(&d.numbers))
		}
		if c := a.names.containment(&a.names); c != 1 {
			t.Errorf("sign(%q).names.containment(itself) = %v; want 1", text, c)
		}
		if c := a.numbers.containment(&a.numbers); c != 1 {
			t.Errorf("sign(%q).numbers.containment(itself) = %v; want 1", text, c)
		}
	})
}

// FuzzDecodeRecord checks that no input crashes the decoder or recordID,
// that what decodes encodes to the same bytes, and that recordID reads
// the id the decoder does.
func FuzzDecodeRecord(f *testing.F) {
	sg := sign("some text to sign for the seed corpus")
	for _, kind := range []uint8{kindOriginal, kindExact, kindNear} {
		f.Add(appendRecord(nil, &storedRecord{id: "a", cluster: "b", kind: kind, sig: sg}))
	}
	f.Add([]byte{recordVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		id, idOK := recordID(b)
		r, err := decodeRecord(b)
		if err != nil {
			return
		}
		if !idOK || id != r.id {
			t.Errorf("recordID(%x) = %q, %v; want %q, true as decoded", b, id, idOK, r.id)
		}
		if again := appendRecord(nil, &r); string(again) != string(b) {
			t.Errorf("appendRecord(decodeRecord(%x)) = %x; want the input", b, again)
		}
	})
}
