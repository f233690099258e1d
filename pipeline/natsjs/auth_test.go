package natsjs_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// authServer starts a nats-server on a random port whose options set
// modifies (users, token, TLS), and returns its client URL.
func authServer(t *testing.T, set func(*server.Options)) string {
	t.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, NoSigs: true, NoLog: true}
	set(opts)
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	return srv.ClientURL()
}

func TestConnectAuth(t *testing.T) {
	withUser := func(o *server.Options) { o.Username, o.Password = "newsflow", "s3cret-pw" }
	withToken := func(o *server.Options) { o.Authorization = "s3cret-token" }
	tests := []struct {
		name   string
		server func(*server.Options)
		auth   natsjs.AuthConfig
		ok     bool
	}{
		{"user and password", withUser, natsjs.AuthConfig{User: "newsflow", Password: "s3cret-pw"}, true},
		{"wrong password", withUser, natsjs.AuthConfig{User: "newsflow", Password: "wrong-pw"}, false},
		{"no credentials", withUser, natsjs.AuthConfig{}, false},
		{"token", withToken, natsjs.AuthConfig{Token: "s3cret-token"}, true},
		{"wrong token", withToken, natsjs.AuthConfig{Token: "wrong-token"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := natsjs.DefaultConfig()
			cfg.URL, cfg.Auth = authServer(t, tt.server), tt.auth
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			nc, err := natsjs.Connect(cfg, natsjs.ConnectOptions{})
			if tt.ok {
				if err != nil || !nc.IsConnected() {
					t.Fatalf("Connect = %v; want a live connection", err)
				}
				nc.Close()
				return
			}
			if err == nil {
				nc.Close()
				t.Fatal("Connect with refused credentials = nil error; want one")
			}
			if !strings.Contains(err.Error(), "uthorization") {
				t.Errorf("Connect error = %q; want it to say authorization", err)
			}
			for _, secret := range []string{tt.auth.Password, tt.auth.Token, "s3cret"} {
				if secret != "" && strings.Contains(err.Error(), secret) {
					t.Errorf("Connect error %q shows a secret", err)
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Connect took %v to give up; want one attempt", d)
			}
		})
	}
}

func TestConnectTLS(t *testing.T) {
	dir := t.TempDir()
	ca, caKey := newCert(t, dir, "ca", nil, nil)
	newCert(t, dir, "server", ca, caKey)
	newCert(t, dir, "client", ca, caKey)
	url := authServer(t, func(o *server.Options) {
		tc, err := server.GenTLSConfig(&server.TLSConfigOpts{
			CertFile: filepath.Join(dir, "server.pem"), KeyFile: filepath.Join(dir, "server-key.pem"),
			CaFile: filepath.Join(dir, "ca.pem"), Verify: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		o.TLSConfig, o.TLSVerify, o.TLSTimeout = tc, true, 2
	})
	tests := []struct {
		name string
		tls  natsjs.TLSConfig
		ok   bool
	}{
		{"CA and client certificate", natsjs.TLSConfig{CAFile: filepath.Join(dir, "ca.pem"), CertFile: filepath.Join(dir, "client.pem"), KeyFile: filepath.Join(dir, "client-key.pem")}, true},
		{"no client certificate", natsjs.TLSConfig{CAFile: filepath.Join(dir, "ca.pem")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := natsjs.DefaultConfig()
			cfg.URL, cfg.TLS = strings.Replace(url, "nats://", "tls://", 1), tt.tls
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			if !tt.ok {
				// A refused handshake is not an authorization error: the
				// connection is retried in the background, and stays down.
				nc, err := natsjs.Connect(cfg, natsjs.ConnectOptions{})
				if err == nil {
					defer nc.Close()
					if nc.IsConnected() {
						t.Fatal("Connect without a client certificate is connected; want refused")
					}
				}
				return
			}
			nc, err := natsjs.Connect(cfg, natsjs.ConnectOptions{})
			if err != nil || !nc.IsConnected() {
				t.Fatalf("Connect over TLS = %v; want a live connection", err)
			}
			if state, err := nc.TLSConnectionState(); err != nil || len(state.PeerCertificates) == 0 {
				t.Errorf("connection TLS state = %v, %v; want the server's certificate", state, err)
			}
			nc.Close()
		})
	}
}

func TestAuthConfigValidate(t *testing.T) {
	tests := []struct {
		name  string
		cfg   natsjs.Config
		field string
	}{
		{"two methods", natsjs.Config{URL: "nats://h:4222", Name: "n", Auth: natsjs.AuthConfig{Token: "tok-9f3a", User: "u", Password: "pw-7c1e"}}, "auth"},
		{"user without password", natsjs.Config{URL: "nats://h:4222", Name: "n", Auth: natsjs.AuthConfig{User: "u"}}, "auth.user"},
		{"missing creds file", natsjs.Config{URL: "nats://h:4222", Name: "n", Auth: natsjs.AuthConfig{CredsFile: "/nonexistent/x.creds"}}, "auth.creds_file"},
		{"cert without key", natsjs.Config{URL: "nats://h:4222", Name: "n", TLS: natsjs.TLSConfig{CertFile: "/nonexistent/c.pem"}}, "tls.cert_file"},
		{"auth with the embedded server", natsjs.Config{Listen: "127.0.0.1:0", DataDir: "d", MaxPayload: 1 << 20, Name: "n", Auth: natsjs.AuthConfig{Token: "tok-9f3a"}}, "url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("Validate() = %v; want an error on %s", err, tt.field)
			}
			for _, secret := range []string{tt.cfg.Auth.Password, tt.cfg.Auth.Token} {
				if err != nil && secret != "" && strings.Contains(err.Error(), secret) {
					t.Errorf("Validate() = %v; shows a secret", err)
				}
			}
		})
	}
}

// newCert writes name.pem and name-key.pem to dir: a CA when parent is
// nil, else a certificate for 127.0.0.1 signed by it.
func newCert(t *testing.T, dir, name string, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: name},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	signer, signerKey := tmpl, key
	if parent == nil {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
	} else {
		signer, signerKey = parent, parentKey
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signer, &key.PublicKey, signerKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	write := func(file, typ string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, file), pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b}), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(name+".pem", "CERTIFICATE", der)
	write(name+"-key.pem", "EC PRIVATE KEY", keyDER)
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert, key
}
