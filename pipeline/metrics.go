package pipeline

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Outcomes of newsflow_articles_processed_total.
const (
	OutcomeOK    = "ok"
	OutcomeDLQ   = "dlq"
	OutcomeRetry = "retry"
)

// Metrics are the runtime's Prometheus metrics. They are created once, on
// the registry passed to NewMetrics, and shared by everything that runs.
// What belongs to the process rather than to the runtime (the Go and
// process collectors, build information) and what belongs to the
// connection (pipeline/natsjs) is registered by its owner, so that a
// program may embed newsflow on a registry that already has those.
type Metrics struct {
	ArticlesReceived  prometheus.Counter
	ArticlesProcessed *prometheus.CounterVec
	StageDuration     *prometheus.HistogramVec
	StageErrors       *prometheus.CounterVec
	EventsPublished   *prometheus.CounterVec
	EndToEndLatency   prometheus.Histogram
	InFlight          prometheus.Gauge
	ConsumerPending   prometheus.Gauge
	// OutputBlocked is 1 for the reason that keeps outputs from the
	// server, if one does (see Outage), and 0 for the others.
	OutputBlocked *prometheus.GaugeVec
}

// NewMetrics creates the runtime's metrics and registers them on reg. It
// fails when reg has metrics of the same names already.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		ArticlesReceived: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsflow_articles_received_total",
			Help: "Input messages taken from the source, redeliveries included.",
		}),
		ArticlesProcessed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_articles_processed_total",
			Help: "Input messages finished, by outcome: ok (outputs published, input acknowledged), dlq (dead-lettered) or retry (redelivery requested).",
		}, []string{"outcome"}),
		StageDuration: prometheus.NewHistogramVec(NativeHistogram(prometheus.HistogramOpts{
			Name:    "newsflow_stage_duration_seconds",
			Help:    "Wall time of one stage on one article.",
			Buckets: prometheus.ExponentialBuckets(1e-6, 4, 12), // 1µs to ~4s
		}), []string{"stage"}),
		StageErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_stage_errors_total",
			Help: "Stage failures by class: permanent, transient, timeout or panic.",
		}, []string{"stage", "class"}),
		EventsPublished: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_events_published_total",
			Help: "Outputs confirmed by the server, by kind: article, duplicate or dlq.",
		}, []string{"kind"}),
		EndToEndLatency: prometheus.NewHistogram(NativeHistogram(prometheus.HistogramOpts{
			Name:    "newsflow_end_to_end_latency_seconds",
			Help:    "Time from the input message's arrival in its stream to the acknowledgement of its outputs.",
			Buckets: prometheus.ExponentialBuckets(1e-4, 2, 21), // 100µs to ~105s
		})),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_in_flight_articles",
			Help: "Input messages taken from the source and not yet finished.",
		}),
		ConsumerPending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_consumer_pending_messages",
			Help: "Input messages waiting for the consumer behind the last one taken: the backlog, as of the last delivery.",
		}),
		OutputBlocked: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "newsflow_output_blocked",
			Help: "1 for the reason the server or the network keeps outputs from being published (disconnected, no_heartbeat, storage_full, stream_full, no_leader, no_responders, timeout), 0 for the others: no new input is taken meanwhile.",
		}, []string{"reason"}),
	}
	for _, c := range []prometheus.Collector{
		m.ArticlesReceived, m.ArticlesProcessed, m.StageDuration, m.StageErrors,
		m.EventsPublished, m.EndToEndLatency, m.InFlight, m.ConsumerPending, m.OutputBlocked,
	} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	for _, o := range []string{OutcomeOK, OutcomeDLQ, OutcomeRetry} {
		m.ArticlesProcessed.WithLabelValues(o)
	}
	for _, r := range BlockedReasons {
		m.OutputBlocked.WithLabelValues(r)
	}
	return m, nil
}

// NativeHistogram returns o as a native histogram too, for scrapers that
// negotiate them: buckets 10% apart, as fine as quantiles need, at most
// 160, at no cost to scrapers that read the classic buckets.
func NativeHistogram(o prometheus.HistogramOpts) prometheus.HistogramOpts {
	o.NativeHistogramBucketFactor = 1.1
	o.NativeHistogramMaxBucketNumber = 160
	o.NativeHistogramMinResetDuration = time.Hour
	return o
}
