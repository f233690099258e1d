package main

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/encoding/json"
)

func TestReplayFlags(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		flags   replayFlags
		want    replay
		wantErr string
	}{
		{replayFlags{}, replay{follow: true}, ""},
		{replayFlags{last: 3}, replay{last: 3, follow: true}, ""},
		{replayFlags{all: true, noFollow: true}, replay{all: true}, ""},
		{replayFlags{since: "90m"}, replay{since: now.Add(-90 * time.Minute), follow: true}, ""},
		{replayFlags{since: "2026-12-07T10:30:00Z"}, replay{since: time.Date(2026, 12, 7, 10, 30, 0, 0, time.UTC), follow: true}, ""},
		{replayFlags{since: "2026-12-06"}, replay{since: time.Date(2026, 12, 6, 0, 0, 0, 0, time.Local), follow: true}, ""},
		{replayFlags{since: "yesterday"}, replay{}, "want a duration"},
		{replayFlags{since: "-5m"}, replay{}, "want a duration"},
		{replayFlags{last: 2, all: true}, replay{}, "give one of"},
		{replayFlags{last: -1}, replay{}, "want a positive count"},
		{replayFlags{noFollow: true}, replay{}, "--no-follow needs"},
	}
	for _, tt := range tests {
		got, err := tt.flags.parse(now)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parse(%+v) = %+v, %v; want an error with %q", tt.flags, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.last != tt.want.last || got.all != tt.want.all || got.follow != tt.want.follow || !got.since.Equal(tt.want.since) {
			t.Errorf("parse(%+v) = %+v, %v; want %+v", tt.flags, got, err, tt.want)
		}
	}
}

// TestTailReplay dead-letters articles, then replays them with tail: the
// last N, all, since a time, a narrower subject, none; then follows.
func TestTailReplay(t *testing.T) {
	r := startRunning(t, testConfig(t.TempDir()))
	url := r.p.conn.URL()
	bad := []string{`{"title":"one"}`, `{"title":"two"}`, `[1,`, `{"title":"four"}`}
	var seq uint64
	for _, b := range bad {
		seq = r.publish(t, "articles.test", []byte(b))
	}
	r.waitIdle(t, seq)
	tail := func(args ...string) (int, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		code := runMain(t.Context(), e, append([]string{"tail", "--nats-url", url}, args...))
		if code != 0 {
			t.Logf("tail %q stderr: %s", args, stderr.String())
		}
		return code, stdout.String()
	}
	// The dead letters as stored (workers finish articles in any order),
	// and as tail --json prints them: their data, one a line.
	var stored []string
	for _, m := range r.messages(t, "DLQ") {
		stored = append(stored, string(m.Data))
	}
	data := func(out string) []string {
		var got []string
		for line := range strings.Lines(out) {
			var m struct{ Data string }
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("tail line %q: %v", line, err)
			}
			got = append(got, m.Data)
		}
		return got
	}
	var missingBody []string
	for _, d := range stored {
		if d != "[1," {
			missingBody = append(missingBody, d)
		}
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"dlq.>", "--last", "2", "--no-follow"}, stored[2:]},
		{[]string{"dlq.>", "--last", "9", "--no-follow"}, stored},
		{[]string{"--all", "dlq.articles.missing_body", "--no-follow"}, missingBody},
		{[]string{"dlq.articles.missing_body", "--last", "1", "--no-follow"}, missingBody[2:]},
		{[]string{"dlq.>", "--since", "1h", "--no-follow", "--count", "2"}, stored[:2]},
		{[]string{"dlq.>", "--since", time.Now().Add(time.Hour).Format(time.RFC3339), "--no-follow"}, nil},
		{[]string{"dlq.articles.none", "--all", "--no-follow"}, nil},
	}
	for _, tt := range tests {
		code, out := tail(append(tt.args, "--json")...)
		if got := data(out); code != 0 || !slices.Equal(got, tt.want) {
			t.Errorf("tail %q = exit %d, %q; want 0, %q", tt.args, code, got, tt.want)
		}
	}
	if code, _ := tail("--no-follow"); code != 2 {
		t.Errorf("tail --no-follow = exit %d; want 2: it needs --last, --since or --all", code)
	}
	var stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
	if code := runMain(t.Context(), e, []string{"tail", "nowhere.>", "--all", "--nats-url", url}); code != 1 || !strings.Contains(stderr.String(), "no stream stores nowhere.>") {
		t.Errorf("tail nowhere.> --all = exit %d, %q; want 1 and that no stream stores the subject", code, stderr.String())
	}

	// Following: the last stored dead letter, then one that comes after.
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		defer pw.Close()
		e := &env{stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard}
		done <- runMain(t.Context(), e, []string{"tail", "dlq.>", "--nats-url", url, "--last", "1", "--count", "2", "--json"})
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() || !strings.Contains(lines.Text(), strings.ReplaceAll(stored[3], `"`, `\"`)) {
		t.Fatalf("tail --last 1 first printed %q; want the last dead letter", lines.Text())
	}
	r.waitIdle(t, r.publish(t, "articles.test", []byte(`{"title":"five"}`)))
	if !lines.Scan() || !strings.Contains(lines.Text(), `five`) {
		t.Fatalf("tail --last 1 then printed %q; want the new dead letter", lines.Text())
	}
	go io.Copy(io.Discard, pr)
	if code := <-done; code != 0 {
		t.Errorf("tail --last 1 --count 2 = exit %d; want 0", code)
	}
}
