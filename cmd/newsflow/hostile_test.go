package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
)

// hostileInput is one message and what must become of it: a dead-letter
// reason, or "ok" for an event.
type hostileInput struct {
	name string
	want string
	data []byte
}

// hostileInputs reads testdata/bad (see its README) and adds the inputs
// too large to keep there; maxBytes is the limit the processor runs with.
func hostileInputs(t *testing.T, maxBytes int) []hostileInput {
	t.Helper()
	files, err := filepath.Glob("testdata/bad/*--*")
	if err != nil || len(files) == 0 {
		t.Fatalf("testdata/bad: %v, %d files", err, len(files))
	}
	var in []hostileInput
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		want, _, _ := strings.Cut(name, "--")
		in = append(in, hostileInput{name, want, data})
	}
	article := func(body, contentType string) []byte {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // "&" stays one byte: sizes are as written
		if err := enc.Encode(map[string]string{"body": body, "content_type": contentType}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	half := maxBytes / 2
	return append(in,
		hostileInput{"over the size limit", pipeline.ReasonTooLarge, article(strings.Repeat("word ", maxBytes/5+1), "")},
		hostileInput{"one word of half the limit", "ok", article(strings.Repeat("a", half), "")},
		hostileInput{"one line of half the limit", "ok", article(strings.Repeat("word ", half/5), "")},
		hostileInput{"entity flood", "ok", article("<p>"+strings.Repeat("&amp;", half/5)+"</p>", "text/html")},
		hostileInput{"a million brackets in a string", "ok", article(strings.Repeat("[{", half/2), "")},
	)
}

// TestHostileInput sends every hostile input, then a good article,
// through a running newsflow: each bad one is dead-lettered with its
// reason and its original bytes, each tolerable one yields an event, and
// the good article after them all is processed. Every event validates
// against the JSON Schema its "schema" field names.
func TestHostileInput(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Limits.MaxBytes = 1 << 20
	r := startRunning(t, cfg)
	inputs := hostileInputs(t, cfg.Limits.MaxBytes)
	bySeq := make(map[uint64]hostileInput)
	for _, in := range inputs {
		bySeq[r.publish(t, "articles.bad", in.data)] = in
	}
	good, _ := json.Marshal(map[string]string{"id": "good", "body": "The talks resumed on Monday in Geneva, officials said."})
	last := r.publish(t, "articles.good", good)
	r.waitIdle(t, last)

	got := make(map[string]string) // input name → dead-letter reason or "ok"
	for _, m := range r.messages(t, "DLQ") {
		seq, err := strconv.ParseUint(m.Header.Get(pipeline.HeaderSeq), 10, 64)
		in, ok := bySeq[seq]
		if err != nil || !ok {
			t.Errorf("dead letter on %s for unknown input seq %q", m.Subject, m.Header.Get(pipeline.HeaderSeq))
			continue
		}
		got[in.name] = strings.TrimPrefix(m.Subject, "dlq.articles.")
		if !bytes.Equal(m.Data, in.data) {
			t.Errorf("dead letter of %s: %d bytes, not the original %d", in.name, len(m.Data), len(in.data))
		}
		if m.Header.Get(pipeline.HeaderError) == "" {
			t.Errorf("dead letter of %s has no %s header", in.name, pipeline.HeaderError)
		}
	}
	goodSeen := false
	schemas := newEventSchemas(t)
	for _, m := range r.messages(t, "EVENTS") {
		var ev struct {
			ID       string `json:"id"`
			Pipeline struct {
				Input struct {
					Sequence uint64 `json:"seq"`
				} `json:"input"`
			} `json:"pipeline"`
		}
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			t.Fatalf("event %s: %v", m.Subject, err)
		}
		// Every event, of hostile input or not, is what its schema says.
		name, err := schemas.validate(m.Data)
		if err != nil {
			t.Errorf("validate(event %s on %s) = %v; want nil", ev.ID, m.Subject, err)
		}
		if err := checkSubject(m.Subject, name); err != nil {
			t.Errorf("event %s: %v", ev.ID, err)
		}
		if ev.ID == "good" {
			goodSeen = true
			continue
		}
		if in, ok := bySeq[ev.Pipeline.Input.Sequence]; ok {
			got[in.name] = "ok"
		}
	}
	for _, in := range inputs {
		if got[in.name] != in.want {
			t.Errorf("%s (%d bytes) became %q; want %q", in.name, len(in.data), got[in.name], in.want)
		}
	}
	if !goodSeen {
		t.Error("the good article after the hostile ones gave no event")
	}
}
