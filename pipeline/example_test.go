package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/pipeline/pipelinetest"
)

// words is a Stage that counts the words of an article's body. It keeps
// no state and writes only a field of its own, so it is safe for
// concurrent calls.
type words struct{}

// Name returns the name the stage has in metrics, timings and warnings.
func (words) Name() string { return "words" }

// Process only adds to d: it fills WordCount.
func (words) Process(_ context.Context, d *pipeline.Doc) error {
	d.WordCount = len(strings.Fields(d.Body))
	return nil
}

// A Stage needs only a Name and a Process method; a Chain runs stages in
// order on a Doc, each with a timeout, recover and metrics, and records
// each one's time in d.Timings.
func ExampleStage() {
	m, err := pipeline.NewMetrics(prometheus.NewRegistry())
	if err != nil {
		log.Fatal(err)
	}
	chain, err := pipeline.NewChain([]pipeline.Stage{words{}}, time.Second, m, nil)
	if err != nil {
		log.Fatal(err)
	}
	d := &pipeline.Doc{ID: "a1", Body: "The council voted on Tuesday to close the old bridge."}
	if err := chain.Process(context.Background(), d); err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.WordCount, "words")
	fmt.Println("timed:", d.Timings[0].Stage)
	// Output:
	// 10 words
	// timed: words
}

// A Runner takes messages from a Source, runs the ArticleHandler's stages
// on each and publishes the article event under a message ID derived from
// the article's, so that a redelivered article is not published twice.
// The in-memory Source and Publisher of package pipelinetest stand in for
// JetStream.
func ExampleRunner() {
	m, err := pipeline.NewMetrics(prometheus.NewRegistry())
	if err != nil {
		log.Fatal(err)
	}
	h, err := pipeline.NewArticleHandler(pipeline.ArticleHandlerConfig{
		Limits:        pipeline.DefaultLimits(),
		SubjectPrefix: "events.article",
		Version:       "example",
		StageTimeout:  time.Second,
	}, []pipeline.Stage{words{}}, m, nil)
	if err != nil {
		log.Fatal(err)
	}
	src, pub := pipelinetest.NewSource("ARTICLES"), &pipelinetest.Publisher{}
	r, err := pipeline.NewRunner(pipeline.DefaultRunnerConfig(), src, pub, h, m, nil)
	if err != nil {
		log.Fatal(err)
	}
	src.Add("articles.example", []byte(`{"id": "a1", "body": "The council voted on Tuesday to close the old bridge."}`))

	// Run runs until its context ends; end it once the message is acked.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	if err := src.Settled(ctx); err != nil {
		log.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		log.Fatal(err)
	}

	for _, out := range pub.Outputs() {
		var ev event.ArticleEvent
		if err := json.Unmarshal(out.Data, &ev); err != nil {
			log.Fatal(err)
		}
		fmt.Println(out.Subject, out.ID, ev.WordCount)
	}
	// Output:
	// events.article.und a1:article 10
}
