package dedup

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	duplicates     *prometheus.CounterVec
	storeErrors    *prometheus.CounterVec
	storeAvailable prometheus.Gauge
	indexed        prometheus.Gauge
	capacity       prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		duplicates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_duplicates_total",
			Help: "Articles found to copy one seen before, by kind: exact or near.",
		}, []string{"kind"}),
		storeErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_dedup_store_errors_total",
			Help: "Failed calls to the shared dedup store, by operation (create, put, watch, decode).",
		}, []string{"op"}),
		storeAvailable: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_dedup_store_available",
			Help: "1 while the shared dedup store answers; 0 while detection uses this replica's index only.",
		}),
		indexed: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_dedup_indexed_articles",
			Help: "Articles in this replica's dedup index.",
		}),
		capacity: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsflow_dedup_index_capacity",
			Help: "Articles this replica's dedup index holds at most; the oldest go first beyond.",
		}),
	}
	// Every series exists from the start, at 0, so that rates and alerts
	// see it before its first increment.
	for _, kind := range []string{"exact", "near"} {
		m.duplicates.WithLabelValues(kind)
	}
	for _, op := range []string{"create", "put", "watch", "decode"} {
		m.storeErrors.WithLabelValues(op)
	}
	for _, c := range []prometheus.Collector{m.duplicates, m.storeErrors, m.storeAvailable, m.indexed, m.capacity} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	return m, nil
}
