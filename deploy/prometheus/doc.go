// Package prometheus holds the tests of the alert rules in alerts.yml and
// of the Grafana dashboard's queries: each parses as Prometheus parses it,
// reads only metrics that newsflow registers or that
// prometheus-nats-exporter exposes, and each alert has a severity, a
// summary, a description and a runbook in deploy/runbooks/. promtool's
// unit tests (alerts_test.yml, run by deploy/check.sh) check when each
// alert fires.
package prometheus
