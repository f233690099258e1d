package natsjs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/segmentio/encoding/json"
)

// CLISettings are the connection settings of the nats CLI: a context
// (`nats context save`), then its NATS_* environment over it.
type CLISettings struct {
	// Context is the context read, "" if none.
	Context string
	URL     string
	Auth    AuthConfig
	TLS     TLSConfig
}

// cliContext is the part of a nats CLI context file newsflow reads, and
// what it refuses rather than ignore: a connection without them would go
// elsewhere, or as someone else.
type cliContext struct {
	URL      string `json:"url"`
	User     string `json:"user"`
	Password string `json:"password"`
	Token    string `json:"token"`
	Creds    string `json:"creds"`
	NKey     string `json:"nkey"`
	Cert     string `json:"cert"`
	Key      string `json:"key"`
	CA       string `json:"ca"`

	NSC          string `json:"nsc"`
	JSDomain     string `json:"jetstream_domain"`
	JSAPIPrefix  string `json:"jetstream_api_prefix"`
	InboxPrefix  string `json:"inbox_prefix"`
	UserJWT      string `json:"user_jwt"`
	UserSeed     string `json:"user_seed"`
	SocksProxy   string `json:"socks_proxy"`
	TLSFirst     bool   `json:"tls_first"`
	WinCertStore string `json:"windows_cert_store"`
}

// CLIContextEnv names the nats CLI's context in the environment, as
// --context does.
const CLIContextEnv = "NATS_CONTEXT"

// LoadCLISettings returns the connection the nats CLI would make: the
// context named by name, or by NATS_CONTEXT when name is empty, then the
// variables NATS_URL, NATS_USER, NATS_PASSWORD, NATS_TOKEN, NATS_CREDS,
// NATS_NKEY, NATS_CERT, NATS_KEY and NATS_CA over it. getenv reads the
// environment. A context is read only when named: the one `nats context
// select` chose is not, so that a program without settings keeps its
// default. Its file is $XDG_CONFIG_HOME/nats/context/<name>.json
// (~/.config when XDG_CONFIG_HOME is unset), or name itself when that is a
// path to a .json file. A context without a URL means nats.DefaultURL, as
// in the nats CLI. Paths in it may start with ~ and hold $VARIABLES;
// secrets may be env://VARIABLE references.
func LoadCLISettings(getenv func(string) string, name string) (CLISettings, error) {
	var s CLISettings
	if name == "" {
		name = getenv(CLIContextEnv)
	}
	if name != "" {
		c, err := readCLIContext(getenv, name)
		if err != nil {
			return s, err
		}
		s = CLISettings{Context: name, URL: c.URL,
			Auth: AuthConfig{CredsFile: c.Creds, NKeyFile: c.NKey, User: c.User, Password: c.Password, Token: c.Token},
			TLS:  TLSConfig{CAFile: c.CA, CertFile: c.Cert, KeyFile: c.Key}}
		if s.URL == "" {
			s.URL = nats.DefaultURL
		}
	}
	for _, v := range []struct {
		name string
		dst  *string
	}{
		{"NATS_URL", &s.URL}, {"NATS_USER", &s.Auth.User}, {"NATS_PASSWORD", &s.Auth.Password},
		{"NATS_TOKEN", &s.Auth.Token}, {"NATS_CREDS", &s.Auth.CredsFile}, {"NATS_NKEY", &s.Auth.NKeyFile},
		{"NATS_CERT", &s.TLS.CertFile}, {"NATS_KEY", &s.TLS.KeyFile}, {"NATS_CA", &s.TLS.CAFile},
	} {
		if val := getenv(v.name); val != "" {
			*v.dst = val
		}
	}
	return s, nil
}

