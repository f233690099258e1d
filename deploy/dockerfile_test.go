// Package deploy holds the tests of the files at the root of deploy/ that no
// subdirectory owns: the Dockerfile.
package deploy

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"golang.org/x/mod/modfile"
)

// pinned is an image reference with a tag and the sha256 digest of its
// manifest (for a multi-platform image, of its index).
var pinned = regexp.MustCompile(`^[a-z0-9.\-/]+:([A-Za-z0-9_.\-]+)@sha256:[0-9a-f]{64}$`)

// dockerfile is the parsed Dockerfile: its stages and its global ARGs.
type dockerfile struct {
	stages []instructions.Stage
	args   map[string]string // global ARG name → default
}

// parseDockerfile parses path with BuildKit's parser and instruction
// decoder, failing the test on a syntax error or a lint warning, as
// `docker build` would report them.
func parseDockerfile(t *testing.T, path string) dockerfile {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	for _, w := range res.Warnings {
		t.Errorf("%s: parser warning: %s", path, w.Short)
	}
	lint := linter.New(&linter.Config{
		Warn: func(rule, description, _, msg string, loc []parser.Range) {
			t.Errorf("%s:%v: lint %s: %s", path, loc, rule, msg)
		},
	})
	stages, metaArgs, err := instructions.Parse(res.AST, lint)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	d := dockerfile{stages: stages, args: map[string]string{}}
	for _, a := range metaArgs {
		for _, kv := range a.Args {
			if kv.Value != nil {
				d.args[kv.Key] = *kv.Value
			}
		}
	}
	return d
}

// word evaluates s as BuildKit does a word of an instruction: quotes
// removed, ${NAME} and $NAME replaced by the defaults of the global ARGs
// and of the ARGs of stage, if given.
func (d dockerfile) word(t *testing.T, s string, stage ...instructions.Stage) string {
	t.Helper()
	var env []string
	for k, v := range d.args {
		env = append(env, k+"="+v)
	}
	for _, st := range stage {
		for _, c := range st.Commands {
			if a, ok := c.(*instructions.ArgCommand); ok {
				for _, kv := range a.Args {
					if kv.Value != nil {
						env = append(env, kv.Key+"="+*kv.Value)
					}
				}
			}
		}
	}
	w, _, err := shell.NewLex('\\').ProcessWord(s, shell.EnvsFromSlice(env))
	if err != nil {
		t.Fatalf("evaluate %q: %v", s, err)
	}
	return w
}

// TestDockerfile checks what a release image must be: bases pinned by
// digest, a build stage that cross-compiles on the build machine's
// platform, a non-root final stage with the OCI labels, and the licence
// files inside. Building it needs a registry; this needs none.
func TestDockerfile(t *testing.T) {
	d := parseDockerfile(t, "Dockerfile")
	if len(d.stages) != 2 {
		t.Fatalf("stages = %d; want 2 (build, runtime)", len(d.stages))
	}
	build, final := d.stages[0], d.stages[1]

	t.Run("pinned bases", func(t *testing.T) {
		for _, s := range d.stages {
			ref := d.word(t, s.BaseName)
			if !pinned.MatchString(ref) {
				t.Errorf("FROM %s = %q; want image:tag@sha256:<64 hex>", s.BaseName, ref)
			}
			if strings.Contains(ref, ":latest") {
				t.Errorf("FROM %q uses the latest tag", ref)
			}
		}
	})

	t.Run("go version", func(t *testing.T) {
		// The official image sets GOTOOLCHAIN=local: it will not fetch the
		// toolchain go.mod asks for, so its own must be at least that.
		m := pinned.FindStringSubmatch(d.word(t, build.BaseName))
		if m == nil {
			t.Fatalf("build base %q is not pinned", d.word(t, build.BaseName))
		}
		data, err := os.ReadFile(filepath.Join("..", "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		mod, err := modfile.ParseLax("go.mod", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		image, want := strings.SplitN(m[1], "-", 2)[0], mod.Go.Version
		if compareVersions(image, want) < 0 {
			t.Errorf("build image Go %s < go.mod's go %s", image, want)
		}
	})

	t.Run("cross-compiling build stage", func(t *testing.T) {
		if build.Platform != "$BUILDPLATFORM" {
			t.Errorf("build stage --platform = %q; want $BUILDPLATFORM", build.Platform)
		}
		args := stageArgs(build)
		for _, name := range []string{"TARGETOS", "TARGETARCH"} {
			if !slices.Contains(args, name) {
				t.Errorf("build stage does not declare ARG %s", name)
			}
		}
		var goBuild string
		for _, c := range build.Commands {
			if r, ok := c.(*instructions.RunCommand); ok && strings.Contains(strings.Join(r.CmdLine, " "), "go build") {
				goBuild = strings.Join(r.CmdLine, " ")
			}
		}
		for _, want := range []string{"CGO_ENABLED=0", "GOOS=$TARGETOS", "GOARCH=$TARGETARCH", "-trimpath", "-X main.version=", "./cmd/newsflow"} {
			if !strings.Contains(goBuild, want) {
				t.Errorf("go build command %q lacks %q", goBuild, want)
			}
		}
	})

	t.Run("runtime stage", func(t *testing.T) {
		var user string
		labels := map[string]string{}
		var copied []string
		for _, c := range final.Commands {
			switch c := c.(type) {
			case *instructions.UserCommand:
				user = c.User
			case *instructions.LabelCommand:
				for _, kv := range c.Labels {
					labels[d.word(t, kv.Key, final)] = d.word(t, kv.Value, final)
				}
			case *instructions.CopyCommand:
				if c.From == "" {
					copied = append(copied, c.SourcePaths...)
				}
			case *instructions.RunCommand:
				t.Errorf("runtime stage runs %q: its base has no shell", c.CmdLine)
			}
		}
		uid, _, _ := strings.Cut(user, ":")
		if n, err := strconv.Atoi(uid); err != nil || n == 0 {
			// A numeric uid lets Kubernetes' runAsNonRoot verify it.
			t.Errorf("USER = %q; want a numeric non-root uid", user)
		}
		for _, key := range []string{"title", "description", "source", "licenses", "version"} {
			if labels["org.opencontainers.image."+key] == "" {
				t.Errorf("label org.opencontainers.image.%s missing", key)
			}
		}
		if got := labels["org.opencontainers.image.licenses"]; got != "Apache-2.0" {
			t.Errorf("licenses label = %q; want Apache-2.0", got)
		}
		for _, want := range []string{"LICENSE", "NOTICE"} {
			if !slices.Contains(copied, want) {
				t.Errorf("runtime stage does not copy %s from the context", want)
			}
		}
	})

	t.Run("context files exist", func(t *testing.T) {
		// The build context is the repository root.
		for _, s := range d.stages {
			for _, c := range s.Commands {
				cp, ok := c.(*instructions.CopyCommand)
				if !ok || cp.From != "" {
					continue
				}
				for _, p := range cp.SourcePaths {
					if p == "." {
						continue
					}
					if _, err := os.Stat(filepath.Join("..", p)); err != nil {
						t.Errorf("COPY %s: %v", p, err)
					}
				}
			}
		}
	})
}

// stageArgs returns the names of the ARGs declared in a stage.
func stageArgs(s instructions.Stage) []string {
	var names []string
	for _, c := range s.Commands {
		if a, ok := c.(*instructions.ArgCommand); ok {
			for _, kv := range a.Args {
				names = append(names, kv.Key)
			}
		}
	}
	return names
}

// compareVersions compares dotted numeric versions ("1.26.8") as numbers.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}
