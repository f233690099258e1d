package pipelinetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/newsflow/newsflow/pipeline"
)

// Feature is something a stage declares about itself that changes what
// the conformance checks may expect of it.
type Feature int

const (
	// Stateful declares a stage whose answer may depend on the articles it
	// has processed before, such as a duplicate detector: the first article
	// with a text is an original, the next one with it a copy. Such a stage
	// is not checked for determinism; it must instead answer a redelivery
	// (a Doc processed again with the same ID and content, nothing
	// processed in between) exactly as it answered the first delivery, for
	// JetStream redelivers every message whose acknowledgement was lost,
	// and a redelivered original must not become a copy of itself.
	Stateful Feature = iota + 1
)

// String returns the name of the feature.
func (f Feature) String() string {
	switch f {
	case Stateful:
		return "Stateful"
	}
	return fmt.Sprintf("Feature(%d)", int(f))
}

// TestStage runs the checks of the stage contract on s as subtests, one
// per check, on Docs made by newDocs. Each stage's own tests call it; see
// [CheckStage] for the checks and for what newDocs must return.
func TestStage(t *testing.T, s pipeline.Stage, newDocs func() []*pipeline.Doc, features ...Feature) {
	t.Helper()
	cs, err := checksFor(features)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		t.Run(c.name, func(t *testing.T) {
			for _, err := range c.run(t.Context(), s, newDocs) {
				t.Error(err)
			}
		})
	}
}

// CheckStage checks that s keeps the [pipeline.Stage] contract, on Docs
// made by newDocs, and returns every violation found, joined with
// [errors.Join], each prefixed with the name of its check:
//
//   - Name: Name is non-empty and stable.
//   - Deterministic: the same input gives the same Doc and the same
//     failure or success, whatever was processed before. A [Stateful]
//     stage is checked for Redelivered instead.
//   - Redelivered ([Stateful] stages only): a Doc processed a second time,
//     right after the first, gets the same answer.
//   - OnlyAdds: input fields that held a value are unchanged (empty ones
//     may be filled, as cleaning fills a title from HTML), and warnings
//     already on the Doc stay. A Doc that Process rejects is not checked.
//   - Concurrent: Process is safe for concurrent calls. Only the race
//     detector sees most violations: run the tests with -race.
//   - Cancelled: Process returns when its context is already cancelled;
//     any result is allowed.
//
// A panic in Process is a violation too: the runtime recovers from it, but
// it is a bug all the same.
//
// newDocs is called at least once per check, and must return fresh Docs
// with the same content each time, so that no check sees another's work.
// The Docs should cover what the stage must cope with: typical articles,
// empty and odd ones, and, for a Stateful stage, ones that relate to each
// other (a copy of an earlier one). The checks run in the order above, so
// that a Stateful stage meets each Doc for the first time in Redelivered:
// give CheckStage a stage that has processed none of them.
//
// CheckStage serves where there is no [testing.T], such as a harness of
// its own; in a test, [TestStage] reports each check as a subtest.
func CheckStage(s pipeline.Stage, newDocs func() []*pipeline.Doc, features ...Feature) error {
	cs, err := checksFor(features)
	if err != nil {
		return err
	}
	var errs []error
	for _, c := range cs {
		for _, err := range c.run(context.Background(), s, newDocs) {
			errs = append(errs, fmt.Errorf("%s: %w", c.name, err))
		}
	}
	return errors.Join(errs...)
}

// check is one clause of the stage contract.
type check struct {
	name string
	fn   func(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc)
}

// run runs c on s and returns the violations found.
func (c check) run(ctx context.Context, s pipeline.Stage, newDocs func() []*pipeline.Doc) []error {
	r := &checkRun{s: s}
	c.fn(ctx, r, newDocs)
	return r.errs
}

