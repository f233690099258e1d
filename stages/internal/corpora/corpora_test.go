package corpora

import (
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
