package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

var faultsFull = flag.Bool("faults.full", false,
	"run the fault tests at full size: more articles, and an outage longer than nats.go's default reconnect budget (make test-faults)")

// faultSize is the number of articles each fault scenario sends.
func faultSize() int {
	if *faultsFull {
		return 3000
	}
	return 240
}

// faultContext bounds a whole scenario.
func faultContext(t *testing.T) context.Context {
	limit := 4 * time.Minute
	if *faultsFull {
		limit = 20 * time.Minute
	}
	ctx, cancel := context.WithTimeout(t.Context(), limit)
	t.Cleanup(cancel)
	return ctx
}

const faultSubject = "articles.faults"

// articleBytes is the size of a fault test's article text.
const articleBytes = 1500

func TestFaultKillNewsflow(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

	nf, _ := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	for _, k := range []int{n / 3, 2 * n / 3} {
		waitOutputs(t, ctx, js, k)
		nf.kill(t)
		nf, _ = startNewsflow(t, dir, "newsflow", conf)
	}
	rig.finish(t, f, "newsflow kill -9, twice", nf)
}

func TestFaultKillReplicasInTurn(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

	replicas := make([]*proc, 3)
	for i := range replicas {
		replicas[i], _ = startNewsflow(t, dir, fmt.Sprintf("newsflow-%d", i+1), conf)
	}
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	for i := range replicas {
		waitOutputs(t, ctx, js, (i+1)*n/4)
		replicas[i].kill(t)
		replicas[i], _ = startNewsflow(t, dir, fmt.Sprintf("newsflow-%d", i+1), conf)
	}
	rig.finish(t, f, "3 replicas, each kill -9 in turn", replicas...)
}

func TestFaultCrashBeforeAck(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

	crashAt := n / 3
	nf, _ := startNewsflow(t, dir, "newsflow", conf, crashEnv+"="+strconv.Itoa(crashAt))
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	nf.wait(t, time.Minute)
	if ws, ok := nf.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("newsflow ended with %v; want killed by its crash hook", nf.cmd.ProcessState)
	}
	// The crash must have come between an output's PubAck and its input's
	// ack: more outputs are stored than inputs were finished.
	if stored, finished := outputsAndFinished(t, ctx, js); stored <= finished {
		t.Fatalf("after the crash: %d outputs stored, %d inputs finished; want an output whose input was not acknowledged", stored, finished)
	}
	nf, _ = startNewsflow(t, dir, "newsflow", conf)
	rig.finish(t, f, "crash between PubAck and ack", nf)
}

// outputsAndFinished returns the outputs stored and the inputs newsflow's
// consumer has seen finished (acknowledged or terminated). Read before any
// redelivery, each finished input has exactly one output.
func outputsAndFinished(t *testing.T, ctx context.Context, js jetstream.JetStream) (stored, finished int) {
	t.Helper()
	c, err := js.Consumer(ctx, "ARTICLES", "newsflow")
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Messages fetched into the crashed client's buffer count as pending.
	finished = int(info.Delivered.Consumer) - info.NumAckPending
	return streamMsgs(ctx, js, "EVENTS") + streamMsgs(ctx, js, "DLQ"), finished
}

func TestFaultServerRestart(t *testing.T) {
	tests := []struct {
		name string
		sig  syscall.Signal
		sync string
	}{
		{"graceful restart", syscall.SIGTERM, ""},
		{"kill -9", syscall.SIGKILL, ""},
		{"graceful restart", syscall.SIGTERM, syncAlways},
		{"kill -9", syscall.SIGKILL, syncAlways},
	}
	for _, tt := range tests {
		sync := "sync default"
		if tt.sync != "" {
			sync = "sync " + tt.sync
		}
		t.Run(tt.name+", "+sync, func(t *testing.T) {
			rig := newFaultRig(t, 1, tt.sync)
			ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

			nf, _ := startNewsflow(t, dir, "newsflow", conf)
			f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
			waitOutputs(t, ctx, js, n/3)
			srv := rig.nodes[0]
			srv.p.signal(tt.sig)
			srv.p.wait(t, time.Minute)
			srv.start(t, dir)
			srv.waitJetStream(t)
			rig.finish(t, f, fmt.Sprintf("nats-server %s (%s)", tt.name, sync), nf)
		})
	}
}

func TestFaultClusterNodeDown(t *testing.T) {
	rig := newFaultRig(t, 3, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

	nf, _ := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	waitOutputs(t, ctx, js, n/3)
	// The hardest node to lose is the one leading the input stream.
	s, err := js.Stream(ctx, "ARTICLES")
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil || info.Cluster == nil {
		t.Fatalf("ARTICLES cluster info: %v, %+v", err, info)
	}
	killed := false
	for _, node := range rig.nodes {
		if node.name == info.Cluster.Leader {
			node.p.kill(t)
			killed = true
		}
	}
	if !killed {
		t.Fatalf("ARTICLES leader %q is none of the nodes", info.Cluster.Leader)
	}
	rig.finish(t, f, "3-node cluster (R3), stream leader kill -9", nf)
}

func TestFaultLongOutage(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n
	// nats.go gives up after 60 reconnect attempts 2s apart by default;
	// newsflow must not.
	outage := 3 * time.Second
	if *faultsFull {
		outage = 150 * time.Second
	}

	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	waitOutputs(t, ctx, js, n/3)
	srv := rig.nodes[0]
	srv.p.stop(t)
	waitStatus(t, httpURL+"/readyz", http.StatusServiceUnavailable)
	select {
	case <-time.After(outage): // the fault is the server's absence for this long
	case <-ctx.Done():
		t.Fatal(ctx.Err())
	}
	if code := get(t, httpURL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz after %v without a server = %d; want 503", outage, code)
	}
	srv.start(t, dir)
	waitStatus(t, httpURL+"/readyz", http.StatusOK)
	rig.finish(t, f, fmt.Sprintf("nats-server down %v", outage), nf)
}

// faultRig is what every scenario on child processes starts with: nats-server
// nodes, newsflow's configuration file for them, and a client.
type faultRig struct {
	ctx   context.Context
	dir   string
	start time.Time
	nodes []*node
	conf  string
	js    jetstream.JetStream
	n     int // articles to send
	// detected is how long newsflow took to report the fault, where the
	// scenario measures it.
	detected time.Duration
}

// newFaultRig starts size nodes (sync as in startCluster) and writes a
// configuration with as many replicas of every stream.
func newFaultRig(t *testing.T, size int, sync string) *faultRig {
	t.Helper()
	return newFaultRigWith(t, clusterOptions{size: size, sync: sync})
}

// newFaultRigWith is newFaultRig with every option of startCluster.
func newFaultRigWith(t *testing.T, opts clusterOptions) *faultRig {
	t.Helper()
	r := &faultRig{ctx: faultContext(t), dir: t.TempDir(), start: time.Now(), n: faultSize()}
	r.nodes = startCluster(t, r.dir, opts)
	r.conf = writeConfig(t, r.dir, faultConfig(urls(r.nodes), opts.size))
	r.js = client(t, urls(r.nodes))
	return r
}

// finish waits until every article of f is finished, stops the newsflow
// processes gracefully and verifies the outputs.
func (r *faultRig) finish(t *testing.T, f *feed, scenario string, newsflows ...*proc) faultRow {
	t.Helper()
	waitFinished(t, r.ctx, r.js, f)
	for _, p := range newsflows {
		p.stop(t)
	}
	return verify(t, r.ctx, r.js, scenario, f, r.start, r.detected)
}
