package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSIGHUPDrains sends the test process a real SIGHUP while newsflow run
// runs in it under main's signal handling: run drains and exits 0, as on
// SIGTERM, instead of dying at once.
func TestSIGHUPDrains(t *testing.T) {
	ctx, stop := signal.NotifyContext(t.Context(), stopSignals...)
	defer stop()
	pr, pw := io.Pipe()
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: pw}
	done := make(chan int, 1)
	go func() {
		defer pw.Close()
		done <- runMain(ctx, e, []string{"run", "--nats-listen", "127.0.0.1:0", "--data-dir", t.TempDir(),
			"--http-addr", "", "--log-format", "json", "--workers", "1"})
	}()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var log []string
	await := func(what string) {
		t.Helper()
		timeout := time.After(2 * time.Minute)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("run ended before logging %q:\n%s", what, strings.Join(log, "\n"))
				}
				log = append(log, l)
				if strings.Contains(l, what) {
					return
				}
			case <-timeout:
				t.Fatalf("run did not log %q:\n%s", what, strings.Join(log, "\n"))
			}
		}
	}
	await(`"newsflow running"`)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	await(`"newsflow stopped"`)
	go func() {
		for range lines { // the rest of the log, until run closes it
		}
	}()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("run after SIGHUP = exit %d; want 0", code)
		}
	case <-time.After(time.Minute):
		t.Fatal("run did not return after SIGHUP")
	}
	if context.Cause(ctx) == nil {
		t.Error("the signal context is not done after SIGHUP")
	}
}
