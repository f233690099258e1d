package natsjs_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages/dedup"
)

var _ dedup.Store = (*natsjs.KVStore)(nil)

// serveIn starts an embedded server on a random port with its JetStream
// storage in dir, and returns it with the config a client connects with.
// The caller may shut it down; cleanup does too.
func serveIn(t testing.TB, dir string) (*natsjs.Server, natsjs.Config) {
	t.Helper()
	cfg := natsjs.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.DataDir = dir
	srv, err := natsjs.StartServer(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	cfg.URL = srv.ClientURL()
	return srv, cfg
}

// dial opens a connection of its own over TCP, as another replica would.
func dial(t testing.TB, cfg natsjs.Config) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := natsjs.Connect(cfg, natsjs.ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return nc, js
}

func openKV(t testing.TB, js jetstream.JetStream, cfg natsjs.KVStoreConfig) *natsjs.KVStore {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	s, err := natsjs.OpenKVStore(ctx, js, cfg, nil)
	if err != nil {
		t.Fatalf("OpenKVStore(%s) = %v", cfg.Bucket, err)
	}
	return s
}

// watchEvent is one call Watch made: put, or synced.
type watchEvent struct {
	key, value string
	synced     bool
}

// watch runs s.Watch(ctx, prefix) in a goroutine. Its calls arrive on the
// first channel in the order they were made; its result on the second.
func watch(ctx context.Context, s *natsjs.KVStore, prefix string) (<-chan watchEvent, <-chan error) {
	events := make(chan watchEvent, 64)
	done := make(chan error, 1)
	go func() {
		done <- s.Watch(ctx, prefix,
			func(k string, v []byte) { events <- watchEvent{key: k, value: string(v)} },
			func() { events <- watchEvent{synced: true} })
	}()
	return events, done
}

// initial collects the puts before synced.
func initial(t *testing.T, events <-chan watchEvent) map[string]string {
	t.Helper()
	got := map[string]string{}
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e := <-events:
			if e.synced {
				return got
			}
			got[e.key] = e.value
		case <-timeout:
			t.Fatalf("Watch: no synced after initial values %v", got)
		}
	}
}

func nextEvent(t *testing.T, events <-chan watchEvent) watchEvent {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("Watch: no call within 10s")
		return watchEvent{}
	}
}

func waitErr(t *testing.T, done <-chan error, within time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(within):
		t.Fatalf("Watch did not return within %v", within)
		return nil
	}
}

func TestKVStoreCreateFirstWriterWins(t *testing.T) {
	_, cfg := serveIn(t, t.TempDir())
	kvcfg := natsjs.DefaultKVStoreConfig()
	// Two replicas, each with its connection, open the bucket at once:
	// one creates it, the other finds it.
	var stores [2]*natsjs.KVStore
	var opens sync.WaitGroup
	for i := range stores {
		_, js := dial(t, cfg)
		opens.Go(func() {
			s, err := natsjs.OpenKVStore(t.Context(), js, kvcfg, nil)
			if err != nil {
				t.Errorf("OpenKVStore() on replica %d = %v", i, err)
			}
			stores[i] = s
		})
	}
	opens.Wait()
	if t.Failed() {
		t.FailNow()
	}

	type result struct {
		existing string
		created  bool
		err      error
	}
	for n := range 20 {
		key := fmt.Sprintf("x.race%d", n)
		start := make(chan struct{})
		var results [2]result
		var wg sync.WaitGroup
		for i, s := range stores {
			wg.Go(func() {
				<-start
				existing, created, err := s.Create(t.Context(), key, []byte(fmt.Sprint("replica", i)))
				results[i] = result{string(existing), created, err}
			})
		}
		close(start)
		wg.Wait()
		for i, r := range results {
			if r.err != nil {
				t.Fatalf("replica %d: Create(%s) error = %v", i, key, r.err)
			}
		}
		a, b := results[0], results[1]
		if a.created == b.created {
			t.Fatalf("Create(%s) from two replicas: created = %v, %v; want exactly one true", key, a.created, b.created)
		}
		winner, loser := 0, b
		if b.created {
			winner, loser = 1, a
		}
		if want := fmt.Sprint("replica", winner); loser.existing != want {
			t.Errorf("Create(%s) by the loser = %q, false; want %q (the winner's value)", key, loser.existing, want)
		}
	}
}

