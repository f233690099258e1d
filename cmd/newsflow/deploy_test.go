package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
