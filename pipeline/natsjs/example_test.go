package natsjs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages"
)

// Example runs newsflow inside a Go program: an embedded NATS server (set
// URL in the Config for an external one), the stages with dedup's state in
// a KV bucket, and the processor on the articles stream. A publisher and a
// subscriber then use it as they would any newsflow.
func Example() {
	ctx, stop := context.WithCancel(context.Background())
	dir, _ := os.MkdirTemp("", "newsflow-example")
	defer os.RemoveAll(dir)

	cfg := natsjs.DefaultConfig()
	cfg.Listen, cfg.DataDir = "127.0.0.1:0", dir
	conn, err := natsjs.Open(ctx, cfg, natsjs.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(context.Background())
	store, err := conn.OpenKVStore(ctx, natsjs.DefaultKVStoreConfig())
	if err != nil {
		log.Fatal(err)
	}
	stgs, err := stages.New(stages.DefaultConfig(), stages.Deps{DedupStore: store})
	if err != nil {
		log.Fatal(err)
	}
	p, err := natsjs.NewProcessor(ctx, conn, natsjs.DefaultProcessorConfig(), stgs, natsjs.ProcessorOptions{Version: "example"})
	if err != nil {
		log.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()

	// A subscriber of article events, and a publisher of one article.
	sub, _ := conn.NATS().SubscribeSync("events.article.>")
	article := `{"id":"a1","body":"Special envoy Steve Witkoff met President Vladimir Putin in St. Petersburg on Friday. Witkoff said the talks were useful."}`
	if _, err := conn.JetStream().Publish(ctx, "articles.example", []byte(article)); err != nil {
		log.Fatal(err)
	}
	msg, err := sub.NextMsg(30 * time.Second)
	if err != nil {
		log.Fatal(err)
	}
	var ev event.ArticleEvent
	if err := json.Unmarshal(msg.Data, &ev); err != nil {
		log.Fatal(err)
	}
	fmt.Println(msg.Subject, ev.ID)
	for _, e := range ev.Entities {
		fmt.Println(e.Type, e.Name, len(e.Mentions))
	}

	stop() // drains and returns
	if err := <-done; err != nil {
		log.Fatal(err)
	}
	// Output:
	// events.article.en a1
	// PER Steve Witkoff 2
	// PER Vladimir Putin 1
	// LOC Saint Petersburg 1
}
