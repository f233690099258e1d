package event_test

import (
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/event"
)

// validCodedEvent is the seed article's visit, as the coder writes it.
func validCodedEvent() *event.CodedEvent {
	return &event.CodedEvent{
		Schema:      event.CodedSchema,
		ID:          "seed-1:event:1",
		ArticleID:   "seed-1",
		StoryID:     "seed-1",
		URL:         "https://example.com/witkoff-putin",
		Source:      "demo",
		PublishedAt: time.Date(2025, 4, 11, 18, 0, 0, 0, time.UTC),
		Language:    "en",
		Coding: event.Coding{
			Key:      "3f2a9c0d1e4b5a67",
			Type:     "CONSULT",
			Mode:     "visit",
			Contexts: []string{"diplomatic"},
			QuadCode: 1,
			CAMEO:    event.CAMEO{Code: "042", Root: "04", Goldstein: 1.9},
			Actors: []event.Party{{Entity: "e1", Text: "US special envoy Steve Witkoff", Name: "Steve Witkoff",
				Code: "USA", Sector: "GOV", Start: 0, End: 30}},
			Recipients: []event.Party{{Entity: "e2", Text: "Russian President Vladimir Putin", Name: "Vladimir Putin",
				Code: "RUS", Sector: "GOV", Start: 41, End: 73}},
			Location: &event.EventLocation{Entity: "e3", Text: "St. Petersburg", Name: "Saint Petersburg",
				Country: "RUS", GeoNamesID: 498817, Lat: 59.9386, Lon: 30.3141},
			Date: "2025-04-11", DatePrecision: "day", DateSource: event.DateFromText,
			Evidence:   event.Evidence{Sentence: 0, Start: 0, End: 105, Trigger: event.Trigger{Text: "met with", Start: 31, End: 39}},
			Confidence: 0.8,
		},
	}
}

func TestSchemaValidatesCodedEvent(t *testing.T) {
	e := validCodedEvent()
	data, err := e.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	testRecord(t, event.CodedSchema, data, []variant{
		{"no location", func(m obj) { delete(m, "location") }},
		{"no recipient", func(m obj) { m["recipient"] = []any{} }},
		{"party no entity", func(m obj) { delete(elem(m, "actor", 0), "entity") }},
		{"statement", func(m obj) {
			m["event"], m["quad_code"], m["cameo"] = "STATEMENT", 0, obj{"code": "010", "root": "01", "goldstein": 0}
		}},
		{"published date, month", func(m obj) {
			m["date"], m["date_precision"], m["date_source"] = "2025-04", "month", event.DateFromPublished
		}},
		{"no story", func(m obj) { delete(m, "story_id") }},
	}, []corruption{
		{"wrong schema const", "/schema", func(m obj) { m["schema"] = event.ArticleSchema }},
		{"unknown event", "/event", func(m obj) { m["event"] = "MEET" }},
		{"quad 5", "/quad_code", func(m obj) { m["quad_code"] = 5 }},
		{"short key", "/key", func(m obj) { m["key"] = "abc" }},
		{"id without event number", "/id", func(m obj) { m["id"] = "seed-1" }},
		{"alpha-2 code", "/actor/0/code", func(m obj) { elem(m, "actor", 0)["code"] = "US" }},
		{"negative offset", "/actor/0/start", func(m obj) { elem(m, "actor", 0)["start"] = -1 }},
		{"date Friday", "/date", func(m obj) { m["date"] = "Friday" }},
		{"date source guessed", "/date_source", func(m obj) { m["date_source"] = "guessed" }},
		{"modality missing future", "/modality", func(m obj) { delete(m["modality"].(obj), "future") }},
		{"trigger without text", "/evidence/trigger", func(m obj) { delete(m["evidence"].(obj)["trigger"].(obj), "text") }},
		{"goldstein 11", "/cameo/goldstein", func(m obj) { m["cameo"].(obj)["goldstein"] = 11 }},
		{"confidence 2", "/confidence", func(m obj) { m["confidence"] = 2 }},
		{"unknown field", "/entities", func(m obj) { m["entities"] = []any{} }},
		{"no actor", "", func(m obj) { delete(m, "actor") }},
		{"no article id", "", func(m obj) { delete(m, "article_id") }},
	})
}

// TestSchemaValidatesArticleEvents checks an article event that carries
// its coded events: the coding alone, no article fields repeated.
func TestSchemaValidatesArticleEvents(t *testing.T) {
	a := validArticleEvent()
	a.Events = []event.Coding{validCodedEvent().Coding}
	data, err := a.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	testRecord(t, event.ArticleSchema, data, nil, []corruption{
		{"article field repeated", "/events/0/article_id", func(m obj) { elem(m, "events", 0)["article_id"] = "seed-1" }},
		{"unknown event", "/events/0/event", func(m obj) { elem(m, "events", 0)["event"] = "MEET" }},
	})
}

func TestCodingSummary(t *testing.T) {
	putin := event.Party{Name: "Vladimir Putin", Code: "RUS", Sector: "GOV"}
	trump := event.Party{Name: "Donald Trump", Code: "USA"}
	crowd := event.Party{Name: "protesters", Sector: "CVL"}
	tests := []struct {
		name string
		c    event.Coding
		want string
	}{
		{"seed", validCodedEvent().Coding,
			"CONSULT/visit Steve Witkoff (USA GOV) → Vladimir Putin (RUS GOV) @ Saint Petersburg 2025-04-11"},
		{"compound actor, published date", event.Coding{Type: "CONSULT", Mode: "phone",
			Actors: []event.Party{putin, trump}, Date: "2025-04-12", DateSource: event.DateFromPublished},
			"CONSULT/phone Vladimir Putin (RUS GOV) and Donald Trump (USA) ~2025-04-12"},
		{"no recipient, modality", event.Coding{Type: "PROTEST", Actors: []event.Party{crowd},
			Date: "2025-04", DateSource: event.DateFromText, Modality: event.Modality{Negated: true, Future: true}},
			"PROTEST protesters (CVL) 2025-04 [negated future]"},
		{"nobody", event.Coding{Type: "ASSAULT"}, "ASSAULT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Summary(); got != tt.want {
				t.Errorf("Summary() = %q; want %q", got, tt.want)
			}
		})
	}
}
