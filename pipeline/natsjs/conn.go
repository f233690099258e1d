package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"
)

// ConnectOptions are what Connect needs besides the configuration.
type ConnectOptions struct {
	// Embedded, when set, connects in process to this server instead of
	// cfg.URL.
	Embedded *Server
	// Connected, when set, is 1 while the connection is up and 0 otherwise.
	Connected prometheus.Gauge
	Log       *slog.Logger
	// denials, when set, learns the subjects the server refuses.
	denials *denials
}

// Connect connects to NATS. The connection reconnects forever, and a server
// that is down at start is retried in the background, so that a processor
// started before its server comes up once the server does; callers see the
// state through IsConnected and the Connected gauge.
func Connect(cfg Config, opts ConnectOptions) (*nats.Conn, error) {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	setConnected := func(up bool) {
		if opts.Connected == nil {
			return
		}
		if up {
			opts.Connected.Set(1)
		} else {
			opts.Connected.Set(0)
		}
	}
	natsOpts := []nats.Option{
		nats.Name(cfg.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.RetryOnFailedConnect(true),
		nats.ConnectHandler(func(c *nats.Conn) {
			setConnected(true)
			log.Info("nats connected", "url", c.ConnectedUrlRedacted())
		}),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			setConnected(false)
			if err != nil { // nil when the connection is closed on purpose
				// Info: the processor warns once that output is blocked.
				log.Info("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) {
			setConnected(true)
			log.Info("nats reconnected", "url", c.ConnectedUrlRedacted())
		}),
		nats.ClosedHandler(func(*nats.Conn) {
			setConnected(false)
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			subject := ""
			if sub != nil {
				subject = sub.Subject
			}
			opts.denials.record(err)
			level := slog.LevelWarn
			if errors.Is(err, nats.ErrConsumerNotActive) {
				// A watch's heartbeats missed: it resumes by itself, and
				// the outage that caused it is warned of once.
				level = slog.LevelDebug
			}
			log.Log(context.Background(), level, "nats async error", "subject", subject, "err", err)
		}),
	}
	// A connection that stops moving bytes without closing (a silent
	// partition) is dropped, and reconnected, after StaleAfter.
	if cfg.PingInterval > 0 {
		natsOpts = append(natsOpts, nats.PingInterval(time.Duration(cfg.PingInterval)))
	}
	if cfg.MaxPingsOut > 0 {
		natsOpts = append(natsOpts, nats.MaxPingsOutstanding(cfg.MaxPingsOut))
	}
	servers := cfg.URL
	if opts.Embedded != nil {
		servers = opts.Embedded.ClientURL()
		natsOpts = append(natsOpts, nats.InProcessServer(opts.Embedded.Internal()))
	} else {
		auth, err := AuthOptions(cfg)
		if err != nil {
			return nil, fmt.Errorf("connect to nats %s: %w", RedactURL(servers), err)
		}
		natsOpts = append(natsOpts, auth...)
		// One attempt first: a server that refuses our credentials will
		// refuse them again, and that must stop newsflow with a clear
		// error rather than retry forever. Any other failure (the server
		// is not up yet) is retried in the background, as below.
		first := append(natsOpts[:len(natsOpts):len(natsOpts)], nats.RetryOnFailedConnect(false))
		nc, err := nats.Connect(servers, first...)
		switch {
		case err == nil:
			setConnected(true)
			return nc, nil
		case isAuthError(err):
			return nil, fmt.Errorf("connect to nats %s: %w", RedactURL(servers), err)
		}
	}
	nc, err := nats.Connect(servers, natsOpts...)
	if err != nil {
		return nil, fmt.Errorf("connect to nats %s: %w", RedactURL(servers), err)
	}
	if nc.IsConnected() {
		setConnected(true)
	}
	return nc, nil
}

// RedactURL hides the credentials in a list of server URLs given by the
// user; nats.go only redacts the URL of a live connection.
func RedactURL(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			u.User = url.User("REDACTED")
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
