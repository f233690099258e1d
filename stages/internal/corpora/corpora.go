// Package corpora is what the generators of embedded data share: it finds
// the data kept beside the repository (the generators read
// ../shared/corpora relative to the module root, wherever go generate runs
// them from), runs a generator's command line, and compresses so that the
// output depends only on the input.
package corpora

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Dir returns ../shared/corpora relative to the module root: the nearest
// directory at or above the working directory that holds a go.mod file.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		_, err := os.Stat(filepath.Join(dir, "go.mod"))
		if err == nil {
			return filepath.Join(dir, "..", "shared", "corpora"), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: pass -corpora")
		}
		dir = parent
	}
}
