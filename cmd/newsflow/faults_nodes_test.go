package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline"
)

// node is one nats-server child with file storage, restartable on the same
// ports and store.
type node struct {
	name string
	conf string
	url  string
	p    *proc
	// routes is the proxy every route to the node goes through, when the
	// cluster was started with proxied routes.
	routes *freezeProxy
}

// syncAlways asks a node to fsync every write before its PubAck; the
// default syncs every two minutes.
const syncAlways = "always"

// clusterOptions say what nodes startCluster starts.
type clusterOptions struct {
	// size is 1 for a single server, else the nodes of a JetStream cluster
	// on loopback routes.
	size int
	// sync is "" (the server's default) or syncAlways.
	sync string
	// maxFileStore, when set, bounds each node's JetStream file storage.
	maxFileStore int64
	// proxiedRoutes sends every route to a node through a freezeProxy,
	// which the node advertises, so that a node can be cut off from the
	// others.
	proxiedRoutes bool
}

// startCluster starts the nodes of opts.
func startCluster(t *testing.T, dir string, opts clusterOptions) []*node {
	t.Helper()
	size := opts.size
	clientPorts, routePorts := make([]int, size), make([]int, size)
	for i := range size {
		clientPorts[i], routePorts[i] = freePort(t), freePort(t)
	}
	nodes := make([]*node, size)
	routeAddrs := make([]string, size) // where the others reach a node's routes
	for i := range size {
		nodes[i] = &node{name: fmt.Sprintf("nats-%d", i+1), url: fmt.Sprintf("nats://127.0.0.1:%d", clientPorts[i])}
		routeAddrs[i] = fmt.Sprintf("127.0.0.1:%d", routePorts[i])
		if opts.proxiedRoutes {
			nodes[i].routes = startFreezeProxy(t, routeAddrs[i], nodes[i].name)
			routeAddrs[i] = nodes[i].routes.Addr()
		}
	}
	for i, n := range nodes {
		var conf strings.Builder
		fmt.Fprintf(&conf, "server_name: %s\nlisten: 127.0.0.1:%d\n", n.name, clientPorts[i])
		fmt.Fprintf(&conf, "jetstream {\n  store_dir: %q\n", filepath.Join(dir, n.name))
		if opts.sync != "" {
			fmt.Fprintf(&conf, "  sync_interval: %s\n", opts.sync)
		}
		if opts.maxFileStore > 0 {
			fmt.Fprintf(&conf, "  max_file_store: %d\n", opts.maxFileStore)
		}
		conf.WriteString("}\n")
		if size > 1 {
			var routes []string
			for j := range size {
				if j != i {
					routes = append(routes, "nats-route://"+routeAddrs[j])
				}
			}
			fmt.Fprintf(&conf, "cluster {\n  name: faults\n  listen: 127.0.0.1:%d\n", routePorts[i])
			if opts.proxiedRoutes {
				fmt.Fprintf(&conf, "  advertise: %s\n", routeAddrs[i])
			}
			fmt.Fprintf(&conf, "  routes: [%s]\n}\n", strings.Join(routes, ", "))
		}
		n.conf = filepath.Join(dir, n.name+".conf")
		if err := os.WriteFile(n.conf, []byte(conf.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range nodes {
		n.start(t, dir)
	}
	for _, n := range nodes {
		n.waitJetStream(t)
	}
	return nodes
}

// start starts the node's process; it does not wait for it to serve.
func (n *node) start(t *testing.T, dir string) {
	t.Helper()
	n.p = startProc(t, dir, "nats-server", n.name, nil, "-c", n.conf)
}

// waitJetStream waits until the node answers JetStream requests, which in a
// cluster means a meta leader has been elected.
func (n *node) waitJetStream(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	waitFor(t, ctx, n.name+" serving JetStream", func() bool {
		nc, err := nats.Connect(n.url, nats.Timeout(time.Second))
		if err != nil {
			return false
		}
		defer nc.Close()
		js, err := jetstream.New(nc)
		if err != nil {
			return false
		}
		callCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err = js.AccountInfo(callCtx)
		return err == nil
	})
}

// urls is the client URLs of nodes, comma-separated.
func urls(nodes []*node) string {
	var s []string
	for _, n := range nodes {
		s = append(s, n.url)
	}
	return strings.Join(s, ",")
}

// faultConfig is newsflow's configuration for a fault test: the external
// servers at url, replicas copies of every stream and of the dedup bucket,
// redeliveries within seconds rather than the production half minute, and
// JSON logs from which the harness reads the HTTP address.
func faultConfig(url string, replicas int) config.Config {
	cfg := config.Default()
	cfg.NATS.URL = url
	cfg.HTTP.Addr = "127.0.0.1:0"
	cfg.Log = config.LogConfig{Level: "info", Format: "json"}
	cfg.Streams.Articles.Replicas = replicas
	cfg.Streams.Events.Replicas = replicas
	cfg.Streams.DLQ.Replicas = replicas
	cfg.DedupStore.Replicas = replicas
	cfg.Consumer.AckWait = pipeline.Duration(3 * time.Second)
	cfg.Runner.ProgressInterval = pipeline.Duration(time.Second)
	cfg.Runner.MaxDeliver = 5
	cfg.Runner.RetryDelay = pipeline.Duration(50 * time.Millisecond)
	cfg.Runner.MaxRetryDelay = pipeline.Duration(500 * time.Millisecond)
	cfg.Runner.ShutdownTimeout = pipeline.Duration(20 * time.Second)
	cfg.Runner.Workers = 2
	// A small pull buffer (max_in_flight + 2 × workers): with a 3s ack wait,
	// messages waiting in the default 260-message buffer of a build slowed
	// by the race detector would be redelivered before they were handled.
	cfg.Runner.MaxInFlight = 16
	return cfg
}

// writeConfig writes cfg as a newsflow configuration file in dir.
func writeConfig(t *testing.T, dir string, cfg config.Config) string {
	t.Helper()
	b, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "newsflow.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startNewsflow starts "newsflow run --config conf" as a child and waits
// until it runs; env may set crashEnv. It returns the process and its HTTP
// base URL.
func startNewsflow(t *testing.T, dir, name, conf string, env ...string) (*proc, string) {
	t.Helper()
	p := startProc(t, dir, "newsflow", name, env, "run", "--config", conf)
	return p, p.waitRunning(t)
}

// waitFor polls cond every 20ms until it holds; it fails the test when ctx
// ends first.
func waitFor(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		case <-tick.C:
		}
	}
}
