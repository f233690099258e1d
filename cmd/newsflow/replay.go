package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// replayFlags are tail's flags for messages already stored, as nats stream
// view and kubectl logs take them.
type replayFlags struct {
	last     int
	since    string
	all      bool
	noFollow bool
}

func (r *replayFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&r.last, "last", 0, "first print the last `N` stored messages of the subject, then follow")
	fs.StringVar(&r.since, "since", "", "first print the messages stored since `DURATION|TIME` ago (5m, 2h; RFC 3339; a date), then follow")
	fs.BoolVar(&r.all, "all", false, "first print every stored message of the subject, then follow")
	fs.BoolVar(&r.noFollow, "no-follow", false, "with --last, --since or --all: stop at the end of the stored messages")
}

// replay is what the replay flags ask for.
type replay struct {
	last   int
	since  time.Time
	all    bool
	follow bool
}

// active says whether stored messages are asked for; else tail prints new
// messages only, as they are published.
func (r replay) active() bool { return r.last > 0 || !r.since.IsZero() || r.all }

// parse checks the flags, now being the time --since counts back from.
func (r *replayFlags) parse(now time.Time) (replay, error) {
	rp := replay{last: r.last, all: r.all, follow: !r.noFollow}
	n := 0
	for _, set := range []bool{r.last != 0, r.since != "", r.all} {
		if set {
			n++
		}
	}
	switch {
	case n > 1:
		return rp, errors.New("give one of --last, --since and --all")
	case r.last < 0:
		return rp, fmt.Errorf("--last %d: want a positive count", r.last)
	case r.since != "":
		t, err := parseSince(r.since, now)
		if err != nil {
			return rp, err
		}
		rp.since = t
	}
	if r.noFollow && !rp.active() {
		return rp, errors.New("--no-follow needs --last, --since or --all")
	}
	return rp, nil
}

// parseSince reads a duration back from now, an RFC 3339 time or a date
// (midnight, local time).
func parseSince(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, time.Local); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("--since %q: want a duration (90s, 5m, 2h), an RFC 3339 time or a date (2006-01-02)", s)
}

// replayStream prints the stored messages of subject that rp asks for,
// oldest first, through an ordered consumer on the stream that holds the
// subject; then, when rp.follow, each new one, until ctx ends. It stops
// after count messages when count is positive.
func replayStream(ctx context.Context, nc *nats.Conn, subject string, rp replay, count int, show func(*nats.Msg, time.Time) error) error {
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	name, err := js.StreamNameBySubject(ctx, subject)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("no stream stores %s, and --last, --since and --all read one: %w", subject, err)
	}
	if err != nil {
		return fmt.Errorf("find the stream of %s: %w", subject, err)
	}
	stream, err := js.Stream(ctx, name)
	if err != nil {
		return fmt.Errorf("stream %s: %w", name, err)
	}
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverAllPolicy}
	switch {
	case !rp.since.IsZero():
		cfg.DeliverPolicy, cfg.OptStartTime = jetstream.DeliverByStartTimePolicy, &rp.since
	case rp.last > 0:
		start, err := startOfLast(ctx, stream, subject, rp.last)
		if err != nil {
			return err
		}
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, start
	}
	cons, err := stream.OrderedConsumer(ctx, cfg)
	if err != nil {
		return fmt.Errorf("consume %s from %s: %w", subject, name, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("consume %s from %s: %w", subject, name, err)
	}
	defer it.Stop()
	// The consumer's first state says how many stored messages there are
	// to print.
	if info := cons.CachedInfo(); !rp.follow && (info == nil || info.NumPending == 0) {
		return nil
	}
	for n := 0; count == 0 || n < count; n++ {
		msg, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("receive: %w", err)
		}
		meta, err := msg.Metadata()
		if err != nil {
			return fmt.Errorf("receive: %w", err)
		}
		if err := show(&nats.Msg{Subject: msg.Subject(), Header: msg.Headers(), Data: msg.Data()}, meta.Timestamp); err != nil {
			return err
		}
		if !rp.follow && meta.NumPending == 0 {
			return nil
		}
	}
	return nil
}

// startOfLast returns the sequence of the n-th last message of subject in
// stream (the first message's when there are fewer). How many messages of
// a subject follow a sequence is what a consumer starting there reports
// at creation, so the sequence is found by bisection with short-lived
// consumers: about log2 of the stream's length of them, each deleted at
// once.
func startOfLast(ctx context.Context, stream jetstream.Stream, subject string, n int) (uint64, error) {
	info, err := stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream info: %w", err)
	}
	first, last := info.State.FirstSeq, info.State.LastSeq
	if info.State.Msgs == 0 {
		return last + 1, nil
	}
	pending := func(seq uint64) (uint64, error) {
		c, err := stream.CreateConsumer(ctx, jetstream.ConsumerConfig{
			FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: seq,
			AckPolicy: jetstream.AckNonePolicy, MemoryStorage: true, Replicas: 1, InactiveThreshold: time.Minute,
		})
		if err != nil {
			return 0, fmt.Errorf("count the messages of %s from %d: %w", subject, seq, err)
		}
		_ = stream.DeleteConsumer(ctx, c.CachedInfo().Name) // else it goes after its inactive threshold
		return c.CachedInfo().NumPending, nil
	}
	total, err := pending(first)
	if err != nil || total <= uint64(n) {
		return first, err
	}
	// From lo there are at least n messages, from hi fewer.
	lo, hi := first, last+1
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		p, err := pending(mid)
		if err != nil {
			return 0, err
		}
		if p >= uint64(n) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}
