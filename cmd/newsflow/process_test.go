package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline/event"
)

func TestProcessCommand(t *testing.T) {
	in := `{"id":"one","body":"The minister said on Friday that talks would resume."}
{"id":"two","body":"Der Minister sagte am Freitag, dass die Gespräche wieder aufgenommen würden und dass die Regierung das begrüße."}
{"body":
{"id":"three","body":"   "}
`
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(in), stdout: &stdout, stderr: &stderr}
	code := runMain(t.Context(), e, []string{"process", "-"})
	if code != 1 {
		t.Errorf("exit = %d; want 1 (two articles failed)", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d events; want 2:\n%s", len(lines), stdout.String())
	}
	wantLang := []string{"en", "de"}
	for i, line := range lines {
		var ev event.ArticleEvent
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if ev.Language.Code != wantLang[i] {
			t.Errorf("event %d (%s) language = %s; want %s", i, ev.ID, ev.Language.Code, wantLang[i])
		}
	}
	for _, want := range []string{"stdin:3: malformed_json", "stdin:4: empty_text", "2 of 4 articles failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestHelpAndUnknownCommands(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Commands:"},
		{[]string{"help"}, 0, "Commands:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"run", "--help"}, 0, "Examples:"},
		{[]string{"publish", "--help"}, 0, "nats pub"},
		{[]string{"process"}, 2, "Usage: newsflow process"},
		{[]string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
		if code := runMain(t.Context(), e, tt.args); code != tt.code {
			t.Errorf("newsflow %v exit = %d; want %d", tt.args, code, tt.code)
		}
		if !strings.Contains(stderr.String()+stdout.String(), tt.want) {
			t.Errorf("newsflow %v output lacks %q:\n%s%s", tt.args, tt.want, stdout.String(), stderr.String())
		}
	}
}
