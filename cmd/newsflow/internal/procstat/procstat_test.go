package procstat

import (
	"errors"
	"net"
	"os"
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

// TestListenerPID listens on a port and finds this process behind it, and
// reads the CPU time of that process as the bench reads an external
// server's.
func TestListenerPID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/net/tcp is Linux's")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	pid, err := ListenerPID(port)
	if err != nil || pid != os.Getpid() {
		t.Fatalf("ListenerPID(%d) = %d, %v; want %d (this process)", port, pid, err, os.Getpid())
	}
	if cpu, err := CPUTimeOf(pid); err != nil || cpu <= 0 {
		t.Errorf("CPUTimeOf(%d) = %v, %v; want > 0", pid, cpu, err)
	}
	ln.Close()
	if pid, err := ListenerPID(port); !errors.Is(err, ErrNoListener) {
		t.Errorf("ListenerPID(%d) after close = %d, %v; want %v", port, pid, err, ErrNoListener)
	}
}

func TestCPUTimeOfNoProcess(t *testing.T) {
	if _, err := CPUTimeOf(-1); err == nil {
		t.Error("CPUTimeOf(-1) = nil error; want one")
	}
}
