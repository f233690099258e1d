package event_test

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsflow/newsflow/pipeline/event"
)

const draft2020 = "https://json-schema.org/draft/2020-12/schema"

// obj is a JSON object as jsonschema.UnmarshalJSON decodes it.
type obj = map[string]any

// schemaDoc returns the decoded schema file name of event.SchemaFiles.
func schemaDoc(t *testing.T, name string) obj {
	t.Helper()
	b, err := fs.ReadFile(event.SchemaFiles(), name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	m, ok := doc.(obj)
	if !ok {
		t.Fatalf("%s is a JSON %T, not an object", name, doc)
	}
	return m
}

// compileSchema compiles the JSON Schema document b as draft 2020-12 with
// format assertions on (a date-time must be one), and without any loader:
// a document that refers to anything outside itself fails.
func compileSchema(b []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	m, _ := doc.(obj)
	id, _ := m["$id"].(string)
	if id == "" {
		return nil, errors.New("no $id")
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(jsonschema.SchemeURLLoader{})
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	return c.Compile(id)
}

// publishedSchema compiles the schema event.Schema gives for name.
func publishedSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	b, ok := event.Schema(name)
	if !ok {
		t.Fatalf("Schema(%q) found nothing", name)
	}
	sch, err := compileSchema(b)
	if err != nil {
		t.Fatalf("Schema(%q) does not compile: %v", name, err)
	}
	return sch
}

func schemaFileNames(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(event.SchemaFiles(), "*")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestSchemaFilesCompile(t *testing.T) {
	names := schemaFileNames(t)
	want := []string{event.ArticleInSchemaFile, event.ArticleSchemaFile, event.DuplicateSchemaFile, event.CodedSchemaFile}
	if !slices.Equal(names, want) {
		t.Errorf("SchemaFiles() holds %q; want %q", names, want)
	}
	ids := make(map[string]string)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			doc := schemaDoc(t, name)
			if got := doc["$schema"]; got != draft2020 {
				t.Errorf("%s: $schema = %v; want %s", name, got, draft2020)
			}
			id, _ := doc["$id"].(string)
			if other, ok := ids[id]; ok {
				t.Errorf("%s: $id %q is %s's too", name, id, other)
			}
			ids[id] = name
			b, _ := fs.ReadFile(event.SchemaFiles(), name)
			if _, err := compileSchema(b); err != nil {
				t.Errorf("compile %s: %v", name, err)
			}
		})
	}
}