func TestKVStoreCreate(t *testing.T) {
	n := startNATS(t)
	s := openKV(t, n.js, natsjs.DefaultKVStoreConfig())
	ctx := t.Context()
	if err := s.Put(ctx, "a.put", []byte("put")); err != nil {
		t.Fatal(err)
	}
	// Steps run in order on one store.
	steps := []struct {
		key, value   string
		wantExisting string
		wantCreated  bool
	}{
		{"x.1", "first", "", true},
		{"x.1", "second", "first", false},
		{"x.2", "other", "", true},
		{"x.1", "third", "first", false},
		{"a.put", "create", "put", false},
		{"x.empty", "", "", true},
		{"x.empty", "after", "", false},
	}
	for _, st := range steps {
		existing, created, err := s.Create(ctx, st.key, []byte(st.value))
		if err != nil || string(existing) != st.wantExisting || created != st.wantCreated {
			t.Errorf("Create(%s, %q) = %q, %v, %v; want %q, %v, nil", st.key, st.value, existing, created, err, st.wantExisting, st.wantCreated)
		}
	}
	if _, _, err := s.Create(ctx, "bad key", nil); err == nil || !strings.Contains(err.Error(), "kv create bad key") {
		t.Errorf("Create(%q) error = %v; want a kv create error", "bad key", err)
	}
}

func TestKVStoreWatch(t *testing.T) {
	n := startNATS(t)
	s := openKV(t, n.js, natsjs.DefaultKVStoreConfig())
	ctx := t.Context()
	for _, kv := range [][2]string{{"a.1", "one"}, {"a.b", "ab"}, {"a.bc", "abc"}, {"ab.1", "ab1"}, {"x.1", "x1"}, {"a.1", "one again"}} {
		if err := s.Put(ctx, kv[0], []byte(kv[1])); err != nil {
			t.Fatal(err)
		}
	}
	all := map[string]string{"a.1": "one again", "a.b": "ab", "a.bc": "abc", "ab.1": "ab1", "x.1": "x1"}
	// Initial values by prefix, the latest value of each key.
	tests := []struct {
		prefix string
		want   []string // keys
	}{
		{"a.", []string{"a.1", "a.b", "a.bc"}},
		{"a.b", []string{"a.b", "a.bc"}},
		{"a", []string{"a.1", "a.b", "a.bc", "ab.1"}},
		{"", []string{"a.1", "a.b", "a.bc", "ab.1", "x.1"}},
		{"x.", []string{"x.1"}},
		{"zz.", nil},
		{"a..", nil},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			events, done := watch(ctx, s, tt.prefix)
			got := initial(t, events)
			want := map[string]string{}
			for _, k := range tt.want {
				want[k] = all[k]
			}
			if !maps.Equal(got, want) {
				t.Errorf("Watch(%q) initial values = %v; want %v", tt.prefix, got, want)
			}
			cancel()
			if err := waitErr(t, done, 10*time.Second); !errors.Is(err, context.Canceled) {
				t.Errorf("Watch(%q) after cancel = %v; want context.Canceled", tt.prefix, err)
			}
		})
	}
}

func TestKVStoreWatchUpdates(t *testing.T) {
	n := startNATS(t)
	s := openKV(t, n.js, natsjs.DefaultKVStoreConfig())
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	if err := s.Put(ctx, "a.1", []byte("before")); err != nil {
		t.Fatal(err)
	}
	events, done := watch(ctx, s, "a.")
	if got, want := initial(t, events), map[string]string{"a.1": "before"}; !maps.Equal(got, want) {
		t.Errorf("Watch(a.) initial values = %v; want %v", got, want)
	}
	// Later stores arrive in order; other prefixes and deletes do not.
	kv, err := n.js.KeyValue(ctx, natsjs.DefaultKVStoreConfig().Bucket)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, "x.1", []byte("elsewhere")); err != nil {
		t.Fatal(err)
	}
	if err := kv.Delete(ctx, "a.1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, "a.2", []byte("two")); err != nil {
		t.Fatal(err)
	}
	// A deleted key is free again.
	if existing, created, err := s.Create(ctx, "a.1", []byte("created")); err != nil || !created {
		t.Fatalf("Create(a.1) after Delete = %q, %v, %v; want nil, true, nil", existing, created, err)
	}
	for _, want := range []watchEvent{{key: "a.2", value: "two"}, {key: "a.1", value: "created"}} {
		if got := nextEvent(t, events); got != want {
			t.Errorf("Watch(a.) next call = %+v; want %+v", got, want)
		}
	}
	cancel()
	if err := waitErr(t, done, 10*time.Second); !errors.Is(err, context.Canceled) {
		t.Errorf("Watch() after cancel = %v; want context.Canceled", err)
	}
	select {
	case e := <-events:
		t.Errorf("Watch(a.) made an extra call %+v", e)
	default:
	}
}

