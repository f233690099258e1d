package procstat

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// userHZ is the unit of the times in /proc/<pid>/stat: Linux exports
// them in USER_HZ, 100 per second on every architecture Go supports.
const userHZ = 100

// CPUTimeOf returns the CPU time process pid has used, user and system,
// all threads, to the hundredth of a second: what newsflow bench reads
// of an external NATS server on the same machine.
func CPUTimeOf(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("cpu time of process %d: %w", pid, err)
	}
	// The command name, in parentheses, may hold spaces and parentheses
	// of its own: the fields are counted from the last ")".
	i := strings.LastIndexByte(string(data), ')')
	if i < 0 {
		return 0, fmt.Errorf("cpu time of process %d: malformed /proc/%d/stat", pid, pid)
	}
	// utime and stime are fields 14 and 15 of the line, 12 and 13 after
	// the name.
	fields := strings.Fields(string(data[i+1:]))
	if len(fields) < 13 {
		return 0, fmt.Errorf("cpu time of process %d: malformed /proc/%d/stat", pid, pid)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("cpu time of process %d: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}

// ErrNoListener is returned by ListenerPID when no process it can see
// listens on the port.
var ErrNoListener = errors.New("no process of this user listens on the port")

// ListenerPID returns the process that listens on TCP port of this
// machine, found as ss and lsof find it: the socket's inode in
// /proc/net/tcp (or tcp6), then the process holding a descriptor of it.
// Only the processes whose descriptors this user may read are seen.
func ListenerPID(port int) (int, error) {
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		if err := listeningInodes(f, port, inodes); err != nil && !errors.Is(err, os.ErrNotExist) {
			return 0, err
		}
	}
	if len(inodes) == 0 {
		return 0, ErrNoListener
	}
	fds, _ := filepath.Glob("/proc/[0-9]*/fd/*")
	for _, fd := range fds {
		link, err := os.Readlink(fd)
		if err != nil {
			continue // closed meanwhile, or not ours to read
		}
		if inode, ok := strings.CutPrefix(link, "socket:["); ok && inodes[strings.TrimSuffix(inode, "]")] {
			pid, err := strconv.Atoi(strings.Split(fd, "/")[2])
			if err == nil {
				return pid, nil
			}
		}
	}
	return 0, ErrNoListener
}

// listeningInodes adds to inodes those of the sockets of table (the
// format of /proc/net/tcp) in state LISTEN on port.
func listeningInodes(table string, port int, inodes map[string]bool) error {
	f, err := os.Open(table)
	if err != nil {
		return err
	}
	defer f.Close()
	suffix := fmt.Sprintf(":%04X", port)
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		// sl local_address rem_address st tx_queue:rx_queue tr:tm->when
		// retrnsmt uid timeout inode …; state 0A is LISTEN.
		fields := strings.Fields(sc.Text())
		if len(fields) > 9 && strings.HasSuffix(fields[1], suffix) && fields[3] == "0A" {
			inodes[fields[9]] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	return nil
}
