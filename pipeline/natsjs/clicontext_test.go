package natsjs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadCLISettings(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, ".config", "nats", "context")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("prod", `{"description":"production","url":"nats://a:4222,nats://b:4222","user":"app","password":"env://APP_PW",`+
		`"ca":"~/ca.pem","cert":"$CERTS/app.pem","key":"file://$CERTS/app-key.pem","color_scheme":"dark"}`)
	write("creds", `{"creds":"/etc/nats/app.creds"}`)
	write("domain", `{"url":"nats://x:4222","jetstream_domain":"hub"}`)
	write("nsc", `{"nsc":"nsc://op/acct/user"}`)
	write("broken", `{"url":`)
	env := map[string]string{"HOME": home, "APP_PW": "s3cret", "CERTS": "/certs"}
	getenv := func(over map[string]string) func(string) string {
		return func(k string) string {
			if v, ok := over[k]; ok {
				return v
			}
			return env[k]
		}
	}
	tests := []struct {
		name    string
		context string
		env     map[string]string
		want    CLISettings
		wantErr string
	}{
		{"nothing", "", nil, CLISettings{}, ""},
		{"environment alone", "", map[string]string{"NATS_URL": "nats://e:4222", "NATS_CREDS": "/e.creds"},
			CLISettings{URL: "nats://e:4222", Auth: AuthConfig{CredsFile: "/e.creds"}}, ""},
		{"context", "prod", nil, CLISettings{Context: "prod", URL: "nats://a:4222,nats://b:4222",
			Auth: AuthConfig{User: "app", Password: "s3cret"},
			TLS:  TLSConfig{CAFile: home + "/ca.pem", CertFile: "/certs/app.pem", KeyFile: "/certs/app-key.pem"}}, ""},
		{"context from NATS_CONTEXT", "", map[string]string{"NATS_CONTEXT": "creds"},
			CLISettings{Context: "creds", URL: "nats://127.0.0.1:4222", Auth: AuthConfig{CredsFile: "/etc/nats/app.creds"}}, ""},
		{"environment over context", "prod", map[string]string{"NATS_URL": "nats://e:4222", "NATS_CA": "/e-ca.pem"},
			CLISettings{Context: "prod", URL: "nats://e:4222", Auth: AuthConfig{User: "app", Password: "s3cret"},
				TLS: TLSConfig{CAFile: "/e-ca.pem", CertFile: "/certs/app.pem", KeyFile: "/certs/app-key.pem"}}, ""},
		{"context path", filepath.Join(dir, "creds.json"), nil,
			CLISettings{Context: filepath.Join(dir, "creds.json"), URL: "nats://127.0.0.1:4222", Auth: AuthConfig{CredsFile: "/etc/nats/app.creds"}}, ""},
		{"XDG_CONFIG_HOME", "creds", map[string]string{"XDG_CONFIG_HOME": t.TempDir()}, CLISettings{}, "no file"},
		{"missing", "nope", nil, CLISettings{}, `nats context "nope": no file`},
		{"unset secret", "prod", map[string]string{"APP_PW": ""}, CLISettings{}, "env://APP_PW: the variable is unset"},
		{"domain", "domain", nil, CLISettings{}, "sets jetstream_domain, which newsflow does not support"},
		{"nsc", "nsc", nil, CLISettings{}, "sets nsc"},
		{"broken", "broken", nil, CLISettings{}, "broken.json"},
		{"bad name", "../x", nil, CLISettings{}, "invalid name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadCLISettings(getenv(tt.env), tt.context)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadCLISettings(%q) = %+v, %v; want an error with %q", tt.context, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("LoadCLISettings(%q) = %+v, %v; want %+v", tt.context, got, err, tt.want)
			}
		})
	}
}

func TestCLISettingsApply(t *testing.T) {
	c := DefaultConfig()
	c.Auth.User = "kept"
	CLISettings{URL: "nats://x:4222", TLS: TLSConfig{CAFile: "/ca.pem"}}.Apply(&c)
	if c.URL != "nats://x:4222" || c.Auth.User != "kept" || c.TLS.CAFile != "/ca.pem" || c.Listen != DefaultConfig().Listen {
		t.Errorf("Apply = %+v; want url and ca set, the rest kept", c)
	}
}
