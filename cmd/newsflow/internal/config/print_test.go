package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// TestYAMLRoundTrip prints a configuration and reads it back: the same
// configuration, but for its secrets, which are not printed.
func TestYAMLRoundTrip(t *testing.T) {
	c := Default().Resolved()
	c.Runner.Workers = 3
	c.Streams.Events.Subjects = []string{"a.>", "b.>"}
	c.NATS.URL = "nats://app:url-secret-1@nats-1:4222,nats://nats-2:4222"
	c.NATS.Auth = natsjs.AuthConfig{User: "app", Password: "pw-secret-2"}
	out, err := c.YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"url-secret-1", "pw-secret-2"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("YAML() shows the secret %q:\n%s", secret, out)
		}
	}
	var back Config
	if err := Decode(out, &back); err != nil {
		t.Fatalf("Decode(YAML()) = %v\n%s", err, out)
	}
	if want := c.Redacted(); !reflect.DeepEqual(back, want) {
		t.Errorf("Decode(YAML()) = %+v; want %+v", back, want)
	}
	if back.NATS.Auth.Password != redacted || !strings.Contains(back.NATS.URL, "REDACTED@nats-1") {
		t.Errorf("printed secrets = %q, %q; want them %s", back.NATS.Auth.Password, back.NATS.URL, redacted)
	}
}

func TestEnvVars(t *testing.T) {
	vars := EnvVars()
	byName := make(map[string]EnvVar)
	for _, v := range vars {
		byName[v.Name] = v
	}
	for _, want := range []EnvVar{
		{"NEWSFLOW_RUNNER_MAX_IN_FLIGHT", "runner.max_in_flight", "256"},
		{"NEWSFLOW_CONSUMER_ACK_WAIT", "consumer.ack_wait", `"30s"`},
		{"NEWSFLOW_SERVICE_SUBJECT_PREFIX", "service.subject_prefix", `"newsflow"`},
		{"NEWSFLOW_STREAMS_EVENTS_SUBJECTS", "streams.events.subjects", `["events.>"]`},
	} {
		if got := byName[want.Name]; got != want {
			t.Errorf("EnvVars()[%s] = %+v; want %+v", want.Name, got, want)
		}
	}
	// Every variable sets a field: ApplyEnv takes each one.
	for _, v := range vars {
		c := Default()
		if err := ApplyEnv(&c, []string{v.Name + "=" + v.Default}); err != nil {
			t.Errorf("ApplyEnv(%s=%s) = %v", v.Name, v.Default, err)
		}
	}
}
