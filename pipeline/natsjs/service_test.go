package natsjs_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nats.go/micro"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
)

// serviceRig is a processor running on an embedded server, its service
// started, and a client connection.
type serviceRig struct {
	conn *natsjs.Conn
	svc  *natsjs.Service
	reg  *prometheus.Registry
	nc   *nats.Conn
}

func startService(t *testing.T, cfg natsjs.ServiceConfig, limits pipeline.Limits) *serviceRig {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	ncfg := natsjs.DefaultConfig()
	ncfg.Listen, ncfg.DataDir = "127.0.0.1:0", t.TempDir()
	conn, err := natsjs.Open(ctx, ncfg, natsjs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	store, err := conn.OpenKVStore(ctx, natsjs.DefaultKVStoreConfig())
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	stgs, err := stages.New(stages.DefaultConfig(), stages.Deps{DedupStore: store, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	pcfg := natsjs.DefaultProcessorConfig()
	pcfg.Limits = limits
	p, err := natsjs.NewProcessor(ctx, conn, pcfg, stgs, natsjs.ProcessorOptions{Version: "v1.2.3", Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := p.StartService(cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	t.Cleanup(func() {
		if err := svc.Stop(context.Background()); err != nil {
			t.Errorf("Stop() = %v", err)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run() = %v", err)
		}
		conn.Close(context.Background())
	})
	nc, err := nats.Connect(conn.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return &serviceRig{conn: conn, svc: svc, reg: reg, nc: nc}
}

// request sends data to the endpoint; while the stages are not ready yet
// the service answers 503 at once, and the request is sent again.
func (r *serviceRig) request(t *testing.T, data string) *nats.Msg {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		msg, err := r.nc.Request(r.svc.Subject(), []byte(data), 30*time.Second)
		if err != nil {
			t.Fatalf("request %s: %v", r.svc.Subject(), err)
		}
		if msg.Header.Get(micro.ErrorCodeHeader) != "503" || time.Now().After(deadline) {
			return msg
		}
	}
}

func TestServiceProcessesWithoutPublishing(t *testing.T) {
	limits := pipeline.DefaultLimits()
	limits.MaxBytes = 4096
	cfg := natsjs.DefaultServiceConfig()
	cfg.SubjectPrefix = "nf.api"
	r := startService(t, cfg, limits)
	if got := r.svc.Subject(); got != "nf.api.process" {
		t.Errorf("Subject() = %q; want nf.api.process", got)
	}
	const body = "Special envoy Steve Witkoff met President Vladimir Putin in St. Petersburg on Friday. Witkoff said the talks were useful."
	tests := []struct {
		name       string
		data       string
		wantCode   string // "" for an article event
		wantReason string
		wantKind   string // the article event's dedup kind
	}{
		{"article", `{"id":"a1","body":"` + body + `"}`, "", "", event.DedupOriginal},
		{"asked again: not remembered", `{"id":"a2","body":"` + body + `"}`, "", "", event.DedupOriginal},
		{"no body", `{"title":"no body"}`, "400", pipeline.ReasonMissingBody, ""},
		{"not JSON", `not json`, "400", pipeline.ReasonMalformedJSON, ""},
		{"too large", `{"body":"` + strings.Repeat("word ", 1000) + `"}`, "400", pipeline.ReasonTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := r.request(t, tt.data)
			code, reason := msg.Header.Get(micro.ErrorCodeHeader), msg.Header.Get(natsjs.HeaderReason)
			if code != tt.wantCode || reason != tt.wantReason {
				t.Fatalf("request(%s) = code %q reason %q (%s); want %q %q", tt.name, code, reason, msg.Header.Get(micro.ErrorHeader), tt.wantCode, tt.wantReason)
			}
			if code != "" {
				if !strings.HasPrefix(msg.Header.Get(micro.ErrorHeader), tt.wantReason+": ") || msg.Header.Get(pipeline.HeaderStage) != "decode" {
					t.Errorf("request(%s) error %q stage %q; want %q first, stage decode", tt.name, msg.Header.Get(micro.ErrorHeader), msg.Header.Get(pipeline.HeaderStage), tt.wantReason)
				}
				return
			}
			var ev event.ArticleEvent
			if err := json.Unmarshal(msg.Data, &ev); err != nil {
				t.Fatalf("request(%s) reply %q: %v", tt.name, msg.Data, err)
			}
			if ev.Schema != event.ArticleSchema || len(ev.Entities) == 0 || len(ev.Events) == 0 || ev.Dedup == nil || ev.Dedup.Kind != tt.wantKind {
				t.Errorf("request(%s) = schema %q, %d entities, %d events, dedup %+v; want an article event with entities and events, dedup kind %s",
					tt.name, ev.Schema, len(ev.Entities), len(ev.Events), ev.Dedup, tt.wantKind)
			}
		})
	}

	// Nothing was published, and the dedup state was only read.
	js, err := jetstream.New(r.nc)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ARTICLES", "EVENTS", "DLQ", "KV_newsflow_dedup"} {
		s, err := js.Stream(t.Context(), name)
		if err != nil {
			t.Fatal(err)
		}
		if info, err := s.Info(t.Context()); err != nil || info.State.Msgs != 0 {
			t.Errorf("stream %s holds %d messages (%v); want none", name, info.State.Msgs, err)
		}
	}

	// Once the article is processed from the stream, a copy is known. The
	// subscription comes first, so that its event cannot go out before it.
	sub, err := r.nc.SubscribeSync("events.article.>")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.nc.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(t.Context(), "articles.test", []byte(`{"id":"a1","body":"`+body+`"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := sub.NextMsg(30 * time.Second); err != nil {
		t.Fatalf("article event of a1: %v", err)
	}
	var ev event.ArticleEvent
	if msg := r.request(t, `{"id":"a3","body":"`+body+`"}`); json.Unmarshal(msg.Data, &ev) != nil || ev.Dedup == nil || ev.Dedup.Kind != event.DedupExact || ev.Dedup.Of != "a1" {
		t.Errorf("request(a copy of a1) = %s; want an exact copy of a1", msg.Data)
	}

	for outcome, want := range map[string]float64{"ok": 3, "rejected": 3, "failed": 0} {
		if got := serviceRequests(t, r.reg, outcome); got != want {
			t.Errorf("newsflow_service_requests_total{outcome=%q} = %v; want %v", outcome, got, want)
		}
	}
}

// serviceRequests returns newsflow_service_requests_total{outcome}.
func serviceRequests(t *testing.T, reg *prometheus.Registry, outcome string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			if mf.GetName() == "newsflow_service_requests_total" && m.GetLabel()[0].GetValue() == outcome {
				return m.GetCounter().GetValue()
			}
		}
	}
	t.Fatalf("no newsflow_service_requests_total{outcome=%q}", outcome)
	return 0
}

func TestServiceDiscovery(t *testing.T) {
	cfg := natsjs.DefaultServiceConfig()
	cfg.Workers = 3
	r := startService(t, cfg, pipeline.DefaultLimits())
	msg, err := r.nc.Request("$SRV.INFO.newsflow", nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var info micro.Info
	if err := json.Unmarshal(msg.Data, &info); err != nil {
		t.Fatal(err)
	}
	if info.Name != "newsflow" || info.Version != "1.2.3" || len(info.Endpoints) != 1 ||
		info.Endpoints[0].Subject != "newsflow.process" || info.Endpoints[0].Metadata["max_bytes"] == "" {
		t.Errorf("$SRV.INFO.newsflow = %+v; want newsflow 1.2.3 with the endpoint newsflow.process and its metadata", info)
	}
	// One instance per worker answers a ping.
	inbox := nats.NewInbox()
	sub, err := r.nc.SubscribeSync(inbox)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.nc.PublishRequest("$SRV.PING.newsflow", inbox, nil); err != nil {
		t.Fatal(err)
	}
	for i := range cfg.Workers {
		if _, err := sub.NextMsg(5 * time.Second); err != nil {
			t.Fatalf("ping reply %d of %d: %v", i+1, cfg.Workers, err)
		}
	}
}
