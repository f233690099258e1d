package bench

import (
	"context"
	"fmt"
	rtmetrics "runtime/metrics"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/procstat"
	"github.com/newsflow/newsflow/pipeline"
)

// Registry metrics the soak reads.
const (
	metricIndexed     = "newsflow_dedup_indexed_articles"
	metricDuplicates  = "newsflow_duplicates_total"
	metricProcessed   = "newsflow_articles_processed_total"
	metricStoreErrors = "newsflow_dedup_store_errors_total"
	metricLatency     = "newsflow_end_to_end_latency_seconds"
)

// sample is the state of the process at one instant of the soak.
type sample struct {
	at         time.Time
	cpu        time.Duration
	gcCPU      float64
	articles   int64
	rss        int64
	heapInuse  uint64
	heapLive   uint64
	goroutines int
	backlogMin int64
	streams    int64
	reg        registryValues
}

// registryValues are the values the soak reads from the registry.
type registryValues struct {
	indexed, duplicates, deadLetters, retries, storeErrors float64
	latency                                                histogramSnapshot
}

// histogramSnapshot is a histogram's cumulative bucket counts at one
// instant.
type histogramSnapshot struct {
	bounds []float64
	counts []uint64
	total  uint64
}

// sampler takes the soak's samples.
type sampler struct {
	reg     prometheus.Gatherer
	src     *countingSource
	feeder  *feeder
	js      jetstream.JetStream
	streams []string
}

// take reads the process, the source's count, the feeder's backlog low,
// the streams' sizes and the registry. It works on after ctx ends, for
// the last row of an interrupted soak.
func (sp *sampler) take(ctx context.Context) (sample, error) {
	s := sample{at: time.Now(), cpu: procstat.CPUTime(), articles: sp.src.finished.Load(), rss: procstat.RSS(), backlogMin: sp.feeder.takeLow()}
	samples := []rtmetrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/sched/goroutines:goroutines"},
		{Name: "/cpu/classes/gc/total:cpu-seconds"},
	}
	rtmetrics.Read(samples)
	value := func(i int) uint64 {
		if samples[i].Value.Kind() != rtmetrics.KindUint64 {
			return 0
		}
		return samples[i].Value.Uint64()
	}
	s.heapInuse, s.heapLive, s.goroutines = value(0)+value(1), value(2), int(value(3))
	if samples[4].Value.Kind() == rtmetrics.KindFloat64 {
		s.gcCPU = samples[4].Value.Float64()
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for _, name := range sp.streams {
		st, err := sp.js.Stream(ctx, name)
		if err != nil {
			return s, fmt.Errorf("sample stream %s: %w", name, err)
		}
		s.streams += int64(st.CachedInfo().State.Bytes)
	}
	var err error
	s.reg, err = readRegistry(sp.reg)
	return s, err
}

// readRegistry gathers reg and picks the soak's values from it.
func readRegistry(reg prometheus.Gatherer) (registryValues, error) {
	var v registryValues
	mfs, err := reg.Gather()
	if err != nil {
		return v, fmt.Errorf("gather metrics: %w", err)
	}
	for _, mf := range mfs {
		for _, mt := range mf.GetMetric() {
			value := mt.GetCounter().GetValue() + mt.GetGauge().GetValue()
			switch mf.GetName() {
			case metricIndexed:
				v.indexed += value
			case metricDuplicates:
				v.duplicates += value
			case metricStoreErrors:
				v.storeErrors += value
			case metricProcessed:
				for _, l := range mt.GetLabel() {
					switch {
					case l.GetName() != "outcome":
					case l.GetValue() == pipeline.OutcomeDLQ:
						v.deadLetters += value
					case l.GetValue() == pipeline.OutcomeRetry:
						v.retries += value
					}
				}
			case metricLatency:
				h := mt.GetHistogram()
				v.latency.total = h.GetSampleCount()
				for _, b := range h.GetBucket() {
					v.latency.bounds = append(v.latency.bounds, b.GetUpperBound())
					v.latency.counts = append(v.latency.counts, b.GetCumulativeCount())
				}
			}
		}
	}
	return v, nil
}

// quantile estimates the q-quantile of the observations h holds beyond
// those of h0, an earlier snapshot of the same histogram, interpolating
// within a bucket as Prometheus's histogram_quantile does. It is 0 when
// there are none, and the highest bound when the rank lies beyond it.
func (h histogramSnapshot) quantile(h0 histogramSnapshot, q float64) float64 {
	total := h.total - h0.total
	if total == 0 {
		return 0
	}
	rank := q * float64(total)
	lower, below := 0.0, uint64(0)
	for i, upper := range h.bounds {
		c := h.counts[i]
		if i < len(h0.counts) {
			c -= h0.counts[i]
		}
		if float64(c) >= rank {
			if c == below {
				return upper
			}
			return lower + (upper-lower)*(rank-float64(below))/float64(c-below)
		}
		lower, below = upper, c
	}
	return lower
}