func TestKVStoreWatchConnectionClosed(t *testing.T) {
	_, cfg := serveIn(t, t.TempDir())
	nc, js := dial(t, cfg)
	s := openKV(t, js, natsjs.DefaultKVStoreConfig())
	events, done := watch(t.Context(), s, "a.")
	initial(t, events)
	nc.Close()
	err := waitErr(t, done, 10*time.Second)
	if err == nil || errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "kv watch a.") {
		t.Errorf("Watch() after the connection closed = %v; want a kv watch error", err)
	}
}

func TestKVStoreExpiry(t *testing.T) {
	n := startNATS(t)
	cfg := natsjs.DefaultKVStoreConfig()
	cfg.Bucket = "expiry"
	cfg.Storage = natsjs.StorageMemory
	cfg.TTL = pipeline.Duration(time.Second)
	s := openKV(t, n.js, cfg)
	ctx := t.Context()
	if _, created, err := s.Create(ctx, "x.1", []byte("old")); err != nil || !created {
		t.Fatalf("Create(x.1) = %v, %v; want created", created, err)
	}
	if existing, created, err := s.Create(ctx, "x.1", []byte("new")); err != nil || created || string(existing) != "old" {
		t.Fatalf("Create(x.1) again = %q, %v, %v; want %q, false, nil", existing, created, err, "old")
	}
	kv, err := n.js.KeyValue(ctx, cfg.Bucket)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := kv.Get(ctx, "x.1")
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			break
		}
		if err != nil {
			t.Fatalf("Get(x.1) = %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("x.1 still present 15s after a TTL of %v", cfg.TTL)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if existing, created, err := s.Create(ctx, "x.1", []byte("new")); err != nil || !created || existing != nil {
		t.Errorf("Create(x.1) after expiry = %q, %v, %v; want nil, true, nil", existing, created, err)
	}
	events, _ := watch(ctx, s, "x.")
	if got, want := initial(t, events), map[string]string{"x.1": "new"}; !maps.Equal(got, want) {
		t.Errorf("Watch(x.) after expiry: initial values = %v; want %v", got, want)
	}
}

func TestKVStoreSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	srv, cfg := serveIn(t, dir)
	nc, js := dial(t, cfg)
	s := openKV(t, js, natsjs.DefaultKVStoreConfig())
	ctx := t.Context()
	if err := s.Put(ctx, "a.1", []byte("indexed")); err != nil {
		t.Fatal(err)
	}
	if _, created, err := s.Create(ctx, "x.1", []byte("claimed")); err != nil || !created {
		t.Fatalf("Create(x.1) = %v, %v; want created", created, err)
	}
	nc.Close()
	srv.Shutdown(ctx)

	_, cfg = serveIn(t, dir)
	_, js = dial(t, cfg)
	s = openKV(t, js, natsjs.DefaultKVStoreConfig())
	if existing, created, err := s.Create(ctx, "x.1", []byte("again")); err != nil || created || string(existing) != "claimed" {
		t.Errorf("Create(x.1) after restart = %q, %v, %v; want %q, false, nil", existing, created, err, "claimed")
	}
	events, _ := watch(ctx, s, "a.")
	if got, want := initial(t, events), map[string]string{"a.1": "indexed"}; !maps.Equal(got, want) {
		t.Errorf("Watch(a.) after restart: initial values = %v; want %v", got, want)
	}
}

func TestKVStoreServerDown(t *testing.T) {
	srv, cfg := serveIn(t, t.TempDir())
	_, js := dial(t, cfg)
	s := openKV(t, js, natsjs.DefaultKVStoreConfig())
	srv.Shutdown(t.Context())

	const timeout = time.Second
	tests := []struct {
		name string
		op   func(ctx context.Context) error
	}{
		{"Create", func(ctx context.Context) error { _, _, err := s.Create(ctx, "x.1", []byte("v")); return err }},
		{"Put", func(ctx context.Context) error { return s.Put(ctx, "x.1", []byte("v")) }},
		{"Watch", func(ctx context.Context) error { return s.Watch(ctx, "x.", func(string, []byte) {}, func() {}) }},
		{"OpenKVStore", func(ctx context.Context) error {
			_, err := natsjs.OpenKVStore(ctx, js, natsjs.DefaultKVStoreConfig(), nil)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(t.Context(), timeout)
			defer cancel()
			done := make(chan error, 1)
			start := time.Now()
			go func() { done <- tt.op(ctx) }()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("%s() with the server down = nil; want an error", tt.name)
				}
				if took := time.Since(start); took > timeout+time.Second {
					t.Errorf("%s() with the server down took %v; want about the ctx timeout, %v", tt.name, took, timeout)
				}
			case <-time.After(timeout + 5*time.Second):
				t.Fatalf("%s() with the server down still running %v after its ctx deadline", tt.name, 5*time.Second)
			}
		})
	}
}

