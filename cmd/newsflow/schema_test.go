package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/config"
	"github.com/newsflow/newsflow/pipeline/event"
)

// compileSchema compiles the JSON Schema document b as draft 2020-12, with
// format assertions on (a date-time must be one) and no loader: the
// document must stand alone.
func compileSchema(t testing.TB, b []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := doc.(map[string]any)
	id, _ := m["$id"].(string)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(jsonschema.SchemeURLLoader{})
	if err := c.AddResource(id, doc); err != nil {
		t.Fatalf("schema %q: %v", id, err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("schema %q: %v", id, err)
	}
	return sch
}

// eventSchemas are the compiled schemas of the published records, by the
// name their "schema" field carries.
type eventSchemas map[string]*jsonschema.Schema

func newEventSchemas(t testing.TB) eventSchemas {
	t.Helper()
	s := make(eventSchemas)
	for _, name := range []string{event.ArticleSchema, event.DuplicateSchema, event.CodedSchema} {
		b, ok := event.Schema(name)
		if !ok {
			t.Fatalf("event.Schema(%q) found nothing", name)
		}
		s[name] = compileSchema(t, b)
	}
	return s
}

// validate validates an output against the schema its "schema" field
// names, and returns that name.
func (s eventSchemas) validate(data []byte) (string, error) {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	m, _ := inst.(map[string]any)
	name, _ := m["schema"].(string)
	sch, ok := s[name]
	if !ok {
		return name, fmt.Errorf("no published schema %q", name)
	}
	return name, sch.Validate(inst)
}

// subjectSchemas is the record each subject prefix carries.
var subjectSchemas = map[string]string{
	"events.article.":   event.ArticleSchema,
	"events.duplicate.": event.DuplicateSchema,
	"events.coded.":     event.CodedSchema,
}

// checkSubject reports whether an output of schema name may go out on
// subject.
func checkSubject(subject, name string) error {
	for prefix, want := range subjectSchemas {
		if strings.HasPrefix(subject, prefix) {
			if name != want {
				return fmt.Errorf("a %s record on %s; want %s there", name, subject, want)
			}
			return nil
		}
	}
	return fmt.Errorf("a %s record on %s, not an event subject", name, subject)
}

// schemaInput is an article for the pipeline of `newsflow process`, and
// what must come of it.
type schemaInput struct {
	name    string
	data    []byte
	subject string // of the output
}

// schemaInputs are the seed article, a copy of it under another id with a
// byline (a duplicate notice), an article whose headline codes an event,
// and every input of testdata/bad that must become an event, in that
// order.
func schemaInputs(t *testing.T) []schemaInput {
	t.Helper()
	seed := seedArticle(t)
	var a map[string]any
	if err := json.Unmarshal(seed, &a); err != nil {
		t.Fatal(err)
	}
	a["id"] = "seed-witkoff-putin-copy"
	a["source"] = "syndicated"
	a["authors"] = []string{"Staff Reporter"}
	a["body"] = "By Staff Reporter\n\n" + a["body"].(string)
	copied, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	in := []schemaInput{
		{"seed", seed, "events.article.en"},
		{"seed copy", copied, "events.duplicate.en"},
		// An event of the headline, its evidence in the title.
		{"headline", []byte(`{"id":"headline","title":"Kenyan Police Arrest Protesters in Nairobi","body":"The crowd dispersed by noon.","language":"en"}`), "events.article.en"},
	}
	files, err := filepath.Glob("testdata/bad/ok--*")
	if err != nil || len(files) == 0 {
		t.Fatalf("testdata/bad/ok--*: %v, %d files", err, len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, schemaInput{filepath.Base(f), data, ""})
	}
	return in
}

// processAll runs inputs, in order, through one handler of `newsflow
// process` (dedup state in memory) and returns the subject and data of
// each output.
func processAll(t *testing.T, inputs []schemaInput) (subjects []string, outputs [][]byte) {
	t.Helper()
	h, err := config.Default().NewHandler(prometheus.NewRegistry(), slog.New(slog.DiscardHandler), "test")
	if err != nil {
		t.Fatal(err)
	}
	msgTime := time.Date(2025, 4, 12, 10, 0, 0, 0, time.UTC)
	for _, in := range inputs {
		d, err := h.Process(t.Context(), in.data, msgTime)
		if err != nil {
			t.Fatalf("Process(%s) = %v; want an event", in.name, err)
		}
		out, err := h.Output(d, &event.InputRef{Subject: "articles.test", Stream: "ARTICLES", Sequence: uint64(len(outputs) + 1)})
		if err != nil {
			t.Fatalf("Output(Process(%s)) = %v", in.name, err)
		}
		subjects, outputs = append(subjects, out.Subject), append(outputs, out.Data)
	}
	return subjects, outputs
}

// TestSchemaValidatesOutputs runs real articles through the stages of
// `newsflow process` and validates each output against the schema its
// "schema" field names; an article event and a duplicate notice are both
// among them.
func TestSchemaValidatesOutputs(t *testing.T) {
	schemas := newEventSchemas(t)
	articleIn := compileSchema(t, readSchemaFile(t, event.ArticleInSchemaFile))
	inputs := schemaInputs(t)
	subjects, outputs := processAll(t, inputs)
	for i, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			// What the pipeline accepted, the input schema accepts.
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(in.data))
			if err != nil {
				t.Fatalf("input %s: %v", in.name, err)
			}
			if err := articleIn.Validate(inst); err != nil {
				t.Errorf("validate input %s against %s = %v; want nil", in.name, event.ArticleInSchemaFile, err)
			}

			subject, data := subjects[i], outputs[i]
			if in.subject != "" && subject != in.subject {
				t.Errorf("Output(%s).Subject = %s; want %s", in.name, subject, in.subject)
			}
			name, err := schemas.validate(data)
			if err != nil {
				t.Errorf("validate(Output(%s)) = %v; want nil\n%s", in.name, err, data)
			}
			if err := checkSubject(subject, name); err != nil {
				t.Errorf("Output(%s): %v", in.name, err)
			}
			if in.name == "headline" && !bytes.Contains(data, []byte(`"field":"title"`)) {
				t.Errorf("Output(%s) has no event of the headline:\n%s", in.name, data)
			}
		})
	}
}

