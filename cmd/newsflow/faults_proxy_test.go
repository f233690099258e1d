package main

import (
	"io"
	"net"
	"regexp"
	"sync"
	"testing"
)

// freezeProxy forwards loopback TCP connections to target and can freeze
// them: a frozen connection stays open and moves no byte in either
// direction, as over a network path that silently stopped; thawed, it
// moves what was held, in order. Connections accepted while frozen are
// frozen too.
//
// For NATS routes it also learns the server on the dialling side of each
// connection, from the server_name of the INFO a route sends after its
// CONNECT, so that freezeNode can cut one node of a cluster off from the
// others while they still talk to each other.
type freezeProxy struct {
	ln     net.Listener
	target string
	// name is the server behind target ("" when it is not a route).
	name string

	mu     sync.Mutex
	frozen func(dialler string) bool // nil while thawed
	thawed chan struct{}             // closed at the next thaw
	conns  map[net.Conn]struct{}
}

// startFreezeProxy listens on a loopback port for connections to target,
// whose server is called name (for a route; else "").
func startFreezeProxy(t *testing.T, target, name string) *freezeProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &freezeProxy{ln: ln, target: target, name: name, thawed: make(chan struct{}), conns: make(map[net.Conn]struct{})}
	var wg sync.WaitGroup
	wg.Go(func() { p.serve(&wg) })
	t.Cleanup(func() {
		ln.Close()
		p.thaw()
		p.mu.Lock()
		for c := range p.conns {
			c.Close()
		}
		p.mu.Unlock()
		wg.Wait()
	})
	return p
}

// Addr is where the proxy listens, host:port.
func (p *freezeProxy) Addr() string { return p.ln.Addr().String() }

// freeze stops every connection.
func (p *freezeProxy) freeze() { p.freezeIf(func(string) bool { return true }) }

// freezeNode stops the connections between name and the proxy's server,
// whichever side dialled.
func (p *freezeProxy) freezeNode(name string) {
	p.freezeIf(func(dialler string) bool { return p.name == name || dialler == name })
}

func (p *freezeProxy) freezeIf(frozen func(dialler string) bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.frozen = frozen
}

// thaw lets every connection move again.
func (p *freezeProxy) thaw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.frozen != nil {
		p.frozen = nil
		close(p.thawed)
		p.thawed = make(chan struct{})
	}
}

// pass waits while a connection from dialler is frozen; it reports false
// when the connection closed meanwhile.
func (p *freezeProxy) pass(dialler string, closed <-chan struct{}) bool {
	for {
		p.mu.Lock()
		frozen, thawed := p.frozen != nil && p.frozen(dialler), p.thawed
		p.mu.Unlock()
		if !frozen {
			return true
		}
		select {
		case <-thawed:
		case <-closed:
			return false
		}
	}
}

func (p *freezeProxy) serve(wg *sync.WaitGroup) {
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns[in], p.conns[out] = struct{}{}, struct{}{}
		p.mu.Unlock()
		closed := make(chan struct{})
		var once sync.Once
		done := func() {
			once.Do(func() {
				close(closed)
				in.Close()
				out.Close()
				p.mu.Lock()
				delete(p.conns, in)
				delete(p.conns, out)
				p.mu.Unlock()
			})
		}
		// Both pumps read the dialler's name; only the upstream one, which
		// sees the dialler's INFO, sets it.
		var mu sync.Mutex
		dialler := ""
		name := func() string {
			mu.Lock()
			defer mu.Unlock()
			return dialler
		}
		wg.Go(func() {
			defer done()
			p.pump(out, in, closed, name, func(b []byte) {
				mu.Lock()
				defer mu.Unlock()
				if dialler == "" {
					dialler = serverName(b)
				}
			})
		})
		wg.Go(func() {
			defer done()
			p.pump(in, out, closed, name, nil)
		})
	}
}

// pump copies from src to dst, each chunk once the connection may pass.
// seen, when set, is shown each chunk before it is held or passed.
func (p *freezeProxy) pump(dst io.Writer, src io.Reader, closed <-chan struct{}, dialler func() string, seen func([]byte)) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if seen != nil {
				seen(buf[:n])
			}
			if !p.pass(dialler(), closed) {
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// serverNameRE finds the server_name of a route's INFO.
var serverNameRE = regexp.MustCompile(`"server_name":"([^"]*)"`)

// serverName returns the server_name in a chunk of a route's protocol, or
// "".
func serverName(b []byte) string {
	if m := serverNameRE.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}
