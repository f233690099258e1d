// Package compose holds the test of the compose stack in compose.yaml.
package compose

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/nats-io/nats-server/v2/server"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// load reads compose.yaml with the compose specification's loader, its
// JSON Schema validation on, paths resolved against this directory.
func load(t *testing.T) *types.Project {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadFile(t, dir, filepath.Join(dir, "compose.yaml"))
	if err != nil {
		t.Fatalf("load compose.yaml: %v", err)
	}
	return p
}

func loadFile(t *testing.T, dir, file string) (*types.Project, error) {
	t.Helper()
	return loader.LoadWithContext(t.Context(), types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: file}},
		Environment: types.Mapping{},
	}, func(o *loader.Options) {
		o.SkipValidation = false
		o.ResolvePaths = true
		o.SetProjectName("newsflow", true)
	})
}

// TestComposeSchema checks that the loader, as load runs it, refuses a
// misspelt key of compose.yaml.
func TestComposeSchema(t *testing.T) {
	data, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	typo := filepath.Join(t.TempDir(), "compose.yaml")
	if err := os.WriteFile(typo, []byte(strings.Replace(string(data), "mem_limit:", "mem_limt:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadFile(t, dir, typo); err == nil || !strings.Contains(err.Error(), "mem_limt") {
		t.Errorf("load(compose.yaml with mem_limt) = %v; want a schema error naming it", err)
	}
}

// containerFiles lays out, under a directory, the files a service's bind
// mounts show it, at the paths it sees them: what a program in the
// container reads.
func containerFiles(t *testing.T, s types.ServiceConfig) string {
	t.Helper()
	root := t.TempDir()
	for _, v := range s.Volumes {
		if v.Type != types.VolumeTypeBind {
			continue
		}
		copyTree(t, v.Source, filepath.Join(root, v.Target))
	}
	return root
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCompose checks the stack: every bind-mounted file exists; three
// nats-servers whose configurations, read by nats-server's parser, form
// one JetStream cluster with a max_payload for newsflow's limit; two
// newsflow replicas on it; Prometheus scraping every newsflow and every
// exporter by service name, with a configuration promtool accepts as the
// container sees it; Grafana with the dashboard.
func TestCompose(t *testing.T) {
	p := load(t)
	services := map[string]types.ServiceConfig{}
	for _, s := range p.Services {
		services[s.Name] = s
		for _, v := range s.Volumes {
			if v.Type != types.VolumeTypeBind {
				continue
			}
			if _, err := os.Stat(v.Source); err != nil {
				t.Errorf("service %s mounts %s: %v", s.Name, v.Source, err)
			}
		}
	}
	need := int32(pipeline.DefaultLimits().MaxBytes) + natsjs.DLQHeadroom
	var nodes, newsflows, exporters []string
	for name, s := range services {
		switch {
		case strings.HasPrefix(name, "nats-"):
			nodes = append(nodes, name)
			root := containerFiles(t, s)
			opts, err := server.ProcessConfigFile(filepath.Join(root, "etc", "nats", "nats.conf"))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !opts.JetStream || opts.Cluster.Name != "newsflow" || len(opts.Routes) != 2 || opts.MaxPayload < need {
				t.Errorf("%s: jetstream %v, cluster %q, %d routes, max_payload %d; want JetStream in cluster newsflow routed to the 2 others, max_payload >= %d",
					name, opts.JetStream, opts.Cluster.Name, len(opts.Routes), opts.MaxPayload, need)
			}
			for _, r := range opts.Routes {
				if _, ok := services[r.Hostname()]; !ok || r.Hostname() == name {
					t.Errorf("%s routes to %s, no other service", name, r.Host)
				}
			}
		case strings.HasPrefix(name, "newsflow-"):
			newsflows = append(newsflows, name+":9464")
			if s.MemLimit == 0 {
				t.Errorf("%s has no memory limit: newsflow sizes itself from it", name)
			}
		case strings.HasPrefix(name, "exporter-"):
			exporters = append(exporters, name+":7777")
		}
	}
	if len(nodes) != 3 || len(newsflows) != 2 || len(exporters) != 3 {
		t.Fatalf("%d nats nodes, %d newsflow, %d exporters; want 3, 2, 3", len(nodes), len(newsflows), len(exporters))
	}
	prom, ok := services["prometheus"]
	if !ok {
		t.Fatal("no prometheus service")
	}
	root := containerFiles(t, prom)
	cfgFile := filepath.Join(root, "etc", "prometheus", "prometheus.yml")
	targets := scrapeTargets(t, cfgFile)
	for job, want := range map[string][]string{"newsflow": newsflows, "nats": exporters} {
		got := targets[job]
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("prometheus job %s scrapes %v; want %v", job, got, want)
		}
	}
	if path, err := exec.LookPath("promtool"); err == nil {
		if out, err := exec.CommandContext(t.Context(), path, "check", "config", cfgFile).CombinedOutput(); err != nil {
			t.Errorf("promtool check config, as the container sees it: %v\n%s", err, out)
		}
	} else {
		t.Log("promtool not on PATH: the rule files were not checked through the mounts")
	}
	graf := containerFiles(t, services["grafana"])
	if _, err := os.Stat(filepath.Join(graf, "var", "lib", "grafana", "dashboards", "newsflow.json")); err != nil {
		t.Errorf("grafana: the dashboard is not where the provisioning reads it: %v", err)
	}
}

// scrapeTargets returns the static targets of each scrape job of a
// Prometheus configuration. (promtool check config validates the rest;
// Prometheus' own config package would compile in the SDKs of every
// cloud's service discovery.)
func scrapeTargets(t *testing.T, path string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		ScrapeConfigs []struct {
			JobName       string `json:"job_name"`
			StaticConfigs []struct {
				Targets []string `json:"targets"`
			} `json:"static_configs"`
		} `json:"scrape_configs"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	targets := map[string][]string{}
	for _, sc := range cfg.ScrapeConfigs {
		for _, st := range sc.StaticConfigs {
			targets[sc.JobName] = append(targets[sc.JobName], st.Targets...)
		}
	}
	return targets
}
