package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract/gum"
)

// gumStories returns the texts of the first n GUM news documents (read in
// place; CC BY).
func gumStories(t *testing.T, n int) []string {
	t.Helper()
	docs, err := gum.Read("../../../shared/corpora/gum-news")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs[:min(n, len(docs))] {
		out = append(out, d.Text)
	}
	return out
}

// exactCopies are the ways syndication changes a text without changing
// its words: each is an exact copy once normalised.
var exactCopies = []func(string) string{
	func(s string) string { return s },
	func(s string) string { return strings.ReplaceAll(s, "\n\n", "\n \n") },
	func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\"", "“"), "'", "’") },
	func(s string) string { return "By Staff Reporter\n\n" + s },
	func(s string) string { return s + "\n\n(Reporting by A. Writer; Editing by B. Editor)" },
	func(s string) string { return s + "\n\nCopyright 2026 Example Media. All rights reserved." },
}

type dedupEvent struct {
	ID    string      `json:"id"`
	Dedup event.Dedup `json:"dedup"`
}

// TestTwoReplicasOneOriginalPerStory runs two newsflow replicas on one
// NATS server, sends each story several times in syndicated forms from
// concurrent publishers, and checks that exactly one copy of each story
// is published as an article and every other as a duplicate of it.
func TestTwoReplicasOneOriginalPerStory(t *testing.T) {
	cfg1 := testConfig(t.TempDir())
	cfg1.Consumer.PullBatch, cfg1.Runner.MaxInFlight = 2, 2
	r1 := startRunning(t, cfg1)
	cfg2 := testConfig(t.TempDir())
	cfg2.NATS.URL = r1.p.conn.URL()
	cfg2.Consumer.PullBatch, cfg2.Runner.MaxInFlight = 2, 2
	r2 := startRunning(t, cfg2)

	stories := gumStories(t, 8)
	storyOf := make(map[string]int) // article id → story
	type msg struct {
		id   string
		body []byte
	}
	var msgs []msg
	for k, copyOf := range exactCopies {
		for s, text := range stories {
			id := fmt.Sprintf("story%d-copy%d", s, k)
			storyOf[id] = s
			body, _ := json.Marshal(map[string]string{"id": id, "body": copyOf(text)})
			msgs = append(msgs, msg{id, body})
		}
	}
	var wg sync.WaitGroup
	seqs := make([]uint64, 2)
	for w, r := range []*running{r1, r2} {
		wg.Go(func() {
			for i := w; i < len(msgs); i += 2 {
				seqs[w] = max(seqs[w], r.publish(t, "articles.test", msgs[i].body))
			}
		})
	}
	wg.Wait()
	r1.waitIdle(t, max(seqs[0], seqs[1]))

	originals := make(map[int][]string) // story → ids published as articles
	duplicates := 0
	for _, m := range r1.messages(t, "EVENTS") {
		var ev dedupEvent
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			t.Fatalf("event %s: %v", m.Subject, err)
		}
		story := storyOf[ev.ID]
		switch {
		case strings.HasPrefix(m.Subject, "events.article."):
			originals[story] = append(originals[story], ev.ID)
		case strings.HasPrefix(m.Subject, "events.duplicate."):
			duplicates++
			if ev.Dedup.Kind != event.DedupExact || storyOf[ev.Dedup.ClusterID] != story {
				t.Errorf("duplicate notice for %s = %+v; want an exact copy in a cluster of story %d", ev.ID, ev.Dedup, story)
			}
		}
	}
	for s := range stories {
		if len(originals[s]) != 1 {
			t.Errorf("story %d published as an article %d times (%v); want once", s, len(originals[s]), originals[s])
		}
	}
	if want := len(msgs) - len(stories); duplicates != want {
		t.Errorf("%d duplicate notices; want %d", duplicates, want)
	}
	t.Logf("replica 1 processed %v articles, replica 2 %v",
		counterValue(t, r1.p.reg, "newsflow_articles_processed_total", pipeline.OutcomeOK),
		counterValue(t, r2.p.reg, "newsflow_articles_processed_total", pipeline.OutcomeOK))
}

