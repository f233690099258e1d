// Package procstat reads what the process has used so far, CPU time and
// resident memory, and the CPU time of another process of this machine
// (an external NATS server), for the measurements of newsflow bench and
// eval. It reads Linux's /proc; elsewhere the figures are 0 or errors.
package procstat

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// CPUTime returns the CPU time the process has used, user and system, all
// threads; 0 where the system does not say.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// RSS returns the process's resident set size now (VmRSS), in bytes; 0
// where /proc/self/status does not exist.
func RSS() int64 { return status("VmRSS") }

// FileRSS returns the part of the resident set mapped from files (RssFile),
// the executable's pages mostly, in bytes; 0 where /proc/self/status does
// not say. The kernel may drop these pages and read them again.
func FileRSS() int64 { return status("RssFile") }

// PeakRSS returns the process's peak resident set size (VmHWM), in bytes;
// 0 where /proc/self/status does not exist.
func PeakRSS() int64 { return status("VmHWM") }

// status returns the size in bytes of the /proc/self/status line key.
func status(key string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
