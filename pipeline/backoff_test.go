package pipeline

import (
	"context"
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	b := Backoff{Initial: time.Second, Max: time.Minute}
	tests := []struct {
		attempt int
		want    time.Duration
	}{
		{0, time.Second}, {1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second},
		{6, 32 * time.Second}, {7, time.Minute}, {100, time.Minute},
	}
	for _, tt := range tests {
		if got := b.Delay(tt.attempt); got != tt.want {
			t.Errorf("Backoff{1s, 1m}.Delay(%d) = %v; want %v", tt.attempt, got, tt.want)
		}
	}
}

func TestBackoffWaitEndsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if (Backoff{Initial: time.Hour, Max: time.Hour}).Wait(ctx, 1) {
		t.Error("Wait(cancelled ctx, 1) = true; want false")
	}
	if !(Backoff{Initial: time.Nanosecond, Max: time.Nanosecond}).Wait(t.Context(), 1) {
		t.Error("Wait(ctx, 1) with a 1ns delay = false; want true")
	}
}
