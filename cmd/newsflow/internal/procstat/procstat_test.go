package procstat

import (
	"runtime"
	"testing"
)

func TestCPUTimeGrows(t *testing.T) {
	before := CPUTime()
	x := 0
	for i := range 50_000_000 {
		x += i ^ (x >> 3)
	}
	runtime.KeepAlive(x)
	if after := CPUTime(); after <= before {
		t.Errorf("CPUTime() after a busy loop = %v; want more than %v", after, before)
	}
}

func TestRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/status is Linux's")
	}
	rss, peak := RSS(), PeakRSS()
	if rss <= 0 || peak < rss {
		t.Errorf("RSS() = %d, PeakRSS() = %d; want 0 < RSS <= PeakRSS", rss, peak)
	}
}
