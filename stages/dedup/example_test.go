package dedup_test

import (
	"context"
	"fmt"
	"log"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/stages/dedup"
)

// A byline does not make a new story: the second article is an exact copy
// of the first and joins its cluster, while an unrelated story starts a
// cluster of its own. A MemStore keeps the state of one process; replicas
// share a JetStream KV bucket instead.
func Example() {
	s, err := dedup.New(dedup.DefaultConfig(), dedup.NewMemStore(0), prometheus.NewRegistry(), nil)
	if err != nil {
		log.Fatal(err)
	}
	const story = "The city council of Northbridge voted on Tuesday to close the old harbour bridge " +
		"to heavy traffic, after engineers found corrosion in two of its steel supports."
	for _, d := range []*pipeline.Doc{
		{ID: "wire-1", Text: story},
		{ID: "paper-7", Text: "By Anna Field\n\n" + story},
		{ID: "wire-2", Text: "Scientists at the Ravenhill Observatory have found a comet " +
			"that will pass closer to the sun than any seen in the last two centuries."},
	} {
		if err := s.Process(context.Background(), d); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s, cluster %s\n", d.ID, d.Dedup.Kind, d.Dedup.ClusterID)
	}
	// Output:
	// wire-1: original, cluster wire-1
	// paper-7: exact, cluster wire-1
	// wire-2: original, cluster wire-2
}
