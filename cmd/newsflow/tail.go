package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

const tailExamples = `  newsflow tail                          # every new event: events.>
  newsflow tail events.article.en        # English article events
  newsflow tail 'events.coded.assault.>' # coded assaults, one line each
  newsflow tail 'events.coded.*.rus'     # coded events whose actor is Russian
  newsflow tail 'dlq.>'                  # dead letters, with their reasons
  newsflow tail --json --count 1 events.article.* | jq .entities
  newsflow tail 'dlq.>' --last 5 --no-follow   # the last 5 dead letters stored, then exit
  newsflow tail 'events.coded.>' --since 1h      # the last hour's coded events, then new ones
  newsflow tail events.article.en --all --json   # every stored English event, then new ones
`

func cmdTail(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "tail", "[flags] [SUBJECT]", tailExamples)
	var cl clientFlags
	cl.register(fs)
	asJSON := fs.Bool("json", false, "print JSON lines: events as published, other messages wrapped with subject and headers")
	count := fs.Int("count", 0, "exit after this many messages (0: run until interrupted)")
	var rf replayFlags
	rf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rp, err := rf.parse(time.Now())
	if err != nil {
		fmt.Fprintf(e.stderr, "newsflow tail: %v\n", err)
		return errUsage
	}
	subject := "events.>"
	switch fs.NArg() {
	case 0:
	case 1:
		subject = fs.Arg(0)
	default:
		fs.Usage()
		return errUsage
	}
	nc, err := cl.connect(e.environ, "newsflow tail")
	if err != nil {
		return err
	}
	defer nc.Close()
	show := func(msg *nats.Msg, at time.Time) error {
		if *asJSON {
			return printJSON(e.stdout, msg)
		}
		return printReadable(e.stdout, msg, at)
	}
	if rp.active() {
		return replayStream(ctx, nc, subject, rp, *count, show)
	}
	sub, err := nc.SubscribeSync(subject)
	if err != nil {
		return fmt.Errorf("subscribe %s: %w", subject, err)
	}
	// Subscribing is asynchronous; flushing makes sure the server has the
	// interest before the user publishes anything.
	if err := nc.Flush(); err != nil {
		return fmt.Errorf("subscribe %s: %w", subject, err)
	}
	for n := 0; *count == 0 || n < *count; n++ {
		msg, err := sub.NextMsgWithContext(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("receive: %w", err)
		}
		if err := show(msg, time.Now()); err != nil {
			return err
		}
	}
	return nil
}

// printReadable prints one line per message: the time it was stored (or
// received, when it was not read from a stream), subject and a summary.
func printReadable(w io.Writer, msg *nats.Msg, at time.Time) error {
	now := at.Local().Format("15:04:05.000")
	if at.Local().Format(time.DateOnly) != time.Now().Format(time.DateOnly) {
		now = at.Local().Format("2006-01-02 15:04:05.000")
	}
	switch {
	case strings.HasPrefix(msg.Subject, "events.article."):
		var ev event.ArticleEvent
		if err := json.Unmarshal(msg.Data, &ev); err != nil {
			_, err = fmt.Fprintf(w, "%s %s undecodable event (%d bytes): %v\n", now, msg.Subject, len(msg.Data), err)
			return err
		}
		headline := ev.Title
		if headline == "" {
			headline = ev.Text
		}
		_, err := fmt.Fprintf(w, "%s %s %s lang=%s(%.2f) words=%d published=%s %q\n", now, msg.Subject, ev.ID,
			ev.Language.Code, ev.Language.Confidence, ev.WordCount, ev.PublishedAt.Format(time.RFC3339), clip(headline, 80))
		return err
	case strings.HasPrefix(msg.Subject, "events.coded."):
		var ev event.CodedEvent
		if err := json.Unmarshal(msg.Data, &ev); err != nil {
			_, err = fmt.Fprintf(w, "%s %s undecodable event (%d bytes): %v\n", now, msg.Subject, len(msg.Data), err)
			return err
		}
		_, err := fmt.Fprintf(w, "%s %s %s\n", now, ev.ID, ev.Summary())
		return err
	case msg.Header.Get(pipeline.HeaderError) != "":
		_, err := fmt.Fprintf(w, "%s %s from=%s seq=%s stage=%s error=%q (%d bytes kept)\n", now, msg.Subject,
			msg.Header.Get(pipeline.HeaderSubject), msg.Header.Get(pipeline.HeaderSeq), msg.Header.Get(pipeline.HeaderStage),
			msg.Header.Get(pipeline.HeaderError), len(msg.Data))
		return err
	default:
		_, err := fmt.Fprintf(w, "%s %s %q\n", now, msg.Subject, clip(string(msg.Data), 120))
		return err
	}
}

// printJSON prints an event as published, or wraps a message whose data is
// not JSON (a dead letter keeps the original bytes, whatever they were).
func printJSON(w io.Writer, msg *nats.Msg) error {
	if strings.HasPrefix(msg.Subject, "events.") && json.Valid(msg.Data) {
		_, err := fmt.Fprintf(w, "%s\n", msg.Data)
		return err
	}
	line, err := json.Marshal(struct {
		Subject string              `json:"subject"`
		Headers map[string][]string `json:"headers,omitempty"`
		Data    string              `json:"data"`
	}{msg.Subject, msg.Header, string(msg.Data)})
	if err != nil {
		return errors.New("encode message: " + err.Error())
	}
	_, err = fmt.Fprintf(w, "%s\n", line)
	return err
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
