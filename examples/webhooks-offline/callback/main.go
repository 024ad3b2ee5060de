// Command callback is a tiny webhook endpoint for trying
// instagram_webhook_subscription offline against the emulator: https on a
// loopback address with a self-signed certificate it makes at start and
// writes to -cert-out, for the emulator to trust (-webhook-ca-file).
//
//	WEBHOOK_VERIFY_TOKEN=… INSTAGRAM_APP_SECRET=emulator-app-secret \
//	  go run ./examples/webhooks-offline/callback -listen 127.0.0.1:8443 -cert-out callback.pem
//
// It answers Meta's verification GET when hub.verify_token is
// WEBHOOK_VERIFY_TOKEN, and prints every event whose X-Hub-Signature-256
// is right for INSTAGRAM_APP_SECRET
// (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:8443", "loopback address to listen on")
	certOut := flag.String("cert-out", "callback.pem", "where to write the self-signed certificate (PEM) for the emulator to trust")
	flag.Parse()
	verifyToken, appSecret := os.Getenv("WEBHOOK_VERIFY_TOKEN"), os.Getenv("INSTAGRAM_APP_SECRET")
	if verifyToken == "" || appSecret == "" {
		log.Fatal("set WEBHOOK_VERIFY_TOKEN and INSTAGRAM_APP_SECRET")
	}
	cert, err := selfSigned(*certOut)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := tls.Listen("tcp", *listen, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("callback listening on https://%s/ (certificate in %s)\n", ln.Addr(), *certOut)
	srv := &http.Server{Handler: handler(verifyToken, appSecret), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.Serve(ln))
}

// handler answers the verification handshake and checks event signatures.
func handler(verifyToken, appSecret string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet: // verification: echo hub.challenge if the token is ours
			q := r.URL.Query()
			if q.Get("hub.mode") != "subscribe" || subtle.ConstantTimeCompare([]byte(q.Get("hub.verify_token")), []byte(verifyToken)) != 1 {
				http.Error(w, "unknown verify token", http.StatusForbidden)
				return
			}
			fmt.Println("verified a subscription")
			_, _ = io.WriteString(w, q.Get("hub.challenge"))
		case http.MethodPost: // an event: HMAC-SHA256 of the raw body with the app secret
			body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			mac := hmac.New(sha256.New, []byte(appSecret))
			mac.Write(body)
			if !hmac.Equal([]byte(r.Header.Get("X-Hub-Signature-256")), []byte("sha256="+hex.EncodeToString(mac.Sum(nil)))) {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			fmt.Printf("event: %s\n", body)
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	}
}

// selfSigned makes a certificate for 127.0.0.1, ::1 and localhost, valid a
// day, and writes it (not its key) to path.
func selfSigned(path string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "webhook callback (self-signed)"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // its own root: what -webhook-ca-file trusts
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
