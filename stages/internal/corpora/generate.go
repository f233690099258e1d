package corpora

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
)

// Main is a generator's command line: it reads the flags -corpora (the
// corpora directory, Dir by default), -out (the package directory to
// write into, "." by default) and -report (print counts to standard
// error), calls run, and exits 1 with name and the error if it fails.
func Main(name string, run func(dir, out string, report bool) error) {
	dir := flag.String("corpora", "", "corpora directory (default: ../shared/corpora beside the module root)")
	out := flag.String("out", ".", "package directory to write generated/ and data_gen.go into")
	report := flag.Bool("report", false, "print counts and checks to standard error")
	flag.Parse()
	err := func() error {
		if *dir == "" {
			d, err := Dir()
			if err != nil {
				return err
			}
			*dir = d
		}
		return run(*dir, *out, *report)
	}()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

// Gzip compresses data with a fixed header (no name, no time), so that a
// generated file depends only on its input.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
