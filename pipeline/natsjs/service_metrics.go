package natsjs

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
)

// serviceMetrics are the service's Prometheus metrics.
type serviceMetrics struct {
	requests *prometheus.CounterVec
	duration prometheus.Histogram
	inFlight prometheus.Gauge
}

func newServiceMetrics(reg prometheus.Registerer) (*serviceMetrics, error) {
	m := &serviceMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_service_requests_total",
			Help: "Requests to the service's process endpoint, by outcome: ok (article event sent), rejected (bad article, 400), failed (transient, 500) or unavailable (not ready or stopping, 503).",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(pipeline.NativeHistogram(prometheus.HistogramOpts{
			Name:    "newsflow_service_request_duration_seconds",
			Help:    "Time from a request's arrival at its worker to its reply.",
			Buckets: prometheus.ExponentialBuckets(1e-4, 2, 18), // 100µs to ~13s
		})),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_service_in_flight_requests",
			Help: "Requests being answered.",
		}),
	}
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.inFlight} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register service metrics: %w", err)
		}
	}
	for _, o := range []string{outcomeOK, outcomeRejected, outcomeFailed, outcomeUnavailable} {
		m.requests.WithLabelValues(o)
	}
	return m, nil
}
