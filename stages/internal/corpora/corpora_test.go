package corpora

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func TestDir(t *testing.T) {
	got, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	// From stages/internal/corpora the module root is three levels up.
	want, err := filepath.Abs(filepath.Join("..", "..", "..", "..", "shared", "corpora"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Dir() = %s; want %s", got, want)
	}
}

func TestDirWithoutModule(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, err := os.Stat("go.mod"); err == nil {
		t.Skip("a go.mod above the temporary directory")
	}
	if _, err := Dir(); err == nil {
		t.Error("Dir() outside a module = nil error")
	}
}

func TestGzip(t *testing.T) {
	data := []byte("the same input, the same bytes\n")
	a, err := Gzip(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Gzip(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("Gzip(data) twice differs; want the same bytes")
	}
	got, err := Gunzip(a)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("Gunzip(Gzip(%q)) = %q, %v; want the input", data, got, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("Gzip header has name %q, time %v; want neither", zr.Name, zr.ModTime)
	}
}