func TestSchemaLookup(t *testing.T) {
	tests := []struct {
		name string
		file string // "" when Schema must find nothing
	}{
		{event.ArticleSchema, event.ArticleSchemaFile},
		{event.DuplicateSchema, event.DuplicateSchemaFile},
		{"", ""},
		{"newsflow.article.v2", ""},
		{event.CodedSchema, event.CodedSchemaFile},
		{"newsflow.event.v2", ""},
		{"newsflow.article-in", ""},
		{"NEWSFLOW.ARTICLE.V1", ""},
		{event.ArticleInSchemaFile, ""},
		{event.ArticleSchemaFile, ""},
		{"../" + event.ArticleSchemaFile, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := event.Schema(tt.name)
			if tt.file == "" {
				if ok || got != nil {
					t.Errorf("Schema(%q) = %d bytes, %v; want nil, false", tt.name, len(got), ok)
				}
				return
			}
			want, err := fs.ReadFile(event.SchemaFiles(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || !bytes.Equal(got, want) {
				t.Errorf("Schema(%q) = %d bytes, %v; want %s (%d bytes), true", tt.name, len(got), ok, tt.file, len(want))
			}
			// The document names the record it describes.
			doc := schemaDoc(t, tt.file)
			if c := at(doc, "properties", "schema", "const"); c != tt.name {
				t.Errorf("%s: properties.schema.const = %v; want %q", tt.file, c, tt.name)
			}
			if id, _ := doc["$id"].(string); !strings.HasSuffix(id, ":"+tt.name) {
				t.Errorf("%s: $id = %q; want it to end in :%s", tt.file, id, tt.name)
			}
		})
	}
}

// sharedDefs are the $defs of the published records that describe the same
// Go type, and the files that must have them: every file that has one must
// have the same one.
var sharedDefs = map[string][]string{
	"language": {event.ArticleSchemaFile, event.DuplicateSchemaFile},
	"dedup":    {event.ArticleSchemaFile, event.DuplicateSchemaFile},
	"warning":  {event.ArticleSchemaFile, event.DuplicateSchemaFile},
	"pipeline": {event.ArticleSchemaFile, event.DuplicateSchemaFile},
	"metadata": {event.ArticleSchemaFile, event.DuplicateSchemaFile},
	// An article event carries its coded events.
	"coding":         {event.ArticleSchemaFile, event.CodedSchemaFile},
	"cameo":          {event.ArticleSchemaFile, event.CodedSchemaFile},
	"party":          {event.ArticleSchemaFile, event.CodedSchemaFile},
	"event_location": {event.ArticleSchemaFile, event.CodedSchemaFile},
	"modality":       {event.ArticleSchemaFile, event.CodedSchemaFile},
	"evidence":       {event.ArticleSchemaFile, event.CodedSchemaFile},
}

func TestSchemaSharedDefsAgree(t *testing.T) {
	docs := make(map[string]obj)
	for _, name := range schemaFileNames(t) {
		docs[name] = schemaDoc(t, name)
	}
	for def, published := range sharedDefs {
		t.Run(def, func(t *testing.T) {
			var first string
			var want any
			for _, name := range schemaFileNames(t) {
				got := at(docs[name], "$defs", def)
				if got == nil {
					if slices.Contains(published, name) {
						t.Errorf("%s has no $defs/%s", name, def)
					}
					continue
				}
				if want == nil {
					first, want = name, got
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("$defs/%s of %s = %v; want %s's %v", def, name, got, first, want)
				}
			}
		})
	}
}

// TestSchemaMatchesTypes checks each object a schema describes against the
// Go type that encodes it: the same properties, and required exactly when
// the field is not omitempty (the encoder always writes it).
func TestSchemaMatchesTypes(t *testing.T) {
	tests := []struct {
		file string
		path []string // to the object schema in file
		typ  any
	}{
		{event.ArticleInSchemaFile, nil, event.Article{}},
		{event.ArticleSchemaFile, nil, event.ArticleEvent{}},
		{event.DuplicateSchemaFile, nil, event.DuplicateNotice{}},
		{event.ArticleSchemaFile, []string{"$defs", "language"}, event.Language{}},
		{event.ArticleSchemaFile, []string{"$defs", "dedup"}, event.Dedup{}},
		{event.ArticleSchemaFile, []string{"$defs", "warning"}, event.Warning{}},
		{event.ArticleSchemaFile, []string{"$defs", "pipeline"}, event.PipelineInfo{}},
		{event.ArticleSchemaFile, []string{"$defs", "pipeline", "properties", "timings", "items"}, event.StageTiming{}},
		{event.ArticleSchemaFile, []string{"$defs", "pipeline", "properties", "input"}, event.InputRef{}},
		{event.ArticleSchemaFile, []string{"$defs", "entity"}, event.Entity{}},
		{event.ArticleSchemaFile, []string{"$defs", "entity", "properties", "geo"}, event.Geo{}},
		{event.ArticleSchemaFile, []string{"$defs", "entity", "properties", "mentions", "items"}, event.Mention{}},
		{event.ArticleSchemaFile, []string{"$defs", "date"}, event.DateRef{}},
		{event.ArticleSchemaFile, []string{"$defs", "quote"}, event.Quote{}},
		{event.CodedSchemaFile, nil, event.CodedEvent{}},
		{event.CodedSchemaFile, []string{"$defs", "coding"}, event.Coding{}},
		{event.CodedSchemaFile, []string{"$defs", "cameo"}, event.CAMEO{}},
		{event.CodedSchemaFile, []string{"$defs", "party"}, event.Party{}},
		{event.CodedSchemaFile, []string{"$defs", "event_location"}, event.EventLocation{}},
		{event.CodedSchemaFile, []string{"$defs", "modality"}, event.Modality{}},
		{event.CodedSchemaFile, []string{"$defs", "evidence"}, event.Evidence{}},
		{event.CodedSchemaFile, []string{"$defs", "evidence", "properties", "trigger"}, event.Trigger{}},
	}
	for _, tt := range tests {
		typ := reflect.TypeOf(tt.typ)
		t.Run(typ.Name(), func(t *testing.T) {
			path := make([]any, len(tt.path))
			for i, p := range tt.path {
				path[i] = p
			}
			s, _ := at(schemaDoc(t, tt.file), path...).(obj)
			if s == nil {
				t.Fatalf("%s has no %s", tt.file, strings.Join(tt.path, "/"))
			}
			props, _ := s["properties"].(obj)
			var required []string
			for _, r := range asSlice(s["required"]) {
				required = append(required, r.(string))
			}
			var wantProps, wantRequired []string
			for f := range typ.Fields() {
				if f.Anonymous {
					continue // an embedded struct: its own $defs entry says its fields
				}
				name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
				wantProps = append(wantProps, name)
				if !strings.Contains(opts, "omitempty") {
					wantRequired = append(wantRequired, name)
				}
			}
			gotProps := slices.Sorted(maps.Keys(props))
			slices.Sort(wantProps)
			slices.Sort(required)
			slices.Sort(wantRequired)
			where := tt.file + " " + strings.Join(tt.path, "/")
			if !slices.Equal(gotProps, wantProps) {
				t.Errorf("properties of %s = %q; want %s's fields %q", where, gotProps, typ, wantProps)
			}
			if !slices.Equal(required, wantRequired) {
				t.Errorf("required of %s = %q; want %s's fields without omitempty %q", where, required, typ, wantRequired)
			}
		})
	}
}

// TestSchemaEnumsMatchConstants checks the enums of the schemas against
// the constants of this package that fill them.
func TestSchemaEnumsMatchConstants(t *testing.T) {
	article := schemaDoc(t, event.ArticleSchemaFile)
	duplicate := schemaDoc(t, event.DuplicateSchemaFile)
	tests := []struct {
		name string
		got  any
		want []string
	}{
		{"entity type", at(article, "$defs", "entity", "properties", "type", "enum"), []string{event.TypePerson, event.TypeOrganization, event.TypeLocation}},
		{"dedup kind", at(article, "$defs", "dedup", "properties", "kind", "enum"), []string{event.DedupOriginal, event.DedupExact, event.DedupNear}},
		{"article dedup kind", []any{at(article, "properties", "dedup", "properties", "kind", "const")}, []string{event.DedupOriginal}},
		{"duplicate dedup kind", at(duplicate, "properties", "dedup", "properties", "kind", "enum"), []string{event.DedupExact, event.DedupNear}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range asSlice(tt.got) {
				s, _ := v.(string)
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s enum = %q; want %q", tt.name, got, tt.want)
			}
		})
	}
}

