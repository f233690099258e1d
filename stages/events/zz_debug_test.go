package events

import (
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile("/tmp/sents.txt")
	if err != nil {
		t.Skip()
	}
	s := newStage(t)
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		d := extracted(t, line)
		if err := s.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", line)
		for _, e := range d.Events {
			t.Logf("   %s  [%s %q conf %.2f]", e.Summary(), e.CAMEO.Code, e.Evidence.Trigger.Text, e.Confidence)
		}
		for _, e := range d.Entities {
			t.Logf("      ent %s %s %q", e.Type, e.Name, e.Role)
		}
	}
}
