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
)

// What a render of the Helm chart gives the newsflow container, read the
// way the kubelet and newsflow run would: for TestDeployRenders.

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
