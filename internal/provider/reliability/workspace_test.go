package reliability

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// cliConfig is a CLI configuration whose dev_overrides install the bench's
// providers, and the environment every run starts from.
type cliConfig struct {
	tf  string
	env []string
}

func newCLIConfig(tb testing.TB, tf string, overrides map[string]string) *cliConfig {
	tb.Helper()
	var sb strings.Builder
	sb.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, addr := range sortedKeys(overrides) {
		fmt.Fprintf(&sb, "    %q = %q\n", addr, overrides[addr])
	}
	sb.WriteString("  }\n  direct {}\n}\n")
	path := filepath.Join(tb.TempDir(), "cli.tfrc")
	writeFile(tb, path, sb.String())
	return &cliConfig{tf: tf, env: append(cleanEnv(), "TF_CLI_CONFIG_FILE="+path, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
}

// cleanEnv is the process environment without what would change the
// measurement: log levels, GC settings, another CLI configuration, provider
// settings.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TF_LOG") || strings.HasPrefix(k, "TF_ACC") || strings.HasPrefix(k, "INSTAGRAM_") ||
			k == "GOGC" || k == "GOMEMLIMIT" || k == "TF_CLI_CONFIG_FILE" {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// providerSources are the source addresses of the providers the bench
// runs, by local name.
var providerSources = map[string]string{
	"instagram": "terraform-instagram/instagram",
	"minimal":   "bench/minimal",
	"floor":     "bench/floor",
}

// requiredProvider is the terraform block that requires one provider (only
// that one: the CLI starts every provider a configuration requires).
func requiredProvider(localName, source string) string {
	return fmt.Sprintf("terraform {\n  required_providers {\n    %s = { source = %q }\n  }\n}\n", localName, source)
}

// workspace is a working directory and what its runs need.
type workspace struct {
	dir string
	env []string
	emu *emulator.Server // nil without our provider
	n   int
}

// lazyWorkspace is a workspace set up on first use, so that rows left out
// by BENCH_ONLY cost nothing.
type lazyWorkspace struct {
	setup func(testing.TB) *workspace
	ws    *workspace
}

func (c *cliConfig) lazy(setup func(testing.TB) *workspace) *lazyWorkspace {
	return &lazyWorkspace{setup: setup}
}

// get sets the workspace up if needed (tb may be nil once it is).
func (l *lazyWorkspace) get(tb testing.TB) *workspace {
	if l.ws == nil {
		l.ws = l.setup(tb)
	}
	return l.ws
}

func (c *cliConfig) workspace(tb testing.TB, n int, files map[string]string) *workspace {
	tb.Helper()
	ws := &workspace{dir: tb.TempDir(), env: slices.Clone(c.env), n: n}
	for name, content := range files {
		writeFile(tb, filepath.Join(ws.dir, name), content)
	}
	return ws
}

// startEmulator gives the workspace an emulator on 127.0.0.1 and points the
// provider at it. Its call budgets are out of reach: the bench measures CPU,
// BenchmarkRefresh measures throttling.
func (ws *workspace) startEmulator(tb testing.TB) {
	tb.Helper()
	ws.emu = emulator.New(emulator.Options{Now: time.Now, FractionalRegain: true, AppCallBudget: 1 << 30, AccountCallBudget: 1 << 30})
	srv := httptest.NewServer(ws.emu.Handler())
	tb.Cleanup(srv.Close)
	ws.env = append(ws.env, "INSTAGRAM_BASE_URL="+srv.URL, "INSTAGRAM_ACCESS_TOKEN="+emulator.DefaultFacebookToken,
		"INSTAGRAM_ACCOUNT_ID="+emulator.DefaultAccountID)
}

func (ws *workspace) mustRun(tb testing.TB, tf string, args ...string) {
	tb.Helper()
	if s := runProbed(tb, tf, ws.dir, ws.env, args...); s.err != nil {
		tb.Fatalf("%s: %v\n%s", strings.Join(args, " "), s.err, s.output)
	}
}

func (ws *workspace) removeState(tb testing.TB) {
	tb.Helper()
	if err := os.Remove(filepath.Join(ws.dir, "terraform.tfstate")); err != nil && !os.IsNotExist(err) {
		tb.Fatal(err)
	}
}

// stateSize is the size of the state file (0 without one).
func (ws *workspace) stateSize() int64 {
	fi, err := os.Stat(filepath.Join(ws.dir, "terraform.tfstate"))
	if err != nil {
		return 0
	}
	return fi.Size()
}

// mediaConfig is N instagram_media as a configuration describes posts
// seeded with SeedImagePosts; the floors take the same configuration.
func mediaConfig(localName, source string, n int) string {
	return requiredProvider(localName, source) + fmt.Sprintf(`
resource "%s_media" "post" {
  count           = %d
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/${count.index + 1}.jpg"
  caption         = "Seeded post ${count.index + 1}"
  deletion_policy = "retain"
}
`, localName, n)
}

// importBlocks adopts the ids into <resourceType>.post[first+i].
func importBlocks(resourceType string, ids []string, first int) string {
	return fmt.Sprintf(`
locals {
  ids = [%s]
}

import {
  for_each = { for i, id in local.ids : id => i + %d }
  to       = %s.post[each.value]
  id       = each.key
}
`, quoteAll(ids), first, resourceType)
}

func quoteAll(ids []string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = strconv.Quote(id)
	}
	return strings.Join(quoted, ", ")
}

// seededWorkspace is an empty workspace and an emulator whose account has
// N image posts (SeedImagePosts), whose ids it returns.
func (c *cliConfig) seededWorkspace(tb testing.TB, n int) (*workspace, []string) {
	tb.Helper()
	ws := c.workspace(tb, n, nil)
	ws.startEmulator(tb)
	ids, err := ws.emu.SeedImagePosts(emulator.DefaultAccountID, "https://cdn.example.com/%d.jpg", n)
	if err != nil {
		tb.Fatal(err)
	}
	return ws, ids
}

// mediaWorkspace is N seeded posts, described by the configuration, for
// the provider installed at source; with imported, they are also in the
// state (adopted with import blocks, which the configuration then drops),
// otherwise the configuration imports them.
func (c *cliConfig) mediaWorkspace(tb testing.TB, source string, n int, imported bool) *workspace {
	tb.Helper()
	ws, ids := c.seededWorkspace(tb, n)
	main := filepath.Join(ws.dir, "main.tf")
	if !imported {
		writeFile(tb, main, mediaConfig("instagram", source, n)+importBlocks("instagram_media", ids, 0))
		return ws
	}
	// Adopt them by chunks: the CLI's import apply grows faster than N.
	for from := 0; from < n; from += adoptChunk {
		to := min(n, from+adoptChunk)
		writeFile(tb, main, mediaConfig("instagram", source, to)+importBlocks("instagram_media", ids[from:to], from))
		ws.mustRun(tb, c.tf, "apply", "-auto-approve", "-input=false", "-parallelism=10", "-refresh=false")
	}
	writeFile(tb, main, mediaConfig("instagram", source, n))
	return ws
}

// adoptChunk is how many posts one setup apply adopts.
const adoptChunk = 500

// baselineConfig is N resources of a baseline provider, with the same inputs
// as the instagram_media configuration when it has instagram_media's schema.
func baselineConfig(p baselineProvider, n int) string {
	if p.typeName == "floor" {
		return mediaConfig(p.typeName, p.source, n)
	}
	return requiredProvider(p.typeName, p.source) + fmt.Sprintf(`
resource %q "post" {
  count = %d
  name  = "post-${count.index + 1}"
  value = "https://cdn.example.com/${count.index + 1}.jpg"
  note  = "Seeded post ${count.index + 1}"
}
`, p.resourceType, n)
}

// baselineWorkspace is N resources of a baseline provider, created.
func (c *cliConfig) baselineWorkspace(tb testing.TB, p baselineProvider, n int) *workspace {
	tb.Helper()
	ws := c.workspace(tb, n, map[string]string{"main.tf": baselineConfig(p, n)})
	ws.mustRun(tb, c.tf, "apply", "-auto-approve", "-input=false", "-parallelism=10")
	return ws
}

// baselineImportWorkspace is a configuration that imports N resources of a
// baseline provider (the ids are anything: import takes them as they are).
func (c *cliConfig) baselineImportWorkspace(tb testing.TB, p baselineProvider, n int) *workspace {
	tb.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = strconv.Itoa(17_900_000_000_000_000 + i)
	}
	return c.workspace(tb, n, map[string]string{"main.tf": baselineConfig(p, n) + importBlocks(p.resourceType, ids, 0)})
}

// dataWorkspace is Terraform's own cost: N terraform_data, no provider.
func (c *cliConfig) dataWorkspace(tb testing.TB, n int) *workspace {
	tb.Helper()
	ws := c.workspace(tb, n, map[string]string{"main.tf": fmt.Sprintf("resource \"terraform_data\" \"r\" {\n  count = %d\n  input = count.index\n}\n", n)})
	ws.mustRun(tb, c.tf, "init", "-input=false")
	ws.mustRun(tb, c.tf, "apply", "-auto-approve", "-input=false")
	return ws
}

// queryWorkspace is an account of N posts of every kind (SeedPosts) and a
// query that lists them all.
func (c *cliConfig) queryWorkspace(tb testing.TB, n int) *workspace {
	tb.Helper()
	ws := c.workspace(tb, n, map[string]string{
		"main.tf": requiredProvider("instagram", providerSources["instagram"]),
		"all.tfquery.hcl": fmt.Sprintf(`
list "instagram_media" "all" {
  provider = instagram
  limit    = %d
}
`, n),
	})
	ws.startEmulator(tb)
	if _, err := ws.emu.SeedPosts(emulator.DefaultAccountID, n); err != nil {
		tb.Fatal(err)
	}
	return ws
}

// supportsQuery: terraform query came with Terraform 1.14.
func (c *cliConfig) supportsQuery(tb testing.TB) bool {
	tb.Helper()
	ws := c.workspace(tb, 0, map[string]string{"main.tf": ""})
	return runProbed(tb, c.tf, ws.dir, ws.env, "query", "-help").err == nil
}

// The other resources, over the N posts of local.ids.
const (
	commentSettingsConfig = `
resource "instagram_comment_settings" "post" {
  count            = length(local.ids)
  media_id         = local.ids[count.index]
  comments_enabled = count.index % 2 == 0
}
`
	commentsConfig = `
resource "instagram_comment" "post" {
  count    = length(local.ids)
  media_id = local.ids[count.index]
  message  = "First comment on post ${count.index + 1} #launch"
}
`
)

// otherWorkspace is N seeded posts and the resources of cfg on them, created.
func (c *cliConfig) otherWorkspace(tb testing.TB, n int, cfg string) *workspace {
	tb.Helper()
	ws, ids := c.seededWorkspace(tb, n)
	writeFile(tb, filepath.Join(ws.dir, "main.tf"), requiredProvider("instagram", providerSources["instagram"])+
		"\nlocals {\n  ids = ["+quoteAll(ids)+"]\n}\n"+cfg)
	ws.mustRun(tb, c.tf, "apply", "-auto-approve", "-input=false", "-parallelism=10")
	return ws
}
