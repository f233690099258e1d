package prometheus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/deploy/internal/rules"
)

// runbookSections are the headings every runbook has, in order.
var runbookSections = []string{"## Meaning", "## Impact", "## Diagnosis", "## Mitigation"}

// TestAlerts checks every alerting rule of alerts.yml: it parses as
// Prometheus parses it, reads only known metrics, and has a severity, a
// summary, a description and a runbook_url naming its runbook in
// deploy/runbooks/, which has the four sections.
func TestAlerts(t *testing.T) {
	f, err := rules.Load("alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	known := knownMetrics(t)
	alerts := f.Alerts()
	if len(alerts) == 0 {
		t.Fatal("no alerts in alerts.yml")
	}
	for _, r := range alerts {
		t.Run(r.Alert, func(t *testing.T) {
			names, err := rules.Metrics(r.Expr)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names {
				if !known[rules.Family(n, known)] {
					t.Errorf("expr reads %s, which neither newsflow nor the nats exporter exposes", n)
				}
			}
			switch r.Labels["severity"] {
			case "critical", "warning", "info":
			default:
				t.Errorf("severity = %q; want critical, warning or info", r.Labels["severity"])
			}
			for _, a := range []string{"summary", "description", "runbook_url"} {
				if r.Annotations[a] == "" {
					t.Errorf("no %s annotation", a)
				}
			}
			want := "/deploy/runbooks/" + r.Alert + ".md"
			if !strings.HasSuffix(r.Annotations["runbook_url"], want) {
				t.Errorf("runbook_url = %q; want one ending in %s", r.Annotations["runbook_url"], want)
			}
			doc, err := os.ReadFile(filepath.Join("..", "runbooks", r.Alert+".md"))
			if err != nil {
				t.Fatalf("runbook: %v", err)
			}
			at := 0
			for _, s := range runbookSections {
				i := strings.Index(string(doc[at:]), "\n"+s+"\n")
				if i < 0 {
					t.Errorf("runbook %s.md has no %q section after the previous one", r.Alert, s)
					break
				}
				at += i + 1
			}
		})
	}
}

// TestRunbooksHaveAlerts checks that every runbook belongs to an alert.
func TestRunbooksHaveAlerts(t *testing.T) {
	f, err := rules.Load("alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	alerts := make(map[string]bool)
	for _, r := range f.Alerts() {
		alerts[r.Alert] = true
	}
	files, err := filepath.Glob(filepath.Join("..", "runbooks", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if name := strings.TrimSuffix(filepath.Base(file), ".md"); !alerts[name] {
			t.Errorf("runbook %s has no alert %s in alerts.yml", file, name)
		}
	}
}
