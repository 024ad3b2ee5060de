// Command instagram-preview turns the JSON of `terraform show -json
// PLANFILE` into a pull-request comment (Markdown) and a self-contained
// HTML page that show every Instagram post the plan publishes, schedules,
// replaces or deletes as the post will look.
//
//	terraform plan -out plan.tfplan
//	terraform show -json plan.tfplan > plan.json
//	instagram-preview --html preview.html plan.json > comment.md
//
// From a clone of the provider's repository:
//
//	go run ./internal/preview/cmd/instagram-preview --html preview.html plan.json
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/preview"
)

// version is set by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Getenv)
	stop()
	var usage usageError
	switch {
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "instagram-preview:", err)
		os.Exit(2)
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "instagram-preview:", err)
		os.Exit(1)
	}
}

type usageError struct{ error }

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("instagram-preview", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: instagram-preview [flags] [PLAN.json]

Reads the JSON of 'terraform show -json PLANFILE' (from PLAN.json, or stdin
when it is absent or "-") and writes a Markdown pull-request comment that
shows every Instagram post the plan changes, and with --html a
self-contained HTML page.

Flags:
`)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), `
Environment (only with --account): INSTAGRAM_ACCESS_TOKEN (never printed),
INSTAGRAM_BASE_URL (default https://graph.facebook.com, or
https://graph.instagram.com for an IG… token), INSTAGRAM_API_VERSION.
`)
	}
	markdownPath := fs.String("markdown", "", "write the Markdown to this file instead of stdout")
	htmlPath := fs.String("html", "", "also write the HTML page to this file")
	account := fs.String("account", "", "Instagram user id whose current posts the grid shows, read (read only) from the Graph API")
	accountPosts := fs.Int("account-posts", preview.GridExisting, "how many current posts --account reads")
	quota := fs.Int("quota", 0, fmt.Sprintf("posts allowed per moving 24 hours (default: the plan's instagram_content_publishing_limit, else %d)", preview.DefaultQuota))
	maxLength := fs.Int("max-length", preview.MaxCommentLength, "most characters of Markdown (GitHub's comment limit)")
	dir := fs.String("dir", ".", "directory Terraform ran in (where video_file sizes are read)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if *showVersion {
		_, err := fmt.Fprintln(stdout, "instagram-preview", version)
		return err
	}
	if fs.NArg() > 1 {
		return usageError{fmt.Errorf("one plan at a time (got %d arguments)", fs.NArg())}
	}
	in, name := stdin, "stdin"
	if p := fs.Arg(0); p != "" && p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, p
	}
	plan, err := preview.ReadPlan(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	opts := preview.Options{Dir: *dir, Quota: *quota}
	if *account != "" {
		token := getenv("INSTAGRAM_ACCESS_TOKEN")
		if token == "" {
			return usageError{errors.New("--account needs INSTAGRAM_ACCESS_TOKEN in the environment")}
		}
		actx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		posts, err := preview.ReadAccount(actx, preview.AccountSource{
			BaseURL: getenv("INSTAGRAM_BASE_URL"), APIVersion: getenv("INSTAGRAM_API_VERSION"), Token: token,
			AccountID: *account, Limit: *accountPosts,
		})
		if err != nil {
			return err
		}
		opts.Account, opts.AccountSource = posts, "the Graph API (account "+*account+")"
	}
	pv := preview.Build(plan, opts)
	if *htmlPath != "" {
		if err := writeFile(*htmlPath, pv.HTML); err != nil {
			return err
		}
	}
	md := pv.Markdown(*maxLength)
	if *markdownPath != "" {
		return writeFile(*markdownPath, func(w io.Writer) error {
			_, err := io.WriteString(w, md)
			return err
		})
	}
	_, err = io.WriteString(stdout, md)
	return err
}

// writeFile writes a file whole or not at all (through a temporary file).
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(dirOf(path), ".instagram-preview-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i+1]
		}
	}
	return "."
}
