package config

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/segmentio/encoding/json"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// redacted stands for a secret in what is printed.
const redacted = "REDACTED"

// Redacted returns c with its secrets hidden: the password and token of
// nats.auth, and the credentials in nats.url.
func (c Config) Redacted() Config {
	if c.NATS.Auth.Password != "" {
		c.NATS.Auth.Password = redacted
	}
	if c.NATS.Auth.Token != "" {
		c.NATS.Auth.Token = redacted
	}
	c.NATS.URL = natsjs.RedactURL(c.NATS.URL)
	return c
}

// YAML returns c, secrets redacted, as a configuration file holds it:
// newsflow validate --print shows the configuration in effect this way,
// and the output loads back with --config.
func (c Config) YAML() ([]byte, error) {
	out, err := yaml.Marshal(c.Redacted())
	if err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	return out, nil
}

// EnvVar is one NEWSFLOW_* variable: its name, the field it sets and the
// field's default.
type EnvVar struct {
	Name, Path, Default string
}

// EnvVars lists every NEWSFLOW_* variable, by name.
func EnvVars() []EnvVar {
	fields := make(map[string]envField)
	def := Default()
	collectEnvFields(reflect.ValueOf(&def).Elem(), "", fields)
	out := make([]EnvVar, 0, len(fields))
	for name, f := range fields {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // "events.>", not "events.\u003e"
		if err := enc.Encode(f.value.Interface()); err != nil {
			b.WriteString("?")
		}
		out = append(out, EnvVar{Name: name, Path: f.path, Default: strings.TrimSpace(b.String())})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
