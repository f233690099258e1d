package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// writeNATSContext writes a nats CLI context as `nats context save` does,
// under a config home of its own, and returns that home.
func writeNATSContext(t *testing.T, name, body string) string {
	t.Helper()
	home := t.TempDir()
	dir := filepath.Join(home, "nats", "context")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

// TestConnectionSettings checks where newsflow run, publish and tail take
// their server from: the nats CLI's context, then its NATS_* variables,
// then newsflow's own settings. Without any, run embeds its server and the
// clients connect to nats.DefaultURL.
func TestConnectionSettings(t *testing.T) {
	home := writeNATSContext(t, "prod", `{"url":"nats://ctx:4222","user":"app","password":"pw"}`)
	creds := writeNATSContext(t, "creds", `{"url":"nats://ctx:4222","creds":"/ctx.creds"}`)
	xdg, xdgCreds := "XDG_CONFIG_HOME="+home, "XDG_CONFIG_HOME="+creds
	tests := []struct {
		cmd     string
		args    []string
		environ []string
		want    string // url, user, creds file
	}{
		{"run", nil, nil, "  "},
		{"run", nil, []string{"NATS_URL=nats://env:4222"}, "nats://env:4222  "},
		{"run", nil, []string{"NATS_USER=u", "NATS_PASSWORD=p"}, "  "}, // the nats CLI's alone: no server named
		{"run", []string{"--context", "prod"}, []string{xdg}, "nats://ctx:4222 app "},
		{"run", nil, []string{xdg, "NATS_CONTEXT=prod"}, "nats://ctx:4222 app "},
		{"run", []string{"--context", "prod"}, []string{xdg, "NATS_URL=nats://env:4222"}, "nats://env:4222 app "},
		{"run", nil, []string{"NATS_URL=nats://env:4222", "NEWSFLOW_NATS_URL=nats://nf:4222"}, "nats://nf:4222  "},
		{"run", []string{"--context", "prod", "--nats-url", "nats://flag:4222"},
			[]string{xdg, "NATS_URL=nats://env:4222", "NEWSFLOW_NATS_URL=nats://nf:4222"}, "nats://flag:4222 app "},
		{"tail", nil, nil, "nats://127.0.0.1:4222  "},
		{"tail", nil, []string{"NATS_URL=nats://env:4222"}, "nats://env:4222  "},
		{"tail", []string{"--context", "creds"}, []string{xdgCreds}, "nats://ctx:4222  /ctx.creds"},
		{"tail", []string{"--context", "creds", "--nats-url", "nats://flag:4222", "--creds", "/flag.creds"},
			[]string{xdgCreds, "NATS_URL=nats://env:4222"}, "nats://flag:4222  /flag.creds"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+" "+strings.Join(append(tt.args, tt.environ...), " "), func(t *testing.T) {
			fs := flag.NewFlagSet(tt.cmd, flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var cf configFlags
			var cl clientFlags
			if tt.cmd == "run" {
				cf.register(fs, true)
			} else {
				cl.register(fs)
			}
			if err := parseFlags(fs, tt.args); err != nil {
				t.Fatal(err)
			}
			var nc natsjs.Config
			if tt.cmd == "run" {
				cfg, err := cf.load(fs, tt.environ)
				if err != nil {
					t.Fatal(err)
				}
				nc = cfg.NATS
			} else {
				var err error
				if nc, err = cl.settings(tt.environ); err != nil {
					t.Fatal(err)
				}
			}
			if got := nc.URL + " " + nc.Auth.User + " " + nc.Auth.CredsFile; got != tt.want {
				t.Errorf("%s %q with %q: url, user, creds = %q; want %q", tt.cmd, tt.args, tt.environ, got, tt.want)
			}
		})
	}
}

// TestRunWithNATSContext runs the processor on the settings of a nats CLI
// context: a server that requires a password, which only the context has.
func TestRunWithNATSContext(t *testing.T) {
	srv := startAuthServer(t, &server.Options{Username: "app", Password: "ctx-pw-5"})
	home := writeNATSContext(t, "auth", `{"url":"`+srv.ClientURL()+`","user":"app","password":"ctx-pw-5"}`)
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var cf configFlags
	cf.register(fs, true)
	if err := parseFlags(fs, []string{"--context", "auth", "--http-addr", ""}); err != nil {
		t.Fatal(err)
	}
	cfg, err := cf.load(fs, []string{"XDG_CONFIG_HOME=" + home})
	if err != nil {
		t.Fatal(err)
	}
	r := startRunning(t, cfg)
	seq := r.publish(t, "articles.test", []byte(`{"id":"ctx","body":"The talks resumed on Monday in Geneva."}`))
	r.waitIdle(t, seq)
	if articles, _ := splitCoded(r.messages(t, "EVENTS")); len(articles) != 1 {
		t.Errorf("EVENTS holds %d article events; want the article's", len(articles))
	}
}
