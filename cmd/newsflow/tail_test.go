package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pipeline"
)

func TestPrintReadable(t *testing.T) {
	event := `{"schema":"newsflow.article.v1","id":"a1","title":"Talks resume","published_at":"2025-04-12T09:00:00Z","language":{"code":"en","confidence":0.97},"text":"The talks resumed.","word_count":3}`
	coded := `{"schema":"newsflow.event.v1","id":"a1:event:1","article_id":"a1","event":"CONSULT","mode":"visit",` +
		`"actor":[{"name":"Steve Witkoff","code":"USA","sector":"GOV"}],"recipient":[{"name":"Vladimir Putin","code":"RUS","sector":"GOV"}],` +
		`"location":{"name":"Saint Petersburg"},"date":"2025-04-11","date_source":"text"}`
	dlq := &nats.Msg{Subject: "dlq.articles.too_deep", Data: []byte("[[[["), Header: nats.Header{}}
	dlq.Header.Set(pipeline.HeaderError, "nesting deeper than 16")
	dlq.Header.Set(pipeline.HeaderStage, "decode")
	dlq.Header.Set(pipeline.HeaderSubject, "articles.x")
	dlq.Header.Set(pipeline.HeaderSeq, "7")
	tests := []struct {
		msg  *nats.Msg
		want []string
	}{
		{&nats.Msg{Subject: "events.article.en", Data: []byte(event)}, []string{"events.article.en a1 lang=en(0.97) words=3 published=2025-04-12T09:00:00Z \"Talks resume\""}},
		{&nats.Msg{Subject: "events.coded.consult.usa", Data: []byte(coded)},
			[]string{"a1:event:1 CONSULT/visit Steve Witkoff (USA GOV) → Vladimir Putin (RUS GOV) @ Saint Petersburg 2025-04-11\n"}},
		{&nats.Msg{Subject: "events.coded.consult.usa", Data: []byte("[")}, []string{"undecodable event (1 bytes)"}},
		{dlq, []string{"dlq.articles.too_deep from=articles.x seq=7 stage=decode error=\"nesting deeper than 16\" (4 bytes kept)"}},
		{&nats.Msg{Subject: "events.article.en", Data: []byte("{")}, []string{"undecodable event (1 bytes)"}},
		{&nats.Msg{Subject: "other.subject", Data: []byte("line one\nline two")}, []string{`other.subject "line one line two"`}},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := printReadable(&b, tt.msg, time.Now()); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("printReadable(%s) = %q; want it to contain %q", tt.msg.Subject, b.String(), w)
			}
		}
	}
}

func TestPrintJSONWrapsNonEvents(t *testing.T) {
	msg := &nats.Msg{Subject: "dlq.articles.malformed_json", Data: []byte("{not json"), Header: nats.Header{pipeline.HeaderStage: {"decode"}}}
	var b bytes.Buffer
	if err := printJSON(&b, msg); err != nil {
		t.Fatal(err)
	}
	want := `{"subject":"dlq.articles.malformed_json","headers":{"Newsflow-Stage":["decode"]},"data":"{not json"}` + "\n"
	if b.String() != want {
		t.Errorf("printJSON() = %q; want %q", b.String(), want)
	}
}
