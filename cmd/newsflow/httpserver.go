package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metricsConcurrency bounds concurrent scrapes: each gathers every metric.
const metricsConcurrency = 4

// httpServer serves /metrics, /livez and /readyz.
type httpServer struct {
	srv *http.Server
	ln  net.Listener
	log *slog.Logger
}

// startHTTP listens on addr and serves in the background. ready reports
// nil when the processor is ready, else why not.
func startHTTP(addr string, reg *prometheus.Registry, ready func() error, log *slog.Logger) (*httpServer, error) {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		Registry:            reg,
		MaxRequestsInFlight: metricsConcurrency,
		Timeout:             10 * time.Second,
		ErrorLog:            slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}))
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if err := ready(); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen http %s: %w", addr, err)
	}
	h := &httpServer{
		srv: &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       60 * time.Second,
			MaxHeaderBytes:    16 << 10,
		},
		ln:  ln,
		log: log,
	}
	go func() {
		if err := h.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server stopped", "err", err)
		}
	}()
	return h, nil
}

// Addr is the address the server listens on.
func (h *httpServer) Addr() string { return h.ln.Addr().String() }

// Shutdown stops the server, waiting for requests in progress until ctx ends.
func (h *httpServer) Shutdown(ctx context.Context) {
	if err := h.srv.Shutdown(ctx); err != nil {
		h.log.Warn("http shutdown", "err", err)
	}
}
