package pipeline

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		attempt int
		want    time.Duration
	}{
		{0, time.Second}, {1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second},
		{6, 32 * time.Second}, {7, time.Minute}, {100, time.Minute},
	}
	for _, tt := range tests {
		if got := backoff(time.Second, time.Minute, tt.attempt); got != tt.want {
			t.Errorf("backoff(1s, 1m, %d) = %v; want %v", tt.attempt, got, tt.want)
		}
	}
}
