package events_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/events"
	"github.com/newsflow/newsflow/stages/extract"
)

// The events stage codes what the extract stage found: a meeting with its
// place and its date, "on Friday" resolved against the publication date;
// and a promise reported, coded as the speaker's intent to release
// (CAMEO 0353), which PLOVER counts as CONCEDE. "~" marks a date taken
// from the publication date.
func Example() {
	ctx := context.Background()
	x, err := extract.New(extract.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	s, err := events.New(events.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	d := &pipeline.Doc{
		Text: "Russian President Vladimir Putin met US envoy Steve Witkoff in Saint Petersburg on Friday. " +
			"The rebels said they will release the hostages.",
		PublishedAt: time.Date(2025, time.April, 12, 9, 0, 0, 0, time.UTC),
		Language:    event.Language{Code: "en"},
	}
	for _, st := range []pipeline.Stage{x, s} {
		if err := st.Process(ctx, d); err != nil {
			log.Fatal(err)
		}
	}
	for _, e := range d.Events {
		fmt.Printf("%s (CAMEO %s)\n", e.Summary(), e.CAMEO.Code)
	}
	// Output:
	// CONSULT Vladimir Putin (RUS GOV) → Steve Witkoff (USA GOV) @ Saint Petersburg 2025-04-11 (CAMEO 040)
	// CONCEDE rebels (REB) → hostages (CVL) ~2025-04-12 (CAMEO 0353)
}
