package prometheus

import (
	"log/slog"
	"regexp"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
)

// exporterMetrics are the series of prometheus-nats-exporter (-jsz=all, as
// the nats chart runs it) and of Prometheus itself that the rules and the
// dashboard may read.
var exporterMetrics = []string{
	"up",
	"jetstream_consumer_num_pending",
	"jetstream_consumer_num_ack_pending",
	"jetstream_consumer_num_redelivered",
	"jetstream_consumer_num_waiting",
	"jetstream_consumer_delivered_stream_seq",
	"jetstream_stream_total_messages",
	"jetstream_stream_total_bytes",
	"jetstream_stream_last_seq",
}

// recorder is a registry that keeps what was registered on it, so that
// every family can be described, vectors without children included.
type recorder struct {
	*prometheus.Registry
	collectors []prometheus.Collector
}

func (r *recorder) Register(c prometheus.Collector) error {
	r.collectors = append(r.collectors, c)
	return r.Registry.Register(c)
}

func (r *recorder) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		if err := r.Register(c); err != nil {
			panic(err)
		}
	}
}

var fqName = regexp.MustCompile(`fqName: "([^"]+)"`)

// knownMetrics returns the metric families a query may read: those that a
// newsflow processor registers, built here as newsflow run builds it (an
// embedded NATS server, the stages, the processor, the Go and process
// collectors), and exporterMetrics.
func knownMetrics(t *testing.T) map[string]bool {
	t.Helper()
	rec := &recorder{Registry: prometheus.NewRegistry()}
	rec.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	log := slog.New(slog.DiscardHandler)
	cfg := natsjs.DefaultConfig()
	cfg.Listen, cfg.DataDir = "127.0.0.1:0", t.TempDir()
	conn, err := natsjs.Open(t.Context(), cfg, natsjs.Options{Registerer: rec, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(t.Context()) })
	stgs, err := stages.New(stages.DefaultConfig(), stages.Deps{Registerer: rec, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := natsjs.NewProcessor(t.Context(), conn, natsjs.DefaultProcessorConfig(), stgs, natsjs.ProcessorOptions{Registerer: rec, Logger: log}); err != nil {
		t.Fatal(err)
	}
	known := make(map[string]bool)
	for _, name := range exporterMetrics {
		known[name] = true
	}
	for _, c := range rec.collectors {
		descs := make(chan *prometheus.Desc)
		go func() {
			c.Describe(descs)
			close(descs)
		}()
		for d := range descs {
			if m := fqName.FindStringSubmatch(d.String()); m != nil {
				known[m[1]] = true
			}
		}
	}
	for _, want := range []string{"newsflow_articles_processed_total", "newsflow_nats_connected", "newsflow_dedup_store_available", "go_goroutines"} {
		if !known[want] {
			t.Fatalf("the registry of a processor has no %s: %v", want, known)
		}
	}
	return known
}
