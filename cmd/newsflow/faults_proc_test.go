package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"
)

// proc is a child process of a fault test: a newsflow or a nats-server,
// its stderr and stdout kept in a log file of the test's directory.
type proc struct {
	name    string
	cmd     *exec.Cmd
	logPath string
	exited  chan struct{} // closed once the process has exited
	running chan string   // a newsflow child's HTTP address, once it runs

	mu   sync.Mutex
	tail []string // the last lines of output
}

// startProc starts this test binary as role with args. The process is
// killed at the end of the test if it still runs; when the test failed, the
// end of its output is logged.
func startProc(t *testing.T, dir, role, name string, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, exited: make(chan struct{}), running: make(chan string, 1),
		logPath: filepath.Join(dir, name+".log")}
	logFile, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(os.Args[0], args...)
	p.cmd.Env = append(append(os.Environ(), roleEnv+"="+role), env...)
	p.cmd.Stdout = logFile
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		defer close(p.exited)
		defer logFile.Close()
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			logFile.Write(append(line, '\n'))
			p.keep(string(line))
			if addr, ok := runningAddr(line); ok {
				p.running <- addr
			}
		}
		p.cmd.Wait() // its status is read from cmd.ProcessState
	}()
	t.Cleanup(func() {
		p.signal(syscall.SIGKILL)
		<-p.exited
		if t.Failed() {
			t.Logf("%s (pid %d) last output:\n%s", name, p.cmd.Process.Pid, strings.Join(p.lastLines(), "\n"))
		}
	})
	return p
}

// runningAddr returns the HTTP address in newsflow's JSON "newsflow
// running" log line.
func runningAddr(line []byte) (string, bool) {
	if !bytes.Contains(line, []byte(`"newsflow running"`)) {
		return "", false
	}
	var rec struct {
		HTTP string `json:"http"`
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return "", false
	}
	return rec.HTTP, true
}

func (p *proc) keep(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tail = append(p.tail, line)
	if len(p.tail) > 40 {
		p.tail = p.tail[len(p.tail)-40:]
	}
}

func (p *proc) lastLines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.tail...)
}

func (p *proc) signal(sig syscall.Signal) {
	select {
	case <-p.exited:
	default:
		_ = p.cmd.Process.Signal(sig)
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	p.signal(syscall.SIGKILL)
	p.wait(t, 30*time.Second)
}

// stop sends SIGTERM and waits for a clean exit.
func (p *proc) stop(t *testing.T) {
	t.Helper()
	p.signal(syscall.SIGTERM)
	p.wait(t, 60*time.Second)
	if st := p.cmd.ProcessState; st != nil && !st.Success() {
		t.Errorf("%s after SIGTERM: %v; want exit status 0", p.name, st)
	}
}

// wait waits for the process to exit.
func (p *proc) wait(t *testing.T, limit time.Duration) {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(limit):
		t.Fatalf("%s still running after %v", p.name, limit)
	}
}

// waitRunning waits for a newsflow child to log that it runs and returns
// its HTTP base URL.
func (p *proc) waitRunning(t *testing.T) string {
	t.Helper()
	select {
	case addr := <-p.running:
		return addr
	case <-p.exited:
		t.Fatalf("%s exited before running: %v", p.name, p.cmd.ProcessState)
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s not running after 2m", p.name)
	}
	return ""
}

// rss is the process's resident set size in bytes, from /proc.
func (p *proc) rss() (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", p.cmd.Process.Pid)
}

// freePort returns a loopback TCP port that was free a moment ago. A server
// that must come back on the same address after a restart needs it chosen
// in advance.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
