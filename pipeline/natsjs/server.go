package natsjs

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// serverReadyTimeout bounds how long an embedded server may take to accept
// connections; recovering a large JetStream store can take a while.
const serverReadyTimeout = 60 * time.Second

// Server is an embedded nats-server with JetStream on.
type Server struct {
	srv *server.Server
}

// StartServer starts an embedded server as cfg says and waits until it
// accepts connections. Port 0 in cfg.Listen picks a free port.
func StartServer(cfg Config, log *slog.Logger) (*Server, error) {
	host, portStr, err := net.SplitHostPort(cfg.Listen)
	if err != nil {
		return nil, fmt.Errorf("start nats server: listen %q: %w", cfg.Listen, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("start nats server: listen %q: bad port", cfg.Listen)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	opts := &server.Options{
		ServerName: "newsflow-embedded",
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   cfg.DataDir,
		MaxPayload: int32(cfg.MaxPayload),
		// Signals belong to the newsflow process, which shuts the server
		// down itself after draining.
		NoSigs: true,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start nats server: %w", err)
	}
	if log != nil {
		srv.SetLoggerV2(serverLogger{log.With("component", "nats-server")}, false, false, false)
	}
	srv.Start()
	if !srv.ReadyForConnections(serverReadyTimeout) {
		srv.Shutdown()
		return nil, fmt.Errorf("start nats server on %s: not ready after %v", cfg.Listen, serverReadyTimeout)
	}
	return &Server{srv: srv}, nil
}

// ClientURL is the URL clients connect to.
func (s *Server) ClientURL() string { return s.srv.ClientURL() }

// Internal returns the server itself, for an in-process connection.
func (s *Server) Internal() *server.Server { return s.srv }

// Shutdown stops the server and waits until it has stopped or ctx ends.
func (s *Server) Shutdown(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// serverLogger adapts slog to the server's logger. Notices are logged at
// debug level: the server is newsflow's detail, not its output.
type serverLogger struct{ log *slog.Logger }

func (l serverLogger) Noticef(format string, v ...any) { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l serverLogger) Warnf(format string, v ...any)   { l.log.Warn(fmt.Sprintf(format, v...)) }
func (l serverLogger) Fatalf(format string, v ...any)  { l.log.Error(fmt.Sprintf(format, v...)) }
func (l serverLogger) Errorf(format string, v ...any)  { l.log.Error(fmt.Sprintf(format, v...)) }
func (l serverLogger) Debugf(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l serverLogger) Tracef(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
