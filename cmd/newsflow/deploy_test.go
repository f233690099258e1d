package main

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// The Kubernetes manifests in deploy/kubernetes/ are the renders of the
// Helm chart (deploy/helm/newsflow, its defaults and each example values
// file), which the deploy module's tests keep equal to the chart and
// decode strictly. The tests here run what each render gives the
// container, its arguments, environment and mounted configuration, through
// newsflow run's own flag parsing and configuration loader, under the
// memory limit newsflow run would set, and check the result against the
// rest of the render.

// minDeployedEntries is the least dedup index a shipped deployment must
// hold: a few hours of a busy feed.
const minDeployedEntries = 100_000

// drainMargin is what a pod's grace period must leave beyond newsflow's
// drain: the HTTP and NATS shutdowns after it, and the kubelet's delays.
const drainMargin = 10 * time.Second

// manifest is the part of a render these tests read.
type manifest struct {
	deployment    k8sDeployment
	configMaps    map[string]map[string]string
	scaledObjects []k8sScaledObject
	streams       []nackStream
	consumers     []nackConsumer
}

type k8sDeployment struct {
	Spec struct {
		Replicas *int `json:"replicas"`
		Template struct {
			Spec struct {
				TerminationGracePeriodSeconds int            `json:"terminationGracePeriodSeconds"`
				Containers                    []k8sContainer `json:"containers"`
				Volumes                       []struct {
					Name      string `json:"name"`
					ConfigMap *struct {
						Name string `json:"name"`
					} `json:"configMap"`
					Secret *struct {
						SecretName string `json:"secretName"`
					} `json:"secret"`
				} `json:"volumes"`
			} `json:"spec"`
		} `json:"template"`
	} `json:"spec"`
}

type k8sContainer struct {
	Name  string   `json:"name"`
	Args  []string `json:"args"`
	Env   []k8sEnv `json:"env"`
	Mount []struct {
		Name      string `json:"name"`
		MountPath string `json:"mountPath"`
	} `json:"volumeMounts"`
	Resources struct {
		Limits map[string]string `json:"limits"`
	} `json:"resources"`
}

type k8sEnv struct {
	Name      string `json:"name"`
	Value     string `json:"value"`
	ValueFrom *struct {
		ResourceFieldRef *struct {
			Resource string `json:"resource"`
			Divisor  string `json:"divisor"`
		} `json:"resourceFieldRef"`
		SecretKeyRef *struct {
			Name string `json:"name"`
			Key  string `json:"key"`
		} `json:"secretKeyRef"`
	} `json:"valueFrom"`
}

type k8sScaledObject struct {
	Spec struct {
		MaxReplicaCount int `json:"maxReplicaCount"`
		Triggers        []struct {
			Type     string            `json:"type"`
			Metadata map[string]string `json:"metadata"`
		} `json:"triggers"`
	} `json:"spec"`
}

type nackStream struct {
	Spec struct {
		Name            string   `json:"name"`
		Subjects        []string `json:"subjects"`
		Replicas        int      `json:"replicas"`
		MaxAge          string   `json:"maxAge"`
		DuplicateWindow string   `json:"duplicateWindow"`
		MaxMsgs         int64    `json:"maxMsgs"`
	} `json:"spec"`
}

type nackConsumer struct {
	Spec struct {
		StreamName    string `json:"streamName"`
		DurableName   string `json:"durableName"`
		AckWait       string `json:"ackWait"`
		MaxDeliver    int    `json:"maxDeliver"`
		MaxAckPending int    `json:"maxAckPending"`
	} `json:"spec"`
}

// renders returns the kept renders of the chart.
func renders(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "deploy", "kubernetes")
	files, err := filepath.Glob(filepath.Join(dir, "examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no renders in %s/examples: %v", dir, err)
	}
	return append([]string{filepath.Join(dir, "newsflow.yaml")}, files...)
}

// readManifest reads the documents of a render this test needs.
func readManifest(t *testing.T, path string) manifest {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := manifest{configMaps: map[string]map[string]string{}}
	deployments := 0
	for doc := range strings.SplitSeq(string(data), "\n---\n") {
		var head struct {
			Kind     string `json:"kind"`
			Metadata struct {
				Name string `json:"name"`
			} `json:"metadata"`
			Data map[string]string `json:"data"`
		}
		if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var into any
		switch head.Kind {
		case "Deployment":
			deployments++
			into = &m.deployment
		case "ConfigMap":
			m.configMaps[head.Metadata.Name] = head.Data
		case "ScaledObject":
			m.scaledObjects = append(m.scaledObjects, k8sScaledObject{})
			into = &m.scaledObjects[len(m.scaledObjects)-1]
		case "Stream":
			m.streams = append(m.streams, nackStream{})
			into = &m.streams[len(m.streams)-1]
		case "Consumer":
			m.consumers = append(m.consumers, nackConsumer{})
			into = &m.consumers[len(m.consumers)-1]
		}
		if into != nil {
			if err := yaml.Unmarshal([]byte(doc), into); err != nil {
				t.Fatalf("%s: %s: %v", path, head.Kind, err)
			}
		}
	}
	if deployments != 1 || len(m.deployment.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("%s: %d Deployments; want one, with one container", path, deployments)
	}
	return m
}

