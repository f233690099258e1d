package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// clientFlags are the connection flags of commands that are NATS clients
// (publish, tail): the nats CLI's names, over its context and NATS_*
// environment, so that one set of settings serves both.
type clientFlags struct {
	context string
	url     string
	auth    natsjs.AuthConfig
	tls     natsjs.TLSConfig
}

func (c *clientFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.context, "context", "", "nats CLI context `name` (server URLs, credentials, TLS); also NATS_CONTEXT")
	fs.StringVar(&c.url, "nats-url", "", "NATS server `URL`s, comma-separated (default: NATS_URL, the context's, else "+nats.DefaultURL+")")
	fs.StringVar(&c.auth.CredsFile, "creds", "", "user credentials `file` (JWT and NKey seed; default from NATS_CREDS)")
	fs.StringVar(&c.auth.NKeyFile, "nkey", "", "NKey seed `file` (default from NATS_NKEY)")
	fs.StringVar(&c.auth.User, "user", "", "user `name` (default from NATS_USER; the password only from NATS_PASSWORD, never a flag that ps would show)")
	fs.StringVar(&c.tls.CAFile, "tlsca", "", "CA certificate `file` of the server's certificate (default from NATS_CA)")
	fs.StringVar(&c.tls.CertFile, "tlscert", "", "client certificate `file` (default from NATS_CERT)")
	fs.StringVar(&c.tls.KeyFile, "tlskey", "", "client private key `file` (default from NATS_KEY)")
}

// settings returns the connection: the nats CLI's context and NATS_*
// environment, then the flags given a value.
func (c *clientFlags) settings(environ []string) (natsjs.Config, error) {
	cfg := natsjs.Config{URL: nats.DefaultURL}
	cli, err := natsjs.LoadCLISettings(func(k string) string { return config.LookupEnv(environ, k) }, c.context)
	if err != nil {
		return cfg, err
	}
	cli.Apply(&cfg)
	natsjs.CLISettings{URL: c.url, Auth: c.auth, TLS: c.tls}.Apply(&cfg)
	return cfg, nil
}

func (c *clientFlags) connect(environ []string, name string) (*nats.Conn, error) {
	cfg, err := c.settings(environ)
	if err != nil {
		return nil, err
	}
	cfg.Name = name
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	auth, err := natsjs.AuthOptions(cfg)
	if err != nil {
		return nil, err
	}
	opts := append([]nats.Option{nats.Name(name), nats.MaxReconnects(10), nats.ReconnectWait(500 * time.Millisecond)}, auth...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", natsjs.RedactURL(cfg.URL), err)
	}
	return nc, nil
}