// TestRestartKeepsDedupIndex stops newsflow after one story and starts it
// again on the same data: an edited copy sent after the restart is found
// to be a near copy, from the index warmed from the store.
func TestRestartKeepsDedupIndex(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	story := gumStories(t, 1)[0]
	r := startRunning(t, cfg)
	body, _ := json.Marshal(map[string]string{"id": "first", "body": story})
	r.waitIdle(t, r.publish(t, "articles.test", body))
	if err := r.stop(t); err != nil {
		t.Fatalf("stop: %v", err)
	}

	r = startRunning(t, cfg)
	paras := strings.Split(story, "\n\n")
	edited := strings.Join(paras[:len(paras)-len(paras)/8-1], "\n\n") // the last paragraphs cut
	body, _ = json.Marshal(map[string]string{"id": "edited", "body": edited})
	r.waitIdle(t, r.publish(t, "articles.test", body))
	var got *dedupEvent
	for _, m := range r.messages(t, "EVENTS") {
		var ev dedupEvent
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			t.Fatal(err)
		}
		if ev.ID == "edited" {
			if !strings.HasPrefix(m.Subject, "events.duplicate.") {
				t.Errorf("edited copy published on %s; want events.duplicate.*", m.Subject)
			}
			got = &ev
		}
	}
	if got == nil || got.Dedup.Kind != event.DedupNear || got.Dedup.ClusterID != "first" {
		t.Errorf("edited copy after restart = %+v; want a near copy of first", got)
	}
}

// TestDedupStoreOutage deletes the dedup bucket under a running newsflow:
// articles still flow, a copy is still found against the replica's own
// index, and the outage shows in a warning and a metric.
func TestDedupStoreOutage(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	story := gumStories(t, 1)[0]
	body, _ := json.Marshal(map[string]string{"id": "first", "body": story})
	r.waitIdle(t, r.publish(t, "articles.test", body))

	if err := r.js.DeleteStream(t.Context(), "KV_"+r.p.cfg.DedupStore.Bucket); err != nil {
		t.Fatal(err)
	}
	body, _ = json.Marshal(map[string]string{"id": "copy", "body": "By Staff Reporter\n\n" + story})
	r.waitIdle(t, r.publish(t, "articles.test", body))

	var notice *event.DuplicateNotice
	for _, m := range r.messages(t, "EVENTS") {
		if strings.HasPrefix(m.Subject, "events.duplicate.") {
			notice = new(event.DuplicateNotice)
			if err := json.Unmarshal(m.Data, notice); err != nil {
				t.Fatal(err)
			}
		}
	}
	if notice == nil || notice.ID != "copy" || notice.Dedup.Kind != event.DedupExact || notice.Dedup.ClusterID != "first" {
		t.Fatalf("duplicate notice with the store gone = %+v; want copy, an exact copy of first", notice)
	}
	if len(notice.Warnings) != 1 || !strings.Contains(notice.Warnings[0].Message, "store unavailable") {
		t.Errorf("notice warnings = %v; want the store's", notice.Warnings)
	}
	if got := gaugeValue(t, r.p.reg, "newsflow_dedup_store_available"); got != 0 {
		t.Errorf("newsflow_dedup_store_available = %v with the bucket gone; want 0", got)
	}
}

// counterValue returns the value of counter name in reg whose one label
// has the value label.
func counterValue(t *testing.T, reg prometheus.Gatherer, name, label string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			if f.GetName() == name && len(m.GetLabel()) == 1 && m.GetLabel()[0].GetValue() == label {
				return m.GetCounter().GetValue()
			}
		}
	}
	t.Fatalf("no counter %s{%s}", name, label)
	return 0
}

// gaugeValue returns the value of the unlabelled gauge name in reg.
func gaugeValue(t *testing.T, reg prometheus.Gatherer, name string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.GetMetric()) == 1 {
			return f.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no gauge %s", name)
	return 0
}
