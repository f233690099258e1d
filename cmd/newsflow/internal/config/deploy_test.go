package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// deployDir holds what operators install; the tests below keep its memory
// limits in step with what the configuration it ships keeps in memory.
const deployDir = "../../../../deploy"

// minDeployedEntries is the least dedup index a shipped deployment must
// hold: a few hours of a busy feed.
const minDeployedEntries = 100_000

// TestDeployMemory sizes each shipped deployment as newsflow run would
// (GOMEMLIMIT at 90% of the container's limit, the dedup index from it)
// and checks that the index, full, fits with the rest under the limit,
// and is worth having. The Kubernetes manifests, renders of the Helm
// chart, are sized by cmd/newsflow's TestDeployRenders, through run's own
// flags.
func TestDeployMemory(t *testing.T) {
	for _, tt := range []struct {
		name string
		load func(t *testing.T) (Config, int64)
	}{
		{"systemd/newsflow.service", systemdUnit},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, hard := tt.load(t)
			if err := cfg.Validate(); err != nil {
				t.Fatalf("configuration: %v", err)
			}
			soft := int64(float64(hard) * MemoryLimitRatio)
			cfg = cfg.resolvedFor(soft)
			heap, need := cfg.MemoryNeeded()
			if n := cfg.Stages.Dedup.MaxEntries; n < minDeployedEntries || need > soft {
				t.Errorf("limit %d MiB: dedup index of %d articles, heap %d MiB needing a limit of %d MiB; want at least %d articles within %d MiB",
					hard>>20, n, heap>>20, need>>20, minDeployedEntries, soft>>20)
			}
		})
	}
}

// systemdUnit reads the unit's MemoryMax and the configuration file it
// names.
func systemdUnit(t *testing.T) (Config, int64) {
	data, err := os.ReadFile(filepath.Join(deployDir, "systemd", "newsflow.service"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^MemoryMax=(\S+)$`).FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("no MemoryMax=")
	}
	if strings.Contains(string(data), "\nEnvironment=GOMEMLIMIT") {
		t.Error("GOMEMLIMIT set: newsflow derives it from MemoryMax, which this test assumes")
	}
	cfg := Default()
	if err := LoadFile(filepath.Join(deployDir, "systemd", "newsflow.yaml"), &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg, quantity(t, m[1])
}

// quantity parses a memory size as Kubernetes ("1Gi", "512Mi") and
// systemd ("2G", binary multiples there) write it.
func quantity(t *testing.T, s string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^(\d+)(Ki|Mi|Gi|K|M|G)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("memory size %q not understood", s)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	shift := map[string]uint{"": 0, "Ki": 10, "K": 10, "Mi": 20, "M": 20, "Gi": 30, "G": 30}[m[2]]
	return n << shift
}
