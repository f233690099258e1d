package pipeline

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// TestLatencyHistograms checks that both histograms are exposed twice
// over: classic buckets for every scraper, no more than a factor of two
// apart for the end-to-end latency, and native buckets for scrapers that
// ask for them.
func TestLatencyHistograms(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatalf("NewMetrics() = %v", err)
	}
	m.EndToEndLatency.Observe(0.0042)
	m.StageDuration.WithLabelValues("clean").Observe(0.000011)
	families, err := reg.Gather()
	if err != nil {
		t.Fatalf("Gather() = %v", err)
	}
	seen := 0
	for _, f := range families {
		name := f.GetName()
		if name != "newsflow_end_to_end_latency_seconds" && name != "newsflow_stage_duration_seconds" {
			continue
		}
		seen++
		h := f.GetMetric()[0].GetHistogram()
		if h.Schema == nil || len(h.GetPositiveSpan()) == 0 {
			t.Errorf("%s: no native buckets (schema %v, spans %v); want them besides the classic ones", name, h.Schema, h.GetPositiveSpan())
		}
		b := h.GetBucket()
		if len(b) == 0 {
			t.Fatalf("%s: no classic buckets", name)
		}
		if name != "newsflow_end_to_end_latency_seconds" {
			continue
		}
		for i := 1; i < len(b); i++ {
			if r := b[i].GetUpperBound() / b[i-1].GetUpperBound(); r > 2.0001 {
				t.Errorf("%s: buckets %g and %g are %.2f× apart; want at most 2×", name, b[i-1].GetUpperBound(), b[i].GetUpperBound(), r)
			}
		}
		if lo, hi := b[0].GetUpperBound(), b[len(b)-1].GetUpperBound(); lo > 1e-4 || hi < 60 {
			t.Errorf("%s: classic buckets span %g s to %g s; want 100 µs to at least a minute", name, lo, hi)
		}
	}
	if seen != 2 {
		t.Errorf("histograms gathered = %d; want 2", seen)
	}
}

// TestNewMetricsEmbeds checks that the runtime's metrics can go on a
// registry that already has the process-wide collectors, as
// prometheus.DefaultRegisterer does, and that a second set on the same
// registry is an error, not a panic.
func TestNewMetricsEmbeds(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if _, err := NewMetrics(reg); err != nil {
		t.Fatalf("NewMetrics(registry with Go and process collectors) = %v; want nil", err)
	}
	if _, err := NewMetrics(reg); err == nil {
		t.Error("NewMetrics(same registry again) = nil error; want one")
	}
}