// podConfig is what newsflow run makes of a render's container: its
// configuration, as loaded, validated and resolved, and the pod's limits.
type podConfig struct {
	cfg      config.Config
	memLimit int64 // the container's, bytes
	soft     int64 // GOMEMLIMIT, set or derived
	cpus     int   // the CPU limit, rounded up
}

// loadPod lays out the container's mounted ConfigMaps and Secrets in a
// directory, and loads its configuration as newsflow run does: its flags,
// its NEWSFLOW_* variables and the file they name, under the soft memory
// limit run would set. It sets the process's memory limit for the while,
// which no parallel test reads.
func loadPod(t *testing.T, m manifest) podConfig {
	t.Helper()
	spec := m.deployment.Spec.Template.Spec
	c := spec.Containers[0]
	var pod podConfig
	pod.memLimit = quantity(t, c.Resources.Limits["memory"])
	cpu := quantityMilli(t, c.Resources.Limits["cpu"])
	pod.cpus = int((cpu + 999) / 1000)

	root := t.TempDir()
	local := func(s string) string {
		for _, mnt := range c.Mount {
			if rest, ok := strings.CutPrefix(s, mnt.MountPath+"/"); ok {
				return filepath.Join(root, mnt.MountPath, rest)
			}
		}
		return s
	}
	for _, mnt := range c.Mount {
		dir := filepath.Join(root, mnt.MountPath)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, v := range spec.Volumes {
			if v.Name != mnt.Name || v.ConfigMap == nil {
				continue
			}
			data, ok := m.configMaps[v.ConfigMap.Name]
			if !ok {
				t.Fatalf("volume %s: no ConfigMap %s in the render", v.Name, v.ConfigMap.Name)
			}
			for k, content := range data {
				if err := os.WriteFile(filepath.Join(dir, k), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}

	var environ []string
	for _, e := range c.Env {
		value := e.Value
		switch {
		case e.ValueFrom == nil:
		case e.ValueFrom.ResourceFieldRef != nil && e.ValueFrom.ResourceFieldRef.Resource == "limits.cpu":
			div := quantityMilli(t, e.ValueFrom.ResourceFieldRef.Divisor)
			value = strconv.FormatInt((cpu+div-1)/div, 10) // the kubelet rounds up
		case e.ValueFrom.SecretKeyRef != nil && e.Name == "NEWSFLOW_NATS_URL":
			value = "nats://newsflow:secret@nats.nats.svc:4222"
		default:
			t.Fatalf("env %s: a source this test cannot resolve", e.Name)
		}
		value = local(value)
		if e.Name == "GOMEMLIMIT" {
			soft, err := strconv.ParseInt(value, 10, 64)
			if err != nil {
				t.Fatalf("GOMEMLIMIT=%s: want bytes", value)
			}
			pod.soft = soft
		}
		if strings.HasSuffix(e.Name, "_FILE") && strings.HasPrefix(value, root) {
			// A file from a Secret: present, its content unknown here.
			if err := os.WriteFile(value, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		environ = append(environ, e.Name+"="+value)
	}
	if pod.soft == 0 {
		pod.soft = int64(float64(pod.memLimit) * config.MemoryLimitRatio)
	}

	if len(c.Args) == 0 || c.Args[0] != "run" {
		t.Fatalf("args %v; want newsflow run", c.Args)
	}
	args := make([]string, 0, len(c.Args)-1)
	for _, a := range c.Args[1:] {
		if name, v, ok := strings.Cut(a, "="); ok {
			a = name + "=" + local(v)
		}
		args = append(args, a)
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(pod.soft))
	fs := newFlagSet(&env{stderr: io.Discard}, "run", "", "")
	var cf configFlags
	cf.register(fs, true)
	if err := parseFlags(fs, args); err != nil {
		t.Fatalf("newsflow run %v: %v", c.Args[1:], err)
	}
	cfg, err := cf.load(fs, environ)
	if err != nil {
		t.Fatalf("newsflow run %v with %v: %v", c.Args[1:], environ, err)
	}
	pod.cfg = cfg
	return pod
}

// TestDeployRenders checks each render of the chart against what newsflow
// makes of it: the configuration validates; the memory limit holds the
// full dedup index with the collector's headroom, and GOMEMLIMIT is 80 to
// 95% of it; the dedup bucket has the streams' replicas; the grace period
// covers the drain; logs are JSON; KEDA's lag threshold and replica bound
// fit what a replica holds; NACK declares what newsflow would create.
func TestDeployRenders(t *testing.T) {
	for _, path := range renders(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			m := readManifest(t, path)
			pod := loadPod(t, m)
			cfg := pod.cfg

			if r := float64(pod.soft) / float64(pod.memLimit); r < 0.8 || r > 0.95 {
				t.Errorf("GOMEMLIMIT %d is %.0f%% of the memory limit %d; want 80-95%%", pod.soft, 100*r, pod.memLimit)
			}
			heap, need := cfg.MemoryNeeded()
			if n := cfg.Stages.Dedup.MaxEntries; n < minDeployedEntries || need > pod.soft {
				t.Errorf("memory limit %d MiB: dedup index of %d articles, heap %d MiB needing a soft limit of %d MiB; want at least %d articles within %d MiB",
					pod.memLimit>>20, n, heap>>20, need>>20, minDeployedEntries, pod.soft>>20)
			}
			if cfg.Runner.Workers != pod.cpus {
				t.Errorf("workers = %d; want %d, one per CPU of the limit", cfg.Runner.Workers, pod.cpus)
			}
			for _, s := range []natsjs.StreamConfig{cfg.Streams.Articles, cfg.Streams.Events, cfg.Streams.DLQ} {
				if s.Replicas != cfg.DedupStore.Replicas {
					t.Errorf("stream %s has %d replicas, the dedup bucket %d; want the same", s.Name, s.Replicas, cfg.DedupStore.Replicas)
				}
			}
			grace := time.Duration(m.deployment.Spec.Template.Spec.TerminationGracePeriodSeconds) * time.Second
			if drain := time.Duration(cfg.Runner.ShutdownTimeout); grace < drain+drainMargin {
				t.Errorf("terminationGracePeriodSeconds %v; want at least runner.shutdown_timeout %v + %v", grace, drain, drainMargin)
			}
			if cfg.Log.Format != "json" {
				t.Errorf("log.format = %s; want json", cfg.Log.Format)
			}
			if cfg.NATS.Embedded() {
				t.Error("nats.url is empty: a pod would run its own server instead of the cluster's")
			}
			checkScaling(t, m, cfg)
			checkNACK(t, m, cfg)
		})
	}
}

// checkScaling checks the consumer's bound on unacknowledged messages
// against the replicas, and KEDA's trigger. KEDA counts messages
// delivered but not acknowledged as lag; each replica holds up to its pull
// batch, max_in_flight and one per worker so, so a lag threshold below
// that would scale to the maximum with no backlog at all.
func checkScaling(t *testing.T, m manifest, cfg config.Config) {
	t.Helper()
	hold := cfg.Consumer.PullBatch + cfg.Runner.MaxInFlight + cfg.Runner.Workers
	replicas := 0
	if r := m.deployment.Spec.Replicas; r != nil {
		replicas = *r
	}
	for _, s := range m.scaledObjects {
		replicas = max(replicas, s.Spec.MaxReplicaCount)
		for _, tr := range s.Spec.Triggers {
			md := tr.Metadata
			if md["stream"] != cfg.Streams.Articles.Name || md["consumer"] != cfg.Consumer.Durable {
				t.Errorf("KEDA trigger on %s/%s; newsflow consumes %s/%s", md["stream"], md["consumer"], cfg.Streams.Articles.Name, cfg.Consumer.Durable)
			}
			lag, err := strconv.Atoi(md["lagThreshold"])
			if err != nil || lag <= hold {
				t.Errorf("KEDA lagThreshold %q; want above %d, what one replica holds (pull batch %d + max_in_flight %d + workers %d)",
					md["lagThreshold"], hold, cfg.Consumer.PullBatch, cfg.Runner.MaxInFlight, cfg.Runner.Workers)
			}
		}
	}
	if replicas*hold > cfg.Consumer.MaxAckPending {
		t.Errorf("%d replicas hold up to %d messages each, %d in all; consumer.max_ack_pending %d would starve some",
			replicas, hold, replicas*hold, cfg.Consumer.MaxAckPending)
	}
}

// checkNACK checks that the NACK resources of a render declare the
// streams, consumer and dedup bucket as newsflow's configuration would
// create them.
func checkNACK(t *testing.T, m manifest, cfg config.Config) {
	t.Helper()
	if len(m.streams) == 0 && len(m.consumers) == 0 {
		return
	}
	byName := map[string]nackStream{}
	for _, s := range m.streams {
		byName[s.Spec.Name] = s
	}
	for _, want := range []natsjs.StreamConfig{cfg.Streams.Articles, cfg.Streams.Events, cfg.Streams.DLQ} {
		got, ok := byName[want.Name]
		if !ok {
			t.Errorf("NACK declares no stream %s", want.Name)
			continue
		}
		if strings.Join(got.Spec.Subjects, ",") != strings.Join(want.Subjects, ",") || got.Spec.Replicas != want.Replicas ||
			duration(t, got.Spec.MaxAge) != time.Duration(want.MaxAge) || duration(t, got.Spec.DuplicateWindow) != time.Duration(want.DuplicateWindow) {
			t.Errorf("NACK stream %s = %+v; newsflow's configuration says %+v", want.Name, got.Spec, want)
		}
	}
	kv, ok := byName["KV_"+cfg.DedupStore.Bucket]
	if !ok {
		t.Errorf("NACK declares no stream KV_%s for the dedup bucket", cfg.DedupStore.Bucket)
	} else if kv.Spec.Replicas != cfg.DedupStore.Replicas || kv.Spec.MaxMsgs != cfg.DedupStore.MaxEntries ||
		duration(t, kv.Spec.MaxAge) != time.Duration(cfg.DedupStore.TTL) {
		t.Errorf("NACK dedup bucket stream = %+v; newsflow's dedup_store says %+v", kv.Spec, cfg.DedupStore)
	}
	if len(m.consumers) != 1 {
		t.Fatalf("NACK declares %d consumers; want 1", len(m.consumers))
	}
	c := m.consumers[0].Spec
	if c.StreamName != cfg.Streams.Articles.Name || c.DurableName != cfg.Consumer.Durable || duration(t, c.AckWait) != time.Duration(cfg.Consumer.AckWait) ||
		c.MaxAckPending != cfg.Consumer.MaxAckPending || c.MaxDeliver != -1 {
		t.Errorf("NACK consumer = %+v; newsflow's consumer says %+v (and max_deliver -1)", c, cfg.Consumer)
	}
}

// TestDeployDefaultsMatchCode checks that the chart's defaults restate
// the code's: the render of the defaults gives newsflow the streams,
// consumer and dedup bucket it has with no configuration, but for their
// replicas.
func TestDeployDefaultsMatchCode(t *testing.T) {
	cfg := loadPod(t, readManifest(t, renders(t)[0])).cfg
	def := config.Default()
	for _, pair := range [][2]natsjs.StreamConfig{
		{cfg.Streams.Articles, def.Streams.Articles}, {cfg.Streams.Events, def.Streams.Events}, {cfg.Streams.DLQ, def.Streams.DLQ},
	} {
		got, want := pair[0], pair[1]
		got.Replicas = want.Replicas
		if got.Name != want.Name || strings.Join(got.Subjects, ",") != strings.Join(want.Subjects, ",") || got.MaxAge != want.MaxAge || got.DuplicateWindow != want.DuplicateWindow {
			t.Errorf("chart stream %+v; the code's default is %+v", got, want)
		}
	}
	if got, want := cfg.Consumer, def.Consumer; got.Durable != want.Durable || got.AckWait != want.AckWait || got.MaxAckPending != want.MaxAckPending {
		t.Errorf("chart consumer %+v; the code's default is %+v", got, want)
	}
	got, want := cfg.DedupStore, def.DedupStore
	got.Replicas = want.Replicas
	if got != want {
		t.Errorf("chart dedup bucket %+v; the code's default is %+v", got, want)
	}
	if cfg.Limits != def.Limits {
		t.Errorf("chart limits %+v; the code's default is %+v", cfg.Limits, def.Limits)
	}
}

func duration(t *testing.T, s string) time.Duration {
	t.Helper()
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Errorf("duration %q: %v", s, err)
	}
	return d
}

// quantity parses a Kubernetes memory quantity ("1Gi", "512Mi") to bytes.
func quantity(t *testing.T, s string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^(\d+)(Ki|Mi|Gi)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("memory quantity %q not understood", s)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n << map[string]uint{"": 0, "Ki": 10, "Mi": 20, "Gi": 30}[m[2]]
}

// quantityMilli parses a Kubernetes CPU quantity ("2", "500m") to
// thousandths of a CPU.
func quantityMilli(t *testing.T, s string) int64 {
	t.Helper()
	if v, ok := strings.CutSuffix(s, "m"); ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("cpu quantity %q: %v", s, err)
		}
		return n
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("cpu quantity %q: %v", s, err)
	}
	return int64(math.Round(f * 1000))
}