// TestSchemaRejectsCorruptedOutput proves the validation of real outputs
// can fail: each corruption of the seed's article event is rejected.
func TestSchemaRejectsCorruptedOutput(t *testing.T) {
	schemas := newEventSchemas(t)
	_, outputs := processAll(t, schemaInputs(t)[:2])
	tests := []struct {
		name   string
		record int // index in outputs: 0 the article event, 1 the duplicate notice
		mutate func(map[string]any)
	}{
		{"entity type PERSON", 0, func(m map[string]any) { entityOf(m, 0)["type"] = "PERSON" }},
		{"no text", 0, func(m map[string]any) { delete(m, "text") }},
		{"no entity mentions", 0, func(m map[string]any) { delete(entityOf(m, 0), "mentions") }},
		{"negative mention offset", 0, func(m map[string]any) {
			entityOf(m, 0)["mentions"].([]any)[0].(map[string]any)["start"] = -1
		}},
		{"date value Friday", 0, func(m map[string]any) { m["dates"].([]any)[0].(map[string]any)["value"] = "Friday" }},
		{"raw body added", 0, func(m map[string]any) { m["body"] = "the raw body" }},
		{"published_at not a date-time", 0, func(m map[string]any) { m["published_at"] = "2025-04-12 09:00" }},
		{"dedup kind original", 1, func(m map[string]any) { m["dedup"].(map[string]any)["kind"] = "original" }},
		{"duplicate with text", 1, func(m map[string]any) { m["text"] = "the text" }},
		{"duplicate named article", 1, func(m map[string]any) { m["schema"] = event.ArticleSchema }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(outputs[tt.record], &m); err != nil {
				t.Fatal(err)
			}
			tt.mutate(m)
			data, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			name, err := schemas.validate(data)
			var verr *jsonschema.ValidationError
			if !errors.As(err, &verr) {
				t.Errorf("validate(seed output %d with %s) = %s, %v; want a validation error", tt.record, tt.name, name, err)
			}
		})
	}
}

// entityOf is the i-th entity of a decoded article event.
func entityOf(m map[string]any, i int) map[string]any {
	return m["entities"].([]any)[i].(map[string]any)
}

func readSchemaFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(event.SchemaFiles(), name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
