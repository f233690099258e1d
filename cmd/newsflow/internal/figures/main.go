// Command figures writes the README's table of figures: the quality of
// every stage, measured by the evaluations on ../shared/corpora, and the
// speed of the whole pipeline, from a "newsflow bench --json" report made
// on the machine the figures describe. "make figures" runs it; the test of
// this package checks that the quality figures in the README are those the
// evaluations give today.
//
//	newsflow bench --json > bench.json
//	go run ./cmd/newsflow/internal/figures -bench bench.json -readme README.md
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
)

func main() {
	readme := flag.String("readme", "README.md", "the README to write the figures into")
	benchFile := flag.String("bench", "", "a newsflow bench --json report (required)")
	corpora := flag.String("corpora", filepath.Join("..", "shared", "corpora"), "the gold data directory")
	flag.Parse()
	if err := run(context.Background(), *readme, *benchFile, *corpora); err != nil {
		fmt.Fprintln(os.Stderr, "figures:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, readmePath, benchPath, corpora string) error {
	if benchPath == "" {
		return fmt.Errorf("-bench is required")
	}
	raw, err := os.ReadFile(benchPath)
	if err != nil {
		return err
	}
	var r bench.Report
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("%s: %w", benchPath, err)
	}
	quality, err := qualityRows(ctx, corpora)
	if err != nil {
		return err
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("Speed: newsflow %s on %s/%s, GOMAXPROCS %d (%s), %s, with the embedded server in the same process; on a shared or virtual machine, compare runs made together.",
		r.Version, runtime.GOOS, runtime.GOARCH, r.GOMAXPROCS, cpuModel(), time.Now().UTC().Format("2006-01-02"))
	out, err := replace(string(readme), table(quality, benchRows(r), note))
	if err != nil {
		return err
	}
	return os.WriteFile(readmePath, []byte(out), 0o644)
}

// cpuModel names the processor, from /proc/cpuinfo where there is one.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
