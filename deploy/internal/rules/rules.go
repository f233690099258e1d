// Package rules reads Prometheus alerting rules and PromQL queries as
// Prometheus does, for the checks of deploy/: which metrics an expression
// reads, and which jobs it selects.
package rules

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
)

// Parser is the PromQL parser of a Prometheus with default options.
var Parser = parser.NewParser(parser.Options{})

// File is a rule file, parsed and validated as `promtool check rules`
// does (unknown fields are errors).
type File struct {
	Groups []rulefmt.RuleGroup
}

// Load reads and validates the rule file at path.
func Load(path string) (*File, error) {
	rgs, errs := rulefmt.ParseFile(path, false, model.UTF8Validation, Parser, slog.New(slog.DiscardHandler))
	if len(errs) > 0 {
		return nil, fmt.Errorf("load rules: %w", errors.Join(errs...))
	}
	return &File{Groups: rgs.Groups}, nil
}

// Alerts returns every alerting rule of f.
func (f *File) Alerts() []rulefmt.Rule {
	var out []rulefmt.Rule
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

// Jobs returns the values of the job matchers on the series called metric
// in every rule of f, sorted, without repeats.
func (f *File) Jobs(metric string) []string {
	var jobs []string
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			expr, err := Parser.ParseExpr(r.Expr)
			if err != nil {
				continue // Load has validated every expression
			}
			for _, vs := range Selectors(expr) {
				if vs.Name != metric {
					continue
				}
				for _, m := range vs.LabelMatchers {
					if m.Name == "job" && m.Type == labels.MatchEqual {
						jobs = append(jobs, m.Value)
					}
				}
			}
		}
	}
	slices.Sort(jobs)
	return slices.Compact(jobs)
}

// Selectors returns the vector selectors of expr.
func Selectors(expr parser.Expr) []*parser.VectorSelector {
	var out []*parser.VectorSelector
	parser.Inspect(expr, func(n parser.Node, _ []parser.Node) error {
		if vs, ok := n.(*parser.VectorSelector); ok {
			out = append(out, vs)
		}
		return nil
	})
	return out
}

// Metrics parses query and returns the names of the metrics it reads. A
// selector without a name is an error: the checks could not tell what it
// reads.
func Metrics(query string) ([]string, error) {
	expr, err := Parser.ParseExpr(query)
	if err != nil {
		return nil, fmt.Errorf("parse %q: %w", query, err)
	}
	var names []string
	for _, vs := range Selectors(expr) {
		if vs.Name == "" {
			return nil, fmt.Errorf("parse %q: a selector without a metric name", query)
		}
		names = append(names, vs.Name)
	}
	return names, nil
}

// Family returns the metric family a series name belongs to: a
// histogram's _bucket, _sum and _count series are the histogram's.
func Family(name string, histograms map[string]bool) string {
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && histograms[base] {
			return base
		}
	}
	return name
}
