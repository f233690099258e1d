package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
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
// and is worth having.
func TestDeployMemory(t *testing.T) {
	for _, tt := range []struct {
		name string
		load func(t *testing.T) (Config, int64)
	}{
		{"kubernetes/newsflow.yaml", kubernetesDeployment},
		{"systemd/newsflow.service", systemdUnit},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, hard := tt.load(t)
			if err := cfg.Validate(); err != nil {
				t.Fatalf("configuration: %v", err)
			}
			soft := hard * 9 / 10
			cfg = cfg.resolvedFor(soft)
			heap, need := cfg.MemoryNeeded()
			if n := cfg.Stages.Dedup.MaxEntries; n < minDeployedEntries || need > soft {
				t.Errorf("limit %d MiB: dedup index of %d articles, heap %d MiB needing a limit of %d MiB; want at least %d articles within %d MiB",
					hard>>20, n, heap>>20, need>>20, minDeployedEntries, soft>>20)
			}
		})
	}
}

// kubernetesDeployment reads the Deployment's container: its arguments
// and NEWSFLOW_* variables over the defaults, and its memory limit.
func kubernetesDeployment(t *testing.T) (Config, int64) {
	data, err := os.ReadFile(filepath.Join(deployDir, "kubernetes", "newsflow.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for doc := range strings.SplitSeq(string(data), "\n---\n") {
		var d struct {
			Kind string `json:"kind"`
			Spec struct {
				Template struct {
					Spec struct {
						Containers []struct {
							Args      []string `json:"args"`
							Env       []struct{ Name, Value string }
							Resources struct {
								Limits struct {
									Memory string `json:"memory"`
								} `json:"limits"`
							} `json:"resources"`
						} `json:"containers"`
					} `json:"spec"`
				} `json:"template"`
			} `json:"spec"`
		}
		if err := yaml.Unmarshal([]byte(doc), &d); err != nil {
			t.Fatal(err)
		}
		if d.Kind != "Deployment" {
			continue
		}
		c := d.Spec.Template.Spec.Containers[0]
		cfg := Default()
		var environ []string
		for _, e := range c.Env {
			if e.Name == "GOMEMLIMIT" {
				t.Errorf("GOMEMLIMIT set to %s: newsflow derives it from the limit, which this test assumes", e.Value)
			}
			if strings.HasPrefix(e.Name, "NEWSFLOW_") {
				environ = append(environ, e.Name+"="+e.Value)
			}
		}
		if err := ApplyEnv(&cfg, environ); err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Args {
			if url, ok := strings.CutPrefix(a, "--nats-url="); ok {
				cfg.NATS.URL = url
			}
		}
		return cfg, quantity(t, c.Resources.Limits.Memory)
	}
	t.Fatal("no Deployment")
	return Config{}, 0
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
