package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
)

// A fault test publishes articles, breaks something while newsflow
// processes them, waits until every input is finished, then reads the
// EVENTS and DLQ streams and classifies each input the way Kafka's and
// Jepsen's verifiers do: ok (exactly one output of the expected kind),
// lost (none), duplicated (more than one); an output for no input, of the
// wrong kind, or a story with other than one original is unexpected. The
// coded events of an original are counted against the list its article
// event carries: each exactly once, none for a duplicate or a dead letter.

// faultArticle is one input of a fault test.
type faultArticle struct {
	id    string
	story int // the story it tells; -1 for a bad input
	data  []byte
}

// faultArticles returns n inputs: unique stories of about size bytes of
// text, every tenth an exact copy of an earlier story under a new id and
// headline (a duplicate notice is expected), every fiftieth a body-less
// article (a dead letter is expected).
func faultArticles(n, size int) []faultArticle {
	arts := make([]faultArticle, n)
	for i := range arts {
		id := fmt.Sprintf("fault-%05d", i)
		story := i
		switch {
		case i%50 == 25:
			arts[i] = faultArticle{id: id, story: -1, data: fmt.Appendf(nil, `{"id":%q,"title":"No body"}`, id)}
			continue
		case i%10 == 9:
			story = arts[i-7].story
		}
		a := map[string]string{
			"id":           id,
			"title":        fmt.Sprintf("Report %d on story %d", i, story),
			"body":         storyText(story, size),
			"published_at": "2026-11-20T08:00:00Z",
		}
		data, err := json.Marshal(a)
		if err != nil {
			panic(err) // strings always marshal
		}
		arts[i] = faultArticle{id: id, story: story, data: data}
	}
	return arts
}

var faultWords = strings.Fields(`the government said on Monday that its new plan would cut costs
for farmers and workers in the region after months of talks with unions banks and local councils
while critics warned prices could rise again next year because supply remains weak and demand for
energy food and housing keeps growing faster than wages in most cities officials added that a
report due in spring will show whether the measures work as hoped or need changes before winter`)

var faultNames = strings.Fields(`Amara Okafor Lena Brandt Tomasz Nowak Priya Raman Diego Alvarez
Keiko Tanaka Hassan Idris Nordbank Valecorp Lisbon Manila Quito Tallinn Harare Oslo Perth`)

