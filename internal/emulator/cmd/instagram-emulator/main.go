// Command instagram-emulator runs the Instagram Graph API emulator on a
// loopback address, for demos and for testing Terraform code offline.
//
//	instagram-emulator -listen 127.0.0.1:8080 -addr-file /tmp/emu.addr -seed-posts 20
//
// Webhook callbacks it may call: loopback addresses, and https hosts named by
// -webhook-allowed-hosts. For an https callback with a self-signed
// certificate, trust that certificate with -webhook-ca-file (or, for tests,
// accept any certificate on loopback with -webhook-insecure-loopback).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "instagram-emulator:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("instagram-emulator", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "loopback address to listen on (port 0 = any free port)")
	addrFile := fs.String("addr-file", "", "write the base URL here once listening")
	quota := fs.Int("quota", 0, "publishes allowed per 24 h (default 50)")
	videoPolls := fs.Int("video-polls", 0, "status reads a video container answers IN_PROGRESS (default 2; negative = 0)")
	imagePolls := fs.Int("image-polls", 0, "status reads an image container answers IN_PROGRESS (default 0)")
	seedPosts := fs.Int("seed-posts", 0, "give the seeded account this many older posts of every kind (images, reels, carousels, stories)")
	faultSeed := fs.Int64("fault-seed", 0, "seed of the random draws of faults injected with a probability")
	fixedClock := fs.Bool("fixed-clock", false, "start the clock at 2026-11-01T12:00:00Z (moved only by /_emulator/clock/advance) instead of the wall clock")
	legacyApp := fs.Bool("legacy-app", false, "behave as a Meta app created before 2026-11-04: accept multi-ID reads (GET /?ids=) and the other legacy Graph features that newer apps are refused")
	verbose := fs.Bool("v", false, "log every request (paths only, never tokens)")
	var allowedHosts hostList
	fs.Var(&allowedHosts, "webhook-allowed-hosts", "comma-separated hosts besides loopback addresses that webhook handshakes and deliveries may call (https only)")
	caFile := fs.String("webhook-ca-file", "", "PEM file of certificates to trust, besides the system's, when calling https webhook callbacks (a test CA, or a callback's self-signed certificate)")
	insecureLoopback := fs.Bool("webhook-insecure-loopback", false, "accept any certificate from https webhook callbacks on loopback addresses (self-signed test servers)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*listen); err != nil {
		return err
	}
	// Catch signals before announcing the address, so whoever waits for the
	// addr file can stop us cleanly right away.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	hookTLS, err := webhookTLS(*caFile)
	if err != nil {
		return err
	}
	opts := emulator.Options{
		QuotaTotal: *quota, VideoProcessingPolls: *videoPolls, ImageProcessingPolls: *imagePolls, FaultSeed: *faultSeed,
		LegacyApp: *legacyApp, WebhookAllowedHosts: allowedHosts, WebhookTLS: hookTLS, WebhookInsecureLoopback: *insecureLoopback,
	}
	if !*fixedClock {
		// The provider it serves runs on the wall clock (story expiry, the
		// time windows of moderation and of the duplicate check): agree with it.
		opts.Now = time.Now
	}
	if *verbose {
		opts.Logf = log.Printf
	}
	emu := emulator.New(opts)
	if _, err := emu.SeedPosts(emulator.DefaultAccountID, *seedPosts); err != nil {
		return err
	}

	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", *listen)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(base+"\n"), 0o600); err != nil {
			ln.Close()
			return err
		}
	}
	fmt.Printf(`Instagram Graph API emulator listening on %s
  account id           %s (@%s)
  page id              %s
  facebook token       %s   (Facebook Login behaviour)
  instagram token      %s   (Instagram Login behaviour)
  app id / app secret  %s / %s
  control plane        %s%s/state
`, base, emulator.DefaultAccountID, emulator.DefaultUsername, emulator.DefaultPageID,
		emulator.DefaultFacebookToken, emulator.DefaultInstagramToken,
		emulator.DefaultAppID, emulator.DefaultAppSecret, base, emulator.ControlPrefix)

	srv := &http.Server{Handler: emu.Handler(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Println("instagram-emulator: stopped")
	return nil
}

// checkLoopback refuses non-loopback listen addresses: the emulator has no
// real auth and must not be reachable from the network.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid -listen %q: %w", addr, err)
	}
	if !isLoopback(host) {
		return fmt.Errorf("-listen %q is not a loopback address (use 127.0.0.1 or [::1])", addr)
	}
	return nil
}
