package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsflow/newsflow/pipeline"
)

// The fault tests kill newsflow and nats-server for real, so both run as
// child processes: this test binary started again with roleEnv set, which
// makes TestMain run the newsflow command or nats-server's main instead of
// the tests.
const (
	roleEnv = "FAULTTEST_ROLE"
	// crashEnv makes a newsflow child kill itself with SIGKILL when it is
	// about to acknowledge its n-th input: after the outputs' PubAcks,
	// before the input's ack.
	crashEnv = "FAULTTEST_CRASH_BEFORE_ACK"
)

func TestMain(m *testing.M) {
	switch role := os.Getenv(roleEnv); role {
	case "":
		code := m.Run()
		printFaultTable(os.Stdout)
		os.Exit(code)
	case "newsflow":
		os.Exit(childNewsflow(os.Args[1:]))
	case "nats-server":
		childNATSServer(os.Args[1:])
	default:
		fmt.Fprintf(os.Stderr, "%s=%q: want newsflow or nats-server\n", roleEnv, role)
		os.Exit(2)
	}
}

// childNewsflow is newsflow's main, with the crash hook of crashEnv.
func childNewsflow(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if n, err := strconv.Atoi(os.Getenv(crashEnv)); err == nil && n > 0 {
		left := int64(n - 1)
		wrapSource = func(s pipeline.Source) pipeline.Source {
			return &crashingSource{Source: s, left: &left}
		}
	}
	var environ []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FAULTTEST_") {
			environ = append(environ, kv)
		}
	}
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, environ: environ}
	return runMain(ctx, e, args)
}

// childNATSServer is nats-server's main (v2.15.2, main.go): the same options,
// logger and signal handling as the binary, from the module newsflow pins.
func childNATSServer(args []string) {
	fs := flag.NewFlagSet("nats-server", flag.ExitOnError)
	opts, err := server.ConfigureOptions(fs, args, server.PrintServerAndExit, fs.Usage, server.PrintTLSHelpAndDie)
	if err != nil {
		server.PrintAndDie("nats-server: " + err.Error())
	}
	s, err := server.NewServer(opts)
	if err != nil {
		server.PrintAndDie("nats-server: " + err.Error())
	}
	s.ConfigureLogger()
	if err := server.Run(s); err != nil {
		server.PrintAndDie(err.Error())
	}
	s.WaitForShutdown()
	os.Exit(0)
}

// crashingSource hands out messages whose Ack kills the process once left
// acknowledgements have been made: the runner has published the message's
// outputs and had them confirmed, and the input stays unacknowledged.
type crashingSource struct {
	pipeline.Source
	left *int64
}

func (s *crashingSource) Next(ctx context.Context) (pipeline.Message, error) {
	msg, err := s.Source.Next(ctx)
	if err != nil {
		return nil, err
	}
	return &crashingMessage{Message: msg, left: s.left}, nil
}

type crashingMessage struct {
	pipeline.Message
	left *int64
}

func (m *crashingMessage) Ack(ctx context.Context) error {
	if atomic.AddInt64(m.left, -1) < 0 {
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way; never ack
	}
	return m.Message.Ack(ctx)
}
