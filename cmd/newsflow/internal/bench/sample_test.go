package bench

import (
	"math"
	"testing"
)

func TestQuantile(t *testing.T) {
	bounds := []float64{0.1, 0.5, 1}
	snap := func(total uint64, counts ...uint64) histogramSnapshot {
		return histogramSnapshot{bounds: bounds, counts: counts, total: total}
	}
	for _, tt := range []struct {
		name  string
		h, h0 histogramSnapshot
		q     float64
		want  float64
	}{
		{"none", snap(0, 0, 0, 0), histogramSnapshot{}, 0.5, 0},
		{"none since h0", snap(5, 1, 3, 5), snap(5, 1, 3, 5), 0.5, 0},
		{"within a bucket", snap(10, 0, 10, 10), histogramSnapshot{}, 0.5, 0.3},
		{"first bucket", snap(10, 10, 10, 10), histogramSnapshot{}, 0.5, 0.05},
		{"since h0", snap(15, 5, 15, 15), snap(5, 5, 5, 5), 0.5, 0.3},
		{"rank 0", snap(10, 0, 10, 10), histogramSnapshot{}, 0, 0.1},
		{"beyond the bounds", snap(10, 0, 0, 5), histogramSnapshot{}, 0.99, 1},
	} {
		if got := tt.h.quantile(tt.h0, tt.q); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: quantile(%v) = %v; want %v", tt.name, tt.q, got, tt.want)
		}
	}
}
