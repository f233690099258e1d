package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/segmentio/encoding/json"

	"github.com/newsflow/newsflow/pipeline"
)

// EnvPrefix starts every environment variable newsflow reads. The rest of
// the name is the field's path in upper case with dots as underscores:
// runner.max_in_flight is NEWSFLOW_RUNNER_MAX_IN_FLIGHT.
const EnvPrefix = "NEWSFLOW_"

// EnvConfig names the configuration file when no other is given.
const EnvConfig = "NEWSFLOW_CONFIG"

// Load returns the defaults overridden by the file at path (or, when path
// is empty, the one NEWSFLOW_CONFIG names, if any), then by the NEWSFLOW_*
// variables of environ (KEY=value strings). It does not validate: flags may
// still change the result.
func Load(path string, environ []string) (Config, error) {
	return LoadOver(Default(), path, environ)
}

// LoadOver is Load from base rather than the defaults: base holds what
// comes before the file, such as the nats CLI's connection settings.
func LoadOver(base Config, path string, environ []string) (Config, error) {
	cfg := base
	if path == "" {
		path = LookupEnv(environ, EnvConfig)
	}
	if path != "" {
		if err := LoadFile(path, &cfg); err != nil {
			return cfg, fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := ApplyEnv(&cfg, environ); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// LookupEnv returns the value of the last variable called name in environ,
// or "".
func LookupEnv(environ []string, name string) string {
	for i := len(environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(environ[i], "="); ok && k == name {
			return v
		}
	}
	return ""
}

// ApplyEnv sets the fields of cfg named by NEWSFLOW_* variables in environ
// (KEY=value strings). A value is read as JSON when it parses as the
// field's type, else as a string; a list also reads as comma-separated
// values. Unknown NEWSFLOW_ variables are errors, like unknown fields.
func ApplyEnv(cfg *Config, environ []string) error {
	fields := make(map[string]envField)
	collectEnvFields(reflect.ValueOf(cfg).Elem(), "", fields)
	var errs pipeline.FieldErrors
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, EnvPrefix) || name == EnvConfig {
			continue
		}
		f, ok := fields[name]
		if !ok {
			errs.Add(name, value, "unknown variable: "+suggest(name, fields))
			continue
		}
		if err := setFromString(f.value, value); err != nil {
			errs.Add(f.path+" ("+name+")", value, err.Error())
		}
	}
	return errs.Err()
}

type envField struct {
	path  string
	value reflect.Value
}

func collectEnvFields(v reflect.Value, path string, out map[string]envField) {
	t := v.Type()
	for name, f := range jsonFields(t) {
		p := join(path, name)
		fv := v.FieldByIndex(f.Index)
		if fv.Kind() == reflect.Struct {
			collectEnvFields(fv, p, out)
			continue
		}
		out[EnvPrefix+strings.ToUpper(strings.ReplaceAll(p, ".", "_"))] = envField{path: p, value: fv}
	}
}

func setFromString(v reflect.Value, s string) error {
	p := reflect.New(v.Type())
	if err := json.Unmarshal([]byte(s), p.Interface()); err == nil {
		v.Set(p.Elem())
		return nil
	}
	quoted, _ := json.Marshal(s)
	if err := json.Unmarshal(quoted, p.Interface()); err == nil {
		v.Set(p.Elem())
		return nil
	}
	if v.Kind() == reflect.Slice {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		list, _ := json.Marshal(parts)
		if err := json.Unmarshal(list, p.Interface()); err == nil {
			v.Set(p.Elem())
			return nil
		}
	}
	return fmt.Errorf("not a valid %s", v.Type())
}

// suggest names the known variable closest to name, for typos.
func suggest(name string, fields map[string]envField) string {
	best, bestDist := "", 4
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if d := editDistance(name, n); d < bestDist {
			best, bestDist = n, d
		}
	}
	if best == "" {
		return "see 'newsflow run --help' for the list"
	}
	return "did you mean " + best + "?"
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
