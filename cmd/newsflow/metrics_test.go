package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"
)

// TestMetricsEndpoint scrapes /metrics of a running newsflow that has made
// an article event, a duplicate notice and a dead letter: every family of
// newsflow's is listed in deploy/README.md and every one listed there is
// exposed, and promtool accepts the exposition.
func TestMetricsEndpoint(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	seed := seedArticle(t)
	var a map[string]any
	if err := json.Unmarshal(seed, &a); err != nil {
		t.Fatal(err)
	}
	a["id"], a["body"] = "seed-copy", "By Staff Reporter\n\n"+a["body"].(string)
	copyOf, _ := json.Marshal(a)
	r.publish(t, "articles.test", seed)
	r.publish(t, "articles.test", copyOf)
	r.waitIdle(t, r.publish(t, "articles.test", []byte(`{"title":"no body"}`)))

	resp, err := http.Get("http://" + r.p.http.Addr() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics = %d, %v", resp.StatusCode, err)
	}
	exposed := familyNames(string(body))
	listed := listedMetrics(t)
	for name := range exposed {
		if !listed[name] {
			t.Errorf("metric %s is exposed but not listed in deploy/README.md", name)
		}
	}
	for name := range listed {
		if !exposed[name] {
			t.Errorf("deploy/README.md lists %s, which /metrics does not expose", name)
		}
	}

	t.Run("promtool", func(t *testing.T) {
		promtool, err := exec.LookPath("promtool")
		if err != nil {
			t.Skip("promtool not on PATH (Debian: apt-get install prometheus; .ci/run installs it)")
		}
		cmd := exec.CommandContext(t.Context(), promtool, "check", "metrics")
		cmd.Stdin = bytes.NewReader(body)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool check metrics = %v:\n%s", err, out)
		}
	})
}

// familyNames returns the names of the newsflow_ families of a text
// exposition, as its # TYPE lines give them.
func familyNames(exposition string) map[string]bool {
	names := make(map[string]bool)
	for line := range strings.SplitSeq(exposition, "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "#" && f[1] == "TYPE" && strings.HasPrefix(f[2], "newsflow_") {
			names[f[2]] = true
		}
	}
	return names
}

// listedMetrics returns the metric names of the table under "## Metrics"
// in deploy/README.md.
func listedMetrics(t *testing.T) map[string]bool {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "..", "deploy", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Metrics\n")
	if !ok {
		t.Fatal("deploy/README.md has no ## Metrics section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	names := make(map[string]bool)
	for _, m := range regexp.MustCompile("(?m)^\\| `(newsflow_[a-z_]+)").FindAllStringSubmatch(section, -1) {
		names[m[1]] = true
	}
	if len(names) == 0 {
		t.Fatal("no metrics listed under ## Metrics in deploy/README.md")
	}
	return names
}
