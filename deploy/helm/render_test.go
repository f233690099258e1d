package helm

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/releaseutil"
)

var update = flag.Bool("update", false, "rewrite deploy/kubernetes/ from the chart's renders")

const (
	chartDir    = "newsflow"
	releaseName = "newsflow"
	namespace   = "newsflow"
)

// A case is one set of values and the file that keeps its render.
type renderCase struct {
	name   string
	values string // "" for the chart's defaults
	golden string
}

// renderCases are the chart's defaults, kept as the plain manifest
// deploy/kubernetes/newsflow.yaml, and each example values file.
func renderCases(t *testing.T) []renderCase {
	t.Helper()
	cases := []renderCase{{"default", "", filepath.Join("..", "kubernetes", "newsflow.yaml")}}
	files, err := filepath.Glob(filepath.Join("examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example values in examples/: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		cases = append(cases, renderCase{name, f, filepath.Join("..", "kubernetes", "examples", name+".yaml")})
	}
	return cases
}

// render renders the chart as `helm template` does, client-only, with the
// values of the given files over its defaults: the values validated
// against values.schema.json, the templates rendered by Helm's engine,
// the manifests in Helm's install order. (Helm's action package would do
// the same with a Kubernetes client and storage drivers compiled in.)
func render(valueFiles ...string) (string, error) {
	chrt, err := loader.Load(chartDir)
	if err != nil {
		return "", err
	}
	vals := map[string]any{}
	for _, f := range valueFiles {
		v, err := chartutil.ReadValuesFile(f)
		if err != nil {
			return "", err
		}
		vals = chartutil.CoalesceTables(v.AsMap(), vals)
	}
	caps := chartutil.DefaultCapabilities.Copy()
	// unhealthyPodEvictionPolicy is GA from 1.31 (beta, on, from 1.27).
	kv, err := chartutil.ParseKubeVersion("v1.31.0")
	if err != nil {
		return "", err
	}
	caps.KubeVersion = *kv
	if c := chrt.Metadata.KubeVersion; c != "" && !chartutil.IsCompatibleRange(c, kv.String()) {
		return "", fmt.Errorf("chart requires kubeVersion %s, not %s", c, kv)
	}
	opts := chartutil.ReleaseOptions{Name: releaseName, Namespace: namespace, Revision: 1, IsInstall: true}
	top, err := chartutil.ToRenderValues(chrt, vals, opts, caps)
	if err != nil {
		return "", err
	}
	files, err := engine.Render(chrt, top)
	if err != nil {
		return "", err
	}
	for name := range files {
		if strings.HasSuffix(name, "NOTES.txt") {
			delete(files, name)
		}
	}
	_, manifests, err := releaseutil.SortManifests(files, nil, releaseutil.InstallOrder)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, m := range manifests {
		fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", m.Name, m.Content)
	}
	return b.String(), nil
}

// goldenHeader starts every kept render: they are generated, not edited.
const goldenHeader = `# Generated from deploy/helm/newsflow by
#   cd deploy && go test ./helm -run TestRenders -update
# Do not edit: change the chart or its values, and regenerate.
`

// TestRenders renders each case and compares it with the file that keeps
// it (rewritten with -update), so that deploy/kubernetes/ is what the
// chart makes and cmd/newsflow's checks of those files hold for the chart.
func TestRenders(t *testing.T) {
	for _, c := range renderCases(t) {
		t.Run(c.name, func(t *testing.T) {
			var files []string
			if c.values != "" {
				files = append(files, c.values)
			}
			got, err := render(files...)
			if err != nil {
				t.Fatalf("render(%s) = %v", c.name, err)
			}
			got = goldenHeader + got
			if *update {
				if err := os.MkdirAll(filepath.Dir(c.golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(c.golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(c.golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("render(%s) differs from %s; run `cd deploy && go test ./helm -run TestRenders -update` and review the diff", c.name, c.golden)
			}
		})
	}
}

// TestSchemaRejects checks that values.schema.json refuses what the chart
// would otherwise ignore or render wrongly.
func TestSchemaRejects(t *testing.T) {
	for _, tt := range []struct {
		name, values, want string
	}{
		{"typo at the top", "replica: 5\n", "replica"},
		{"typo below", "autoscaling:\n  maxReplica: 5\n", "maxReplica"},
		{"latest tag", "image:\n  tag: latest\n", "tag"},
		{"no memory limit", "resources:\n  limits: {cpu: \"2\", memory: null}\n", "memory"},
		{"streams under config", "config:\n  streams:\n    articles: {replicas: 1}\n", "streams"},
		{"even replicas", "jetstream:\n  replicas: 2\n", "replicas"},
		{"short stabilisation", "autoscaling:\n  scaleDownStabilizationSeconds: 10\n", "scaleDownStabilizationSeconds"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "values.yaml")
			if err := os.WriteFile(f, []byte(tt.values), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := render(f)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("render(%q) = %v; want a schema error naming %s", tt.values, err, tt.want)
			}
		})
	}
}