// checksFor returns the checks of a stage with features, in the order they
// run.
func checksFor(features []Feature) ([]check, error) {
	var stateful bool
	for _, f := range features {
		switch f {
		case Stateful:
			stateful = true
		default:
			return nil, fmt.Errorf("pipelinetest: unknown %v", f)
		}
	}
	cs := []check{{"Name", checkName}}
	if stateful {
		cs = append(cs, check{"Redelivered", checkRedelivered})
	} else {
		cs = append(cs, check{"Deterministic", checkDeterministic})
	}
	return append(cs,
		check{"OnlyAdds", checkOnlyAdds},
		check{"Concurrent", checkConcurrent},
		check{"Cancelled", checkCancelled},
	), nil
}

// checkRun collects the violations one check finds.
type checkRun struct {
	s pipeline.Stage

	mu   sync.Mutex
	errs []error
}

func (r *checkRun) errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Errorf(format, args...))
}

// errPanicked is what process returns for a call that panicked, once the
// panic is recorded as a violation.
var errPanicked = errors.New("panicked")

// process calls s.Process on d with ctx. A panic is recorded as a
// violation and returned as errPanicked.
func (r *checkRun) process(ctx context.Context, i int, d *pipeline.Doc) (err error) {
	defer func() {
		if v := recover(); v != nil {
			r.errorf("%s: Process panicked: %v\n%s", label(i, d), v, debug.Stack())
			err = errPanicked
		}
	}()
	return r.s.Process(ctx, d)
}

// same records a violation, described by what, when a later answer (got,
// gotErr) to an input differs from the first (want, wantErr).
func (r *checkRun) same(i int, what string, got, want *pipeline.Doc, gotErr, wantErr error) {
	if errors.Is(gotErr, errPanicked) || errors.Is(wantErr, errPanicked) {
		return // recorded already
	}
	if (gotErr == nil) != (wantErr == nil) {
		r.errorf("%s: %s: Process = %v, then %v", label(i, want), what, wantErr, gotErr)
		return
	}
	if diff := fieldDiff(got, want); diff != "" {
		r.errorf("%s: %s:%s", label(i, want), what, diff)
	}
}

func checkName(_ context.Context, r *checkRun, _ func() []*pipeline.Doc) {
	// Called twice: a name made afresh on each call must come out the same.
	n1, n2 := r.s.Name(), r.s.Name()
	if n1 == "" || n1 != n2 {
		r.errorf("Name() = %q, then %q; want a stable, non-empty name", n1, n2)
	}
}

func checkDeterministic(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc) {
	first, second := newDocs(), newDocs()
	if len(first) != len(second) {
		r.errorf("newDocs returned %d Docs, then %d; want the same Docs each time", len(first), len(second))
		return
	}
	errs := make([]error, len(first))
	for i, d := range first {
		errs[i] = r.process(ctx, i, d)
	}
	// The second run goes backwards, so that each Doc follows other Docs
	// than the first time: an answer that depends on what came before
	// shows.
	for i := len(second) - 1; i >= 0; i-- {
		err := r.process(ctx, i, second[i])
		r.same(i, "two runs on the same input differ", second[i], first[i], err, errs[i])
	}
}

func checkRedelivered(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc) {
	first, again := newDocs(), newDocs()
	if len(first) != len(again) {
		r.errorf("newDocs returned %d Docs, then %d; want the same Docs each time", len(first), len(again))
		return
	}
	for i := range first {
		err1 := r.process(ctx, i, first[i])
		err2 := r.process(ctx, i, again[i])
		r.same(i, "a redelivery got another answer than the first delivery", again[i], first[i], err2, err1)
	}
}

func checkOnlyAdds(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc) {
	for i, d := range newDocs() {
		d.Warn("earlier", "a warning from an earlier stage")
		before, lbl := inputs(d), label(i, d) // the ID too may be replaced
		if err := r.process(ctx, i, d); err != nil {
			continue // a rejected Doc may be left as it is
		}
		if diffs := before.changed(inputs(d)); len(diffs) > 0 {
			r.errorf("%s: Process replaced input fields:%s", lbl, strings.Join(diffs, ""))
		}
		if len(d.Warnings) == 0 || d.Warnings[0].Stage != "earlier" {
			r.errorf("%s: Process dropped an earlier warning: Warnings = %s; want the earlier one first", lbl, show(d.Warnings))
		}
	}
}