// storyText is about size bytes of text, the same for the same story and
// different enough between stories that none is a near copy of another.
func storyText(story, size int) string {
	r := rand.New(rand.NewPCG(uint64(story), 0x9e3779b97f4a7c15))
	var b strings.Builder
	for b.Len() < size {
		n := 8 + r.IntN(12)
		for w := range n {
			word := faultWords[r.IntN(len(faultWords))]
			if r.IntN(6) == 0 {
				word = faultNames[r.IntN(len(faultNames))]
			}
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
		fmt.Fprintf(&b, " %d.", r.IntN(100000))
		if r.IntN(4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// feed publishes articles in the background, retrying each until the
// server confirms it, so that server faults do not lose inputs before
// newsflow sees them.
type feed struct {
	arts []faultArticle
	done chan struct{}
	err  error

	mu   sync.Mutex
	seqs map[uint64]string // input stream sequence → article id
}

// startFeed publishes arts to subject on js from a goroutine, a window of
// asynchronous publishes at a time; an article whose publish fails is sent
// again, synchronously, until the server confirms it.
func startFeed(ctx context.Context, js jetstream.JetStream, subject string, arts []faultArticle) *feed {
	const window = 256
	f := &feed{arts: arts, done: make(chan struct{}), seqs: make(map[uint64]string)}
	go func() {
		defer close(f.done)
		for from := 0; from < len(arts); from += window {
			batch := arts[from:min(from+window, len(arts))]
			futures := make([]jetstream.PubAckFuture, len(batch))
			for i, a := range batch {
				futures[i], _ = js.PublishAsync(subject, a.data, jetstream.WithMsgID(a.id)) // a nil future is retried below
			}
			for i, a := range batch {
				ack, err := awaitPubAck(ctx, futures[i])
				if err != nil {
					if ack, err = publishRetrying(ctx, js, subject, a); err != nil {
						f.err = err
						return
					}
				}
				f.mu.Lock()
				f.seqs[ack.Sequence] = a.id
				f.mu.Unlock()
			}
		}
	}()
	return f
}

func awaitPubAck(ctx context.Context, future jetstream.PubAckFuture) (*jetstream.PubAck, error) {
	if future == nil {
		return nil, errors.New("not published")
	}
	select {
	case ack := <-future.Ok():
		return ack, nil
	case err := <-future.Err():
		return nil, err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func publishRetrying(ctx context.Context, js jetstream.JetStream, subject string, a faultArticle) (*jetstream.PubAck, error) {
	for {
		callCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ack, err := js.Publish(callCtx, subject, a.data, jetstream.WithMsgID(a.id))
		cancel()
		if err == nil {
			return ack, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("publish %s: %w", a.id, errors.Join(ctx.Err(), err))
		}
		select { // the server is away: try again shortly
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// wait waits for every article to be published.
func (f *feed) wait(t *testing.T) {
	t.Helper()
	<-f.done
	if f.err != nil {
		t.Fatal(f.err)
	}
}

// client connects to urls the way a patient user would: reconnecting for
// ever.
func client(t *testing.T, urls string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(urls, nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// streamMsgs is the number of messages in a stream, or -1 when the server
// does not answer.
func streamMsgs(ctx context.Context, js jetstream.JetStream, name string) int {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, name)
	if err != nil {
		return -1
	}
	info, err := s.Info(ctx)
	if err != nil {
		return -1
	}
	return int(info.State.Msgs)
}

// waitOutputs waits until the EVENTS and DLQ streams hold at least n
// messages together.
func waitOutputs(t *testing.T, ctx context.Context, js jetstream.JetStream, n int) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf("%d outputs", n), func() bool {
		ev, dl := streamMsgs(ctx, js, "EVENTS"), streamMsgs(ctx, js, "DLQ")
		return ev >= 0 && dl >= 0 && ev+dl >= n
	})
}

// waitFinished waits until the feed is published and newsflow's consumer
// has every input delivered and acknowledged (or terminated): no output is
// still to come.
func waitFinished(t *testing.T, ctx context.Context, js jetstream.JetStream, f *feed) {
	t.Helper()
	f.wait(t)
	last := uint64(0)
	for seq := range f.seqs {
		last = max(last, seq)
	}
	waitFor(t, ctx, "every input acknowledged", func() bool {
		callCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		c, err := js.Consumer(callCtx, "ARTICLES", "newsflow")
		if err != nil {
			return false
		}
		info, err := c.Info(callCtx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0 && info.Delivered.Stream >= last
	})
}

// readStream returns every message in the stream, in order, each asked
// for by its sequence: a consumer's reads can stall while a cluster recovers
// from a lost node, a bounded request is simply asked again.
func readStream(t *testing.T, ctx context.Context, js jetstream.JetStream, name string) []*jetstream.RawStreamMsg {
	t.Helper()
	var (
		s    jetstream.Stream
		info *jetstream.StreamInfo
	)
	waitFor(t, ctx, "stream "+name+" to answer", func() bool {
		callCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		var err error
		if s, err = js.Stream(callCtx, name); err != nil {
			return false
		}
		info, err = s.Info(callCtx)
		return err == nil
	})
	var msgs []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := getMsg(ctx, s, seq)
		switch {
		case errors.Is(err, jetstream.ErrMsgNotFound):
		case err != nil:
			t.Fatalf("read %s: %v", name, err)
		default:
			msgs = append(msgs, m)
		}
	}
	return msgs
}

// getMsg gets message seq of s, asking again for up to 30 seconds: a
// cluster that lost a node answers 503 ("JetStream system temporarily
// unavailable") or not at all until it has elected new leaders, and asks
// made at once after such an answer only hear it again.
func getMsg(ctx context.Context, s jetstream.Stream, seq uint64) (*jetstream.RawStreamMsg, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		callCtx, cancelCall := context.WithTimeout(ctx, 2*time.Second)
		m, err := s.GetMsg(callCtx, seq)
		cancelCall()
		if err == nil || errors.Is(err, jetstream.ErrMsgNotFound) {
			return m, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("message %d: %w", seq, err)
		case <-tick.C:
		}
	}
}

// verify reads the outputs of f's articles and classifies them.
// start is when the scenario began, detected how long newsflow took to
// report its fault (0 where not measured).
func verify(t *testing.T, ctx context.Context, js jetstream.JetStream, scenario string, f *feed, start time.Time, detected time.Duration) faultRow {
	t.Helper()
	byID := make(map[string]faultArticle, len(f.arts))
	for _, a := range f.arts {
		byID[a.id] = a
	}
	row := faultRow{Scenario: scenario, In: len(f.arts), Detected: detected}
	outputs := make(map[string]int, len(f.arts))
	originals := make(map[int]int)
	listed := make(map[string]int)        // article id → the coded events its article event lists
	coded := make(map[string]map[int]int) // article id → coded event number → copies
	var problems []string
	for _, m := range readStream(t, ctx, js, "EVENTS") {
		row.Out++
		id, kind, _ := strings.Cut(m.Header.Get(jetstream.MsgIDHeader), ":")
		a, known := byID[id]
		switch {
		case !known || a.story < 0:
			row.Unexpected++
			problems = append(problems, fmt.Sprintf("event %q on %s", m.Header.Get(jetstream.MsgIDHeader), m.Subject))
			continue
		case strings.HasPrefix(kind, pipeline.KindCoded+":"):
			n, err := strconv.Atoi(strings.TrimPrefix(kind, pipeline.KindCoded+":"))
			if err != nil || n < 1 {
				row.Unexpected++
				problems = append(problems, fmt.Sprintf("coded event id %q", m.Header.Get(jetstream.MsgIDHeader)))
				continue
			}
			row.Coded++
			if coded[id] == nil {
				coded[id] = make(map[int]int)
			}
			coded[id][n]++
			continue
		case kind == pipeline.KindArticle:
			originals[a.story]++
			var ev struct {
				Events []json.RawMessage `json:"events"`
			}
			if err := json.Unmarshal(m.Data, &ev); err != nil {
				t.Fatalf("article event of %s: %v", id, err)
			}
			listed[id] = len(ev.Events)
		case kind != pipeline.KindDuplicate:
			row.Unexpected++
			problems = append(problems, fmt.Sprintf("event of kind %q for %s", kind, id))
			continue
		}
		outputs[id]++
	}
	for id, got := range coded {
		want, original := listed[id]
		for n, copies := range got {
			switch {
			case !original || n > want:
				row.Unexpected++
				problems = append(problems, fmt.Sprintf("coded event %d of %s, which lists %d (original %v)", n, id, want, original))
			case copies > 1:
				row.Duplicated++
				problems = append(problems, fmt.Sprintf("coded event %d of %s: %d copies", n, id, copies))
			}
		}
	}
	for id, want := range listed {
		for n := 1; n <= want; n++ {
			if coded[id][n] == 0 {
				row.Lost++
				problems = append(problems, fmt.Sprintf("lost coded event %d of %s", n, id))
			}
		}
	}
	for _, m := range readStream(t, ctx, js, "DLQ") {
		row.Out++
		seq, _ := strconv.ParseUint(m.Header.Get(pipeline.HeaderSeq), 10, 64)
		id, known := f.seqs[seq]
		if !known || byID[id].story >= 0 {
			row.Unexpected++
			problems = append(problems, fmt.Sprintf("dead letter of input %d (%q): %s", seq, id, m.Header.Get(pipeline.HeaderError)))
			continue
		}
		outputs[id]++
	}
	for _, a := range f.arts {
		switch n := outputs[a.id]; {
		case n == 0:
			row.Lost++
			problems = append(problems, "lost "+a.id)
		case n > 1:
			row.Duplicated++
			problems = append(problems, fmt.Sprintf("%s: %d outputs", a.id, n))
		}
		if a.story >= 0 && a.story == storyOf(a.id) && originals[a.story] != 1 {
			row.Unexpected++
			problems = append(problems, fmt.Sprintf("story %d: %d originals", a.story, originals[a.story]))
		}
	}
	if len(problems) > 10 {
		problems = append(problems[:10], fmt.Sprintf("… %d more", len(problems)-10))
	}
	row.Took = time.Since(start)
	row.Pass = row.Lost == 0 && row.Duplicated == 0 && row.Unexpected == 0
	recordFault(row)
	if !row.Pass {
		t.Errorf("%s: %d in, %d out, %d lost, %d duplicated, %d unexpected; want none lost, duplicated or unexpected:\n%s",
			scenario, row.In, row.Out, row.Lost, row.Duplicated, row.Unexpected, strings.Join(problems, "\n"))
	}
	return row
}

// storyOf is the story an article id was written as: its own number.
func storyOf(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "fault-"))
	return n
}