// validArticleEvent is an article event as the pipeline makes one, built by
// hand: every offset exact.
func validArticleEvent() event.ArticleEvent {
	text := "Putin met Witkoff in Moscow on Friday. “We talked for hours,” Witkoff said."
	span := func(s string, from int) (int, int) {
		i := from + strings.Index(text[from:], s)
		return i, i + len(s)
	}
	putin, putinEnd := span("Putin", 0)
	witkoff, witkoffEnd := span("Witkoff", 0)
	witkoff2, witkoff2End := span("Witkoff", witkoffEnd)
	moscow, moscowEnd := span("Moscow", 0)
	friday, fridayEnd := span("Friday", 0)
	quote, quoteEnd := span("We talked for hours,", 0)
	return event.ArticleEvent{
		Schema:          event.ArticleSchema,
		ID:              "a1",
		Title:           "Putin meets Witkoff",
		URL:             "https://example.org/a1",
		Source:          "demo",
		Authors:         []string{"A. Writer"},
		PublishedAt:     time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC),
		PublishedSource: "input",
		Metadata:        map[string]string{"desk": "world"},
		Language:        event.Language{Code: "en", Confidence: 0.97, Method: "detected"},
		Text:            text,
		WordCount:       13,
		Entities: []event.Entity{
			{ID: "e1", Name: "Vladimir Putin", Type: event.TypePerson, Country: "RU", Mentions: []event.Mention{{Text: "Putin", Start: putin, End: putinEnd}}, Salience: 0.5},
			{ID: "e2", Name: "Steve Witkoff", Type: event.TypePerson, Country: "US", Role: "special envoy", Mentions: []event.Mention{
				{Text: "Witkoff", Start: witkoff, End: witkoffEnd},
				{Text: "Witkoff", Start: witkoff2, End: witkoff2End, Sentence: 1},
			}, Salience: 1},
			{ID: "e3", Name: "Moscow", Type: event.TypeLocation, Country: "RU", Geo: &event.Geo{Lat: 55.752, Lon: 37.618, GeoNamesID: 524901},
				Mentions: []event.Mention{{Text: "Moscow", Start: moscow, End: moscowEnd}}, Salience: 0.5},
		},
		Dates:  []event.DateRef{{Text: "Friday", Value: "2025-04-11", Granularity: "day", Start: friday, End: fridayEnd}},
		Quotes: []event.Quote{{Text: "We talked for hours,", Speaker: "e2", SpeakerName: "Steve Witkoff", Verb: "said", Start: quote, End: quoteEnd}},
		Dedup:  &event.Dedup{Fingerprint: "0123456789abcdef", ClusterID: "a1", ClusterSize: 1, Kind: event.DedupOriginal},
		Pipeline: event.PipelineInfo{
			Version:    "test",
			ReceivedAt: time.Date(2025, 4, 12, 9, 0, 1, 500, time.UTC),
			Timings:    []event.StageTiming{{Stage: "clean", Micros: 120}, {Stage: "extract", Micros: 340}},
			Input:      &event.InputRef{Subject: "articles.demo", Stream: "ARTICLES", Sequence: 7},
		},
	}
}

