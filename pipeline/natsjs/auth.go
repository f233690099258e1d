package natsjs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pipeline"
)

// AuthConfig is how newsflow proves who it is to an external server: at
// most one of a credentials file (JWT and NKey seed, as `nsc` writes
// them), an NKey seed file, user and password, or a token. Secrets are
// never logged or shown in errors; give them through files or the
// NEWSFLOW_NATS_AUTH_* environment rather than the config file.
type AuthConfig struct {
	CredsFile string `json:"creds_file"`
	NKeyFile  string `json:"nkey_file"`
	User      string `json:"user"`
	Password  string `json:"password"`
	Token     string `json:"token"`
}

// TLSConfig is the TLS of the connection to an external server: the CA
// that signed the server's certificate, and a client certificate when the
// server asks for one. With none of them set, TLS is used only when the
// URL says tls://.
type TLSConfig struct {
	CAFile   string `json:"ca_file"`
	CertFile string `json:"cert_file"`
	KeyFile  string `json:"key_file"`
}

// validate reports the invalid fields of a; values of secrets are never
// repeated.
func (a AuthConfig) validate(errs *pipeline.FieldErrors) {
	methods := 0
	for _, set := range []bool{a.CredsFile != "", a.NKeyFile != "", a.User != "" || a.Password != "", a.Token != ""} {
		if set {
			methods++
		}
	}
	if methods > 1 {
		errs.Add("auth", "(several)", "give one of creds_file, nkey_file, user and password, or token")
	}
	if (a.User == "") != (a.Password == "") {
		errs.Add("auth.user", a.User, "user and password go together")
	}
	checkFile(errs, "auth.creds_file", a.CredsFile)
	checkFile(errs, "auth.nkey_file", a.NKeyFile)
}

func (t TLSConfig) validate(errs *pipeline.FieldErrors) {
	if (t.CertFile == "") != (t.KeyFile == "") {
		errs.Add("tls.cert_file", t.CertFile, "cert_file and key_file go together")
	}
	checkFile(errs, "tls.ca_file", t.CAFile)
	checkFile(errs, "tls.cert_file", t.CertFile)
	checkFile(errs, "tls.key_file", t.KeyFile)
}

func checkFile(errs *pipeline.FieldErrors, field, path string) {
	if path == "" {
		return
	}
	if _, err := os.Stat(path); err != nil {
		reason := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error() // the path is shown already
		}
		errs.Add(field, path, "cannot be read: "+reason)
	}
}

// AuthOptions returns the nats.go options of the authentication and TLS
// of cfg, for clients that connect on their own (newsflow publish, tail).
func AuthOptions(c Config) ([]nats.Option, error) {
	var opts []nats.Option
	a, t := c.Auth, c.TLS
	switch {
	case a.CredsFile != "":
		opts = append(opts, nats.UserCredentials(a.CredsFile))
	case a.NKeyFile != "":
		o, err := nats.NkeyOptionFromSeed(a.NKeyFile)
		if err != nil {
			return nil, fmt.Errorf("nkey_file %s: %w", a.NKeyFile, err)
		}
		opts = append(opts, o)
	case a.User != "":
		opts = append(opts, nats.UserInfo(a.User, a.Password))
	case a.Token != "":
		opts = append(opts, nats.Token(a.Token))
	}
	if t.CAFile != "" {
		opts = append(opts, nats.RootCAs(t.CAFile))
	}
	if t.CertFile != "" {
		opts = append(opts, nats.ClientCert(t.CertFile, t.KeyFile))
	}
	return opts, nil
}

// isAuthError reports whether err says the server refused who we are:
// retrying will not help.
func isAuthError(err error) bool {
	return errors.Is(err, nats.ErrAuthorization) || errors.Is(err, nats.ErrAuthExpired) ||
		errors.Is(err, nats.ErrAuthRevoked) || errors.Is(err, nats.ErrAccountAuthExpired)
}