// Apply sets what s sets in c.
func (s CLISettings) Apply(c *Config) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&c.URL, s.URL)
	set(&c.Auth.CredsFile, s.Auth.CredsFile)
	set(&c.Auth.NKeyFile, s.Auth.NKeyFile)
	set(&c.Auth.User, s.Auth.User)
	set(&c.Auth.Password, s.Auth.Password)
	set(&c.Auth.Token, s.Auth.Token)
	set(&c.TLS.CAFile, s.TLS.CAFile)
	set(&c.TLS.CertFile, s.TLS.CertFile)
	set(&c.TLS.KeyFile, s.TLS.KeyFile)
}

// CLIContextPath returns the file of the nats CLI context name.
func CLIContextPath(getenv func(string) string, name string) (string, error) {
	if strings.HasSuffix(name, ".json") && strings.ContainsRune(name, os.PathSeparator) {
		return name, nil
	}
	if name == "" || strings.Contains(name, "..") || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("nats context %q: invalid name", name)
	}
	root := getenv("XDG_CONFIG_HOME")
	if root == "" {
		home := getenv("HOME")
		if home == "" {
			var err error
			if home, err = os.UserHomeDir(); err != nil {
				return "", fmt.Errorf("nats context %q: %w", name, err)
			}
		}
		root = filepath.Join(home, ".config")
	}
	return filepath.Join(root, "nats", "context", name+".json"), nil
}

func readCLIContext(getenv func(string) string, name string) (cliContext, error) {
	var c cliContext
	path, err := CLIContextPath(getenv, name)
	if err != nil {
		return c, err
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, fmt.Errorf("nats context %q: no file %s (nats context ls lists them)", name, path)
	}
	if err != nil {
		return c, fmt.Errorf("nats context %q: %w", name, err)
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("nats context %q: %s: %w", name, path, err)
	}
	for _, u := range []struct{ field, value string }{
		{"nsc", c.NSC}, {"jetstream_domain", c.JSDomain}, {"jetstream_api_prefix", c.JSAPIPrefix},
		{"inbox_prefix", c.InboxPrefix}, {"user_jwt", c.UserJWT}, {"user_seed", c.UserSeed},
		{"socks_proxy", c.SocksProxy}, {"windows_cert_store", c.WinCertStore},
	} {
		if u.value != "" {
			return c, fmt.Errorf("nats context %q sets %s, which newsflow does not support", name, u.field)
		}
	}
	if c.TLSFirst {
		return c, fmt.Errorf("nats context %q sets tls_first, which newsflow does not support", name)
	}
	for _, p := range []*string{&c.Creds, &c.NKey, &c.Cert, &c.Key, &c.CA} {
		if *p, err = contextPath(getenv, *p); err != nil {
			return c, fmt.Errorf("nats context %q: %w", name, err)
		}
	}
	for _, p := range []*string{&c.Password, &c.Token} {
		if *p, err = contextSecret(getenv, *p); err != nil {
			return c, fmt.Errorf("nats context %q: %w", name, err)
		}
	}
	return c, nil
}

// contextPath resolves a file of a context as the nats CLI does:
// variables expanded, a leading ~ the home directory, file:// dropped.
func contextPath(getenv func(string) string, p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if scheme, _, ok := strings.Cut(p, "://"); ok && scheme != "file" {
		return "", fmt.Errorf("%s: only files are supported, not %s:// references", p, scheme)
	}
	p = os.Expand(strings.TrimPrefix(p, "file://"), getenv)
	if rest, ok := strings.CutPrefix(p, "~"); ok {
		p = getenv("HOME") + rest
	}
	return p, nil
}

// contextSecret resolves a password or token: itself, or the variable an
// env:// reference names.
func contextSecret(getenv func(string) string, v string) (string, error) {
	name, ok := strings.CutPrefix(v, "env://")
	if !ok {
		for _, scheme := range []string{"op://", "nsc://", "file://"} {
			if strings.HasPrefix(v, scheme) {
				return "", fmt.Errorf("%s references are not supported for secrets; use env://VARIABLE", scheme)
			}
		}
		return v, nil
	}
	if s := getenv(name); s != "" {
		return s, nil
	}
	return "", fmt.Errorf("secret reference env://%s: the variable is unset", name)
}
