package prometheus

import (
	"testing"

	"github.com/newsflow/newsflow/deploy/internal/rules"
)

// knownMetrics returns the metric families a rule may read (rules.Known),
// after checking that the registry it builds is newsflow's.
func knownMetrics(t *testing.T) map[string]bool {
	t.Helper()
	known, err := rules.Known(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"newsflow_articles_processed_total", "newsflow_nats_connected", "newsflow_dedup_store_available", "go_goroutines"} {
		if !known[want] {
			t.Fatalf("the registry of a processor has no %s: %v", want, known)
		}
	}
	return known
}
