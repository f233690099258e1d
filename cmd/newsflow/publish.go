package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsflow/newsflow/pipeline"
)

const publishExamples = `  newsflow publish ../shared/examples/seed-article.json
  newsflow publish --source reuters ./wire/          # every .json, .jsonl, .txt, .html below
  cat articles.jsonl | newsflow publish -
  nats pub articles.demo "$(cat article.json)"      # the nats CLI works too
`

func cmdPublish(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "publish", "[flags] FILE...|DIR|-", publishExamples)
	var cl clientFlags
	cl.register(fs)
	source := fs.String("source", "cli", "source for articles that name none; the subject is <prefix>.<source>")
	prefix := fs.String("subject-prefix", "articles", "subject `prefix`")
	maxPending := fs.Int("max-pending", 1024, "publishes awaiting confirmation at once")
	progress := fs.Bool("progress", true, "show a progress bar when stderr is a terminal")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *maxPending < 1 {
		fs.Usage()
		return errUsage
	}
	nc, err := cl.connect(e.environ, "newsflow publish")
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(*maxPending))
	if err != nil {
		return err
	}

	p := &publisher{js: js, e: e, window: make([]pending, 0, *maxPending), limit: *maxPending}
	if *progress && isTerminal(e.stderr) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("publishing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	start := time.Now()
	err = readArticles(fs.Args(), e.stdin, func(r record) error {
		a, err := pipeline.DecodeArticle(r.data, pipeline.DefaultLimits())
		if err != nil {
			p.fail(r.where, describe(err))
			return ctx.Err()
		}
		id := a.ID
		if id == "" {
			id = pipeline.DefaultID(a.URL, a.Body)
		}
		src := a.Source
		if src == "" {
			src = *source
		}
		msg := &nats.Msg{Subject: *prefix + "." + subjectToken(src), Data: r.data}
		return p.publish(ctx, r.where, msg, id)
	})
	p.waitAll(ctx)
	if p.bar != nil {
		_ = p.bar.Finish()
	}
	elapsed := time.Since(start)
	fmt.Fprintf(e.stderr, "published %d articles (%d already in the stream) in %v, %.0f/s; %d failed\n",
		p.ok+p.dups, p.dups, elapsed.Round(time.Millisecond), float64(p.ok+p.dups)/elapsed.Seconds(), p.failed)
	if err != nil {
		return err
	}
	if p.failed > 0 {
		return fmt.Errorf("%d articles not published", p.failed)
	}
	return nil
}

// publisher keeps a bounded window of publishes awaiting confirmation.
type publisher struct {
	js     jetstream.JetStream
	e      *env
	bar    *progressbar.ProgressBar
	window []pending
	limit  int

	ok, dups, failed int
}

type pending struct {
	where string
	f     jetstream.PubAckFuture
}

func (p *publisher) publish(ctx context.Context, where string, msg *nats.Msg, id string) error {
	if len(p.window) == p.limit {
		p.waitOldest(ctx)
	}
	f, err := p.js.PublishMsgAsync(msg, jetstream.WithMsgID(id))
	if err != nil {
		p.fail(where, err.Error())
		return ctx.Err()
	}
	p.window = append(p.window, pending{where: where, f: f})
	return ctx.Err()
}

func (p *publisher) waitOldest(ctx context.Context) {
	w := p.window[0]
	p.window = p.window[1:]
	select {
	case ack := <-w.f.Ok():
		if ack.Duplicate {
			p.dups++
		} else {
			p.ok++
		}
		if p.bar != nil {
			_ = p.bar.Add(1)
		}
	case err := <-w.f.Err():
		p.fail(w.where, err.Error())
	case <-ctx.Done():
		p.fail(w.where, ctx.Err().Error())
	}
}

func (p *publisher) waitAll(ctx context.Context) {
	for len(p.window) > 0 {
		p.waitOldest(ctx)
	}
}

func (p *publisher) fail(where, why string) {
	p.failed++
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintf(p.e.stderr, "%s: %s\n", where, why)
}

// subjectToken makes a source name safe as one subject token: lower case,
// letters, digits, '-' and '_' kept, anything else '-'.
func subjectToken(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
		if b.Len() >= 64 {
			break
		}
	}
	if out := strings.Trim(b.String(), "-"); out != "" {
		return out
	}
	return "unknown"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
