package helm

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
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
// values of the given files over its defaults. Helm validates the values
// against values.schema.json first.
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
	inst := action.NewInstall(&action.Configuration{Log: func(string, ...any) {}})
	inst.DryRun, inst.ClientOnly, inst.Replace = true, true, true
	inst.ReleaseName, inst.Namespace = releaseName, namespace
	// unhealthyPodEvictionPolicy is GA from 1.31 (beta, on, from 1.27).
	if inst.KubeVersion, err = chartutil.ParseKubeVersion("v1.31.0"); err != nil {
		return "", err
	}
	rel, err := inst.Run(chrt, vals)
	if err != nil {
		return "", err
	}
	return rel.Manifest, nil
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