// validDuplicateNotice is the notice of a copy of validArticleEvent.
func validDuplicateNotice() event.DuplicateNotice {
	return event.DuplicateNotice{
		Schema:      event.DuplicateSchema,
		ID:          "a2",
		Title:       "Putin meets Witkoff",
		Source:      "other",
		PublishedAt: time.Date(2025, 4, 12, 11, 0, 0, 0, time.FixedZone("CEST", 2*3600)),
		Language:    event.Language{Code: "en", Confidence: 0.97, Method: "detected"},
		WordCount:   13,
		Dedup:       event.Dedup{Fingerprint: "0123456789abcdef", ClusterID: "a1", ClusterSize: 2, Kind: event.DedupExact, Similarity: 1, Of: "a1"},
		Warnings:    []event.Warning{{Stage: "clean", Message: "a warning"}},
		Pipeline: event.PipelineInfo{
			Version:    "test",
			ReceivedAt: time.Date(2025, 4, 12, 9, 5, 0, 0, time.UTC),
			Timings:    []event.StageTiming{{Stage: "dedup", Micros: 0}},
		},
	}
}

// TestSchemaValidatesExamples validates the records this package shows:
// the message of ExampleArticleEvent, and the worked example of an article
// in, read in place from ../shared.
func TestSchemaValidatesExamples(t *testing.T) {
	seed, err := os.ReadFile("../../../shared/examples/seed-article.json")
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	b, _ := fs.ReadFile(event.SchemaFiles(), event.ArticleInSchemaFile)
	articleIn, err := compileSchema(b)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		sch  *jsonschema.Schema
		data []byte
	}{
		{"ExampleArticleEvent", publishedSchema(t, event.ArticleSchema), articleEventMsg},
		{"seed-article.json", articleIn, seed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.sch.Validate(inst); err != nil {
				t.Errorf("Validate(%s) = %v; want nil", tt.name, err)
			}
		})
	}
}

// corruption is a change to a valid record that its schema must reject,
// and where: the JSON pointer of the value the validator must blame.
type corruption struct {
	name   string
	where  string
	mutate func(obj)
}

