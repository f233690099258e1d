// Package grafana holds the test of the Grafana dashboard newsflow.json.
package grafana

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/deploy/internal/rules"
)

type dashboard struct {
	UID        string  `json:"uid"`
	Title      string  `json:"title"`
	Panels     []panel `json:"panels"`
	Templating struct {
		List []variable `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID         int         `json:"id"`
	Type       string      `json:"type"`
	Title      string      `json:"title"`
	Datasource *datasource `json:"datasource"`
	Panels     []panel     `json:"panels"`
	Targets    []struct {
		RefID      string      `json:"refId"`
		Expr       string      `json:"expr"`
		Datasource *datasource `json:"datasource"`
	} `json:"targets"`
}

type datasource struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

type variable struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Query any    `json:"query"`
}

// builtins are Grafana's own variables, with a value for parsing.
var builtins = map[string]string{"__rate_interval": "5m", "__interval": "1m", "__range": "1h"}

var (
	varRef      = regexp.MustCompile(`\$\{?(\w+)\}?`)
	labelValues = regexp.MustCompile(`^label_values\((.+),\s*\w+\)$`)
)

// TestDashboard checks deploy/grafana/newsflow.json: panel ids unique;
// a data source variable that every panel and query uses, and job and
// namespace variables; every query, with its variables given values,
// parses as PromQL and reads only metrics newsflow registers or the nats
// exporter exposes.
func TestDashboard(t *testing.T) {
	data, err := os.ReadFile("newsflow.json")
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.UID == "" || d.Title == "" {
		t.Errorf("uid %q, title %q; want both", d.UID, d.Title)
	}
	values := map[string]string{}
	for k, v := range builtins {
		values[k] = v
	}
	types := map[string]string{}
	for _, v := range d.Templating.List {
		types[v.Name] = v.Type
		values[v.Name] = "x"
	}
	values["namespace"] = ".*"
	if types["datasource"] != "datasource" || types["job"] != "query" || types["namespace"] != "query" {
		t.Errorf("variables %v; want datasource (a data source), job and namespace (queries)", types)
	}
	known, err := rules.Known(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	check := func(where, query string) {
		t.Helper()
		for _, m := range varRef.FindAllStringSubmatch(query, -1) {
			if _, ok := values[m[1]]; !ok {
				t.Errorf("%s: $%s is no variable of the dashboard", where, m[1])
			}
		}
		expr := varRef.ReplaceAllStringFunc(query, func(ref string) string {
			return values[varRef.FindStringSubmatch(ref)[1]]
		})
		names, err := rules.Metrics(expr)
		if err != nil {
			t.Errorf("%s: %v", where, err)
		}
		for _, n := range names {
			if !known[rules.Family(n, known)] {
				t.Errorf("%s reads %s, which neither newsflow nor the nats exporter exposes", where, n)
			}
		}
	}
	for _, v := range d.Templating.List {
		if q, ok := v.Query.(map[string]any); ok {
			s, _ := q["query"].(string)
			m := labelValues.FindStringSubmatch(s)
			if m == nil {
				t.Errorf("variable %s: query %q; want label_values(selector, label)", v.Name, s)
				continue
			}
			check("variable "+v.Name, m[1])
		}
	}
	ids := map[int]string{}
	var walk func([]panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			if other, ok := ids[p.ID]; ok || p.ID == 0 {
				t.Errorf("panel %q has id %d, as %q does", p.Title, p.ID, other)
			}
			ids[p.ID] = p.Title
			walk(p.Panels)
			if p.Type == "row" {
				continue
			}
			if p.Datasource == nil || p.Datasource.UID != "${datasource}" {
				t.Errorf("panel %q: datasource %+v; want the ${datasource} variable", p.Title, p.Datasource)
			}
			if len(p.Targets) == 0 {
				t.Errorf("panel %q has no query", p.Title)
			}
			for _, tg := range p.Targets {
				if tg.Datasource != nil && tg.Datasource.UID != "${datasource}" {
					t.Errorf("panel %q query %s: datasource %+v; want ${datasource}", p.Title, tg.RefID, tg.Datasource)
				}
				check("panel "+p.Title+" query "+tg.RefID, strings.TrimSpace(tg.Expr))
			}
		}
	}
	walk(d.Panels)
}
