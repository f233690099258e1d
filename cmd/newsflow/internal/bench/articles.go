package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/corpus"
	"github.com/newsflow/newsflow/pipeline/event"
)

// makeArticles returns count article messages of at least size bytes of
// body each, made of consecutive Reuters stories when dir holds the
// corpus, else of generated text, and the name of their source. Article
// i has the id "bench-<i>".
func makeArticles(dir string, count, size int) ([][]byte, string, error) {
	var bodies []string
	var titles []string
	var dates []time.Time
	name := "reuters21578"
	stories, err := corpus.ReadReuters(dir)
	if err == nil {
		for _, s := range stories {
			bodies, titles, dates = append(bodies, s.Body), append(titles, s.Title), append(dates, s.Date)
		}
	} else {
		name = "generated"
		bodies, titles, dates = generatedStories(500)
	}
	out := make([][]byte, count)
	next := 0
	for i := range out {
		first := next % len(bodies)
		var b strings.Builder
		for b.Len() == 0 || b.Len() < size {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(bodies[next%len(bodies)])
			next++
		}
		data, err := json.Marshal(event.Article{
			ID:          "bench-" + strconv.Itoa(i),
			Title:       titles[first],
			Body:        b.String(),
			Source:      "bench",
			PublishedAt: dates[first].Format(time.RFC3339),
		})
		if err != nil {
			return nil, "", err
		}
		out[i] = data
	}
	return out, name, nil
}

// generatedStories makes n stories of plain English news-like sentences,
// deterministic, for machines without the corpus.
func generatedStories(n int) (bodies, titles []string, dates []time.Time) {
	subjects := []string{"The central bank", "Officials in Brussels", "President Maria Lopez", "The company", "Analysts at Fidelity", "The ministry of finance", "Workers in Detroit", "The United Nations"}
	verbs := []string{"said on Friday that", "announced that", "warned that", "told reporters that", "confirmed that"}
	objects := []string{"interest rates would stay unchanged", "talks would resume next week", "exports rose 4.5 pct in March", "the merger was approved by regulators", "the ceasefire held overnight", "profits fell to 1.2 billion dollars"}
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC)
	for i := range n {
		var b strings.Builder
		for s := 0; s < 6+r.IntN(6); s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s %s %s.", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))])
		}
		bodies = append(bodies, b.String())
		titles = append(titles, fmt.Sprintf("Story %d", i))
		dates = append(dates, base.Add(time.Duration(i)*time.Minute))
	}
	return bodies, titles, dates
}

// meanSize is the mean length of articles, in bytes.
func meanSize(articles [][]byte) int {
	total := 0
	for _, a := range articles {
		total += len(a)
	}
	return total / max(1, len(articles))
}

// publishBacklog publishes articles to articles.bench and waits for every
// acknowledgement.
func publishBacklog(ctx context.Context, js jetstream.JetStream, articles [][]byte) error {
	futures := make([]jetstream.PubAckFuture, 0, 1024)
	flush := func() error {
		for _, f := range futures {
			select {
			case <-f.Ok():
			case err := <-f.Err():
				return fmt.Errorf("publish backlog: %w", err)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		futures = futures[:0]
		return nil
	}
	for i, a := range articles {
		f, err := js.PublishAsync("articles.bench", a, jetstream.WithMsgID("bench-"+strconv.Itoa(i)))
		if err != nil {
			return fmt.Errorf("publish backlog: %w", err)
		}
		if futures = append(futures, f); len(futures) == cap(futures) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