func checkConcurrent(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc) {
	var wg sync.WaitGroup
	for range 4 {
		for i, d := range newDocs() {
			wg.Go(func() { _ = r.process(ctx, i, d) })
		}
	}
	wg.Wait()
}

func checkCancelled(ctx context.Context, r *checkRun, newDocs func() []*pipeline.Doc) {
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for i, d := range newDocs() {
		_ = r.process(cancelled, i, d) // must return; any result is allowed
	}
}

// label names the i-th Doc in a violation.
func label(i int, d *pipeline.Doc) string {
	if d.ID == "" {
		return fmt.Sprintf("doc %d", i)
	}
	return fmt.Sprintf("doc %d (%q)", i, d.ID)
}

// fieldDiff describes the fields in which got differs from want, one line
// each, or returns "" when they are deeply equal.
func fieldDiff(got, want *pipeline.Doc) string {
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	var b strings.Builder
	for i := range g.NumField() {
		gf, wf := g.Field(i).Interface(), w.Field(i).Interface()
		if !reflect.DeepEqual(gf, wf) {
			fmt.Fprintf(&b, "\n\t%s = %s; want %s", g.Type().Field(i).Name, show(gf), show(wf))
		}
	}
	return b.String()
}

// maxShown bounds a value shown in a violation: a Doc's text can be long.
const maxShown = 300

// show formats v as JSON, which follows pointers and prints times
// legibly, cut at maxShown bytes.
func show(v any) string {
	b, err := json.Marshal(v)
	s := string(b)
	if err != nil {
		s = fmt.Sprintf("%+v", v)
	}
	if len(s) > maxShown {
		s = strings.ToValidUTF8(s[:maxShown], "") + "…"
	}
	return s
}

// docInputs are the fields of a Doc that a stage must not change once they
// hold a value; a stage may fill one that is empty (a title or authors from
// HTML, a publication time better than the message's).
type docInputs struct {
	ID, Body, ContentType, URL, Source, InputLanguage, Title string
	Authors                                                  []string
	Metadata                                                 map[string]string
	PublishedAt, ReceivedAt                                  any
}

func inputs(d *pipeline.Doc) docInputs {
	in := docInputs{
		ID: d.ID, Body: d.Body, ContentType: d.ContentType, URL: d.URL, Source: d.Source,
		InputLanguage: d.InputLanguage, Title: d.Title, Authors: d.Authors, Metadata: d.Metadata,
		ReceivedAt: d.ReceivedAt,
	}
	if d.PublishedSource == pipeline.PublishedFromInput {
		in.PublishedAt = d.PublishedAt
	}
	return in
}

// changed describes the fields of before that held a value and differ in
// after, one line each.
func (before docInputs) changed(after docInputs) []string {
	var diffs []string
	check := func(name string, was, is any, empty bool) {
		if !empty && !reflect.DeepEqual(was, is) {
			diffs = append(diffs, fmt.Sprintf("\n\t%s = %s; want %s", name, show(is), show(was)))
		}
	}
	check("ID", before.ID, after.ID, before.ID == "")
	check("Body", before.Body, after.Body, false)
	check("ContentType", before.ContentType, after.ContentType, before.ContentType == "")
	check("URL", before.URL, after.URL, before.URL == "")
	check("Source", before.Source, after.Source, before.Source == "")
	check("InputLanguage", before.InputLanguage, after.InputLanguage, before.InputLanguage == "")
	check("Title", before.Title, after.Title, before.Title == "")
	check("Authors", before.Authors, after.Authors, len(before.Authors) == 0)
	check("Metadata", before.Metadata, after.Metadata, before.Metadata == nil)
	check("PublishedAt", before.PublishedAt, after.PublishedAt, before.PublishedAt == nil)
	check("ReceivedAt", before.ReceivedAt, after.ReceivedAt, false)
	return diffs
}
