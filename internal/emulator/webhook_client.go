package emulator

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"syscall"
	"time"
)

// What the emulator may call: handshakes and deliveries go to loopback
// addresses, or over https to Options.WebhookAllowedHosts, never anywhere else.

// callbackURL checks that the emulator may call the URL: http or https on a
// loopback host, or https on a host in Options.WebhookAllowedHosts. It never
// calls anything else.
func (s *Server) callbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		return nil, errors.New("must be an absolute https URL")
	}
	host := u.Hostname()
	switch {
	case isLoopbackHost(host):
	case slices.Contains(s.opts.WebhookAllowedHosts, host) && u.Scheme == "https":
	default:
		return nil, fmt.Errorf("host %q is not one the emulator may call (loopback, or https on Options.WebhookAllowedHosts)", host)
	}
	return u, nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newWebhookClient is Options.WebhookHTTPClient, or a client that only dials
// loopback addresses unless the host is explicitly allowed, and never follows
// redirects. New builds it once, so handshakes and deliveries share one
// transport and reuse its connections.
func newWebhookClient(opts Options) *http.Client {
	if opts.WebhookHTTPClient != nil {
		return opts.WebhookHTTPClient
	}
	d := &net.Dialer{Timeout: 5 * time.Second}
	allowed := opts.WebhookAllowedHosts
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		if slices.Contains(allowed, host) {
			return d.DialContext(ctx, network, addr)
		}
		ld := *d
		ld.Control = func(_, address string, _ syscall.RawConn) error { // after name resolution
			ip, _, _ := net.SplitHostPort(address)
			if p := net.ParseIP(ip); p == nil || !p.IsLoopback() {
				return fmt.Errorf("emulator: refusing to call non-loopback address %s", address)
			}
			return nil
		}
		return ld.DialContext(ctx, network, addr)
	}
	return &http.Client{
		Transport: &http.Transport{
			DialContext:     dial,
			DialTLSContext:  dialTLS(dial, opts),
			IdleConnTimeout: 90 * time.Second, // as http.DefaultTransport
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// dialTLS opens https connections to callbacks with Options.WebhookTLS,
// verifying the certificate unless Options.WebhookInsecureLoopback is set
// and the connection is to a loopback address.
func dialTLS(dial func(ctx context.Context, network, addr string) (net.Conn, error), opts Options) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		cfg := &tls.Config{MinVersion: tls.VersionTLS12}
		if opts.WebhookTLS != nil {
			cfg = opts.WebhookTLS.Clone()
		}
		if cfg.ServerName == "" {
			cfg.ServerName, _, _ = net.SplitHostPort(addr)
		}
		if tcp, ok := conn.RemoteAddr().(*net.TCPAddr); ok && opts.WebhookInsecureLoopback && tcp.IP.IsLoopback() {
			cfg.InsecureSkipVerify = true //nolint:gosec // Options.WebhookInsecureLoopback: self-signed test callbacks on this machine
		}
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, err
		}
		return tc, nil
	}
}
