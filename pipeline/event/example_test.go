package event_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/newsflow/newsflow/pipeline/event"
)

// articleEventMsg is an article event as a subscriber receives it.
var articleEventMsg = []byte(`{"schema":"newsflow.article.v1","id":"a1","published_at":"2025-04-12T09:00:00Z",` +
	`"published_at_source":"input","language":{"code":"en","confidence":0.97,"method":"detected"},` +
	`"text":"Putin met Witkoff in Moscow on Friday.","word_count":7,` +
	`"entities":[` +
	`{"id":"e1","name":"Vladimir Putin","type":"PER","country":"RU","mentions":[{"text":"Putin","start":0,"end":5,"sentence":0}],"salience":1},` +
	`{"id":"e2","name":"Steve Witkoff","type":"PER","country":"US","role":"special envoy","mentions":[{"text":"Witkoff","start":10,"end":17,"sentence":0}],"salience":1},` +
	`{"id":"e3","name":"Moscow","type":"LOC","country":"RU","geo":{"lat":55.752,"lon":37.618,"geonames_id":524901},"mentions":[{"text":"Moscow","start":21,"end":27,"sentence":0}],"salience":1}],` +
	`"dates":[{"text":"Friday","value":"2025-04-11","granularity":"day","start":31,"end":37}],` +
	`"dedup":{"fingerprint":"0123456789abcdef","cluster_id":"a1","cluster_size":1,"kind":"original","similarity":0},` +
	`"pipeline":{"version":"v1.0.0","received_at":"2025-04-12T09:00:01Z","timings":[{"stage":"clean","us":120}]}}`)

// A subscriber to "events.>" receives article events and duplicate
// notices: it reads the "schema" field first, then decodes the record it
// names. Every span is a pair of byte offsets into Text.
func ExampleArticleEvent() {
	msg := articleEventMsg // the data of a message on events.article.en

	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.Unmarshal(msg, &head); err != nil {
		log.Fatal(err)
	}
	switch head.Schema {
	case event.ArticleSchema:
		var ev event.ArticleEvent
		if err := json.Unmarshal(msg, &ev); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (%s, published %s)\n", ev.ID, ev.Language.Code, ev.PublishedAt.Format("2006-01-02"))
		for _, e := range ev.Entities {
			m := e.Mentions[0]
			fmt.Printf("%s %s %s, first as %q\n", e.ID, e.Type, e.Name, ev.Text[m.Start:m.End])
		}
		for _, d := range ev.Dates {
			fmt.Printf("%q is %s\n", ev.Text[d.Start:d.End], d.Value)
		}
	case event.DuplicateSchema:
		var n event.DuplicateNotice
		if err := json.Unmarshal(msg, &n); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s copies %s, of story %s\n", n.ID, n.Dedup.Of, n.Dedup.ClusterID)
	default:
		fmt.Println("unknown record", head.Schema)
	}
	// Output:
	// a1 (en, published 2025-04-12)
	// e1 PER Vladimir Putin, first as "Putin"
	// e2 PER Steve Witkoff, first as "Witkoff"
	// e3 LOC Moscow, first as "Moscow"
	// "Friday" is 2025-04-11
}

// A subscriber to "events.coded.>" receives one record per coded event;
// Summary gives the line a person reads, the fields the rest.
func ExampleCoding_Summary() {
	msg := []byte(`{"schema":"newsflow.event.v1","id":"a1:event:1","article_id":"a1","published_at":"2025-04-12T09:00:00Z",` +
		`"language":"en","key":"3f2a9c0d1e4b5a67","event":"CONSULT","mode":"visit","quad_code":1,` +
		`"cameo":{"code":"042","root":"04","goldstein":1.9},` +
		`"actor":[{"entity":"e2","text":"Witkoff","name":"Steve Witkoff","code":"USA","sector":"GOV","start":10,"end":17}],` +
		`"recipient":[{"entity":"e1","text":"Putin","name":"Vladimir Putin","code":"RUS","sector":"GOV","start":0,"end":5}],` +
		`"location":{"entity":"e3","text":"Moscow","name":"Moscow","country":"RUS"},` +
		`"date":"2025-04-11","date_precision":"day","date_source":"text",` +
		`"modality":{"negated":false,"hypothetical":false,"future":false,"historical":false},` +
		`"evidence":{"sentence":0,"start":0,"end":38,"trigger":{"text":"met","start":6,"end":9}},"confidence":0.8}`)

	var ev event.CodedEvent
	if err := json.Unmarshal(msg, &ev); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ev.Summary())
	fmt.Printf("CAMEO %s, Goldstein %+.1f, trigger %q\n", ev.CAMEO.Code, ev.CAMEO.Goldstein, ev.Evidence.Trigger.Text)
	// Output:
	// CONSULT/visit Steve Witkoff (USA GOV) → Vladimir Putin (RUS GOV) @ Moscow 2025-04-11
	// CAMEO 042, Goldstein +1.9, trigger "met"
}
