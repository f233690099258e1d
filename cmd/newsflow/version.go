package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; a
// binary built by "go install" reports its module version instead.
var version = ""

// buildInfo describes the running binary, for newsflow_build_info.
type buildInfo struct {
	Version   string
	Revision  string
	GoVersion string
}

// build describes this binary.
func build() buildInfo {
	b := buildInfo{Version: version, Revision: "unknown", GoVersion: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		if b.Version == "" {
			b.Version = "devel"
		}
		return b
	}
	if b.Version == "" {
		b.Version = info.Main.Version
	}
	if b.Version == "" || b.Version == "(devel)" {
		b.Version = "devel"
	}
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty {
		b.Revision += "-dirty"
	}
	return b
}

func cmdVersion(_ context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "version", "", "  newsflow version\n")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	printVersion(e.stdout)
	return nil
}

// printVersion prints what newsflow version and --version print.
func printVersion(w io.Writer) {
	b := build()
	fmt.Fprintf(w, "newsflow %s\ncommit %s\n%s\n", b.Version, b.Revision, b.GoVersion)
}