func TestSchemaValidatesArticleEvent(t *testing.T) {
	ev := validArticleEvent()
	data, err := ev.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	valid := []variant{
		{"only required fields", func(m obj) {
			for _, k := range []string{"title", "url", "source", "authors", "site_name", "canonical_url", "metadata", "entities", "dates", "quotes", "dedup", "warnings"} {
				delete(m, k)
			}
			delete(m["language"].(obj), "method")
			delete(m["pipeline"].(obj), "input")
		}},
		{"country without position", func(m obj) {
			e := elem(m, "entities", 2)
			e["name"], e["country"], e["geo"] = "Russia", "RU", obj{"lat": 0, "lon": 0, "geonames_id": 2017370}
		}},
		{"week", func(m obj) { d := elem(m, "dates", 0); d["value"], d["granularity"] = "2025-W15", "week" }},
		{"year", func(m obj) { d := elem(m, "dates", 0); d["value"], d["granularity"] = "2025", "year" }},
		{"undetermined language", func(m obj) { m["language"] = obj{"code": "und", "confidence": 0, "method": "detected"} }},
		{"three-letter language", func(m obj) { m["language"] = obj{"code": "fil", "confidence": 1, "method": "input"} }},
		{"no timings", func(m obj) { m["pipeline"].(obj)["timings"] = nil }},
		{"published in a zone", func(m obj) { m["published_at"] = "2025-04-12T09:00:00.123456789+14:00" }},
		{"quote without speaker", func(m obj) { q := elem(m, "quotes", 0); delete(q, "speaker"); delete(q, "verb") }},
		{"empty metadata value", func(m obj) { m["metadata"] = obj{"": ""} }},
	}
	testRecord(t, event.ArticleSchema, data, valid, []corruption{
		{"wrong schema const", "/schema", func(m obj) { m["schema"] = event.DuplicateSchema }},
		{"unversioned schema", "/schema", func(m obj) { m["schema"] = "newsflow.article" }},
		{"no text", "", func(m obj) { delete(m, "text") }},
		{"no published_at_source", "", func(m obj) { delete(m, "published_at_source") }},
		{"no mention sentence", "/entities/0/mentions/0", func(m obj) { delete(elem(elem(m, "entities", 0), "mentions", 0), "sentence") }},
		{"unknown field", "", func(m obj) { m["body"] = "the raw body" }},
		{"unknown entity field", "/entities/1", func(m obj) { elem(m, "entities", 1)["wikidata"] = "Q1" }},
		{"entity type PERSON", "/entities/0/type", func(m obj) { elem(m, "entities", 0)["type"] = "PERSON" }},
		{"alpha-3 country", "/entities/0/country", func(m obj) { elem(m, "entities", 0)["country"] = "RUS" }},
		{"no mentions", "/entities/0/mentions", func(m obj) { elem(m, "entities", 0)["mentions"] = []any{} }},
		{"zero salience", "/entities/0/salience", func(m obj) { elem(m, "entities", 0)["salience"] = 0 }},
		{"latitude 91", "/entities/2/geo/lat", func(m obj) { at(elem(m, "entities", 2), "geo").(obj)["lat"] = 91 }},
		{"negative offset", "/entities/0/mentions/0/start", func(m obj) { elem(elem(m, "entities", 0), "mentions", 0)["start"] = -1 }},
		{"fractional offset", "/quotes/0/end", func(m obj) { elem(m, "quotes", 0)["end"] = 1.5 }},
		{"date value Friday", "/dates/0/value", func(m obj) { elem(m, "dates", 0)["value"] = "Friday" }},
		{"date granularity hour", "/dates/0/granularity", func(m obj) { elem(m, "dates", 0)["granularity"] = "hour" }},
		{"day value at month granularity", "/dates/0/value", func(m obj) { elem(m, "dates", 0)["granularity"] = "month" }},
		{"week value at day granularity", "/dates/0/value", func(m obj) { elem(m, "dates", 0)["value"] = "2025-W15" }},
		{"published_at not a date-time", "/published_at", func(m obj) { m["published_at"] = "2025-04-12" }},
		{"received_at not a date-time", "/pipeline/received_at", func(m obj) { m["pipeline"].(obj)["received_at"] = "yesterday" }},
		{"language code en-US", "/language/code", func(m obj) { m["language"].(obj)["code"] = "en-US" }},
		{"dedup kind exact", "/dedup/kind", func(m obj) { m["dedup"].(obj)["kind"] = event.DedupExact }},
		{"short fingerprint", "/dedup/fingerprint", func(m obj) { m["dedup"].(obj)["fingerprint"] = "0123" }},
		{"metadata number", "/metadata/desk", func(m obj) { m["metadata"].(obj)["desk"] = 1 }},
		{"speaker by name", "/quotes/0/speaker", func(m obj) { elem(m, "quotes", 0)["speaker"] = "Steve Witkoff" }},
	})
}

