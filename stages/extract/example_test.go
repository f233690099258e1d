package extract_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
	"github.com/newsflow/newsflow/stages/extract"
)

// The stage folds the ways a text names one person into one entity: the
// full name, the surname alone and a transliteration of it ("Vitkov" for
// "Witkoff") all become mentions of "Steve Witkoff". A mention's offsets
// are bytes of d.Text.
func Example() {
	s, err := extract.New(extract.DefaultConfig())
	if err != nil {
		log.Fatal(err)
	}
	d := &pipeline.Doc{
		Text: "Steve Witkoff met Vladimir Putin on Friday. " +
			"Kremlin spokesman Dmitry Peskov said Putin and Witkoff may meet again. " +
			"According to Al Jazeera, Vitkov is now a key figure in the talks.",
		Language:    event.Language{Code: "en"},
		PublishedAt: time.Date(2025, 4, 12, 9, 0, 0, 0, time.UTC),
	}
	if err := s.Process(context.Background(), d); err != nil {
		log.Fatal(err)
	}
	for _, e := range d.Entities {
		var mentions []string
		for _, m := range e.Mentions {
			mentions = append(mentions, fmt.Sprintf("%q", d.Text[m.Start:m.End]))
		}
		fmt.Printf("%s %s: %s\n", e.Type, e.Name, strings.Join(mentions, ", "))
	}
	// Output:
	// PER Steve Witkoff: "Steve Witkoff", "Witkoff", "Vitkov"
	// PER Vladimir Putin: "Vladimir Putin", "Putin"
	// ORG Kremlin: "Kremlin"
	// PER Dmitry Peskov: "Dmitry Peskov"
	// ORG Al Jazeera: "Al Jazeera"
}
