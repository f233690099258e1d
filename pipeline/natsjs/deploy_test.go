package natsjs_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// The files in deploy/ are what operators feed to nats-server and the nats
// CLI; these tests keep them loadable and in step with the code's defaults.

const deployDir = "../../deploy"

func TestDeployStreamsMatchDefaults(t *testing.T) {
	def := natsjs.DefaultStreamsConfig()
	for file, want := range map[string]natsjs.StreamConfig{
		"articles.json": def.Articles,
		"events.json":   def.Events,
		"dlq.json":      def.DLQ,
	} {
		t.Run(file, func(t *testing.T) {
			var got jetstream.StreamConfig
			readJSON(t, filepath.Join(deployDir, "streams", file), &got)
			if got.Name != want.Name || !slices.Equal(got.Subjects, want.Subjects) {
				t.Errorf("%s: name %s subjects %v; want %s %v", file, got.Name, got.Subjects, want.Name, want.Subjects)
			}
			if got.MaxAge != time.Duration(want.MaxAge) || got.Duplicates != time.Duration(want.DuplicateWindow) {
				t.Errorf("%s: max_age %v duplicate_window %v; want %v %v", file, got.MaxAge, got.Duplicates, want.MaxAge, want.DuplicateWindow)
			}
			if got.Retention != jetstream.LimitsPolicy || got.Storage != jetstream.FileStorage {
				t.Errorf("%s: retention %v storage %v; want limits, file", file, got.Retention, got.Storage)
			}
		})
	}
}

func TestDeployConsumerMatchesDefaults(t *testing.T) {
	var got jetstream.ConsumerConfig
	readJSON(t, filepath.Join(deployDir, "streams", "consumer-newsflow.json"), &got)
	want := natsjs.DefaultConsumerConfig()
	const unlimited = -1 // the runner, not the server, counts deliveries
	if got.Durable != want.Durable || got.AckWait != time.Duration(want.AckWait) || got.MaxAckPending != want.MaxAckPending || got.MaxDeliver != unlimited {
		t.Errorf("consumer = {%s %v %d %d}; want {%s %v %d %d}", got.Durable, got.AckWait, got.MaxAckPending, got.MaxDeliver,
			want.Durable, want.AckWait, want.MaxAckPending, unlimited)
	}
	if got.AckPolicy != jetstream.AckExplicitPolicy {
		t.Errorf("ack_policy = %v; want explicit", got.AckPolicy)
	}
}

func TestDeployServerConfigsLoad(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(deployDir, "nats", "*.conf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no nats configs in %s: %v", deployDir, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			opts, err := server.ProcessConfigFile(f)
			if err != nil {
				t.Fatalf("ProcessConfigFile(%s) = %v", f, err)
			}
			if filepath.Base(f) == "accounts-example.conf" {
				return // a fragment to include
			}
			if !opts.JetStream {
				t.Errorf("%s: JetStream is off", f)
			}
			if opts.MaxPayload < int32(pipeline.DefaultLimits().MaxBytes)+natsjs.DLQHeadroom {
				t.Errorf("%s: max_payload %d leaves no room to dead-letter an article of limits.max_bytes", f, opts.MaxPayload)
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