func TestOpenKVStoreKeepsExistingTTL(t *testing.T) {
	n := startNATS(t)
	cfg := natsjs.DefaultKVStoreConfig()
	cfg.TTL = pipeline.Duration(time.Hour)
	openKV(t, n.js, cfg)
	tests := []struct {
		ttl      time.Duration
		warnings int
	}{
		{time.Hour, 0},
		{2 * time.Hour, 1},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		log := slog.New(slog.NewTextHandler(&buf, nil))
		c := cfg
		c.TTL = pipeline.Duration(tt.ttl)
		s, err := natsjs.OpenKVStore(t.Context(), n.js, c, log)
		if err != nil {
			t.Fatalf("OpenKVStore(ttl %v) = %v", tt.ttl, err)
		}
		if got := strings.Count(buf.String(), "level=WARN"); got != tt.warnings {
			t.Errorf("OpenKVStore(ttl %v) on a bucket of 1h logged %d warnings; want %d\n%s", tt.ttl, got, tt.warnings, buf.String())
		}
		kv, err := n.js.KeyValue(t.Context(), cfg.Bucket)
		if err != nil {
			t.Fatal(err)
		}
		st, err := kv.Status(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if st.TTL() != time.Hour {
			t.Errorf("bucket TTL after OpenKVStore(ttl %v) = %v; want 1h, kept", tt.ttl, st.TTL())
		}
		if _, _, err := s.Create(t.Context(), "x.ttl", nil); err != nil {
			t.Errorf("Create() on the existing bucket = %v", err)
		}
	}
}

func TestKVStoreConfigValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*natsjs.KVStoreConfig)
		field string
	}{
		{"default", func(*natsjs.KVStoreConfig) {}, ""},
		{"memory", func(c *natsjs.KVStoreConfig) { c.Storage = natsjs.StorageMemory }, ""},
		{"empty bucket", func(c *natsjs.KVStoreConfig) { c.Bucket = "" }, "bucket"},
		{"dotted bucket", func(c *natsjs.KVStoreConfig) { c.Bucket = "a.b" }, "bucket"},
		{"zero ttl", func(c *natsjs.KVStoreConfig) { c.TTL = 0 }, "ttl"},
		{"sub-second ttl", func(c *natsjs.KVStoreConfig) { c.TTL = pipeline.Duration(time.Millisecond) }, "ttl"},
		{"no replicas", func(c *natsjs.KVStoreConfig) { c.Replicas = 0 }, "replicas"},
		{"six replicas", func(c *natsjs.KVStoreConfig) { c.Replicas = 6 }, "replicas"},
		{"empty storage", func(c *natsjs.KVStoreConfig) { c.Storage = "" }, "storage"},
		{"disk storage", func(c *natsjs.KVStoreConfig) { c.Storage = "disk" }, "storage"},
		{"unbounded", func(c *natsjs.KVStoreConfig) { c.MaxEntries = 0 }, ""},
		{"negative max entries", func(c *natsjs.KVStoreConfig) { c.MaxEntries = -1 }, "max_entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := natsjs.DefaultKVStoreConfig()
			tt.edit(&c)
			err := c.Validate()
			var fes pipeline.FieldErrors
			fes.Merge("", err)
			switch {
			case tt.field == "" && len(fes) > 0:
				t.Errorf("Validate() = %v; want nil", err)
			case tt.field != "" && (len(fes) != 1 || fes[0].Field != tt.field):
				t.Errorf("Validate() = %v; want one problem with %s", err, tt.field)
			}
		})
	}
}

// A bucket of max_entries keeps the newest entries and discards the oldest
// to make room: writes never fail for want of space.
func TestKVStoreMaxEntries(t *testing.T) {
	n := startNATS(t)
	cfg := natsjs.DefaultKVStoreConfig()
	cfg.MaxEntries = 3
	s := openKV(t, n.js, cfg)
	ctx := t.Context()
	for i := range 5 {
		key := fmt.Sprintf("x.%d", i)
		if _, created, err := s.Create(ctx, key, []byte(key)); err != nil || !created {
			t.Fatalf("Create(%s) = %v, %v; want created", key, created, err)
		}
	}
	events, _ := watch(ctx, s, "x.")
	got := initial(t, events)
	want := map[string]string{"x.2": "x.2", "x.3": "x.3", "x.4": "x.4"}
	if !maps.Equal(got, want) {
		t.Errorf("entries after 5 creates in a bucket of 3 = %v; want %v", got, want)
	}
	// The oldest key is free again, as after its TTL.
	if _, created, err := s.Create(ctx, "x.0", []byte("again")); err != nil || !created {
		t.Errorf("Create(x.0) after its eviction = %v, %v; want created", created, err)
	}
}
