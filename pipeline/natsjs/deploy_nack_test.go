package natsjs_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/segmentio/encoding/json"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// nackRender is the Helm chart's render with NACK resources, kept equal to
// the chart by the deploy module's tests.
var nackRender = filepath.Join(deployDir, "kubernetes", "examples", "nack.yaml")

// nackSpec is a NACK Stream's or Consumer's spec, as the chart writes it.
type nackSpec map[string]any

// nackResources returns the specs of the render's Streams by stream name,
// and its Consumer's.
func nackResources(t *testing.T) (streams map[string]nackSpec, consumer nackSpec) {
	t.Helper()
	data, err := os.ReadFile(nackRender)
	if err != nil {
		t.Fatal(err)
	}
	streams = map[string]nackSpec{}
	for doc := range strings.SplitSeq(string(data), "\n---\n") {
		var d struct {
			Kind string   `json:"kind"`
			Spec nackSpec `json:"spec"`
		}
		if err := yaml.Unmarshal([]byte(doc), &d); err != nil {
			t.Fatal(err)
		}
		switch d.Kind {
		case "Stream":
			streams[d.Spec["name"].(string)] = d.Spec
		case "Consumer":
			consumer = d.Spec
		}
	}
	if len(streams) != 4 || consumer == nil {
		t.Fatalf("%s: %d NACK Streams and consumer %v; want 4 and one", nackRender, len(streams), consumer)
	}
	return streams, consumer
}

// TestDeployNACKMatchesServer creates the streams, the durable and the
// dedup bucket with newsflow's defaults on a server, as newsflow does when
// they are missing, and checks that the chart's NACK resources declare
// what the server then holds, field by field (but replicas, which the
// chart sets for a cluster and cmd/newsflow's TestDeployRenders checks
// against the configuration).
func TestDeployNACKMatchesServer(t *testing.T) {
	_, cfg := serveIn(t, t.TempDir())
	nc, js := dial(t, cfg)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := natsjs.EnsureStreams(ctx, js, natsjs.DefaultStreamsConfig(), int(nc.MaxPayload()), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := natsjs.EnsureConsumer(ctx, js, natsjs.DefaultStreamsConfig().Articles.Name, natsjs.DefaultConsumerConfig()); err != nil {
		t.Fatal(err)
	}
	openKV(t, js, natsjs.DefaultKVStoreConfig())

	streams, consumer := nackResources(t)
	for name, spec := range streams {
		t.Run(name, func(t *testing.T) {
			s, err := js.Stream(ctx, name)
			if err != nil {
				t.Fatalf("the server has no stream %s: %v", name, err)
			}
			c := s.CachedInfo().Config
			want := map[string]any{
				"subjects": c.Subjects, "retention": enum(t, c.Retention), "storage": enum(t, c.Storage),
				"discard": enum(t, c.Discard), "maxAge": c.MaxAge, "duplicateWindow": c.Duplicates,
				"maxMsgSize": c.MaxMsgSize, "maxMsgs": c.MaxMsgs, "maxBytes": c.MaxBytes,
				"maxMsgsPerSubject": c.MaxMsgsPerSubject, "maxConsumers": c.MaxConsumers,
				"allowRollup": c.AllowRollup, "denyDelete": c.DenyDelete, "allowDirect": c.AllowDirect,
			}
			compareSpec(t, "Stream "+name, spec, want)
		})
	}
	t.Run("consumer", func(t *testing.T) {
		name := natsjs.DefaultStreamsConfig().Articles.Name
		cons, err := js.Consumer(ctx, name, natsjs.DefaultConsumerConfig().Durable)
		if err != nil {
			t.Fatal(err)
		}
		c := cons.CachedInfo().Config
		want := map[string]any{
			"streamName": name, "durableName": c.Durable, "deliverPolicy": enum(t, c.DeliverPolicy),
			"ackPolicy": enum(t, c.AckPolicy), "ackWait": c.AckWait, "maxDeliver": c.MaxDeliver,
			"maxAckPending": c.MaxAckPending, "replayPolicy": enum(t, c.ReplayPolicy),
		}
		compareSpec(t, "Consumer", consumer, want)
	})
}

// compareSpec compares the fields of a NACK spec with the server's values:
// durations as Go durations, numbers as numbers; a field the spec leaves
// out must be the zero value.
func compareSpec(t *testing.T, what string, spec nackSpec, want map[string]any) {
	t.Helper()
	for field, w := range want {
		got, ok := spec[field]
		var equal bool
		switch w := w.(type) {
		case time.Duration:
			s, _ := got.(string)
			d, err := time.ParseDuration(s)
			equal = err == nil && d == w
		case []string:
			equal = strings.Join(w, ",") == strings.Join(stringList(got), ",")
		case bool:
			b, _ := got.(bool)
			equal = b == w
		case string:
			equal = got == w
		default:
			g, _ := got.(float64)
			equal = ok && g == toFloat(w)
		}
		if !equal {
			t.Errorf("NACK %s %s = %v; the server holds %v", what, field, got, w)
		}
	}
}

// enum returns the JSON name of a jetstream enumeration ("limits", "old").
func enum(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Trim(string(data), `"`)
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, s := range list {
		str, _ := s.(string)
		out = append(out, str)
	}
	return out
}

func toFloat(v any) float64 {
	switch v := v.(type) {
	case int:
		return float64(v)
	case int32:
		return float64(v)
	case int64:
		return float64(v)
	case uint64:
		return float64(v)
	}
	return -0.5 // no count is this
}

// TestDeployNATSChartValues checks the values for the official nats chart:
// a 3-node JetStream cluster whose max_payload, read by nats-server's own
// parser, leaves room to dead-letter an article of limits.max_bytes, with
// the exporter and its PodMonitor on.
func TestDeployNATSChartValues(t *testing.T) {
	path := filepath.Join(deployDir, "helm", "nats-values.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Config struct {
			Cluster struct {
				Enabled  bool `json:"enabled"`
				Replicas int  `json:"replicas"`
			} `json:"cluster"`
			JetStream struct {
				Enabled bool `json:"enabled"`
			} `json:"jetstream"`
			Merge map[string]any `json:"merge"`
		} `json:"config"`
		PromExporter struct {
			Enabled    bool `json:"enabled"`
			PodMonitor struct {
				Enabled bool `json:"enabled"`
			} `json:"podMonitor"`
		} `json:"promExporter"`
	}
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if !v.Config.Cluster.Enabled || v.Config.Cluster.Replicas != 3 || !v.Config.JetStream.Enabled {
		t.Errorf("%s: cluster %+v, jetstream %v; want a 3-node JetStream cluster", path, v.Config.Cluster, v.Config.JetStream.Enabled)
	}
	if !v.PromExporter.Enabled || !v.PromExporter.PodMonitor.Enabled {
		t.Errorf("%s: promExporter %+v; want the exporter and its PodMonitor on", path, v.PromExporter)
	}
	// The chart writes config.merge into the server's configuration: parse
	// it as the server does.
	merged, err := json.Marshal(v.Config.Merge)
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(t.TempDir(), "nats.conf")
	if err := os.WriteFile(conf, merged, 0o644); err != nil {
		t.Fatal(err)
	}
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		t.Fatalf("config.merge of %s: %v", path, err)
	}
	if need := int32(pipeline.DefaultLimits().MaxBytes) + natsjs.DLQHeadroom; opts.MaxPayload < need {
		t.Errorf("%s: max_payload %d; want at least %d, limits.max_bytes and a dead letter's headers", path, opts.MaxPayload, need)
	}
}