func TestSchemaValidatesDuplicateNotice(t *testing.T) {
	n := validDuplicateNotice()
	data, err := n.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	valid := []variant{
		{"near copy", func(m obj) {
			d := m["dedup"].(obj)
			d["kind"], d["similarity"], d["of"], d["cluster_size"] = event.DedupNear, 0.64, "a7", 5
		}},
		{"no warnings", func(m obj) { delete(m, "warnings") }},
		{"from a stream", func(m obj) {
			m["pipeline"].(obj)["input"] = obj{"subject": "articles.demo", "stream": "ARTICLES", "seq": 9}
		}},
	}
	testRecord(t, event.DuplicateSchema, data, valid, []corruption{
		{"wrong schema const", "/schema", func(m obj) { m["schema"] = event.ArticleSchema }},
		{"kind original", "/dedup/kind", func(m obj) { m["dedup"].(obj)["kind"] = event.DedupOriginal }},
		{"no dedup", "", func(m obj) { delete(m, "dedup") }},
		{"no of", "/dedup", func(m obj) { delete(m["dedup"].(obj), "of") }},
		{"no pipeline", "", func(m obj) { delete(m, "pipeline") }},
		{"unknown field text", "", func(m obj) { m["text"] = "the article's text" }},
		{"entities", "", func(m obj) { m["entities"] = []any{} }},
		{"negative word count", "/word_count", func(m obj) { m["word_count"] = -1 }},
		{"zero cluster size", "/dedup/cluster_size", func(m obj) { m["dedup"].(obj)["cluster_size"] = 0 }},
		{"similarity above 1", "/dedup/similarity", func(m obj) { m["dedup"].(obj)["similarity"] = 1.5 }},
		{"published_at Friday", "/published_at", func(m obj) { m["published_at"] = "Friday" }},
		{"timing without us", "/pipeline/timings/0", func(m obj) { delete(elem(m["pipeline"].(obj), "timings", 0), "us") }},
		{"warning without message", "/warnings/0", func(m obj) { delete(elem(m, "warnings", 0), "message") }},
	})
}

// variant is a change to a valid record that keeps it valid: the schema
// must not be stricter than the records the pipeline makes.
type variant struct {
	name   string
	mutate func(obj)
}

// testRecord validates data against the schema named name, then each
// variant of it, which must pass, and each corruption, which must fail at
// its place.
func testRecord(t *testing.T, name string, data []byte, variants []variant, corruptions []corruption) {
	t.Helper()
	sch := publishedSchema(t, name)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("Validate(%s) = %v; want nil", data, err)
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data)) // a fresh copy
			v.mutate(inst.(obj))
			if err := sch.Validate(inst); err != nil {
				t.Errorf("Validate(%s record, %s) = %v; want nil", name, v.name, err)
			}
		})
	}
	for _, c := range corruptions {
		t.Run(c.name, func(t *testing.T) {
			inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data)) // a fresh copy
			c.mutate(inst.(obj))
			err := sch.Validate(inst)
			var verr *jsonschema.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Validate(%s record, %s) = %v; want a validation error", name, c.name, err)
			}
			if where := leafLocations(verr); !slices.Contains(where, c.where) {
				t.Errorf("Validate(%s record, %s) fails at %q; want at %q: %v", name, c.name, where, c.where, err)
			}
		})
	}
}

// leafLocations returns the JSON pointers of the values the innermost
// causes of err blame.
func leafLocations(err *jsonschema.ValidationError) []string {
	if len(err.Causes) == 0 {
		var b strings.Builder
		for _, tok := range err.InstanceLocation {
			b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
		}
		return []string{b.String()}
	}
	var out []string
	for _, c := range err.Causes {
		out = append(out, leafLocations(c)...)
	}
	return out
}

// at follows path (object keys and array indexes) from v; nil when there
// is nothing there.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(obj)
			v = m[k]
		case int:
			a := asSlice(v)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// elem is the i-th object of m's array key.
func elem(m obj, key string, i int) obj {
	return at(m, key, i).(obj)
}

func asSlice(v any) []any {
	a, _ := v.([]any)
	return a
}
