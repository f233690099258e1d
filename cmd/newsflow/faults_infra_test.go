package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
)

// Faults of the infrastructure rather than of newsflow's processes: a
// network path that stops moving bytes, a server out of storage, a stream
// at its limits, a cluster node cut off from its peers. Each must show as
// not ready within detectWithin, never turn a good article into a dead
// letter, and end with every input's one output once it clears.

// detectWithin is how soon newsflow must report a fault that blocks its
// output.
const detectWithin = 20 * time.Second

// blockedFor is how long a fault lasts once newsflow has reported it: a
// minute in all at full size; at the small size, long enough to see
// newsflow hold steady while blocked.
func blockedFor(detected time.Duration) time.Duration {
	if *faultsFull {
		return max(time.Minute-detected, 5*time.Second)
	}
	return 3 * time.Second
}

// last is the fault itself: its time passing.
func last(t *testing.T, ctx context.Context, d time.Duration) {
	t.Helper()
	select {
	case <-time.After(d):
	case <-ctx.Done():
		t.Fatal(ctx.Err())
	}
}

func TestFaultSilentPartition(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, n := rig.ctx, rig.dir, rig.js, rig.n
	proxy := startFreezeProxy(t, strings.TrimPrefix(rig.nodes[0].url, "nats://"), "")
	conf := writeConfig(t, dir, faultConfig("nats://"+proxy.Addr(), 1))

	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	waitOutputs(t, ctx, js, n/3)
	proxy.freeze()
	rig.detected = waitReadyz(t, ctx, httpURL, http.StatusServiceUnavailable, detectWithin)
	if got := blockedGauge(t, httpURL); got == "" {
		t.Errorf("newsflow_output_blocked while partitioned: no reason at 1; want one")
	}
	hold := blockedFor(rig.detected)
	last(t, ctx, hold)
	if code := get(t, httpURL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz after %v partitioned = %d; want 503", rig.detected+hold, code)
	}
	proxy.thaw()
	waitReadyz(t, ctx, httpURL, http.StatusOK, 2*time.Minute)
	rig.finish(t, f, fmt.Sprintf("silent partition newsflow–server %v", (rig.detected+hold).Round(time.Second)), nf)
	checkEpisodeLogged(t, nf)
}

func TestFaultStorageFull(t *testing.T) {
	// Room for the articles and their outputs with some to spare, which
	// a filler stream then takes.
	store := int64(32 << 20)
	if *faultsFull {
		store = 256 << 20
	}
	rig := newFaultRigWith(t, clusterOptions{size: 1, maxFileStore: store})
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n

	// newsflow makes its streams, bucket and consumer, and stops; the
	// articles come in and the server fills up; newsflow starts again on
	// a server with no room for what it publishes.
	nf, _ := startNewsflow(t, dir, "newsflow", conf)
	nf.stop(t)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	f.wait(t)
	if err := fill(ctx, js, "FILLER"); err != nil {
		t.Fatal(err)
	}
	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	rig.detected = waitReadyz(t, ctx, httpURL, http.StatusServiceUnavailable, detectWithin)
	waitFor(t, ctx, "newsflow_output_blocked{reason=storage_full}", func() bool {
		return blockedGauge(t, httpURL) == pipeline.BlockedStorageFull
	})
	last(t, ctx, blockedFor(rig.detected))
	if got := streamMsgs(ctx, js, "DLQ"); got != 0 {
		t.Errorf("DLQ holds %d messages while the server is full; want 0", got)
	}
	if err := js.DeleteStream(ctx, "FILLER"); err != nil {
		t.Fatal(err)
	}
	waitReadyz(t, ctx, httpURL, http.StatusOK, 2*time.Minute)
	rig.finish(t, f, "server storage full (max_file_store), then freed", nf)
	checkEpisodeLogged(t, nf)
}

func TestFaultStreamLimit(t *testing.T) {
	rig := newFaultRig(t, 1, "")
	ctx, dir, js, conf, n := rig.ctx, rig.dir, rig.js, rig.conf, rig.n
	// EVENTS as newsflow would create it, but holding a third of what the
	// articles yield and refusing more: newsflow leaves an existing stream
	// as it is.
	cfg := faultConfig("", 1)
	events := jetstream.StreamConfig{
		Name: cfg.Streams.Events.Name, Subjects: cfg.Streams.Events.Subjects, Storage: jetstream.FileStorage,
		MaxAge: time.Duration(cfg.Streams.Events.MaxAge), Duplicates: time.Duration(cfg.Streams.Events.DuplicateWindow),
		MaxMsgs: int64(n), Discard: jetstream.DiscardNew,
	}
	if _, err := js.CreateStream(ctx, events); err != nil {
		t.Fatal(err)
	}

	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	waitFor(t, ctx, "EVENTS full", func() bool { return streamMsgs(ctx, js, "EVENTS") >= n })
	rig.detected = waitReadyz(t, ctx, httpURL, http.StatusServiceUnavailable, detectWithin)
	waitFor(t, ctx, "newsflow_output_blocked{reason=stream_full}", func() bool {
		return blockedGauge(t, httpURL) == pipeline.BlockedStreamFull
	})
	last(t, ctx, blockedFor(rig.detected))
	events.MaxMsgs = -1
	if _, err := js.UpdateStream(ctx, events); err != nil {
		t.Fatal(err)
	}
	waitReadyz(t, ctx, httpURL, http.StatusOK, 2*time.Minute)
	rig.finish(t, f, "EVENTS at max_msgs (discard new), then raised", nf)
	checkEpisodeLogged(t, nf)
}

