package rules

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
)

// ExporterMetrics are the series of prometheus-nats-exporter (-jsz=all, as
// the nats chart runs it) and of Prometheus itself that rules and
// dashboards may read beside newsflow's.
var ExporterMetrics = []string{
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

// Known returns the metric families a query may read: those a newsflow
// processor registers, built as newsflow run builds one (an embedded NATS
// server with its storage in dataDir, the stages, the processor, the Go
// and process collectors), and ExporterMetrics. Only cmd/newsflow's
// newsflow_build_info is missing, which no check reads.
func Known(ctx context.Context, dataDir string) (map[string]bool, error) {
	rec := &recorder{Registry: prometheus.NewRegistry()}
	rec.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	log := slog.New(slog.DiscardHandler)
	cfg := natsjs.DefaultConfig()
	cfg.Listen, cfg.DataDir = "127.0.0.1:0", dataDir
	conn, err := natsjs.Open(ctx, cfg, natsjs.Options{Registerer: rec, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("known metrics: %w", err)
	}
	defer conn.Close(ctx)
	stgs, err := stages.New(stages.DefaultConfig(), stages.Deps{Registerer: rec, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("known metrics: %w", err)
	}
	if _, err := natsjs.NewProcessor(ctx, conn, natsjs.DefaultProcessorConfig(), stgs, natsjs.ProcessorOptions{Registerer: rec, Logger: log}); err != nil {
		return nil, fmt.Errorf("known metrics: %w", err)
	}
	known := make(map[string]bool)
	for _, name := range ExporterMetrics {
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
	return known, nil
}