func TestFaultClusterNodeCut(t *testing.T) {
	rig := newFaultRigWith(t, clusterOptions{size: 3, proxiedRoutes: true})
	ctx, dir, n := rig.ctx, rig.dir, rig.n
	cut := rig.nodes[0]
	// newsflow on the node to be cut off; the feed and the verifier on the
	// two that keep their quorum.
	conf := writeConfig(t, dir, faultConfig(cut.url, 3))
	js := client(t, urls(rig.nodes[1:]))
	rig.js = js

	nf, httpURL := startNewsflow(t, dir, "newsflow", conf)
	f := startFeed(ctx, js, faultSubject, faultArticles(n, articleBytes))
	waitOutputs(t, ctx, js, n/3)
	for _, node := range rig.nodes {
		node.routes.freezeNode(cut.name)
	}
	rig.detected = waitReadyz(t, ctx, httpURL, http.StatusServiceUnavailable, detectWithin)
	hold := blockedFor(rig.detected)
	last(t, ctx, hold)
	if code := get(t, httpURL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz after %v cut off = %d; want 503", rig.detected+hold, code)
	}
	for _, node := range rig.nodes {
		node.routes.thaw()
	}
	waitReadyz(t, ctx, httpURL, http.StatusOK, 2*time.Minute)
	rig.finish(t, f, fmt.Sprintf("3-node cluster (R3), newsflow's node cut off %v", (rig.detected+hold).Round(time.Second)), nf)
	checkEpisodeLogged(t, nf)
}

// waitReadyz polls /readyz until it answers code and returns how long that
// took; it fails the test after within.
func waitReadyz(t *testing.T, ctx context.Context, httpURL string, code int, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	waitFor(t, ctx, fmt.Sprintf("/readyz %d within %v", code, within), func() bool {
		return get(t, httpURL+"/readyz") == code
	})
	return time.Since(start)
}

// blockedGauge returns the reason newsflow_output_blocked shows, or "".
func blockedGauge(t *testing.T, httpURL string) string {
	t.Helper()
	resp, err := http.Get(httpURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	const prefix = `newsflow_output_blocked{reason="`
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		reason, value, _ := strings.Cut(strings.TrimPrefix(line, prefix), `"} `)
		if v, err := strconv.ParseFloat(value, 64); err == nil && v == 1 {
			return reason
		}
	}
	return ""
}

// fill publishes to a new stream, name, until the server refuses for want
// of storage.
func fill(ctx context.Context, js jetstream.JetStream, name string) error {
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: name, Subjects: []string{"filler.>"}, Storage: jetstream.FileStorage}); err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	block := bytes.Repeat([]byte("f"), 256<<10)
	var apiErr *jetstream.APIError
	for i := 0; ; i++ {
		callCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := js.Publish(callCtx, "filler."+strconv.Itoa(i), block)
		cancel()
		switch {
		case err == nil:
		case errors.As(err, &apiErr) && strings.Contains(apiErr.Description, "insufficient"):
			return nil
		default:
			return fmt.Errorf("fill %s: %w", name, err)
		}
	}
}

// checkEpisodeLogged checks that a stopped newsflow warned once that its
// output was blocked and logged once that it was free again, and logs the
// other warnings it gave.
func checkEpisodeLogged(t *testing.T, p *proc) {
	t.Helper()
	b, err := os.ReadFile(p.logPath)
	if err != nil {
		t.Fatal(err)
	}
	var blocked, unblocked int
	var others []string
	for line := range bytes.Lines(b) {
		var rec struct {
			Level string `json:"level"`
			Msg   string `json:"msg"`
			Err   string `json:"err"`
		}
		if json.Unmarshal(line, &rec) != nil {
			continue
		}
		switch {
		case rec.Level == "WARN" && strings.HasPrefix(rec.Msg, "output blocked"):
			blocked++
		case rec.Level == "INFO" && rec.Msg == "output unblocked":
			unblocked++
		case rec.Level == "WARN":
			others = append(others, rec.Msg+": "+rec.Err)
		}
	}
	if blocked != 1 || unblocked != 1 {
		t.Errorf("newsflow logged %d warnings that output was blocked and %d lines that it was unblocked; want 1 and 1", blocked, unblocked)
	}
	if len(others) > 0 {
		t.Logf("newsflow's other warnings: %q", others)
	}
}
